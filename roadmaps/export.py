"""A roadmap as Markdown (a notes section that ``import_notes`` reads) and as JSON data."""

from __future__ import annotations

import re

from django.utils import timezone

from roadmaps.models import RoadmapStep
from roadmaps.ranking import FIGURES
from roadmaps.reading import Plan
from taxonomy.notes.exporter import bullet_prefix

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def escape(text: str) -> str:
    """``text`` shown as written in Markdown (a name like ``C*`` or ``[x]`` is not markup)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def to_markdown(plan: Plan) -> str:
    """One heading, a paragraph, the description, then a bullet per stage with its steps."""
    roadmap = plan.roadmap
    targets = [area.name for area in roadmap.areas.all()] + [
        f"{role.title} at {role.company}" if role.company_id else role.title
        for role in roadmap.roles.all()
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
    return "\n".join(lines) + "\n"


def to_data(plan: Plan) -> dict:
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
