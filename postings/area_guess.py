"""Guess the field (research area) a posting belongs to from the technologies it asks for.

Each field is described by how often its own public skill sets ask for each technology; a
posting is a set of technologies. Both are weighted by rarity across fields (a technology
every field asks for, such as Python or communication, says little), and the field whose
description points the same way as the posting (cosine similarity) is the guess. A field
the posting names ("MLOps", "ML Ops") gets a bonus: technology overlap alone cannot tell
MLOps from DataOps for a posting that runs Spark pipelines to serve models.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from taxonomy.models import ResearchArea, Skill

# Fields with a single skill set would match any posting sharing one rare technology.
MIN_SKILL_SETS = 2
NAMED_BONUS = 0.1
# "MLOps, or ML Ops" is named as "MLOps" or "ML Ops"; short names count only in their case.
_NAME_PARTS = re.compile(r",\s*(?:or\s+)?|\s+or\s+|\s*&\s*")
SHORT_NAME = 3


@dataclass(frozen=True, slots=True)
class AreaGuess:
    area: ResearchArea
    score: float  # 0 to 1
    shared: tuple[str, ...]  # technology slugs the posting and the field have in common
    named: bool  # the posting names the field


class AreaProfiles:
    """How often each field's skill sets ask for each technology, read once per import."""

    def __init__(self):
        sets_of: dict[int, set[int]] = defaultdict(set)
        asking: dict[int, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
        rows = Skill.objects.public().values_list(
            "skill_set__area_id", "skill_set_id", "tags__slug"
        )
        for area_id, set_id, slug in rows:
            sets_of[area_id].add(set_id)
            if slug:
                asking[area_id][slug].add(set_id)
        self.profiles: dict[int, dict[str, float]] = {
            area_id: {slug: len(ids) / len(sets_of[area_id]) for slug, ids in asked.items()}
            for area_id, asked in asking.items()
            if len(sets_of[area_id]) >= MIN_SKILL_SETS
        }
        fields_asking: dict[str, int] = defaultdict(int)
        for profile in self.profiles.values():
            for slug in profile:
                fields_asking[slug] += 1
        total = len(self.profiles) or 1
        self.rarity = {slug: math.log(1 + total / n) for slug, n in fields_asking.items()}
        self.names = {
            area_id: _name_pattern(name, aliases)
            for area_id, name, aliases in ResearchArea.objects.filter(
                pk__in=self.profiles
            ).values_list("id", "name", "aliases")
        }
        self.norms = {
            area_id: math.sqrt(sum((f * self.rarity[s]) ** 2 for s, f in profile.items()))
            for area_id, profile in self.profiles.items()
        }

    def guess(self, technologies: Iterable[str], text: str, *, limit: int = 3) -> list[AreaGuess]:
        """The likeliest fields for a posting asking for ``technologies``, best first."""
        wanted = {slug for slug in technologies if slug in self.rarity}
        norm = math.sqrt(sum(self.rarity[s] ** 2 for s in wanted))
        if not norm:
            return []
        scored = []
        for area_id, profile in self.profiles.items():
            shared = wanted & profile.keys()
            if not shared or not self.norms[area_id]:
                continue
            dot = sum(profile[s] * self.rarity[s] ** 2 for s in shared)
            named = bool(self.names[area_id].search(text))
            score = dot / (norm * self.norms[area_id]) + (NAMED_BONUS if named else 0)
            scored.append((score, area_id, shared, named))
        scored.sort(key=lambda row: (-row[0], row[1]))
        best = scored[:limit]
        areas = ResearchArea.objects.in_bulk([row[1] for row in best])
        return [
            AreaGuess(areas[area_id], round(score, 3), tuple(sorted(shared)), named)
            for score, area_id, shared, named in best
        ]


def _name_pattern(name: str, aliases: list[str]) -> re.Pattern:
    names = {part.strip() for part in _NAME_PARTS.split(name)} | set(aliases or ())
    long = [re.escape(n) for n in names if len(n) > SHORT_NAME]
    short = [re.escape(n) for n in names if 0 < len(n) <= SHORT_NAME]
    parts = [rf"(?i:\b(?:{'|'.join(long)})\b)"] if long else []
    parts += [rf"\b(?:{'|'.join(short)})\b"] if short else []
    return re.compile("|".join(parts) or r"(?!)")
