"""Writes to roadmaps and progress; the views, the admin and the ``roadmap`` command call these.

Who may call them is the caller's business (views check ownership); these keep the data
whole: steps numbered from 0 within each stage, one step per technology, figures stored.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from roadmaps.demand import target_demand
from roadmaps.models import MAX_DESCRIPTION, LevelChange, Roadmap, RoadmapStep, SkillProgress
from roadmaps.ranking import FIGURES, plan_stages
from roadmaps.replan import Placed, replan
from taxonomy.models import Technology
from taxonomy.notes.importer import SLUG_LENGTH, unique_slug
from taxonomy.notes.markdown import render_markdown

# A plan longer than this is a list, not a plan; the gap view shows everything the targets
# ask for, with a button to add any of it.
MAX_STEPS = 60

Stage = RoadmapStep.Stage


# Paths under /roadmaps/ that are pages, not roadmaps.
RESERVED_SLUGS = {"new", "progress", "known", "fit"}


def _free_slug(title: str) -> str:
    base = slugify(title)[:SLUG_LENGTH].strip("-") or "roadmap"
    taken = set(Roadmap.objects.filter(slug__startswith=base[:40]).values_list("slug", flat=True))
    return unique_slug(title, taken | RESERVED_SLUGS, "roadmap")


def _check_description(description: str) -> None:
    if len(description) > MAX_DESCRIPTION:
        raise ValidationError(
            f"The description is {len(description):,} characters; the limit is {MAX_DESCRIPTION:,}."
        )


@transaction.atomic
def create_roadmap(
    *,
    owner,
    title: str,
    areas=(),
    roles=(),
    description: str = "",
    is_public: bool = False,
    max_steps: int = MAX_STEPS,
) -> Roadmap:
    """A roadmap of the first ``max_steps`` technologies in the targets' ranking, in stages."""
    areas, roles = list(areas), list(roles)
    if not areas and not roles:
        raise ValidationError("Choose at least one field or role to plan for.")
    title = title.strip()
    if not title:
        raise ValidationError("Give the roadmap a title.")
    _check_description(description)
    roadmap = Roadmap.objects.create(
        owner=owner,
        title=title,
        slug=_free_slug(title),
        description=description,
        description_html=description_html(description),
        is_public=is_public,
    )
    roadmap.areas.set(areas)
    roadmap.roles.set(roles)
    ranked = target_demand(areas=areas, roles=roles).ranked[:max_steps]
    stages = plan_stages(ranked)
    RoadmapStep.objects.bulk_create(
        RoadmapStep(
            roadmap=roadmap,
            technology_id=row.technology,
            stage=stage,
            position=i - stages.index(stage),
            **row.figures(),
        )
        for i, (row, stage) in enumerate(zip(ranked, stages, strict=True))
    )
    return roadmap


@transaction.atomic
def copy_roadmap(*, roadmap: Roadmap, owner) -> Roadmap:
    """A private copy of ``roadmap`` for ``owner``: the same targets, and the steps in the same
    stages and order with their notes and figures. The owner's own levels apply to it."""
    copy = Roadmap.objects.create(
        owner=owner,
        title=roadmap.title,
        slug=_free_slug(roadmap.title),
        description=roadmap.description,
        description_html=roadmap.description_html,
        ranked_at=roadmap.ranked_at,
        copied_from=roadmap,
    )
    copy.areas.set(roadmap.areas.all())
    copy.roles.set(roadmap.roles.all())
    kept = ("technology_id", "stage", "position", "note", "placed_by_hand", *FIGURES)
    RoadmapStep.objects.bulk_create(
        RoadmapStep(roadmap=copy, **{name: getattr(step, name) for name in kept})
        for step in roadmap.steps.order_by("stage", "position", "pk")
    )
    return copy


@dataclass(frozen=True, slots=True)
class Rerank:
    """What re-ranking a roadmap changed, or would change on a dry run."""

    moved: list[tuple[Technology, str, str]]  # (technology, old stage, new stage)
    added: list[tuple[Technology, str]]  # (technology, stage)
    dropped: list[tuple[Technology, str]]  # (technology, why)
    kept: list[tuple[Technology, str]]  # no longer in the plan, kept: (technology, why)
    reordered: bool  # some step changed its place
    refigured: int  # steps whose figures changed

    @property
    def changes(self) -> bool:
        return bool(self.reordered or self.added or self.dropped or self.refigured)

    def summary(self) -> str:
        if not self.changes:
            return "Nothing changes: the plan already follows the notes."
        counts = [
            (len(self.moved), "moved to another stage"),
            (len(self.added), "new"),
            (len(self.dropped), "dropped"),
            (len(self.kept), "out of the plan but kept for you"),
            (self.refigured, "with new figures"),
        ]
        parts = [f"{count} {what}" for count, what in counts if count]
        if self.reordered and not self.moved:
            parts.append("the order within the stages changed")
        return "; ".join(parts).capitalize() + "."


def _figures_changed(step: RoadmapStep, figures: dict) -> bool:
    return any(round(getattr(step, name), 9) != round(value, 9) for name, value in figures.items())


@transaction.atomic
def rerank_roadmap(
    *, roadmap: Roadmap, dry_run: bool = False, max_steps: int = MAX_STEPS
) -> Rerank:
    """Rank ``roadmap``'s targets again from the notes as they are now and re-plan its steps
    (``roadmaps.replan``): steps follow the new ranking, new technologies come in where they
    rank, what fell out of the plan goes; the steps the owner placed keep their places, and
    the notes stay. Writes nothing when ``dry_run``."""
    demand = target_demand(areas=roadmap.areas.all(), roles=roadmap.roles.all())
    ranked = demand.ranked[:max_steps]
    fresh = list(zip([row.technology for row in ranked], plan_stages(ranked), strict=True))
    steps = {step.technology_id: step for step in roadmap.steps.select_for_update()}
    plan = replan(
        [
            Placed(pk, step.stage, step.position, step.placed_by_hand, bool(step.note.strip()))
            for pk, step in steps.items()
        ],
        fresh,
    )
    technologies = demand.technologies([*steps, *plan.added])
    rank = {row.technology: i for i, row in enumerate(demand.ranked)}
    figures = {row.technology: row.figures() for row in demand.ranked}

    def figures_of(pk: int) -> dict:
        return figures.get(pk) or demand.of(pk).figures()

    def gone(pk: int) -> str:
        if pk in rank:
            return f"now ranked {rank[pk] + 1}, past the plan's {max_steps} steps"
        return "no target skill set asks for it now"

    label = dict(Stage.choices)
    placed_at = plan.stage_of()
    kept_steps = [step for pk, step in steps.items() if pk in placed_at]
    refigured = {
        step.pk for step in kept_steps if _figures_changed(step, figures_of(step.technology_id))
    }
    result = Rerank(
        moved=[(technologies[pk], label[old], label[new]) for pk, old, new in plan.moved],
        added=[(technologies[pk], label[placed_at[pk][0]]) for pk in plan.added],
        dropped=[(technologies[pk], gone(pk)) for pk in plan.dropped],
        kept=[
            (
                technologies[pk],
                ("you placed it" if steps[pk].placed_by_hand else "it has your note")
                + f"; {gone(pk)}",
            )
            for pk in plan.kept
        ],
        reordered=any(
            (step.stage, step.position) != placed_at[step.technology_id] for step in kept_steps
        ),
        refigured=len(refigured),
    )
    if dry_run:
        return result
    RoadmapStep.objects.filter(roadmap=roadmap, technology__in=plan.dropped).delete()
    changed = [
        step
        for step in kept_steps
        if step.pk in refigured or (step.stage, step.position) != placed_at[step.technology_id]
    ]
    for step in changed:
        step.stage, step.position = placed_at[step.technology_id]
        for name, value in figures_of(step.technology_id).items():
            setattr(step, name, value)
    RoadmapStep.objects.bulk_update(changed, ["stage", "position", *FIGURES])
    RoadmapStep.objects.bulk_create(
        RoadmapStep(
            roadmap=roadmap,
            technology_id=pk,
            stage=placed_at[pk][0],
            position=placed_at[pk][1],
            **figures[pk],
        )
        for pk in plan.added
    )
    now = timezone.now()
    Roadmap.objects.filter(pk=roadmap.pk).update(ranked_at=now, updated=now)
    roadmap.ranked_at = roadmap.updated = now
    return result


def description_html(description: str) -> str:
    """A roadmap's description as its page shows it, between the title (h1) and the stages
    (h2): its headings start at h2."""
    return render_markdown(description, top_heading=2)


@transaction.atomic
def update_roadmap(*, roadmap: Roadmap, title: str, description: str, is_public: bool) -> Roadmap:
    _check_description(description)
    roadmap.title = title.strip() or roadmap.title
    roadmap.description = description
    roadmap.description_html = description_html(description)
    roadmap.is_public = is_public
    roadmap.save()
    return roadmap


@transaction.atomic
def delete_roadmap(*, roadmap: Roadmap) -> None:
    """The roadmap and its steps; the owner's progress stays, shared with their others."""
    roadmap.delete()


def _touch(roadmap: Roadmap) -> None:
    Roadmap.objects.filter(pk=roadmap.pk).update(updated=timezone.now())


def _renumber(stage: int, order: list[RoadmapStep]) -> None:
    for position, step in enumerate(order):
        step.position, step.stage = position, stage
    RoadmapStep.objects.bulk_update(order, ["position", "stage", "placed_by_hand"])


def _stage_steps(roadmap: Roadmap, stage: int, without: RoadmapStep | None = None):
    steps = RoadmapStep.objects.select_for_update().filter(roadmap=roadmap, stage=stage)
    if without is not None:
        steps = steps.exclude(pk=without.pk)
    return list(steps.order_by("position", "pk"))


def _check_stage(stage: int) -> None:
    if stage not in Stage.values:
        raise ValidationError(f"There is no stage {stage!r}.")


@transaction.atomic
def move_step(*, step: RoadmapStep, stage: int, position: int) -> RoadmapStep:
    """Put ``step`` at ``position`` (clamped) in ``stage``, closing the gap it leaves; from
    now on re-ranking keeps it there."""
    _check_stage(stage)
    old_stage = step.stage
    step.placed_by_hand = True
    target = _stage_steps(step.roadmap, stage, without=step)
    target.insert(max(0, min(position, len(target))), step)
    _renumber(stage, target)
    if old_stage != stage:
        _renumber(old_stage, _stage_steps(step.roadmap, old_stage))
    _touch(step.roadmap)
    return step


@transaction.atomic
def remove_step(*, step: RoadmapStep) -> None:
    roadmap, stage = step.roadmap, step.stage
    step.delete()
    _renumber(stage, _stage_steps(roadmap, stage))
    _touch(roadmap)


@transaction.atomic
def add_step(
    *, roadmap: Roadmap, technology: Technology, stage: int = Stage.LATER, note: str = ""
) -> RoadmapStep:
    """Append ``technology`` to ``stage``, with its figures for the roadmap's targets."""
    if roadmap.steps.filter(technology=technology).exists():
        raise ValidationError(f"{technology.name} is already in this roadmap.")
    _check_stage(stage)
    demand = target_demand(
        areas=roadmap.areas.all(), roles=roadmap.roles.all(), technologies=[technology.pk]
    )
    step = RoadmapStep.objects.create(
        roadmap=roadmap,
        technology=technology,
        stage=stage,
        position=len(_stage_steps(roadmap, stage)),
        note=note,
        placed_by_hand=True,
        **demand.of(technology.pk).figures(),
    )
    _touch(roadmap)
    return step


@transaction.atomic
def set_step_note(*, step: RoadmapStep, note: str) -> RoadmapStep:
    step.note = note.strip()
    step.save(update_fields=["note"])
    _touch(step.roadmap)
    return step


@transaction.atomic
def set_progress(*, user, technology: Technology, status: str) -> SkillProgress:
    """Record how far ``user`` is with ``technology``: every roadmap of theirs shows it."""
    [progress] = set_levels(user=user, levels={technology: status})
    return progress


@transaction.atomic
def set_levels(*, user, levels: dict[Technology, str]) -> list[SkillProgress]:
    """Record ``user``'s level (or skipped) for each technology, in a few queries."""
    for status in levels.values():
        if status not in SkillProgress.Status.values:
            raise ValidationError(f"There is no status {status!r}.")
    rows = SkillProgress.objects.select_for_update().filter(user=user, technology__in=levels)
    existing = {row.technology_id: row for row in rows}
    now = timezone.now()
    recorded, changed, added = [], [], []
    for technology, status in levels.items():
        row = existing.get(technology.pk)
        if row is None:
            row = SkillProgress(user=user, technology=technology, status=status)
            added.append(row)
        elif row.status != status:
            row.status, row.updated = status, now
            changed.append(row)
        recorded.append(row)
    SkillProgress.objects.bulk_update(changed, ["status", "updated"])
    SkillProgress.objects.bulk_create(added)
    _record_changes(user, [*changed, *added], now)
    return recorded


def _record_changes(user, rows: list[SkillProgress], now) -> None:
    """Keep when each level was reached, one change per technology and day (the day's last),
    so the history grows with the days a person works, not with how often they click."""
    if not rows:
        return
    today = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    LevelChange.objects.filter(
        user=user, technology__in=[row.technology_id for row in rows], at__gte=today
    ).delete()
    LevelChange.objects.bulk_create(
        LevelChange(user=user, technology_id=row.technology_id, status=row.status, at=now)
        for row in rows
    )
