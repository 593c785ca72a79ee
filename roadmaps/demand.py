"""What a roadmap's targets ask for, read from the database and ranked by ``ranking.rank``.

The skill sets counted are the public ones of the target fields (each as
``AreaTree.field``: its sub-fields and the sections the notes file under it) and of the
target roles. A skill set nested in another counts with it, and the sections of one
saved posting (responsibilities, requirements, preferred, stack) count as one skill set, as
a posting copied into the notes is one skill set.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import BigIntegerField, Case, Count, F, Q, QuerySet, When
from django.db.models.functions import Coalesce

from postings.models import Role
from roadmaps.ranking import Ranked, rank
from taxonomy.demand import ASKING_KINDS, field_spread
from taxonomy.line_kinds import LineKind
from taxonomy.models import DataVersion, SkillSet, TaggedSkill, Technology
from taxonomy.tree import AreaTree, subtree_ids

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
    targets: tuple  # (field ids, role ids), sorted: what the figures are cached by
    skill_sets: QuerySet  # the targets' public skill sets
    out_of: int  # target skill sets (as counted above)
    ranked: list[Ranked]  # ``technology`` is a Technology id
    roles_requiring: dict[int, int]  # technology id → target roles requiring it
    role_count: int  # target roles: roles with a target skill set

    def technologies(self, ids=None) -> dict[int, Technology]:
        """``{id: Technology}`` of ``ids``, or of everything ranked; one query. (The cached
        figures hold ids only: a page reads the few technologies it shows.)"""
        ids = [row.technology for row in self.ranked] if ids is None else list(ids)
        return Technology.objects.in_bulk(ids)

    def of(self, technology_id: int) -> Ranked:
        """The figures of one technology, zero when the targets never ask for it."""
        for ranked in self.ranked:
            if ranked.technology == technology_id:
                return ranked
        return Ranked(technology_id, 0, 0, self.out_of, 0, 0)


def asking_lines(skill_sets: QuerySet) -> QuerySet:
    """The tags of the public lines of ``skill_sets`` that ask for what they name: a
    company's blurb or a link names technologies without asking for them."""
    return TaggedSkill.objects.filter(
        content_object__is_placeholder=False,
        content_object__skill_set__in=skill_sets.values("id"),
        content_object__kind__in=ASKING_KINDS,
    )


# ``is_required`` as a condition on a tag's line (the database counts with it).
REQUIRED = Q(
    content_object__skill_set__kind__in=_REQUIRING_KINDS,
    content_object__kind__in=REQUIRING_LINES,
    optional=False,
)


def target_skill_sets(*, areas, roles):
    """Public skill sets of the target fields (``AreaTree.field`` of each) and roles."""
    in_fields = Q(pk__in=[])
    if areas:
        tree = AreaTree.load()
        heads = {head for area in areas for head in tree.heads(area.pk)}
        in_fields = Q(area__in=subtree_ids(sorted(heads)))
    return SkillSet.objects.public().filter(in_fields | Q(role__in=list(roles)))


def targets_key(areas, roles) -> tuple:
    """What a roadmap's targets are, for the cache: (field ids, role ids), sorted."""
    return (sorted(area.pk for area in areas), sorted(role.pk for role in roles))


def target_roles(*, areas, roles) -> QuerySet:
    """The target roles: those with a public skill set among the targets' (what the gap
    view's "requiring it: N of M roles" and the fit page count)."""
    sets = target_skill_sets(areas=areas, roles=roles).filter(role__isnull=False)
    return Role.objects.filter(pk__in=sets.values("role_id"))


def _unit(prefix: str = ""):
    """What counts as one skill set, as an expression: a saved posting's role (its sections
    are one posting), else the set a nested set belongs to, else the set itself. Roles are
    negative so that they never meet a skill set's id."""
    return Case(
        When(**{f"{prefix}role__posting__isnull": False}, then=-F(f"{prefix}role_id")),
        default=Coalesce(f"{prefix}parent_id", f"{prefix}id"),
        output_field=BigIntegerField(),
    )


def _counted(sets: QuerySet, technologies: list[int] | None) -> tuple[int, dict, dict, int]:
    """Out of, ``{technology: (asked in, required in)}``, ``{technology: roles requiring}``
    and the target roles, counted by the database in four queries."""
    out_of = sets.aggregate(n=Count(_unit(), distinct=True))["n"]
    tagged = asking_lines(sets)
    if technologies is not None:
        tagged = tagged.filter(tag__in=technologies)
    unit = _unit("content_object__skill_set__")
    counts = tagged.values("tag_id").annotate(
        asked=Count(unit, distinct=True),
        required=Count(Case(When(REQUIRED, then=unit)), distinct=True),
    )
    counted = {row["tag_id"]: (row["asked"], row["required"]) for row in counts.order_by()}
    role_sets = sets.filter(role__isnull=False)
    requiring = asking_lines(role_sets).filter(REQUIRED)
    if technologies is not None:
        requiring = requiring.filter(tag__in=technologies)
    requiring = requiring.values("tag_id").annotate(
        roles=Count("content_object__skill_set__role", distinct=True)
    )
    roles_requiring = {row["tag_id"]: row["roles"] for row in requiring.order_by()}
    role_count = role_sets.aggregate(n=Count("role", distinct=True))["n"]
    return out_of, counted, roles_requiring, role_count


def target_demand(*, areas, roles, technologies: list[int] | None = None) -> TargetDemand:
    """Rank what the targets ask for; ``technologies`` limits the ranking to those ids.

    The whole ranking is kept in the cache until the data changes: it depends on the
    targets and the data only, never on who asks."""
    areas, roles = list(areas), list(roles)
    sets = target_skill_sets(areas=areas, roles=roles)

    def compute():
        out_of, counted, roles_requiring, role_count = _counted(sets, technologies)
        spread, field_count = field_spread()
        known = Technology.objects.in_bulk(list(counted))
        id_of = {technology.slug: pk for pk, technology in known.items()}
        ranked = rank(
            counted,
            out_of=out_of,
            fields_asking=spread,
            field_count=field_count,
            name_of=lambda pk: known[pk].name.casefold(),
            prerequisites={
                pk: [id_of[slug] for slug in t.prerequisites if slug in id_of]
                for pk, t in known.items()
            },
        )
        return out_of, ranked, roles_requiring, role_count

    targets = targets_key(areas, roles)
    if technologies is None:
        figures = DataVersion.objects.cached("target-demand", targets, compute)
    else:
        figures = compute()
    return TargetDemand(targets, sets, *figures)


# The roles asking for a technology that the gap view names; it counts the rest.
ROLES_SHOWN = 5


@dataclass(frozen=True, slots=True)
class Asking:
    roles: list[Role]  # the first ``ROLES_SHOWN`` target roles asking, by title
    count: int  # target roles asking in all

    @property
    def more(self) -> int:
        return self.count - len(self.roles)


def roles_asking(demand: TargetDemand, technologies: list[int]) -> dict[int, Asking]:
    """For each technology, the first ``ROLES_SHOWN`` target roles asking for it (by title)
    and how many ask in all. What is kept in the cache until the data changes is ids and
    counts only, so a warm page reads a few roles, not thousands; two queries cold, one
    warm."""
    parts = (demand.targets, sorted(technologies))
    firsts = DataVersion.objects.cached(
        "roles-asking", parts, lambda: _roles_asking(demand, technologies)
    )
    wanted = {pk for ids, _ in firsts.values() for pk in ids}
    found = Role.objects.select_related("company").in_bulk(wanted)
    return {pk: Asking([found[role] for role in ids], count) for pk, (ids, count) in firsts.items()}


def _roles_asking(demand: TargetDemand, technologies: list[int]) -> dict[int, tuple[list, int]]:
    rows = (
        asking_lines(demand.skill_sets.filter(role__isnull=False))
        .filter(tag__in=technologies)
        .values_list(
            "tag_id", "content_object__skill_set__role_id", "content_object__skill_set__role__title"
        )
        .distinct()
    )
    asking: dict[int, list[tuple[str, int]]] = {}
    for technology, role, title in rows:
        asking.setdefault(technology, []).append((title.casefold(), role))
    return {
        technology: ([role for _, role in sorted(roles)[:ROLES_SHOWN]], len(roles))
        for technology, roles in asking.items()
    }
