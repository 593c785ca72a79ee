"""Render stored Markdown again after the renderer changed, for data migrations.

HTML is rendered once, when its source is written; a change to ``taxonomy.notes.markdown``
reaches rows written before it only through a migration that calls this.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import Q

# Source holding one of these may render differently now: a bare address, or a heading
# (its HTML already has one: "<h" also finds "<hr>", which only costs a needless render).
CHANGED_BY = ("://", "www.")
CHUNK = 500


def rerender(model, source: str, html: str, render: Callable[[str], str]) -> int:
    """Render ``source`` into ``html`` again in the rows of ``model`` (a historical model)
    whose source holds an address or whose HTML holds a heading; return how many."""
    maybe = Q(**{f"{html}__contains": "<h"})
    for text in CHANGED_BY:
        maybe |= Q(**{f"{source}__icontains": text})
    rows = model.objects.filter(maybe).only("pk", source).order_by("pk")
    changed, batch = 0, []
    for row in rows.iterator(chunk_size=CHUNK):
        setattr(row, html, render(getattr(row, source)))
        batch.append(row)
        if len(batch) == CHUNK:
            changed += _save(model, batch, html)
            batch = []
    return changed + _save(model, batch, html)


def _save(model, rows: list, html: str) -> int:
    model.objects.bulk_update(rows, [html])
    return len(rows)
