"""What a roadmap's targets ask for, read from the database and ranked by ``ranking.rank``.

The skill sets counted are the public ones of the target fields (with their sub-fields) and
of the target roles. A skill set nested in another counts with it, and the sections of one
saved posting (responsibilities, requirements, preferred, stack) count as one skill set, as
a posting copied into the notes is one skill set.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from postings.models import Role
from roadmaps.ranking import Ask, Ranked, rank
from taxonomy.demand import ASKING_KINDS, with_field_spread
from taxonomy.line_kinds import LineKind
from taxonomy.models import SkillSet, TaggedSkill, Technology
from taxonomy.tree import AreaTree

# Kinds of skill sets whose lines ask for what they name; the other kinds only mention it.
_REQUIRING_KINDS = {SkillSet.Kind.REQUIREMENTS, SkillSet.Kind.GENERAL}
REQUIRING_LINES = tuple(kind.value for kind in LineKind if kind.requires)


def is_required(set_kind: str, line_kind: str, optional: bool) -> bool:
    """Whether a line asks for a technology as a requirement: a requiring line, in a skill set
    of requirements (or of everything, as in the notes), not in a clause marked optional
    ("Must know Python, Go is a plus" asks for Go as a preference)."""
    return set_kind in _REQUIRING_KINDS and line_kind in REQUIRING_LINES and not optional


@dataclass(frozen=True, slots=True)
class TargetDemand:
    skill_sets: QuerySet  # the targets' public skill sets
    out_of: int  # target skill sets (as counted above)
    ranked: list[Ranked]  # ``technology`` is a Technology id
    technologies: dict[int, Technology]

    def of(self, technology: Technology) -> Ranked:
        """The figures of one technology, zero when the targets never ask for it."""
        for ranked in self.ranked:
            if ranked.technology == technology.pk:
                return ranked
        return Ranked(technology.pk, 0, 0, self.out_of, 0, 0)


def asking_lines(skill_sets: QuerySet) -> QuerySet:
    """The tags of the public lines of ``skill_sets`` that ask for what they name: a
    company's blurb or a link names technologies without asking for them."""
    return TaggedSkill.objects.filter(
        content_object__is_placeholder=False,
        content_object__skill_set__in=skill_sets.values("id"),
        content_object__kind__in=ASKING_KINDS,
    )


def target_skill_sets(*, areas, roles):
    """Public skill sets of the target fields (sub-fields included) and roles."""
    tree = AreaTree.load()
    area_ids = {pk for area in areas for pk in tree.subtree(area.pk)}
    return SkillSet.objects.public().filter(Q(area__in=area_ids) | Q(role__in=list(roles)))


def _unit(skill_set_id: int, parent_id: int | None, role_id: int | None, posting_id) -> tuple:
    if posting_id is not None:
        return ("posting role", role_id)
    return ("skill set", parent_id or skill_set_id)


def target_demand(*, areas, roles, technologies: list[int] | None = None) -> TargetDemand:
    """Rank what the targets ask for; ``technologies`` limits the ranking to those ids."""
    sets = target_skill_sets(areas=areas, roles=roles)
    set_rows = sets.values_list("id", "parent_id", "role_id", "role__posting_id", "kind")
    unit_of, set_kind = {}, {}
    for pk, parent_id, role_id, posting_id, kind in set_rows:
        unit_of[pk] = _unit(pk, parent_id, role_id, posting_id)
        set_kind[pk] = kind

    tagged = asking_lines(sets)
    if technologies is not None:
        tagged = tagged.filter(tag__in=technologies)
    rows = tagged.values_list(
        "tag_id", "content_object__skill_set_id", "content_object__kind", "optional"
    )
    asks = [
        Ask(
            technology=tag,
            skill_set=unit_of[skill_set],
            required=is_required(set_kind[skill_set], kind, optional),
        )
        for tag, skill_set, kind, optional in rows
    ]
    asked = {ask.technology for ask in asks}
    known = with_field_spread(Technology.objects.filter(pk__in=asked)).in_bulk()
    out_of = len(set(unit_of.values()))
    id_of = {technology.slug: pk for pk, technology in known.items()}
    ranked = rank(
        asks,
        out_of=out_of,
        fields_asking={pk: t.fields for pk, t in known.items()},
        field_count=SkillSet.objects.public().values("area").distinct().count(),
        name_of=lambda pk: known[pk].name.casefold(),
        prerequisites={
            pk: [id_of[slug] for slug in t.prerequisites if slug in id_of]
            for pk, t in known.items()
        },
    )
    return TargetDemand(skill_sets=sets, out_of=out_of, ranked=ranked, technologies=known)


def roles_asking(demand: TargetDemand, technologies: list[int]) -> dict[int, list[Role]]:
    """For each technology, the target roles whose skill sets ask for it, in two queries."""
    pairs = (
        asking_lines(demand.skill_sets.filter(role__isnull=False))
        .filter(tag__in=technologies)
        .values_list("tag_id", "content_object__skill_set__role_id")
        .distinct()
    )
    pairs = list(pairs)
    found = Role.objects.select_related("company").in_bulk({role for _, role in pairs})
    asking: dict[int, list[Role]] = {}
    for technology, role in pairs:
        asking.setdefault(technology, []).append(found[role])
    for listed in asking.values():
        listed.sort(key=lambda role: (role.title.casefold(), role.pk))
    return asking
