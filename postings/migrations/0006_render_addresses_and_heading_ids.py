"""Bare addresses became links and headings got ids: render role descriptions again."""

from django.db import migrations

from lib.rerender import rerender
from taxonomy.notes.markdown import render_markdown


def render_again(apps, schema_editor):
    rerender(apps.get_model("postings", "Role"), "description", "description_html", render_markdown)


class Migration(migrations.Migration):
    dependencies = [("postings", "0005_company_kind")]

    operations = [migrations.RunPython(render_again, migrations.RunPython.noop)]
