"""One import at a time, and readers undisturbed by it (lib/import_lock.py)."""

import fcntl
import os
import sqlite3
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.db import connection

from lib import import_lock
from lib.import_lock import ImportBusy, one_import_at_a_time
from taxonomy.models import ResearchArea

BASE_DIR = Path(__file__).resolve().parent.parent
NOTES = "# EDA\n+ skill set:\n\t- Verilog and Python\n"


@contextmanager
def held_elsewhere(tmp_path, monkeypatch):
    """The import lock held as another process would hold it."""
    if connection.vendor == "postgresql":
        import psycopg

        other = psycopg.connect(dbname=connection.settings_dict["NAME"], autocommit=True)
        other.execute("SELECT pg_advisory_lock(%s)", [import_lock.ADVISORY_KEY])
        try:
            yield
        finally:
            # Unlock before closing: a closed connection's server process lets go of its
            # session locks only when it exits, a moment after the client has gone.
            other.execute("SELECT pg_advisory_unlock(%s)", [import_lock.ADVISORY_KEY])
            other.close()
        return
    path = tmp_path / "db.sqlite3.import-lock"
    monkeypatch.setattr(import_lock, "lock_path", lambda: path)
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT)
    fcntl.flock(descriptor, fcntl.LOCK_EX)
    try:
        yield
    finally:
        os.close(descriptor)


def test_an_import_while_another_runs_is_refused_in_one_line_and_writes_nothing(
    import_text, tmp_path, monkeypatch
):
    with held_elsewhere(tmp_path, monkeypatch), pytest.raises(ImportBusy) as refused:
        import_text(NOTES)
    assert str(refused.value) == (
        "the database: another import is running; try again when it has finished"
    )
    assert not ResearchArea.objects.exists()
    import_text(NOTES)  # once the other import has finished
    assert ResearchArea.objects.filter(name="EDA").exists()


def test_an_import_inside_an_import_holds_the_lock_once(import_text, tmp_path, monkeypatch):
    if connection.vendor == "sqlite":
        monkeypatch.setattr(import_lock, "lock_path", lambda: tmp_path / "db.import-lock")
    with one_import_at_a_time():
        import_text(NOTES)
    import_text(NOTES)  # released at the end of the outer block
    assert ResearchArea.objects.filter(name="EDA").count() == 1


def manage(*args: str, database: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={**os.environ, "DATABASE_URL": f"sqlite:///{database}"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture
def sqlite_file(tmp_path) -> Path:
    database = tmp_path / "db.sqlite3"
    migrate = manage("migrate", "--noinput", database=database)
    assert migrate.wait(timeout=300) == 0, migrate.stderr.read()
    return database


def test_import_notes_run_during_another_import_exits_1_with_one_line(sqlite_file):
    descriptor = os.open(f"{sqlite_file}.import-lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(descriptor, fcntl.LOCK_EX)
    try:
        second = manage("import_notes", "fixtures/notes.md", database=sqlite_file)
        _, stderr = second.communicate(timeout=300)
    finally:
        os.close(descriptor)
    assert second.returncode == 1
    assert stderr.splitlines() == [
        "CommandError: the database: another import is running; try again when it has finished"
    ]


def test_readers_never_wait_or_fail_while_an_import_writes(sqlite_file):
    """Write-ahead log: a reader that will not wait a moment (timeout 0) still reads."""
    importing = manage("import_notes", "fixtures/notes.md", "fixtures/corpus", database=sqlite_file)
    reader = sqlite3.connect(sqlite_file, timeout=0)
    reads = 0
    try:
        while importing.poll() is None:
            reader.execute("SELECT count(*) FROM taxonomy_searchdocument").fetchone()
            reads += 1
            time.sleep(0.01)
    finally:
        reader.close()
    _, stderr = importing.communicate(timeout=600)
    assert importing.returncode == 0, stderr
    assert reads > 10
