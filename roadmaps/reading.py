"""A roadmap as its pages and exports show it: targets, steps in order, the owner's progress."""

from __future__ import annotations

from dataclasses import dataclass

from roadmaps.models import Roadmap, RoadmapStep, SkillProgress

Status = SkillProgress.Status


@dataclass(frozen=True, slots=True)
class PlanStep:
    step: RoadmapStep
    status: str
    why: str
    after: tuple  # the technology's prerequisites that are steps of this roadmap too

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


def read_plan(roadmap: Roadmap) -> Plan:
    """``roadmap`` (fetched with ``Roadmap.objects.for_reading()``) and its owner's progress;
    one query more."""
    steps = list(roadmap.steps.all())
    statuses = SkillProgress.objects.statuses(roadmap.owner, [s.technology_id for s in steps])
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
            )
            for step in steps
        ],
    )
