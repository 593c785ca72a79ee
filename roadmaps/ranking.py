"""Rank technologies by how much a roadmap's targets ask for them (pure Python, no Django).

Demand comes first. Each target skill set asking for a technology counts 1 when it asks as a
requirement and ``PREFERRED_WEIGHT`` when it only prefers it (a "nice to have", a
responsibility, a stack).

Specificity only lifts demand, by at most ``SPECIFICITY_LIFT``: by that times
``ln((F + 1) / f) / ln(F + 1)``, where ``F`` is the number of fields that have skill sets and
``f`` the number of those asking for the technology. What only the targets ask for gains the
whole lift, what every field asks for (Python, communication) almost none. So a technology
passes another only when its demand is at least ``1 / (1 + SPECIFICITY_LIFT)`` of the
other's: a rarely asked tool never passes a commonly asked one.

A technology has support when at least ``MIN_SUPPORT`` of the target skill sets ask for it
(3 of 20). What has support comes first, in order of score; the rest follows and is learned
later. Foundations come before what builds on them: a technology's prerequisites that the
targets also ask for (Linux and Docker for Kubernetes) move up to just before it.

The steps up to the last one with support are split between now and next, the first half
now, neither stage more than a third of the plan; the rest is later.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction

PREFERRED_WEIGHT = 0.5
SPECIFICITY_LIFT = 0.25
MIN_SUPPORT = Fraction(15, 100)
# What a ranking records for each technology, and a roadmap step stores.
FIGURES = ("asked_in", "required_in", "out_of", "fields_asking", "field_count", "score")


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
        if self.field_count < 1:
            return self.demand
        share = self.specificity / math.log(self.field_count + 1)
        return self.demand * (1 + SPECIFICITY_LIFT * share)

    @property
    def supported(self) -> bool:
        """Asked for by at least ``MIN_SUPPORT`` of the target skill sets."""
        return self.asked_in > 0 and self.asked_in >= MIN_SUPPORT * self.out_of

    def figures(self) -> dict:
        """The counts and the score, as a roadmap step stores them."""
        return {name: getattr(self, name) for name in FIGURES}


def specificity(fields_asking: int, field_count: int) -> float:
    fields_asking = max(1, min(fields_asking, field_count))
    return math.log((field_count + 1) / fields_asking)


def rank(
    counted: Mapping[Hashable, tuple[int, int]],
    *,
    out_of: int,
    fields_asking: Mapping[Hashable, int],
    field_count: int,
    name_of: Callable[[Hashable], str] = str,
    prerequisites: Mapping[Hashable, Iterable[Hashable]] | None = None,
) -> list[Ranked]:
    """Every technology asked for, in the order to learn it (see the module's docstring),
    from ``{technology: (target skill sets asking, of which as a requirement)}``.

    Ties in score go to requirements, then to more skill sets, then to the name.
    """
    ranked = [
        Ranked(
            technology=technology,
            asked_in=asked_in,
            required_in=required_in,
            out_of=out_of,
            fields_asking=fields_asking.get(technology, 1),
            field_count=field_count,
        )
        for technology, (asked_in, required_in) in counted.items()
        if asked_in
    ]
    ranked.sort(
        key=lambda r: (
            not r.supported,
            -r.score,
            -r.required_in,
            -r.asked_in,
            name_of(r.technology),
        )
    )
    return _foundations_first(ranked, prerequisites or {})


def _foundations_first(
    ranked: list[Ranked], prerequisites: Mapping[Hashable, Iterable[Hashable]]
) -> list[Ranked]:
    """``ranked`` with each one's ranked prerequisites moved up to just before it.

    A depth-first walk of the prerequisites in ranked order; a cycle (a map edited into
    one) is broken where the walk meets it again.
    """
    position = {r.technology: i for i, r in enumerate(ranked)}

    def firsts(technology: Hashable) -> Iterable[Hashable]:
        found = {p for p in prerequisites.get(technology, ()) if p in position}
        return iter(sorted(found, key=position.__getitem__))

    placed: dict[Hashable, None] = {}
    for root in ranked:
        stack, on_path = [(root.technology, firsts(root.technology))], {root.technology}
        while stack:
            technology, pending = stack[-1]
            first = next(pending, None)
            if first is None:
                stack.pop()
                placed.setdefault(technology)
            elif first not in placed and first not in on_path:
                on_path.add(first)
                stack.append((first, firsts(first)))
    return [ranked[position[technology]] for technology in placed]


def plan_stages(steps: list[Ranked]) -> list[int]:
    """The stage of each of ``steps`` in order: 0 (now), 1 (next) or 2 (later)."""
    total = len(steps)
    head = max((i + 1 for i, step in enumerate(steps) if step.supported), default=0)
    now = min(-(-total // 3), -(-head // 2))
    following = max(now, min(-(-2 * total // 3), head))
    return [0 if i < now else 1 if i < following else 2 for i in range(total)]


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
