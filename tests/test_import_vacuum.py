"""On PostgreSQL an import that wrote rows analyses its tables in its transaction and
vacuums them once it commits, so that neither the rest of the transaction nor the first
visits after it pay for what autovacuum would do later."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from taxonomy.notes.importer import BULK_WRITTEN, DERIVED, WRITTEN
from tests.conftest import TOY_NOTES

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="VACUUM is PostgreSQL's"),
]


def counts(column: str) -> dict[str, int]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            f"SELECT relname, {column} FROM pg_stat_user_tables WHERE relname = ANY(%s)",
            [list(BULK_WRITTEN)],
        )
        return dict(cursor.fetchall())


def test_an_import_analyses_and_then_vacuums_the_tables_it_wrote(import_text):
    before = {column: counts(column) for column in ("analyze_count", "vacuum_count")}
    import_text(TOY_NOTES)
    for column, was in before.items():
        now = counts(column)
        assert set(now) == set(BULK_WRITTEN)
        assert all(now[table] > was.get(table, 0) for table in BULK_WRITTEN), (column, was, now)


def test_an_import_that_changes_nothing_vacuums_nothing(import_text):
    import_text(TOY_NOTES)
    before = counts("vacuum_count"), counts("analyze_count")
    import_text(TOY_NOTES)
    assert (counts("vacuum_count"), counts("analyze_count")) == before


def test_what_an_import_wrote_is_analysed_before_the_index_counts_it(import_text):
    with CaptureQueriesContext(connection) as queries:
        import_text(TOY_NOTES)
    sql = [query["sql"] for query in queries]

    def first(start: str) -> int:
        return next(i for i, text in enumerate(sql) if text.startswith(start))

    counting = first(f"INSERT INTO {DERIVED[1]}")  # what each skill set asks for
    assert (
        first(f"ANALYZE {', '.join(WRITTEN)}") < counting < first(f"ANALYZE {', '.join(DERIVED)}")
    )
