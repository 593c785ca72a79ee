"""Rank technologies by how much a roadmap's targets ask for them (pure Python, no Django).

A technology's score is its demand in the targets times its specificity:

- demand: each target skill set asking for it counts 1 when it asks as a requirement and
  ``PREFERRED_WEIGHT`` when it only prefers it (a "nice to have", a responsibility, a stack);
- specificity: ``ln((F + 1) / f)``, where ``F`` is the number of fields that have skill sets
  and ``f`` the number of those that ask for the technology. Something asked for in almost
  every field (Python, communication) keeps little of its demand; something only the
  targets ask for keeps it all and more, so what is specific to the targets rises.

The ranked list is cut into thirds: the first third is learned now, the next third next,
the rest later.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass

PREFERRED_WEIGHT = 0.5
STAGE_COUNT = 3
# What a ranking records for each technology, and a roadmap step stores.
FIGURES = ("asked_in", "required_in", "out_of", "fields_asking", "field_count", "score")


@dataclass(frozen=True, slots=True)
class Ask:
    """One target skill set asking for one technology."""

    technology: Hashable
    skill_set: Hashable
    required: bool


@dataclass(frozen=True, slots=True)
class Ranked:
    technology: Hashable
    asked_in: int  # target skill sets asking for it
    required_in: int  # … of which as a requirement
    out_of: int  # target skill sets in all
    fields_asking: int  # fields, anywhere, with a skill set asking for it
    field_count: int  # fields with skill sets

    @property
    def demand(self) -> float:
        return self.required_in + PREFERRED_WEIGHT * (self.asked_in - self.required_in)

    @property
    def specificity(self) -> float:
        return specificity(self.fields_asking, self.field_count)

    @property
    def score(self) -> float:
        return self.demand * self.specificity

    def figures(self) -> dict:
        """The counts and the score, as a roadmap step stores them."""
        return {name: getattr(self, name) for name in FIGURES}


def specificity(fields_asking: int, field_count: int) -> float:
    fields_asking = max(1, min(fields_asking, field_count))
    return math.log((field_count + 1) / fields_asking)


def rank(
    asks: Iterable[Ask],
    *,
    out_of: int,
    fields_asking: Mapping[Hashable, int],
    field_count: int,
    name_of: Callable[[Hashable], str] = str,
) -> list[Ranked]:
    """Every technology asked for, best first; ties go to requirements, then to the name."""
    asking: dict[Hashable, set] = defaultdict(set)
    requiring: dict[Hashable, set] = defaultdict(set)
    for ask in asks:
        asking[ask.technology].add(ask.skill_set)
        if ask.required:
            requiring[ask.technology].add(ask.skill_set)
    ranked = [
        Ranked(
            technology=technology,
            asked_in=len(sets),
            required_in=len(requiring[technology]),
            out_of=out_of,
            fields_asking=fields_asking.get(technology, 1),
            field_count=field_count,
        )
        for technology, sets in asking.items()
    ]
    ranked.sort(key=lambda r: (-r.score, -r.required_in, -r.asked_in, name_of(r.technology)))
    return ranked


def stage_index(position: int, total: int) -> int:
    """0 (now), 1 (next) or 2 (later) for the ``position``-th of ``total`` ranked steps."""
    return min(STAGE_COUNT - 1, position * STAGE_COUNT // max(total, 1))


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def why(figures, targets: str) -> str:
    """Why a step is in a roadmap: "asked for in 14 of 22 MLOps skill sets (9 as a requirement)".

    ``figures`` is a ``Ranked`` or anything with its counts (a stored roadmap step).
    """
    if not figures.asked_in:
        return f"added by hand; no {targets} skill set asks for it"
    return (
        f"asked for in {figures.asked_in} of {_plural(figures.out_of, f'{targets} skill set')} "
        f"({figures.required_in} as a requirement)"
    )


def spread(figures) -> str:
    """How widely a technology is asked for, the reason its demand counts less or more."""
    return f"asked for in {figures.fields_asking} of {_plural(figures.field_count, 'field')}"
