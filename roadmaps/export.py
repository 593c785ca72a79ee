"""A roadmap as Markdown (a notes section that ``import_notes`` reads) and as JSON data, with
its owner's levels and fit to the target roles."""

from __future__ import annotations

import json
import re

from django.utils import timezone

from roadmaps.fit import Fit, TargetFit, target_fit
from roadmaps.models import Roadmap, RoadmapStep
from roadmaps.ranking import FIGURES
from roadmaps.reading import Plan, read_plan
from taxonomy.notes.exporter import bullet_prefix

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def escape(text: str) -> str:
    """``text`` shown as written in Markdown (a name like ``C*`` or ``[x]`` is not markup)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


CSV_HEADER = (
    "stage",
    "position",
    "technology",
    "slug",
    "category",
    "level",
    "since",
    "after",
    "note",
)


def csv_rows(roadmap: Roadmap) -> list[tuple]:
    """``roadmap`` (fetched with ``Roadmap.objects.for_reading()``) as spreadsheet rows, one
    per step in the plan's order, with its owner's levels (``CSV_HEADER``)."""
    return [
        (
            RoadmapStep.Stage(item.step.stage).label.lower(),
            item.step.position + 1,
            item.step.technology.name,
            item.step.technology.slug,
            item.step.technology.category,
            item.status,
            item.since.date().isoformat() if item.since else "",
            " ".join(technology.slug for technology in item.after),
            item.step.note,
        )
        for item in read_plan(roadmap).steps
    ]


def export_text(roadmap: Roadmap, format: str) -> str:
    """``roadmap`` (fetched with ``Roadmap.objects.for_reading()``) as Markdown or JSON, with
    its owner's levels and fit to the target roles."""
    plan, fit = _plan_and_fit(roadmap)
    if format == "json":
        return json.dumps(to_data(plan, fit), indent=2, ensure_ascii=False) + "\n"
    return to_markdown(plan, fit)


def export_data(roadmap: Roadmap) -> dict:
    """What the JSON export of ``roadmap`` (as ``export_text`` takes it) holds, as data."""
    return to_data(*_plan_and_fit(roadmap))


def _plan_and_fit(roadmap: Roadmap) -> tuple[Plan, TargetFit]:
    fit = target_fit(user=roadmap.owner, areas=roadmap.areas.all(), roles=roadmap.roles.all())
    return read_plan(roadmap), fit


def _role_name(role) -> str:
    return f"{role.title} at {role.company}" if role.company_id else role.title


def to_markdown(plan: Plan, fit: TargetFit) -> str:
    """One heading, a paragraph, the description, a bullet per stage with its steps, then
    the owner's fit to the best-fitting target roles."""
    roadmap = plan.roadmap
    targets = [area.name for area in roadmap.areas.all()] + [
        _role_name(role) for role in roadmap.roles.all()
    ]
    lines = [
        # A heading's text is the field's name as written, not Markdown.
        f"#\t{' '.join(roadmap.title.split())}",
        "",
        f"A learning roadmap by {escape(roadmap.owner.get_username())} for "
        f"{escape('; '.join(targets))}, exported from Fieldnotes on "
        f"{timezone.localdate():%Y-%m-%d}: {plan.done} of {len(plan.steps)} steps done.",
        "",
    ]
    if roadmap.description.strip():
        lines += [roadmap.description.strip(), ""]
    for stage in plan.stages():
        lines.append(bullet_prefix(0) + stage.label)
        for item in stage.steps:
            name, status = escape(item.step.technology.name), item.status_label.lower()
            if item.since and item.status != "none":
                status += f" since {item.since:%Y-%m-%d}"
            after = f"; after {item.after_names}" if item.after else ""
            lines.append(f"{bullet_prefix(1)}{name} ({status}): {escape(item.why + after)}")
            note = [line for line in item.step.note.splitlines() if line.strip()]
            lines += [bullet_prefix(2) + escape(line) for line in note]
    if fit.best:
        lines.append(
            f"{bullet_prefix(0)}Fit to the target roles: the {len(fit.best)} best of "
            f"{fit.role_count}, by the share of each role's requirements known"
        )
        lines += [
            f"{bullet_prefix(1)}{escape(_role_name(role))}: {escape(role_fit.describe())}"
            for role, role_fit in fit.best
        ]
    return "\n".join(lines) + "\n"


def to_data(plan: Plan, fit: TargetFit) -> dict:
    roadmap = plan.roadmap
    return {
        "title": roadmap.title,
        "slug": roadmap.slug,
        "url": roadmap.get_absolute_url(),
        "owner": roadmap.owner.get_username(),
        "public": roadmap.is_public,
        "description": roadmap.description,
        "created": roadmap.created.isoformat(),
        "updated": roadmap.updated.isoformat(),
        "targets": {
            "fields": [{"name": a.name, "slug": a.slug} for a in roadmap.areas.all()],
            "roles": [
                {"title": r.title, "slug": r.slug, "company": r.company.name if r.company else None}
                for r in roadmap.roles.all()
            ],
        },
        "progress": {
            "done": plan.done,
            "steps": len(plan.steps),
            "done_by_day": [
                {"day": day.isoformat(), "done": done} for day, done in plan.done_by_day
            ],
        },
        "fit": {
            "roles_counted": fit.role_count,
            "best": [_fit_data(role, role_fit) for role, role_fit in fit.best],
        },
        "steps": [
            {
                "stage": RoadmapStep.Stage(item.step.stage).label.lower(),
                "position": item.step.position,
                "technology": {
                    "name": item.step.technology.name,
                    "slug": item.step.technology.slug,
                    "category": item.step.technology.category,
                },
                "status": item.status,
                "since": item.since.isoformat() if item.since else None,
                "note": item.step.note,
                "why": item.why,
                "after": [technology.slug for technology in item.after],
                "figures": {name: getattr(item.step, name) for name in FIGURES}
                | {"score": round(item.step.score, 4)},
            }
            for item in plan.steps
        ],
    }


def _fit_data(role, fit: Fit) -> dict:
    return {
        "role": {
            "title": role.title,
            "slug": role.slug,
            "company": role.company.name if role.company_id else None,
            "url": role.get_absolute_url(),
        },
        "score": None if fit.score is None else round(fit.score, 4),
        "requirements": {"known": fit.required_known, "of": len(fit.required)},
        "preferences": {"known": fit.preferred_known, "of": len(fit.preferred)},
        "missing": [slug for _, slug in fit.missing],
    }
