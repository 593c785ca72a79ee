"""Search documents: ``keywords`` (other names, searched as written) become ``aliases``,
only shown; ``terms`` holds what is searched besides name and text (other names, a role's
company, a technology's category) as the engines are to read it ("C++" as cplusplus);
``names`` is what a query naming a document is compared with; ``text_key`` and the two
``represents`` flags make lines that read the same one result; ``shown`` keeps the body as
read, where the searched one differs.

SQLite: the FTS5 table is made again over title, body and terms (altering the documents'
table drops its triggers). Until ``manage.py sync_search_index`` writes the new columns,
each document is its own result, found by its name, text and other names as before.
"""

from django.db import migrations, models


def _fts(columns: list[str]) -> list[str]:
    """The FTS5 table over the documents' ``columns`` (bm25: title 10, body 1, others 4),
    the triggers that keep it in step with deletions and updates of those columns, its index
    built."""
    names = ", ".join(columns)
    old = ", ".join(f"old.{column}" for column in ["id", *columns])
    new = ", ".join(f"new.{column}" for column in ["id", *columns])
    weights = ", ".join({"title": "10.0", "body": "1.0"}.get(column, "4.0") for column in columns)
    table, fts = "taxonomy_searchdocument", "taxonomy_searchdocument_fts"
    return [
        f"CREATE VIRTUAL TABLE {fts} USING fts5({names}, content='{table}', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 2', prefix='2 3')",
        f"INSERT INTO {fts}({fts}, rank) VALUES ('rank', 'bm25({weights})')",
        f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', {old}); END",
        f"CREATE TRIGGER {fts}_update AFTER UPDATE OF {names} ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', {old}); "
        f"INSERT INTO {fts}(rowid, {names}) VALUES ({new}); END",
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
    ]


_DROP = [
    "DROP TRIGGER IF EXISTS taxonomy_searchdocument_fts_delete",
    "DROP TRIGGER IF EXISTS taxonomy_searchdocument_fts_update",
    "DROP TABLE IF EXISTS taxonomy_searchdocument_fts",
]
BEFORE = ["title", "keywords", "body"]
AFTER = ["title", "body", "terms"]


def _on_sqlite(schema_editor, statements: list[str]) -> None:
    if schema_editor.connection.vendor == "sqlite":
        for sql in statements:
            schema_editor.execute(sql)


def drop_index(apps, schema_editor):
    _on_sqlite(schema_editor, _DROP)


def index_before(apps, schema_editor):
    _on_sqlite(schema_editor, [*_DROP, *_fts(BEFORE)])


def index_after(apps, schema_editor):
    # Until the index is synced (both engines): each document its own result, found by its
    # other names as before.
    schema_editor.execute(
        "UPDATE taxonomy_searchdocument "
        "SET text_key = kind || ':' || CAST(object_id AS TEXT), terms = aliases"
    )
    _on_sqlite(schema_editor, _fts(AFTER))


class Migration(migrations.Migration):
    dependencies = [
        ("taxonomy", "0015_technology_category_labels"),
    ]

    operations = [
        # Reversed last, once the documents' table is as it was.
        migrations.RunPython(drop_index, index_before),
        migrations.RenameField(
            model_name="searchdocument",
            old_name="keywords",
            new_name="aliases",
        ),
        migrations.AlterField(
            model_name="searchdocument",
            name="aliases",
            field=models.TextField(blank=True, help_text="Its other names as written, between ; ."),
        ),
        migrations.AddField(
            model_name="searchdocument",
            name="names",
            field=models.TextField(
                blank=True,
                help_text="Its name and other names as compared with a query "
                "(taxonomy.search.index).",
            ),
        ),
        migrations.AddField(
            model_name="searchdocument",
            name="terms",
            field=models.TextField(blank=True),
        ),
        migrations.AddField(
            model_name="searchdocument",
            name="text_key",
            field=models.CharField(
                blank=True,
                help_text="Documents with the same key are one result: skill lines of the same "
                "text.",
                max_length=40,
            ),
        ),
        migrations.AddField(
            model_name="searchdocument",
            name="shown",
            field=models.TextField(blank=True, help_text="The body as read, where it differs."),
        ),
        migrations.AddField(
            model_name="searchdocument",
            name="represents",
            field=models.BooleanField(
                db_default=True,
                help_text="It is the result shown for all documents with its text_key.",
            ),
        ),
        migrations.AddField(
            model_name="searchdocument",
            name="represents_in_field",
            field=models.BooleanField(
                db_default=True, help_text="The same, among those of its top-level field."
            ),
        ),
        migrations.AddIndex(
            model_name="searchdocument",
            index=models.Index(
                fields=["text_key", "root_area"], name="taxonomy_searchdocument_text"
            ),
        ),
        migrations.RunPython(index_after, drop_index),
    ]
