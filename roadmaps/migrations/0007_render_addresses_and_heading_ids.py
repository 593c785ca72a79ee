"""Bare addresses became links and headings got ids: render roadmap descriptions again."""

from django.db import migrations

from lib.rerender import rerender
from taxonomy.notes.markdown import render_markdown


def render_again(apps, schema_editor):
    rerender(
        apps.get_model("roadmaps", "Roadmap"), "description", "description_html", render_markdown
    )


class Migration(migrations.Migration):
    dependencies = [("roadmaps", "0006_description_limit")]

    operations = [migrations.RunPython(render_again, migrations.RunPython.noop)]
