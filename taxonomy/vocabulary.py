"""The curated technology vocabulary: seeded from fixtures, edited in the admin, used to tag."""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings

from taxonomy.matching import TechnologyMatcher, Term
from taxonomy.models import Technology


def load_vocabulary(path: Path | None = None) -> list[dict]:
    path = Path(path or settings.FIELDNOTES_VOCABULARY)
    return json.loads(path.read_text(encoding="utf-8"))


def sync_vocabulary(entries: list[dict] | None = None) -> int:
    """Create the technologies the vocabulary has and the database lacks; return how many.

    Existing rows are left as they are: the admin may have renamed or re-aliased them.
    """
    entries = load_vocabulary() if entries is None else entries
    existing = set(Technology.objects.values_list("slug", flat=True))
    taken_names = {n.casefold() for n in Technology.objects.values_list("name", flat=True)}
    missing = [
        Technology(
            name=entry["name"],
            slug=entry["slug"],
            category=entry.get("category", ""),
            aliases=entry.get("aliases", []),
            match_case=entry.get("match_case", False),
        )
        for entry in entries
        if entry["slug"] not in existing and entry["name"].casefold() not in taken_names
    ]
    Technology.objects.bulk_create(missing)
    return len(missing)


def technology_matcher() -> TechnologyMatcher:
    """A matcher over every technology in the database, curated ones included."""
    rows = Technology.objects.values_list("slug", "name", "aliases", "match_case")
    return TechnologyMatcher(
        Term(slug, name, tuple(aliases or ()), match_case)
        for slug, name, aliases, match_case in rows
    )
