"""A tree of any depth as flat rows that nest by markup alone (no recursion anywhere).

Each row says whether a list opens before it, whether lists nested in it follow, and the
lists that close after it (each True when it was nested in an item whose ``</li>`` follows
too). ``templates/includes/skill_tree.html`` and ``field_tree.html`` show how to render them.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(slots=True)
class TreeRow:
    item: Any
    depth: int
    opens: bool
    has_children: bool
    closes: list[bool]


def tree_rows(
    items: Sequence,
    *,
    key: Callable[[Any], Hashable] = lambda item: item.pk,
    parent: Callable[[Any], Hashable | None] = lambda item: item.parent_id,
) -> list[TreeRow]:
    """``items`` in tree order (siblings in the order given), from their parent links.

    An item whose parent is not among ``items`` is a root; items on a cycle of parent links
    are never reached from a root and are left out.
    """
    present = {key(item) for item in items}
    children: dict[Hashable | None, list] = {}
    for item in items:
        up = parent(item)
        children.setdefault(up if up in present else None, []).append(item)
    order: list[tuple[Any, int]] = []
    waiting = [(item, 0) for item in reversed(children.get(None, []))]
    while waiting:
        item, depth = waiting.pop()
        order.append((item, depth))
        waiting.extend((child, depth + 1) for child in reversed(children.get(key(item), [])))
    rows = []
    for index, (item, depth) in enumerate(order):
        following = order[index + 1][1] if index + 1 < len(order) else -1
        before = order[index - 1][1] if index else -1
        closes = [level > 0 for level in range(depth, following, -1)]
        rows.append(TreeRow(item, depth, depth > before, following > depth, closes))
    return rows
