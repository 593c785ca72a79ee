"""Pair the rows an earlier import wrote with the records of this one (pure Python).

Rows and records first pair by identity (same container, same key), which keeps primary keys
and URLs when lines move. What is left pairs in order within the same container, so that an
edited line updates its row instead of deleting it and creating another.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Pairing:
    pairs: list[tuple[dict, Any]] = field(default_factory=list)
    new: list[Any] = field(default_factory=list)
    gone: list[dict] = field(default_factory=list)


def pair(
    rows: Sequence[dict],
    records: Sequence[Any],
    *,
    row_group: Callable[[dict], Hashable],
    record_group: Callable[[Any], Hashable],
    in_order: bool = True,
) -> Pairing:
    """Pair ``rows`` (dicts with ``import_key``) with ``records`` (objects with ``key``).

    ``in_order=False`` turns off the second pass, for things whose identity is their name.
    """
    by_key: dict[tuple, dict] = {}
    for row in rows:
        by_key.setdefault((row_group(row), row["import_key"]), row)
    result = Pairing()
    unpaired: list[Any] = []
    for record in records:
        row = by_key.pop((record_group(record), record.key), None)
        if row is None:
            unpaired.append(record)
        else:
            result.pairs.append((row, record))
    used = {id(row) for row, _ in result.pairs}
    left_rows: dict[Hashable, list[dict]] = defaultdict(list)
    for row in rows:
        if id(row) not in used:
            left_rows[row_group(row)].append(row)
    for record in unpaired:
        group = record_group(record)
        if in_order and group is not None and left_rows.get(group):
            result.pairs.append((left_rows[group].pop(0), record))
        else:
            result.new.append(record)
    result.gone = [row for group_rows in left_rows.values() for row in group_rows]
    return result


def rematch(
    pairing: Pairing,
    *,
    row_key: Callable[[dict], Hashable | None],
    record_key: Callable[[Any], Hashable | None],
) -> None:
    """Pair rows left ``gone`` with records left ``new`` that share a second key (a role by
    the skill set it had, a skill set by its text); first come, first paired. None matches
    nothing."""
    if not pairing.gone or not pairing.new:
        return
    waiting: dict[Hashable, list[dict]] = defaultdict(list)
    for row in pairing.gone:
        key = row_key(row)
        if key is not None:
            waiting[key].append(row)
    new = []
    paired: set[int] = set()
    for record in pairing.new:
        key = record_key(record)
        rows = waiting.get(key) if key is not None else None
        if rows:
            row = rows.pop(0)
            paired.add(id(row))
            pairing.pairs.append((row, record))
        else:
            new.append(record)
    pairing.new = new
    pairing.gone = [row for row in pairing.gone if id(row) not in paired]
