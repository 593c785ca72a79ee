"""Writes that the admin (and later the public site) make outside an import."""

from django.db import transaction

from taxonomy.models import ResearchArea
from taxonomy.notes.markdown import render_markdown


@transaction.atomic
def save_area(*, area: ResearchArea) -> ResearchArea:
    """Save an area edited by hand, rendering its notes once, here, to safe HTML."""
    area.notes_html = render_markdown(area.notes)
    area.save()
    return area
