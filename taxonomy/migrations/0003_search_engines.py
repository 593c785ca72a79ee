"""The engine-specific half of search, which model fields cannot express.

PostgreSQL: pg_trgm, a GIN index on the weighted vector, a trigram index on the words.
SQLite: an FTS5 table over the documents with bm25 weights (new documents are indexed in
bulk by taxonomy.search; triggers follow updates and deletions), and
a trigram FTS5 table over the words. Skills also get their HTML rendered once here.

SQLite rebuilds a table to alter it, which drops its triggers: a later migration that
alters taxonomy_searchdocument or taxonomy_searchword must create the triggers again.
"""

from django.db import migrations

from taxonomy.notes.markdown import render_inline

POSTGRESQL = [
    # Django's TrigramExtension cannot be reversed on SQLite; the extension stays on reverse.
    ("CREATE EXTENSION IF NOT EXISTS pg_trgm", None),
    (
        "CREATE INDEX taxonomy_searchdocument_vector ON taxonomy_searchdocument "
        "USING gin (vector)",
        "DROP INDEX IF EXISTS taxonomy_searchdocument_vector",
    ),
    (
        "CREATE INDEX taxonomy_searchword_trigram ON taxonomy_searchword "
        "USING gin (word gin_trgm_ops)",
        "DROP INDEX IF EXISTS taxonomy_searchword_trigram",
    ),
]

_FTS_COLUMNS = "title, keywords, body"
_OLD = "old.id, old.title, old.keywords, old.body"
_NEW = "new.id, new.title, new.keywords, new.body"
SQLITE = [
    (
        f"CREATE VIRTUAL TABLE taxonomy_searchdocument_fts USING fts5({_FTS_COLUMNS}, "
        "content='taxonomy_searchdocument', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 2', prefix='2 3')",
        "DROP TABLE IF EXISTS taxonomy_searchdocument_fts",
    ),
    (
        # Titles weigh ten times the body, keywords four times.
        "INSERT INTO taxonomy_searchdocument_fts(taxonomy_searchdocument_fts, rank) "
        "VALUES ('rank', 'bm25(10.0, 4.0, 1.0)')",
        None,
    ),
    (
        "CREATE TRIGGER taxonomy_searchdocument_fts_delete AFTER DELETE ON "
        "taxonomy_searchdocument BEGIN INSERT INTO taxonomy_searchdocument_fts"
        f"(taxonomy_searchdocument_fts, rowid, {_FTS_COLUMNS}) VALUES ('delete', {_OLD}); END",
        "DROP TRIGGER IF EXISTS taxonomy_searchdocument_fts_delete",
    ),
    (
        "CREATE TRIGGER taxonomy_searchdocument_fts_update AFTER UPDATE ON "
        "taxonomy_searchdocument BEGIN INSERT INTO taxonomy_searchdocument_fts"
        f"(taxonomy_searchdocument_fts, rowid, {_FTS_COLUMNS}) VALUES ('delete', {_OLD}); "
        f"INSERT INTO taxonomy_searchdocument_fts(rowid, {_FTS_COLUMNS}) VALUES ({_NEW}); END",
        "DROP TRIGGER IF EXISTS taxonomy_searchdocument_fts_update",
    ),
    (
        "CREATE VIRTUAL TABLE taxonomy_searchword_fts USING fts5(word, "
        "content='taxonomy_searchword', content_rowid='id', tokenize='trigram')",
        "DROP TABLE IF EXISTS taxonomy_searchword_fts",
    ),
    (
        "CREATE TRIGGER taxonomy_searchword_fts_insert AFTER INSERT ON taxonomy_searchword "
        "BEGIN INSERT INTO taxonomy_searchword_fts(rowid, word) VALUES (new.id, new.word); END",
        "DROP TRIGGER IF EXISTS taxonomy_searchword_fts_insert",
    ),
    (
        "CREATE TRIGGER taxonomy_searchword_fts_delete AFTER DELETE ON taxonomy_searchword "
        "BEGIN INSERT INTO taxonomy_searchword_fts(taxonomy_searchword_fts, rowid, word) "
        "VALUES ('delete', old.id, old.word); END",
        "DROP TRIGGER IF EXISTS taxonomy_searchword_fts_delete",
    ),
]

_STATEMENTS = {"postgresql": POSTGRESQL, "sqlite": SQLITE}


def _run(schema_editor, forwards: bool) -> None:
    statements = _STATEMENTS.get(schema_editor.connection.vendor, [])
    pairs = statements if forwards else reversed(statements)
    for create, drop in pairs:
        sql = create if forwards else drop
        if sql:
            schema_editor.execute(sql)


def create_engine_objects(apps, schema_editor):
    _run(schema_editor, forwards=True)


def drop_engine_objects(apps, schema_editor):
    _run(schema_editor, forwards=False)


def render_skills(apps, schema_editor):
    Skill = apps.get_model("taxonomy", "Skill")
    skills = list(Skill.objects.only("id", "text"))
    for skill in skills:
        skill.text_html = render_inline(skill.text)
    Skill.objects.bulk_update(skills, ["text_html"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0002_search_and_skill_html")]

    operations = [
        migrations.RunPython(create_engine_objects, drop_engine_objects),
        migrations.RunPython(render_skills, migrations.RunPython.noop),
    ]
