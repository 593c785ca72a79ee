"""The field tree, read in one query: sub-fields, ancestors and top-level fields by id.

Areas are few (one per heading), so walking their parent links in Python is cheaper and
simpler than a recursive query per page, and it stays right after curators move an area.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property

from taxonomy.models import ResearchArea


class AreaTree:
    def __init__(self, parent_of: dict[int, int | None]):
        self.parent_of = parent_of

    @classmethod
    def load(cls) -> AreaTree:
        return cls(dict(ResearchArea.objects.order_by().values_list("id", "parent_id")))

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

    def root_of(self, pk: int | None) -> int | None:
        seen = set()
        while pk is not None and self.parent_of.get(pk) is not None and pk not in seen:
            seen.add(pk)
            pk = self.parent_of[pk]
        return pk
