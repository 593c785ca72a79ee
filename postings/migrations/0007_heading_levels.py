"""Headings in stored Markdown start below the page's own and skip no level: render again."""

from django.db import migrations

from lib.rerender import rerender
from taxonomy.notes.markdown import render_markdown


def render_again(apps, schema_editor):
    rerender(apps.get_model("postings", "Role"), "description", "description_html", render_markdown)


class Migration(migrations.Migration):
    dependencies = [("postings", "0006_render_addresses_and_heading_ids")]

    operations = [migrations.RunPython(render_again, migrations.RunPython.noop)]
