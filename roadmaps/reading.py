"""A roadmap as its pages and exports show it: targets, steps in order, the owner's progress
and when each step reached its level."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from roadmaps.models import LevelChange, Roadmap, RoadmapStep, SkillProgress

Status = SkillProgress.Status


@dataclass(frozen=True, slots=True)
class PlanStep:
    step: RoadmapStep
    status: str
    why: str
    after: tuple  # the technology's prerequisites that are steps of this roadmap too
    since: date | None = None  # the day it reached its present level

    @property
    def after_names(self) -> str:
        """What to learn before this step: "Linux, Docker"."""
        return ", ".join(technology.name for technology in self.after)

    @property
    def status_label(self) -> str:
        return Status(self.status).label


@dataclass(frozen=True, slots=True)
class Stage:
    value: int
    label: str
    steps: list[PlanStep]


@dataclass(frozen=True, slots=True)
class Plan:
    roadmap: Roadmap
    steps: list[PlanStep]
    done_by_day: list[tuple[date, int]]  # (day, steps done from that day on), oldest first

    @property
    def done(self) -> int:
        """Steps at a working level or above."""
        return sum(item.status in SkillProgress.DONE for item in self.steps)

    @property
    def skipped(self) -> int:
        return sum(item.status == Status.SKIPPED for item in self.steps)

    @property
    def to_learn(self) -> int:
        """Steps that count towards the progress bar: all but the skipped ones."""
        return len(self.steps) - self.skipped

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.to_learn) if self.to_learn else 0

    def stages(self) -> list[Stage]:
        return [
            Stage(value, label, [item for item in self.steps if item.step.stage == value])
            for value, label in RoadmapStep.Stage.choices
        ]


def done_by_day(changes: list[tuple[int, str, object]]) -> list[tuple[date, int]]:
    """From level changes ``(technology, status, when)``, oldest first: how many of the
    technologies were done at the end of each day that changed the count."""
    status: dict[int, str] = {}
    series: list[tuple[date, int]] = []
    done = 0
    for technology, level, at in changes:
        before = status.get(technology) in SkillProgress.DONE
        status[technology] = level
        done += (level in SkillProgress.DONE) - before
        day = timezone.localdate(at)
        if series and series[-1][0] == day:
            series[-1] = (day, done)
        elif not series or series[-1][1] != done:
            series.append((day, done))
    return series


def read_plan(roadmap: Roadmap) -> Plan:
    """``roadmap`` (fetched with ``Roadmap.objects.for_reading()``) and its owner's progress
    and history of it; two queries more."""
    steps = list(roadmap.steps.all())
    technologies = [s.technology_id for s in steps]
    statuses = SkillProgress.objects.statuses(roadmap.owner, technologies)
    changes = LevelChange.objects.history(roadmap.owner, technologies)
    since = {technology: timezone.localdate(at) for technology, _, at in changes}
    label = roadmap.targets_label()
    planned = {step.technology.slug: step.technology for step in steps}
    return Plan(
        roadmap,
        [
            PlanStep(
                step,
                statuses.get(step.technology_id, Status.NONE),
                step.why(label),
                tuple(planned[slug] for slug in step.technology.prerequisites if slug in planned),
                since.get(step.technology_id),
            )
            for step in steps
        ],
        done_by_day(changes),
    )
