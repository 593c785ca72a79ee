"""The field tree, read in one query: names, sub-fields, ancestors and top-level fields,
and what a field holds: its sub-fields and the sections the notes file under it.

Areas are few (one per heading), so walking their parent links in Python is cheaper and
simpler than a recursive query per page, and it stays right after curators move an area.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from django.db.models import Count
from django.db.models.expressions import RawSQL

from postings.models import Role
from taxonomy.filing import Section, field_names, filed_under, words_of
from taxonomy.models import FieldCount, ResearchArea, SkillSet


@dataclass(frozen=True, slots=True)
class Node:
    pk: int
    parent_id: int | None
    name: str
    slug: str
    aliases: tuple[str, ...] = ()
    source_id: int | None = None  # its notes file: fields at the top are siblings within one

    def get_absolute_url(self) -> str:
        return ResearchArea(pk=self.pk, slug=self.slug).get_absolute_url()


def subtree_ids(pks: list[int]) -> RawSQL:
    """The ids of the areas ``pks`` and every area below them, as a subquery (for
    ``area__in``): a filter by many fields then sends the database a few ids, not thousands.
    UNION drops what was already found, so a cycle a curator made ends the walk."""
    table = ResearchArea._meta.db_table
    marks = ", ".join(["%s"] * len(pks))
    sql = (
        f"WITH RECURSIVE subtree(id) AS (SELECT id FROM {table} WHERE id IN ({marks}) "
        f"UNION SELECT area.id FROM {table} area JOIN subtree ON area.parent_id = subtree.id) "
        "SELECT id FROM subtree"
    )
    return RawSQL(sql, list(pks))


class AreaTree:
    def __init__(self, nodes: list[Node]):
        self.nodes = {node.pk: node for node in nodes}  # in document order
        self.parent_of = {node.pk: node.parent_id for node in nodes}
        self._filed: dict[int, dict] = {}  # a group's first sibling → ``filed_under`` of it

    @classmethod
    def load(cls) -> AreaTree:
        rows = ResearchArea.objects.values_list(*_NODE_FIELDS)
        return cls(
            [
                Node(pk, parent, name, slug, tuple(aliases), source)
                for pk, parent, name, slug, aliases, source in rows
            ]
        )

    @classmethod
    def of(cls, areas) -> AreaTree:
        """The tree of ``areas`` already read (in document order)."""
        return cls(
            [
                Node(a.pk, a.parent_id, a.name, a.slug, tuple(a.aliases), a.notes_source_id)
                for a in areas
            ]
        )

    @cached_property
    def children_of(self) -> dict[int | None, list[int]]:
        children: dict[int | None, list[int]] = defaultdict(list)
        for pk, parent in self.parent_of.items():
            children[parent].append(pk)
        return children

    def subtree(self, pk: int) -> list[int]:
        """``pk`` and every area below it (once each, even on a loop a curator made)."""
        found, seen, stack = [], {pk}, [pk]
        while stack:
            current = stack.pop()
            found.append(current)
            below = [child for child in self.children_of.get(current, ()) if child not in seen]
            seen.update(below)
            stack.extend(below)
        return found

    @cached_property
    def _siblings(self) -> dict[int, list[int]]:
        """Each area's siblings, itself included, in document order: the children of its
        parent, or at the top the fields of its notes file."""
        groups: dict[tuple, list[int]] = defaultdict(list)
        for node in self.nodes.values():
            parent = node.parent_id if node.parent_id in self.nodes else None
            groups[(parent, node.source_id if parent is None else None)].append(node.pk)
        return {pk: siblings for siblings in groups.values() for pk in siblings}

    def filed(self, pk: int) -> list[int]:
        """The sibling sections the notes file under ``pk`` (``taxonomy.filing`` states the
        rule), read off its group of siblings once."""
        siblings = self._siblings.get(pk, [pk])
        key = siblings[0]
        if key not in self._filed:
            self._filed[key] = filed_under([self._section(sibling) for sibling in siblings])
        return self._filed[key].get(pk, [])

    def _section(self, pk: int) -> Section:
        node = self.nodes[pk]
        below = (words_of(self.nodes[child].name) for child in self.children_of.get(pk, ()))
        return Section(pk, field_names(node.name, node.aliases), (words_of(node.name), *below))

    def heads(self, pk: int) -> list[int]:
        """``pk`` and the sections filed under it: the tops of the subtrees its field spans."""
        return [pk, *self.filed(pk)]

    def field(self, pk: int) -> list[int]:
        """Every area of the field ``pk``: its subtree and those of the sections filed under
        it. What a field's page lists, its roles filter finds and its counts count."""
        found: dict[int, None] = {}
        for head in self.heads(pk):
            found.update(dict.fromkeys(self.subtree(head)))
        return list(found)

    def ancestors(self, pk: int) -> list[Node]:
        """From the top-level field down to the parent of ``pk``."""
        chain, parent = [], self.parent_of.get(pk)
        while parent is not None and parent in self.nodes and len(chain) < len(self.nodes):
            chain.append(self.nodes[parent])
            parent = self.parent_of.get(parent)
        return chain[::-1]

    @cached_property
    def roots(self) -> dict[int, int]:
        """Each area's top-level field (itself, at the top)."""
        return {pk: (chain[0].pk if (chain := self.ancestors(pk)) else pk) for pk in self.nodes}

    def root_of(self, pk: int | None) -> int | None:
        return self.roots.get(pk)

    def children(self, pk: int | None) -> list[Node]:
        return [self.nodes[child] for child in self.children_of.get(pk, ())]


_NODE_FIELDS = ("id", "parent_id", "name", "slug", "aliases", "notes_source_id")


@dataclass(frozen=True, slots=True)
class FieldCounts:
    roles: int
    skill_sets: int


def field_counts(tree: AreaTree | None = None) -> dict[int, FieldCounts]:
    """The roles and public skill sets of every field, over ``AreaTree.field``, in document
    order: what the home page and the roadmap picker show. Read from ``FieldCount``, which
    every write brings up to date (``refresh_field_counts``); counted here only while that
    table is empty and there are fields (just after the upgrade that made it)."""
    rows = FieldCount.objects.order_by("area__position", "area").values_list(
        "area", "roles", "skill_sets"
    )
    kept = {pk: FieldCounts(roles, sets) for pk, roles, sets in rows}
    if kept or not (tree.nodes if tree else ResearchArea.objects.exists()):
        return kept
    return {pk: FieldCounts(*figures) for pk, figures in _count(tree or AreaTree.load()).items()}


def refresh_field_counts(tree: AreaTree | None = None) -> None:
    """Count every field again into ``FieldCount`` (two grouped queries, the tree unless
    given, and one insert per 500 fields); ``sync_index`` runs it in the transaction of
    each write that can change them."""
    counted = _count(tree or AreaTree.load())
    FieldCount.objects.all().delete()
    FieldCount.objects.bulk_create(
        [FieldCount(area_id=pk, roles=r, skill_sets=s) for pk, (r, s) in counted.items()],
        batch_size=500,
    )


def _count(fields: AreaTree) -> dict[int, tuple[int, int]]:
    roles = _by_area(Role.objects.all())
    sets = _by_area(SkillSet.objects.public())
    below = {pk: (roles.get(pk, 0), sets.get(pk, 0)) for pk in fields.nodes}
    # Children before their parents: each subtree's total is its children's plus its own.
    for pk in reversed([pk for top in fields.children_of[None] for pk in fields.subtree(top)]):
        parent = fields.parent_of[pk]
        if parent is not None:
            below[parent] = (below[parent][0] + below[pk][0], below[parent][1] + below[pk][1])
    return {
        pk: (
            sum(below[head][0] for head in fields.heads(pk)),
            sum(below[head][1] for head in fields.heads(pk)),
        )
        for pk in fields.nodes
    }


def _by_area(rows) -> dict[int, int]:
    return dict(rows.order_by().values_list("area").annotate(n=Count("pk")))
