"""How often technologies are asked for: by how many public skill sets, in one query each.

Every figure counts ``AskedTechnology`` rows, one per skill set and technology it asks for,
which ``refresh_asks`` keeps in step with the skills and their tags at every write.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection
from django.db.models import Count, F, OuterRef, Subquery
from django.db.models.functions import Coalesce

from postings.models import Role
from taxonomy.line_kinds import LineKind
from taxonomy.models import (
    AskedTechnology,
    DataVersion,
    ResearchArea,
    SkillSet,
    TaggedSkill,
    Technology,
)
from taxonomy.tree import AreaTree, Node, subtree_ids

ASKING_KINDS = tuple(kind.value for kind in LineKind if kind.asks)


def refresh_asks(*, skill_sets: Iterable[int] | None = None) -> None:
    """Rewrite the ``AskedTechnology`` rows of ``skill_sets`` (of every skill set if None)
    from their skills and tags, in one ``INSERT … SELECT DISTINCT`` per 500 sets, then
    count every ``Technology.demand`` again.

    A public line that asks (a requirement, preference or duty, not a company's blurb) and
    is tagged with a technology makes its set ask for it; a placeholder set asks for nothing.
    """
    rows = AskedTechnology.objects.all()
    if skill_sets is None:
        rows.delete()
        _insert_asks(TaggedSkill.objects.all())
    else:
        ids = sorted(set(skill_sets))
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            rows.filter(skill_set__in=chunk).delete()
            _insert_asks(TaggedSkill.objects.filter(content_object__skill_set__in=chunk))
    _recount_demand()


def _recount_demand() -> None:
    """Every ``Technology.demand`` from the ``AskedTechnology`` rows, in one ``UPDATE``
    counting each one's own index range and writing only the rows whose count changed.
    Every one, not only those of the sets rewritten: a deleted skill set's rows went with
    it, and with them any trace of what it asked for (20-25 ms at 100x the real notes)."""
    asked = AskedTechnology.objects.filter(technology=OuterRef("pk")).counted()
    counted = Coalesce(Subquery(asked.values("demand")), 0)
    stale = Technology.objects.annotate(counted=counted).exclude(demand=F("counted"))
    stale.update(demand=counted)


def _insert_asks(tags) -> None:
    pairs = (
        tags.filter(
            content_object__is_placeholder=False,
            content_object__skill_set__is_placeholder=False,
            content_object__kind__in=ASKING_KINDS,
        )
        .order_by()
        .values_list("content_object__skill_set", "tag", "content_object__skill_set__area")
        .distinct()
    )
    select, params = pairs.query.sql_with_params()
    table = AskedTechnology._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (skill_set_id, technology_id, area_id) {select}", params
        )


def roles_asking_for(technology: Technology):
    """The ids of the roles whose public skill sets ask for ``technology``, as a subquery
    (for ``pk__in``): read from the asks, so a company's blurb naming it does not count."""
    asking = AskedTechnology.objects.filter(technology=technology).values("skill_set")
    return SkillSet.objects.filter(pk__in=asking).values("role")


@dataclass(frozen=True, slots=True)
class Demand:
    technology: Technology
    count: int


def field_spread() -> tuple[dict[int, int], int]:
    """How many fields have a public skill set asking for each technology, and how many
    fields have public skill sets; counted over the whole data, so kept in the cache until
    the data changes."""

    def compute():
        spread = (
            AskedTechnology.objects.order_by()
            .values("technology")
            .annotate(fields=Count("area", distinct=True))
            .values_list("technology", "fields")
        )
        return dict(spread), SkillSet.objects.public().values("area").distinct().count()

    return DataVersion.objects.cached("field-spread", (), compute)


def technology_demand(
    *, areas: list[int] | None = None, roles: list[int] | None = None, limit: int | None = None
) -> list[Demand]:
    """Technologies by the number of public skill sets asking for them, most first.

    ``areas`` and ``roles`` narrow the skill sets counted to those fields or postings;
    over every skill set, the stored ``Technology.demand`` answers.
    """
    if areas is None and roles is None:
        asked = Technology.objects.filter(demand__gt=0).order_by("-demand", "name")[:limit]
        return [Demand(technology, technology.demand) for technology in asked]
    asked = AskedTechnology.objects.all()
    if areas is not None:
        asked = asked.filter(area__in=areas)
    if roles is not None:
        asked = asked.filter(skill_set__role__in=roles)
    return _demands(asked, limit)


def asked_with(technology: Technology, *, limit: int) -> list[Demand]:
    """The technologies most often asked for by the skill sets that ask for ``technology``,
    each with the number of those sets."""
    sets = AskedTechnology.objects.filter(technology=technology).values("skill_set")
    return _demands(
        AskedTechnology.objects.filter(skill_set__in=sets).exclude(technology=technology), limit
    )


def _demands(asked, limit: int | None) -> list[Demand]:
    """Most asked first, then by name: sorted here, since joining the technologies to sort
    by name in the database would cost a join for every counted row."""
    rows = list(asked.counted().values_list("technology", "demand"))
    technologies = Technology.objects.in_bulk([pk for pk, _ in rows])
    rows.sort(key=lambda row: (-row[1], technologies[row[0]].name))
    return [Demand(technologies[pk], count) for pk, count in rows[:limit]]


def fields_asking(technology: Technology, *, limit: int) -> tuple[list, int]:
    """The fields whose own public skill sets most often ask for ``technology`` (each with
    ``demand``, that number), and how many fields ask for it in all."""
    asked = AskedTechnology.objects.filter(technology=technology)
    in_field = asked.filter(area=OuterRef("pk")).order_by().values("area")
    fields = (
        ResearchArea.objects.filter(pk__in=asked.values("area"))
        .annotate(demand=Subquery(in_field.annotate(n=Count("*")).values("n")))
        .order_by("-demand", "position", "pk")[:limit]
    )
    return list(fields), asked.values("area").distinct().count()


@dataclass(frozen=True, slots=True)
class Comparison:
    both: list[tuple[Technology, int, int]]
    only_a: list[Demand]
    only_b: list[Demand]


def field_demand(pk: int, *, tree: AreaTree) -> list[Demand]:
    """What the field ``pk`` asks for, counted as its page counts it (``AreaTree.field``):
    its sub-fields and the sections the notes file under it included."""
    return technology_demand(areas=subtree_ids(tree.heads(pk)))


@dataclass(frozen=True, slots=True)
class FieldDemand:
    field: Node
    demand: list[Demand]  # most asked for first


class DemandByField:
    """Every field in the notes' order, each with what its skill sets ask for as
    ``field_demand`` counts it (so a parent's figures hold its sub-fields'). A slice
    computes its fields alone, in one query counting each field's asks over its subtrees
    and one for the technologies' names: a page costs what its fields hold, not what the
    data holds."""

    def __init__(self, tree: AreaTree):
        self.tree = tree
        self.fields = list(tree.nodes)

    def __len__(self) -> int:
        return len(self.fields)

    def __getitem__(self, index: slice) -> list[FieldDemand]:
        heads = {pk: self.tree.heads(pk) for pk in self.fields[index]}
        if not heads:
            return []
        counted: dict[int, list[tuple[int, int]]] = {pk: [] for pk in heads}
        for field, technology, count in _asked_in_fields(heads):
            counted[field].append((technology, count))
        named = Technology.objects.only("name", "slug").in_bulk(
            {technology for rows in counted.values() for technology, _ in rows}
        )
        return [
            FieldDemand(
                self.tree.nodes[pk],
                sorted(
                    (Demand(named[technology], count) for technology, count in rows),
                    key=lambda d: (-d.count, d.technology.name),
                ),
            )
            for pk, rows in counted.items()
        ]


def _asked_in_fields(heads: dict[int, list[int]]) -> list[tuple[int, int, int]]:
    """``(field, technology, skill sets)`` for each field of ``heads`` (a field's pk: the
    tops of the subtrees it spans, ``AreaTree.heads``) and each technology asked for in
    them: each area counted once a field, as ``AreaTree.field`` lists them. Walked and
    counted in the database, in one query: a row per area and technology, summed here, was
    ~5,000 rows and ~11 ms for the first page at 10x the notes (a field of 510 areas);
    counted there, it is ~800 rows and ~5 ms."""
    starts = [(field, head) for field, tops in heads.items() for head in tops]
    table, asked = ResearchArea._meta.db_table, AskedTechnology._meta.db_table
    # Typed, so that PostgreSQL gives the walk's first rows the type of the ids it adds.
    values = ", ".join(["(CAST(%s AS bigint), CAST(%s AS bigint))"] * len(starts))
    # UNION drops a (field, area) already found, as subtree_ids does: a cycle ends the walk.
    sql = (
        f"WITH RECURSIVE span(field, area) AS (VALUES {values} "
        f"UNION SELECT span.field, area.id FROM {table} area "
        "JOIN span ON area.parent_id = span.area) "
        "SELECT span.field, asked.technology_id, COUNT(*) FROM span "
        f"JOIN {asked} asked ON asked.area_id = span.area "
        "GROUP BY span.field, asked.technology_id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [pk for start in starts for pk in start])
        return cursor.fetchall()


def side_name(side: ResearchArea | Role) -> str:
    """What a side of a comparison is called: a field's name, a role's title."""
    return side.plain_title if isinstance(side, Role) else side.name


def comparison(a: ResearchArea | Role, b: ResearchArea | Role) -> Comparison:
    """Two fields (each as ``field_demand`` counts it) or two roles, side by side."""
    if isinstance(a, ResearchArea):
        tree = AreaTree.load()
        return compare_demand(field_demand(a.pk, tree=tree), field_demand(b.pk, tree=tree))
    return compare_demand(technology_demand(roles=[a.pk]), technology_demand(roles=[b.pk]))


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
