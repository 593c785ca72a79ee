"""Re-rank a roadmap after the notes change, keeping what its owner did (pure Python).

A step the owner placed by hand (moved or added) keeps its stage and its place in that
stage. The other steps take the stage the new ranking gives them and follow its order; what
the new ranking adds comes in where it ranks. A step the new plan no longer holds is dropped,
unless the owner placed it or wrote a note on it: then it stays where it was.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Placed:
    """A step as the roadmap holds it now."""

    technology: Hashable
    stage: int
    position: int
    by_hand: bool = False
    noted: bool = False


@dataclass(frozen=True, slots=True)
class Replan:
    stages: dict[int, list[Hashable]]  # stage → its technologies in their new order
    moved: list[tuple[Hashable, int, int]]  # (technology, old stage, new stage)
    added: list[Hashable]  # new to the plan, in ranked order
    dropped: list[Hashable]  # no longer in the plan
    kept: list[Hashable]  # no longer in the new ranking's plan, kept for the owner's sake

    def stage_of(self) -> dict[Hashable, tuple[int, int]]:
        """``{technology: (stage, position)}`` of every step after re-ranking."""
        return {
            technology: (stage, position)
            for stage, order in self.stages.items()
            for position, technology in enumerate(order)
        }


def replan(placed: Sequence[Placed], fresh: Sequence[tuple[Hashable, int]]) -> Replan:
    """The steps ``placed`` re-planned to the new ranking ``fresh``, a list of
    ``(technology, stage)`` in ranked order (see the module's docstring)."""
    rank = {technology: i for i, (technology, _) in enumerate(fresh)}
    fresh_stage = dict(fresh)
    anchored: dict[int, list[tuple[int, Hashable]]] = {}  # stage → (index, technology)
    flowing: dict[int, list[Hashable]] = {}
    moved, dropped, kept = [], [], []
    index_in_stage: dict[int, int] = {}
    for step in sorted(placed, key=lambda step: (step.stage, step.position)):
        index = index_in_stage[step.stage] = index_in_stage.get(step.stage, -1) + 1
        ranked = step.technology in rank
        if step.by_hand or (step.noted and not ranked):
            anchored.setdefault(step.stage, []).append((index, step.technology))
            if not ranked:
                kept.append(step.technology)
        elif ranked:
            stage = fresh_stage[step.technology]
            flowing.setdefault(stage, []).append(step.technology)
            if stage != step.stage:
                moved.append((step.technology, step.stage, stage))
        else:
            dropped.append(step.technology)
    present = {step.technology for step in placed}
    added = [technology for technology, _ in fresh if technology not in present]
    for technology in added:
        flowing.setdefault(fresh_stage[technology], []).append(technology)
    stages = {}
    for stage in sorted(anchored.keys() | flowing.keys()):
        order = sorted(flowing.get(stage, []), key=rank.__getitem__)
        for index, technology in anchored.get(stage, []):
            order.insert(min(index, len(order)), technology)
        stages[stage] = order
    moved.sort(key=lambda move: rank[move[0]])
    return Replan(stages, moved, added, dropped, kept)
