"""Back up everything people made in Fieldnotes, and restore it into an empty database.

A backup is Django's JSON fixture format, gzipped, with natural keys for content types and
permissions, so it loads into SQLite or PostgreSQL whatever ids their own migrations gave
those. What is derived from the rest is left out and made again on restore: the search
documents, both engines' indexes and the word list; what each skill set asks for and
each field's counts; the data version. Sessions and sign-in failures (django-axes) are
passing state and are not kept either.
"""

from __future__ import annotations

import gzip
import json
import os
from collections import defaultdict
from datetime import datetime, time
from pathlib import Path

from django.apps import apps
from django.core import serializers
from django.core.management import call_command
from django.core.serializers.base import DeserializationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DatabaseError, IntegrityError, connection, transaction

from lib.import_lock import holds_the_import_lock
from taxonomy.models import (
    AskedTechnology,
    DataVersion,
    FieldCount,
    SearchDocument,
    SearchWord,
    SqliteSearchEntry,
)
from taxonomy.search.index import rebuild_index

DERIVED = (
    SearchDocument,
    SearchWord,
    SqliteSearchEntry,
    DataVersion,
    AskedTechnology,
    FieldCount,
)


class BackupError(Exception):
    """A backup that cannot be written or restored, said in one line."""


def kept_models() -> list:
    """The models a backup holds (``_rows`` orders them so that they load)."""
    skipped_apps = {"contenttypes", "sessions", "axes"}
    return [
        model
        for model in apps.get_models()
        if model._meta.app_label not in skipped_apps
        and model._meta.label_lower != "auth.permission"
        and model not in DERIVED
        and model._meta.managed
    ]


def row_counts() -> dict[str, int]:
    return {model._meta.label: model._base_manager.count() for model in kept_models()}


class _ExactEncoder(DjangoJSONEncoder):
    """Times to the microsecond (Django's encoder keeps milliseconds), so that a restore
    gives back every value as it was."""

    def default(self, o):
        if isinstance(o, datetime | time):
            return o.isoformat()
        return super().default(o)


def _rows():
    """Every kept row, models in an order that loads (what a row refers to comes first)."""
    by_app = defaultdict(list)
    for model in kept_models():
        by_app[apps.get_app_config(model._meta.app_label)].append(model)
    for model in serializers.sort_dependencies(list(by_app.items()), allow_cycles=True):
        yield from model._base_manager.order_by("pk").iterator(chunk_size=2000)


def write_backup(path: Path) -> dict[str, int]:
    """Write the backup to ``path`` (a ``.json.gz`` file), whole or not at all."""
    _check_name(path)
    partial = path.with_name(f".{path.name}.partial")
    try:
        # One transaction, read as of its start: the rows of every model at one moment.
        outermost = not connection.in_atomic_block
        with transaction.atomic():
            if outermost and connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            counts = row_counts()
            with gzip.open(partial, "wt", encoding="utf-8") as out:
                serializers.serialize(
                    "json", _rows(), stream=out, use_natural_foreign_keys=True, cls=_ExactEncoder
                )
        os.replace(partial, path)
    except OSError as exc:
        raise BackupError(f"{path}: cannot write the backup ({exc.strerror}).") from exc
    finally:
        partial.unlink(missing_ok=True)
    return counts


@holds_the_import_lock
@transaction.atomic
def restore_backup(path: Path) -> dict[str, int]:
    """Load the backup at ``path`` into this database, which must hold no data yet, then
    build the search index from it. Nothing is written if any of it fails."""
    if not path.is_file():
        raise BackupError(f"{path}: no such backup file.")
    _check_name(path)
    held = {label: count for label, count in row_counts().items() if count}
    if held:
        label, count = next(iter(held.items()))
        raise BackupError(
            f"The database already holds data ({count:,} rows of {label}); restore into an "
            "empty database: make a new one and run `manage.py migrate` first."
        )
    try:
        with gzip.open(path, "rt", encoding="utf-8") as backup:
            json.load(backup)  # a readable backup, checked before anything is loaded
        call_command("loaddata", str(path), verbosity=0)
    except (OSError, EOFError, UnicodeDecodeError, ValueError) as exc:
        raise BackupError(f"{path}: not a Fieldnotes backup ({_first_line(exc)}).") from exc
    except (DeserializationError, IntegrityError, DatabaseError) as exc:
        raise BackupError(f"{path}: cannot be restored here ({_first_line(exc)}).") from exc
    rebuild_index()
    return row_counts()


def _check_name(path: Path) -> None:
    if not path.name.endswith(".json.gz"):
        raise BackupError(f"{path}: a backup's name ends in .json.gz.")


def _first_line(exc: Exception) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0][:200] if lines else type(exc).__name__
