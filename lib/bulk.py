"""Insert or update many rows at once, each with its own values, in one statement per batch.

Django's ``bulk_update`` writes ``SET col = CASE WHEN id = 1 THEN … WHEN id = 2 …`` and
spends its time building and evaluating those expressions: 33 s of a 37 s re-import of the
real notes, where every line after an inserted one moves. Here the new values travel as a
table (``WITH v(id, …) AS (VALUES …) UPDATE t SET … FROM v WHERE t.id = v.id``), which
SQLite (3.33+) and PostgreSQL both run in time proportional to the rows.

``bulk_create`` compiles every value of every model instance through the ORM (3.3 s of a
10.3 s import of the real notes folder); ``insert_rows`` sends plain values, as dicts.
Both are for importers writing thousands of rows: no model ``save()``, no signals.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from django.db import connection, models

# SQLite counts every parameter against a limit (32,766 since 3.32; Django assumes 999);
# PostgreSQL's protocol allows 65,535.
MAX_PARAMS = {"sqlite": 999, "postgresql": 30_000}
# Values of these fields go to the driver as they are; others (JSON …) are prepared by Django.
_PLAIN = (models.CharField, models.TextField, models.IntegerField, models.BooleanField)


def _preparer(field):
    target = field.target_field if field.is_relation else field
    if isinstance(target, _PLAIN):  # auto fields are integer fields
        return None
    return lambda value: field.get_db_prep_save(value, connection)


def _batches(rows: Sequence, columns: int, reserved: int = 0):
    """``rows`` in batches of ``columns`` parameters each, with ``reserved`` more per
    statement, within the database's limit."""
    size = max(1, (MAX_PARAMS.get(connection.vendor, 999) - reserved) // columns)
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def insert_rows(model, rows: Sequence[dict]) -> list[int]:
    """Insert ``rows`` (attribute names to values; a field left out gets its default) and
    return their primary keys, in order (``INSERT … RETURNING``, as ``bulk_create`` does)."""
    if not rows:
        return []
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    prepare = [(f.attname, _preparer(f), f.get_default) for f in fields]
    quote = connection.ops.quote_name
    pk = quote(model._meta.pk.column)
    head = (
        f"INSERT INTO {quote(model._meta.db_table)} "
        f"({', '.join(quote(f.column) for f in fields)}) VALUES "
    )
    placeholder = "(" + ", ".join(["%s"] * len(fields)) + ")"
    ids: list[int] = []
    with connection.cursor() as cursor:
        for chunk in _batches(rows, len(fields)):
            params = []
            for row in chunk:
                for name, prep, default in prepare:
                    value = row[name] if name in row else default()
                    params.append(value if prep is None else prep(value))
            sql = head + ", ".join([placeholder] * len(chunk)) + f" RETURNING {pk}"
            cursor.execute(sql, params)
            ids.extend(row[0] for row in cursor.fetchall())
    return ids


def update_rows(model, rows: Sequence[dict], fields: Sequence[str]) -> int:
    """Set ``fields`` of each row ``{"id": pk, field: value, …}``; return how many.

    ``fields`` are attribute names (``area_id`` for a foreign key).
    """
    if not rows:
        return 0
    model_fields = [model._meta.get_field(name) for name in fields]
    pk_field = model._meta.pk
    columns = [pk_field.column, *(f.column for f in model_fields)]
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    if connection.vendor == "postgresql":
        casts = [f"::{f.cast_db_type(connection)}" for f in (pk_field, *model_fields)]
    else:
        casts = [""] * len(columns)
    placeholder = "(" + ", ".join(f"%s{cast}" for cast in casts) + ")"
    assignments = ", ".join(f"{quote(c)} = v.{quote(c)}" for c in columns[1:])
    head = f"WITH v({', '.join(quote(c) for c in columns)}) AS (VALUES "
    tail = (
        f") UPDATE {table} SET {assignments} FROM v "
        f"WHERE {table}.{quote(pk_field.column)} = v.{quote(pk_field.column)}"
    )
    prepare = [(name, _preparer(f)) for name, f in zip(fields, model_fields, strict=True)]
    with connection.cursor() as cursor:
        for chunk in _batches(rows, len(columns)):
            params = []
            for row in chunk:
                params.append(row["id"])
                params.extend(row[n] if p is None else p(row[n]) for n, p in prepare)
            cursor.execute(head + ", ".join([placeholder] * len(chunk)) + tail, params)
    return len(rows)


def add_by_group(
    model,
    *,
    field: str,
    group: str,
    amounts: Mapping[int, int],
    where: str = "",
    params: Sequence = (),
) -> None:
    """Add ``amounts[key]`` to ``field`` of every row whose ``group`` column is ``key``,
    in one statement per batch however many amounts differ.

    ``field`` and ``group`` are attribute names; ``where`` (SQL on the table's columns,
    with ``params``) narrows the rows further.
    """
    amounts = {key: amount for key, amount in amounts.items() if amount}
    if not amounts:
        return
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    column = quote(model._meta.get_field(field).column)
    key = quote(model._meta.get_field(group).column)
    cast = "::integer" if connection.vendor == "postgresql" else ""
    placeholder = f"(%s{cast}, %s{cast})"
    narrow = f" AND ({where})" if where else ""
    items = sorted(amounts.items())
    with connection.cursor() as cursor:
        for chunk in _batches(items, 2, reserved=len(params)):
            values = ", ".join([placeholder] * len(chunk))
            cursor.execute(
                f"WITH v(k, amount) AS (VALUES {values}) "
                f"UPDATE {table} SET {column} = {table}.{column} + v.amount FROM v "
                f"WHERE {table}.{key} = v.k{narrow}",
                [value for pair in chunk for value in pair] + list(params),
            )
