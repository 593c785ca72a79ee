"""How well a person fits a role, from what they know (working or expert).

A role's requirements are the technologies its public skill lines ask for as requirements,
each weighted by how many of its lines require it; its preferences are what it asks for but
never requires. The fit is the share of the requirements' weight the person knows, beside how
many preferences they know, and the requirements they miss that weigh most.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, QuerySet

from postings.models import Role
from roadmaps.demand import REQUIRED, asking_lines, is_required, target_roles, targets_key
from roadmaps.models import SkillProgress
from taxonomy.models import DataVersion, SkillSet

MISSING_SHOWN = 3
# The best-fitting target roles a roadmap's exports list (the fit page lists them all).
EXPORTED_FITS = 25


@dataclass(slots=True)
class Fit:
    role_id: int
    required: dict[int, int] = field(default_factory=dict)  # technology id → lines requiring
    asked: set[int] = field(default_factory=set)  # every technology its lines ask for
    known: frozenset[int] = frozenset()
    names: dict[int, tuple[str, str]] = field(default_factory=dict)  # id → (name, slug)

    @property
    def preferred(self) -> set[int]:
        return self.asked - self.required.keys()

    @property
    def score(self) -> float | None:
        """The share of the requirements' weight known; None when it requires nothing."""
        total = sum(self.required.values())
        if not total:
            return None
        return sum(w for pk, w in self.required.items() if pk in self.known) / total

    @property
    def percent(self) -> int | None:
        return None if self.score is None else round(100 * self.score)

    @property
    def required_known(self) -> int:
        return len(self.required.keys() & self.known)

    @property
    def preferred_known(self) -> int:
        return len(self.preferred & self.known)

    def describe(self) -> str:
        """The fit in words, as the fit page shows it: "50% of its requirements (1 of 2);
        0 of 1 preferred; missing: Python"."""
        if self.percent is None:
            parts = ["asks for no requirement"]
        else:
            parts = [
                f"{self.percent}% of its requirements ({self.required_known} of "
                f"{len(self.required)})"
            ]
        if self.preferred:
            parts.append(f"{self.preferred_known} of {len(self.preferred)} preferred")
        if self.missing:
            parts.append("missing: " + ", ".join(name for name, _ in self.missing))
        return "; ".join(parts)

    @property
    def missing(self) -> list[tuple[str, str]]:
        """(name, slug) of the unknown requirements that weigh most, at most three."""
        unknown = [pk for pk in self.required if pk not in self.known]
        unknown.sort(key=lambda pk: (-self.required[pk], self.names[pk][0].casefold()))
        return [self.names[pk] for pk in unknown[:MISSING_SHOWN]]


def known_by(user) -> frozenset[int]:
    """Ids of the technologies ``user`` knows, at working level or above; one query."""
    return frozenset(SkillProgress.objects.done_by(user).values_list("technology_id", flat=True))


def role_fits(*, user, roles: QuerySet) -> dict[int, Fit]:
    """``{role id: Fit}`` for every role of ``roles`` that asks for anything; two queries
    however many roles."""
    known = known_by(user)
    sets = SkillSet.objects.public().filter(role__in=roles.values("pk"))
    rows = asking_lines(sets).values_list(
        "content_object__skill_set__role_id",
        "tag_id",
        "tag__name",
        "tag__slug",
        "content_object__skill_set__kind",
        "content_object__kind",
        "optional",
    )
    fits: dict[int, Fit] = {}
    for role_id, tag, name, slug, set_kind, line_kind, optional in rows:
        fit = fits.get(role_id)
        if fit is None:
            fit = fits[role_id] = Fit(role_id, known=known)
        fit.asked.add(tag)
        fit.names[tag] = (name, slug)
        if is_required(set_kind, line_kind, optional):
            fit.required[tag] = fit.required.get(tag, 0) + 1
    return fits


@dataclass(frozen=True, slots=True)
class Requirements:
    """What a set of roles requires, in the shape that scores them for anyone quickly: kept
    in the cache until the data changes (ids and counts in arrays, cheap to read back)."""

    order: array  # role ids, by title
    totals: dict[int, int]  # role id → lines requiring (roles requiring anything)
    by_technology: dict[int, tuple[array, array]]  # technology id → (role ids, lines)

    def scores(self, known: Iterable[int]) -> dict[int, float]:
        """``{role id: Fit.score}`` for a person who knows ``known``."""
        got = dict.fromkeys(self.totals, 0)
        for technology in known:
            roles, weights = self.by_technology.get(technology, ((), ()))
            for role, weight in zip(roles, weights, strict=True):
                got[role] += weight
        return {role: got[role] / total for role, total in self.totals.items()}


def requirements_of(roles: QuerySet, *, key) -> Requirements:
    """The requirements of ``roles``, cached by ``key`` (what ``roles`` are: a roadmap's
    targets, or every role) until the data changes; two queries when not cached."""
    return DataVersion.objects.cached("requirements", key, lambda: _requirements(roles))


def _requirements(roles: QuerySet) -> Requirements:
    sets = SkillSet.objects.public().filter(role__in=roles.values("pk"))
    rows = (
        asking_lines(sets)
        .filter(REQUIRED)
        .values("content_object__skill_set__role_id", "tag_id")
        .annotate(weight=Count("id"))
        .order_by()
        .values_list("content_object__skill_set__role_id", "tag_id", "weight")
    )
    totals: dict[int, int] = {}
    by_technology: dict[int, tuple[array, array]] = {}
    for role, technology, weight in rows:
        totals[role] = totals.get(role, 0) + weight
        ids, weights = by_technology.setdefault(technology, (array("q"), array("q")))
        ids.append(role)
        weights.append(weight)
    titles = sorted(roles.values_list("title", "pk"), key=lambda row: (row[0].casefold(), row[1]))
    return Requirements(array("q", [pk for _, pk in titles]), totals, by_technology)


def by_fit(*, user, roles: QuerySet, key) -> list[int]:
    """Ids of ``roles``, best fit first (those requiring nothing last), then by title; one
    query when the requirements are cached (a page of thousands of roles needs only the
    scores to sort; ``role_fits`` then details the page's roles). ``key`` as for
    ``requirements_of``."""
    requirements = requirements_of(roles, key=key)
    scores = requirements.scores(known_by(user))
    return sorted(requirements.order, key=lambda pk: -scores.get(pk, -1))


def fits_of(*, user, ids: list[int]) -> list[tuple[Role, Fit]]:
    """``(role, fit)`` for each of ``ids``, in their order; three queries."""
    found = Role.objects.select_related("company").in_bulk(ids)
    fits = role_fits(user=user, roles=Role.objects.filter(pk__in=ids))
    return [(found[pk], fits.get(pk) or Fit(pk)) for pk in ids]


@dataclass(frozen=True, slots=True)
class TargetFit:
    """How well a person fits a roadmap's target roles: the best ones, of how many."""

    best: list[tuple[Role, Fit]]
    role_count: int


def targets_by_fit(*, user, areas, roles) -> list[int]:
    """Ids of the target roles of ``areas`` and ``roles`` (``demand.target_roles``), best fit
    first, as ``by_fit`` orders them."""
    areas, roles = list(areas), list(roles)
    targets = target_roles(areas=areas, roles=roles)
    return by_fit(user=user, roles=targets, key=targets_key(areas, roles))


def target_fit(*, user, areas, roles, limit: int = EXPORTED_FITS) -> TargetFit:
    ids = targets_by_fit(user=user, areas=areas, roles=roles)
    return TargetFit(fits_of(user=user, ids=ids[:limit]), len(ids))
