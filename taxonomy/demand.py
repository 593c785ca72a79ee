"""How often technologies are asked for: by how many public skill sets, in one query each."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q

from taxonomy.line_kinds import LineKind
from taxonomy.models import DataVersion, SkillSet, TaggedSkill, Technology

ASKING_KINDS = tuple(kind.value for kind in LineKind if kind.asks)


def _asking_lines(via: str = "") -> Q:
    """Public lines that ask for what they name (a company's blurb or a link only mentions
    it), as a filter on tags, or on what reaches them through ``via``."""
    return Q(
        **{
            f"{via}content_object__is_placeholder": False,
            f"{via}content_object__skill_set__is_placeholder": False,
            f"{via}content_object__kind__in": ASKING_KINDS,
        }
    )


_PUBLIC = _asking_lines("tagged_skills__")  # on technologies


@dataclass(frozen=True, slots=True)
class Demand:
    technology: Technology
    count: int


def with_demand(technologies, where: Q = _PUBLIC):
    """``technologies`` annotated with ``demand``: how many public skill sets ask for each."""
    return technologies.annotate(
        demand=Count("tagged_skills__content_object__skill_set", filter=where, distinct=True)
    )


def field_spread() -> tuple[dict[int, int], int]:
    """How many fields have a public skill set asking for each technology, and how many
    fields have public skill sets; counted over the whole data, so kept in the cache until
    the data changes."""

    def compute():
        spread = Technology.objects.annotate(
            fields=Count(
                "tagged_skills__content_object__skill_set__area", filter=_PUBLIC, distinct=True
            )
        )
        fields = dict(spread.filter(fields__gt=0).order_by().values_list("pk", "fields"))
        return fields, SkillSet.objects.public().values("area").distinct().count()

    return DataVersion.objects.cached("field-spread", (), compute)


def technology_demand(
    *, areas: list[int] | None = None, roles: list[int] | None = None, limit: int | None = None
) -> list[Demand]:
    """Technologies by the number of public skill sets asking for them, most first.

    ``areas`` and ``roles`` narrow the skill sets counted to those fields or postings. The
    tags are filtered first and only theirs are grouped (filtering inside the count joined
    every tag of the data: 1.7 s for a field page at 100x the notes).
    """
    tags = TaggedSkill.objects.filter(_asking_lines())
    if areas is not None:
        tags = tags.filter(content_object__skill_set__area__in=areas)
    if roles is not None:
        tags = tags.filter(content_object__skill_set__role__in=roles)
    counted = (
        tags.order_by()
        .values("tag")
        .annotate(demand=Count("content_object__skill_set", distinct=True))
        .order_by("-demand", "tag__name")
        .values_list("tag", "demand")
    )
    if limit is not None:
        counted = counted[:limit]
    rows = list(counted)
    technologies = Technology.objects.in_bulk([pk for pk, _ in rows])
    return [Demand(technologies[pk], count) for pk, count in rows]


@dataclass(frozen=True, slots=True)
class Comparison:
    both: list[tuple[Technology, int, int]]
    only_a: list[Demand]
    only_b: list[Demand]


def compare_demand(a: list[Demand], b: list[Demand]) -> Comparison:
    """Side by side: what both ask for (by combined demand), and what only one does."""
    in_b = {d.technology.pk: d for d in b}
    in_a = {d.technology.pk: d for d in a}
    both = [
        (d.technology, d.count, in_b[d.technology.pk].count) for d in a if d.technology.pk in in_b
    ]
    both.sort(key=lambda row: (-(row[1] + row[2]), row[0].name))
    return Comparison(
        both=both,
        only_a=[d for d in a if d.technology.pk not in in_b],
        only_b=[d for d in b if d.technology.pk not in in_a],
    )
