from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
REAL_NOTES = FIXTURES / "notes.md"


@pytest.fixture(scope="session")
def real_notes_text() -> str:
    return REAL_NOTES.read_text(encoding="utf-8")


@pytest.fixture
def import_text(db):
    """Import notes text as a file named notes.md; returns the report."""
    from taxonomy.notes.importer import import_notes

    def run(text: str, **options):
        return import_notes(text=text, source_name="notes.md", **options)

    return run


@pytest.fixture
def real_notes(import_text, real_notes_text):
    """The database after importing the real notes file."""
    return import_text(real_notes_text)
