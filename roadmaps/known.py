"""What a person knows: technologies found in text they paste (a CV, a list of tools), with the
matcher the importers tag skill lines with, and their levels."""

from __future__ import annotations

from roadmaps.models import SkillProgress
from taxonomy.models import Technology
from taxonomy.vocabulary import technology_matcher

# A CV is a few pages; more than this is not one, and is refused rather than read.
MAX_TEXT = 20_000
# The most technologies found, shown and confirmed at once.
MAX_FOUND = 500


def technologies_in(text: str) -> list[Technology]:
    """The technologies ``text`` names, line by line as the importers read skill lines, in
    order of first mention; the first ``MAX_FOUND``."""
    matcher = technology_matcher()
    slugs = dict.fromkeys(slug for line in text.splitlines() for slug in matcher.find(line))
    found = Technology.objects.in_bulk(list(slugs)[:MAX_FOUND], field_name="slug")
    return [found[slug] for slug in slugs if slug in found]


def levels_of(user) -> dict[str, list[SkillProgress]]:
    """``user``'s recorded levels, by level label, highest first, each list by name."""
    rows = (
        SkillProgress.objects.filter(user=user)
        .exclude(status=SkillProgress.Status.NONE)
        .select_related("technology")
        .order_by("technology__name")
    )
    order = [SkillProgress.Status.EXPERT, SkillProgress.Status.WORKING]
    order += [SkillProgress.Status.LEARNING, SkillProgress.Status.SKIPPED]
    grouped = {status.label: [] for status in order}
    for row in rows:
        grouped[SkillProgress.Status(row.status).label].append(row)
    return {label: rows for label, rows in grouped.items() if rows}
