"""The field tree, read in one query: names, sub-fields, ancestors and top-level fields.

Areas are few (one per heading), so walking their parent links in Python is cheaper and
simpler than a recursive query per page, and it stays right after curators move an area.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from django.db.models.expressions import RawSQL

from taxonomy.models import ResearchArea


@dataclass(frozen=True, slots=True)
class Node:
    pk: int
    parent_id: int | None
    name: str
    slug: str

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

    @classmethod
    def load(cls) -> AreaTree:
        rows = ResearchArea.objects.values_list("id", "parent_id", "name", "slug")
        return cls([Node(*row) for row in rows])

    @cached_property
    def children_of(self) -> dict[int | None, list[int]]:
        children: dict[int | None, list[int]] = defaultdict(list)
        for pk, parent in self.parent_of.items():
            children[parent].append(pk)
        return children

    def subtree(self, pk: int) -> list[int]:
        """``pk`` and every area below it."""
        found, stack = [], [pk]
        while stack:
            current = stack.pop()
            found.append(current)
            stack.extend(self.children_of.get(current, ()))
        return found

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
