"""Bare addresses became links and headings got ids: render the stored notes and lines again."""

from django.db import migrations

from lib.rerender import rerender
from taxonomy.notes.markdown import render_inline, render_markdown


def render_again(apps, schema_editor):
    rerender(apps.get_model("taxonomy", "ResearchArea"), "notes", "notes_html", render_markdown)
    rerender(apps.get_model("taxonomy", "Skill"), "text", "text_html", render_inline)


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0013_asked_technology")]

    operations = [migrations.RunPython(render_again, migrations.RunPython.noop)]
