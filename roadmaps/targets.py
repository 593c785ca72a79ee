"""Find fields and roles to plan for, as a person types their name.

A substring match on each word, not the site search: the picker must match "mlo" or
"kube" while the word is still being typed, which PostgreSQL's websearch does not.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q

from postings.models import Role
from taxonomy.models import ResearchArea

MAX_EACH = 12
MAX_WORDS = 6


@dataclass(slots=True)
class Candidates:
    query: str
    areas: list[ResearchArea] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)


def find_targets(query: str, *, chosen_areas=(), chosen_roles=()) -> Candidates:
    """Fields and roles whose names hold every word of ``query``, not already chosen.

    Without words, the fields with the most skill sets are suggested.
    """
    words = query.split()[:MAX_WORDS]
    areas = ResearchArea.objects.with_counts().exclude(pk__in=[a.pk for a in chosen_areas])
    if not words:
        popular = areas.filter(skill_set_count__gt=0).order_by("-skill_set_count", "position")
        return Candidates(query, areas=list(popular[:MAX_EACH]))
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
    return Candidates(
        query,
        areas=list(areas.filter(area_match).order_by("position")[:MAX_EACH]),
        roles=list(roles[:MAX_EACH]),
    )
