"""PostgreSQL: a GIN index on the vectors of the documents a search shows (``represents``).

A common word matches tens of thousands of documents at 100x the real notes, most of them
lines that read like another (one result for all of them); ranking read every one from the
table. Ranked over this index, a search reads only those it may show.
"""

from django.db import migrations


def _run(sql: str):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0020_tagged_skill_lines")]

    operations = [
        migrations.RunPython(
            _run(
                "CREATE INDEX taxonomy_searchdocument_shown ON taxonomy_searchdocument "
                "USING gin (vector) WHERE represents"
            ),
            _run("DROP INDEX IF EXISTS taxonomy_searchdocument_shown"),
        ),
    ]
