"""`manage.py backup` and `restore`: every row people made, back as it was, searchable."""

import gzip
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from roadmaps.services import set_progress, set_step_note
from taxonomy.backup import kept_models, restore_backup, write_backup
from taxonomy.models import ResearchArea, SearchDocument, Technology
from taxonomy.search import search
from tests.conftest import FIXTURES

pytestmark = pytest.mark.django_db(transaction=True)


def snapshot() -> dict[str, list[dict]]:
    return {
        model._meta.label: list(model._base_manager.order_by("pk").values())
        for model in kept_models()
    }


def found(query: str) -> list[tuple[str, str, str]]:
    return [(hit.kind, hit.url, str(hit.snippet)) for hit in search(query).hits]


@pytest.fixture
def everything(roadmaps, people):
    """Notes, a saved posting, a curator's account, roadmaps with progress and a note."""
    from postings.importing import import_posting

    posting = FIXTURES / "postings" / "caddi-machine-learning-engineer.md"
    import_posting(text=posting.read_text(encoding="utf-8"), source_name=posting.name)
    private, _ = roadmaps
    kubernetes = Technology.objects.get(name="Kubernetes")
    set_progress(user=people[0], technology=kubernetes, status="working")
    set_step_note(step=private.steps.get(technology=kubernetes), note="CKAD *first*")
    return snapshot()


def test_a_backup_restored_into_a_new_database_gives_back_every_row_and_search(
    everything, tmp_path
):
    before_search = {query: found(query) for query in ("kubernetes", "platform", "caddi")}
    assert all(before_search.values())
    backup = tmp_path / "fieldnotes.json.gz"
    call_command("backup", str(backup))

    call_command("flush", interactive=False)  # a new database: only what migrate makes
    assert not ResearchArea.objects.exists() and not SearchDocument.objects.exists()
    call_command("restore", str(backup))

    assert snapshot() == everything
    assert {query: found(query) for query in before_search} == before_search
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:  # raises if the FTS5 index disagrees with rows
            for table in ("taxonomy_searchdocument_fts", "taxonomy_searchword_fts"):
                cursor.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")


def test_restore_refuses_a_database_that_already_holds_data(everything, tmp_path):
    backup = tmp_path / "fieldnotes.json.gz"
    write_backup(backup)
    with pytest.raises(CommandError, match=r"already holds data \(.* rows of .*\); restore into"):
        call_command("restore", str(backup))
    assert snapshot() == everything


def test_a_restore_that_fails_halfway_leaves_the_database_empty(db, tmp_path):
    backup = tmp_path / "broken.json.gz"
    rows = [
        {"model": "taxonomy.researcharea", "pk": 1, "fields": {"name": "EDA", "slug": "eda"}},
        {"model": "postings.role", "pk": 1, "fields": {"title": "Verifier", "area": 999}},
    ]
    with gzip.open(backup, "wt", encoding="utf-8") as out:
        json.dump(rows, out)
    with pytest.raises(CommandError, match=r"broken.json.gz: cannot be restored here \("):
        call_command("restore", str(backup))
    assert not ResearchArea.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.json.gz", None, "no such backup file"),
        ("notes.md", b"# notes", "a backup's name ends in .json.gz"),
        ("plain.json.gz", b"[]", r"not a Fieldnotes backup \(Not a gzipped file"),
        (
            "cut.json.gz",
            gzip.compress(b'[{"model": "taxonomy.research', mtime=0),
            "not a Fieldnotes",
        ),
    ],
)
def test_restore_says_in_one_line_what_is_wrong_with_the_file(db, tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(CommandError, match=message) as error:
        call_command("restore", str(path))
    assert "\n" not in str(error.value)


def test_a_dry_run_restore_loads_nothing(everything, tmp_path):
    backup = tmp_path / "fieldnotes.json.gz"
    write_backup(backup)
    call_command("flush", interactive=False)
    call_command("restore", str(backup), "--dry-run")
    assert not ResearchArea.objects.exists()
    restore_backup(backup)
    assert snapshot() == everything


def test_a_backup_that_cannot_be_written_leaves_no_file(everything, tmp_path):
    target = tmp_path / "no-such-folder" / "fieldnotes.json.gz"
    with pytest.raises(CommandError, match="cannot write the backup"):
        call_command("backup", str(target))
    assert not target.parent.exists()
