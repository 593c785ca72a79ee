"""On PostgreSQL an import that wrote rows leaves its tables vacuumed and analysed once it
commits, so that the first visits after it do not pay for what autovacuum would do later."""

import pytest
from django.db import connection

from taxonomy.notes.importer import VACUUMED
from tests.conftest import TOY_NOTES

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="VACUUM is PostgreSQL's"),
]


def vacuum_counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT relname, vacuum_count FROM pg_stat_user_tables WHERE relname = ANY(%s)",
            [list(VACUUMED)],
        )
        return dict(cursor.fetchall())


def test_an_import_vacuums_and_analyses_the_tables_it_wrote_after_it_commits(import_text):
    before = vacuum_counts()
    import_text(TOY_NOTES)
    after = vacuum_counts()
    assert set(after) == set(VACUUMED)
    assert all(after[table] > before.get(table, 0) for table in VACUUMED), (before, after)


def test_an_import_that_changes_nothing_vacuums_nothing(import_text):
    import_text(TOY_NOTES)
    before = vacuum_counts()
    import_text(TOY_NOTES)
    assert vacuum_counts() == before
