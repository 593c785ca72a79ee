"""The curated technology vocabulary: seeded from fixtures, edited in the admin, used to tag.

The vocabulary file grows between releases (new technologies, aliases, context words). Each
row keeps the fingerprint of its fields as the file last wrote them (``vocabulary_digest``):
while the row still holds exactly that, nobody has edited it, and a new version of its entry
is written over it. A row edited in the admin no longer matches its fingerprint and is left
as the admin made it. The importers sync before they tag; a changed vocabulary changes the
importers' fingerprint of it, so the next import re-tags every line (``retag_skills`` does
it without the files).
"""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings

from taxonomy.matching import TechnologyMatcher, Term
from taxonomy.models import Technology
from taxonomy.notes.plan import fingerprint

# The curated fields a vocabulary entry sets, with their defaults.
ENTRY_FIELDS = {
    "name": "",
    "category": "",
    "aliases": [],
    "match_case": False,
    "needs": [],
    "unless": [],
    "generic": False,
    "prerequisites": [],
}
# Fields added after rows were first fingerprinted: they count in a fingerprint only when set,
# so a row the vocabulary wrote before they existed still matches its fingerprint.
_LATER_FIELDS = ("prerequisites",)


def load_vocabulary(path: Path | None = None) -> list[dict]:
    path = Path(path or settings.FIELDNOTES_VOCABULARY)
    return json.loads(path.read_text(encoding="utf-8"))


def _fields(entry: dict) -> dict:
    return {name: entry.get(name, default) for name, default in ENTRY_FIELDS.items()}


def _digest(fields: dict) -> str:
    values = [fields[name] for name in ENTRY_FIELDS if name not in _LATER_FIELDS]
    values += [[name, fields[name]] for name in _LATER_FIELDS if fields[name]]
    return fingerprint("vocabulary entry", values)


def row_digest(technology: Technology) -> str:
    """The fingerprint of a row's curated fields as they stand."""
    return _digest({name: getattr(technology, name) for name in ENTRY_FIELDS})


def sync_vocabulary(entries: list[dict] | None = None) -> int:
    """Write the vocabulary into the database; return how many technologies it added.

    A new entry becomes a row (unless its name is taken); a changed entry updates its row
    when the row is as the vocabulary last left it, never when someone has edited it.
    """
    entries = load_vocabulary() if entries is None else entries
    existing = Technology.objects.only("slug", "vocabulary_digest", *ENTRY_FIELDS).in_bulk(
        field_name="slug"
    )
    taken_names = {row.name.casefold() for row in existing.values()}
    missing, changed = [], []
    for entry in entries:
        fields = _fields(entry)
        digest = _digest(fields)
        row = existing.get(entry["slug"])
        if row is None:
            if fields["name"].casefold() not in taken_names:
                missing.append(Technology(slug=entry["slug"], vocabulary_digest=digest, **fields))
                taken_names.add(fields["name"].casefold())
        elif row.vocabulary_digest != digest and row_digest(row) == row.vocabulary_digest:
            if fields["name"] != row.name and fields["name"].casefold() in taken_names:
                continue  # renamed onto another row's name: leave it for a person to merge
            for name, value in fields.items():
                setattr(row, name, value)
            row.vocabulary_digest = digest
            changed.append(row)
    Technology.objects.bulk_create(missing)
    Technology.objects.bulk_update(changed, [*ENTRY_FIELDS, "vocabulary_digest"], batch_size=500)
    return len(missing)


MATCHER_FIELDS = ("slug", "name", "aliases", "match_case", "needs", "unless", "generic")


def technology_matcher() -> TechnologyMatcher:
    """A matcher over every technology in the database, curated ones included."""
    rows = Technology.objects.values_list(*MATCHER_FIELDS)
    return TechnologyMatcher(
        Term.from_entry(dict(zip(MATCHER_FIELDS, row, strict=True))) for row in rows
    )
