"""Find fields and roles to plan for, as a person types their name.

A substring match on each word, not the site search: the picker must match "mlo" or
"kube" while the word is still being typed, which PostgreSQL's websearch does not.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q

from postings.models import Role
from taxonomy.models import ResearchArea
from taxonomy.tree import FieldCounts, field_counts

NOTHING_COUNTED = FieldCounts(0, 0)

MAX_EACH = 12
MAX_WORDS = 6


@dataclass(slots=True)
class Candidates:
    query: str
    areas: list[ResearchArea] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)


def find_targets(query: str, *, chosen_areas=(), chosen_roles=()) -> Candidates:
    """Fields and roles whose names hold every word of ``query``, not already chosen.

    Without words, the fields with the most skill sets are suggested. Each field carries
    ``role_count`` and ``skill_set_count``, counted as the home page counts them
    (``taxonomy.tree.field_counts``).
    """
    words = query.split()[:MAX_WORDS]
    counts = field_counts()  # in document order
    chosen = {a.pk for a in chosen_areas}
    if not words:
        order = {pk: index for index, pk in enumerate(counts)}
        popular = sorted(
            (pk for pk, c in counts.items() if c.skill_sets and pk not in chosen),
            key=lambda pk: (-counts[pk].skill_sets, order[pk]),
        )[:MAX_EACH]
        found = ResearchArea.objects.in_bulk(popular)
        return Candidates(query, areas=_counted([found[pk] for pk in popular], counts))
    area_match, role_match = Q(), Q()
    for word in words:
        area_match &= Q(name__icontains=word) | Q(slug__icontains=word)
        role_match &= Q(title__icontains=word) | Q(company__name__icontains=word)
    roles = (
        Role.objects.filter(role_match)
        .exclude(pk__in=[r.pk for r in chosen_roles])
        .select_related("company", "area")
        .order_by("title", "pk")
    )
    areas = ResearchArea.objects.filter(area_match).exclude(pk__in=chosen).order_by("position")
    return Candidates(query, areas=_counted(areas[:MAX_EACH], counts), roles=list(roles[:MAX_EACH]))


def _counted(areas, counts) -> list[ResearchArea]:
    areas = list(areas)
    for area in areas:  # a field written around sync_index has no count yet: none
        counted = counts.get(area.pk, NOTHING_COUNTED)
        area.role_count, area.skill_set_count = counted.roles, counted.skill_sets
    return areas
