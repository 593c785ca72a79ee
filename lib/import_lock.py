"""One import at a time: a second one is told so in one line instead of waiting, failing
halfway or locking the database for the site's readers.

PostgreSQL: a session advisory lock. SQLite: an exclusive ``flock`` on a file beside the
database (``<database>.import-lock``), taken before the import's transaction begins. An
in-memory SQLite database is only ever seen by its own process: no lock is needed.
"""

from __future__ import annotations

import fcntl
import functools
import os
import threading
from contextlib import contextmanager
from pathlib import Path

from django.db import connection

from lib.textfile import InputError

# pg_try_advisory_lock's key: "fn" "im" "pt" in ASCII, the same for every Fieldnotes process.
ADVISORY_KEY = 0x666E696D7074
_held = threading.local()


class ImportBusy(InputError):
    def __init__(self):
        super().__init__(
            "the database",
            None,
            "another import is running; try again when it has finished",
        )


def lock_path() -> Path | None:
    """The SQLite database's lock file, or None where no file lock is used."""
    if connection.vendor != "sqlite":
        return None
    if connection.is_in_memory_db():
        return None
    return Path(f"{connection.settings_dict['NAME']}.import-lock")


@contextmanager
def one_import_at_a_time():
    """Hold the import lock for the block, or raise ``ImportBusy`` at once. Re-entrant in a
    thread: an import that runs another import inside it holds it once."""
    depth = getattr(_held, "depth", 0)
    if depth:
        _held.depth = depth + 1
        try:
            yield
        finally:
            _held.depth = depth
        return
    with _acquire():
        _held.depth = 1
        try:
            yield
        finally:
            _held.depth = 0


@contextmanager
def _acquire():
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [ADVISORY_KEY])
            if not cursor.fetchone()[0]:
                raise ImportBusy()
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [ADVISORY_KEY])
        return
    path = lock_path()
    if path is None:
        yield
        return
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ImportBusy() from None
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


def holds_the_import_lock(function):
    """Decorate an import's entry point (outside its ``transaction.atomic``)."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with one_import_at_a_time():
            return function(*args, **kwargs)

    return wrapper
