"""One line per imported posting, and the totals, as the command and the admin show them."""

from __future__ import annotations

from collections import Counter

from postings.importing.service import PostingReport
from taxonomy.models import SkillSet


def summary_line(report: PostingReport) -> str:
    plan = report.plan
    if report.already_imported:
        posting = plan.existing
        titles = ", ".join(role.title for role in plan.existing_roles) or "no roles left"
        when = posting.imported_at.date().isoformat()
        return (
            f"{plan.source_name}: already imported on {when} as posting {posting.pk} "
            f"({titles}); nothing created"
        )
    company = plan.company_name or "no company named"
    if plan.company_name and plan.company is None:
        company += " (new)"
    titles = ", ".join(
        f"{role.title} (titled after the file: its text names no title; --title to set one)"
        if role.titled_from_file
        else role.title
        for role in plan.roles
    )
    roles = f"{len(plan.roles)} role{'s' if len(plan.roles) != 1 else ''}: {titles}"
    return (
        f"{plan.source_name}: {company} · {roles} · field {field_text(report)} · "
        f"skill sets: {kinds_text(report)} · {len(plan.technologies)} technologies"
    )


def field_text(report: PostingReport) -> str:
    plan = report.plan
    if not plan.guesses:
        return f"{plan.area.name} (given)"
    best = plan.guesses[0]
    return f"{plan.area.name} (guessed, score {best.score:.2f})"


def kinds_text(report: PostingReport) -> str:
    counts = Counter(s.kind for role in report.plan.roles for s in role.sets)
    parts = [
        f"{counts[kind]} {label.lower()}" for kind, label in SkillSet.Kind.choices if counts[kind]
    ]
    return ", ".join(parts) or "none"


def totals_line(reports: list[PostingReport], *, dry_run: bool) -> str:
    new = [r for r in reports if not r.already_imported]
    roles = sum(len(r.plan.roles) for r in new)
    sets = sum(len(role.sets) for r in new for role in r.plan.roles)
    skills = sum(
        sum(1 for _ in skill_set.walk())
        for r in new
        for role in r.plan.roles
        for skill_set in role.sets
    )
    technologies = len({slug for r in new for slug in r.plan.technologies})
    verb = "Would import" if dry_run else "Imported"
    again = len(reports) - len(new)
    already = f" ({again} already imported)" if again else ""
    return (
        f"{verb} {len(new)} posting{'s' if len(new) != 1 else ''}{already}: {roles} roles, "
        f"{sets} skill sets, {skills} skills, {technologies} technologies."
    )
