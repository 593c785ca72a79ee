"""Headings in stored Markdown start below the page's own and skip no level: render again."""

from django.db import migrations

from lib.rerender import rerender
from roadmaps.services import description_html


def render_again(apps, schema_editor):
    rerender(apps.get_model("roadmaps", "Roadmap"), "description", "description_html", description_html)


class Migration(migrations.Migration):
    dependencies = [("roadmaps", "0007_render_addresses_and_heading_ids")]

    operations = [migrations.RunPython(render_again, migrations.RunPython.noop)]
