"""lib/bulk.py: many rows, each with its own values, in one statement per batch."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lib import bulk
from lib.bulk import update_rows
from taxonomy.models import ResearchArea

pytestmark = pytest.mark.django_db


def test_each_row_gets_its_own_values_of_every_kind():
    parent = ResearchArea.objects.create(name="Parent", slug="parent")
    rows = [ResearchArea.objects.create(name=f"A{i}", slug=f"a{i}") for i in range(3)]
    update_rows(
        ResearchArea,
        [
            {"id": r.pk, "name": f"B{i}", "parent_id": parent.pk, "aliases": [f"x{i}", "ü"]}
            for i, r in enumerate(rows)
        ],
        ["name", "parent_id", "aliases"],
    )
    assert list(
        ResearchArea.objects.filter(pk__in=[r.pk for r in rows])
        .order_by("pk")
        .values_list("name", "parent_id", "aliases")
    ) == [(f"B{i}", parent.pk, [f"x{i}", "ü"]) for i in range(3)]
    assert ResearchArea.objects.get(pk=parent.pk).name == "Parent"


def test_many_rows_go_in_batches_within_the_parameter_limit(monkeypatch):
    monkeypatch.setitem(bulk.MAX_PARAMS, connection.vendor, 300)  # 100 rows of 3 values
    ResearchArea.objects.bulk_create(
        ResearchArea(name=f"A{i}", slug=f"a{i}", position=i) for i in range(1200)
    )
    rows = [
        {"id": pk, "position": position + 1, "level": 2}
        for pk, position in ResearchArea.objects.values_list("pk", "position")
    ]
    with CaptureQueriesContext(connection) as queries:
        assert update_rows(ResearchArea, rows, ["position", "level"]) == 1200
    assert len(queries) == 12
    assert sorted(ResearchArea.objects.values_list("position", flat=True)) == list(range(1, 1201))
    assert update_rows(ResearchArea, [], ["position"]) == 0


def test_inserted_rows_get_their_defaults_and_come_back_in_order(monkeypatch):
    monkeypatch.setitem(bulk.MAX_PARAMS, connection.vendor, 60)  # a few rows a statement
    ids = bulk.insert_rows(
        ResearchArea,
        [{"name": f"A{i}", "slug": f"a{i}", "aliases": [f"x{i}"]} for i in range(25)],
    )
    assert len(ids) == 25
    rows = ResearchArea.objects.in_bulk(ids)
    assert [rows[pk].name for pk in ids] == [f"A{i}" for i in range(25)]
    assert rows[ids[3]].aliases == ["x3"]
    assert (rows[ids[0]].level, rows[ids[0]].notes, rows[ids[0]].parent_id) == (1, "", None)
    assert bulk.insert_rows(ResearchArea, []) == []


def test_each_group_of_rows_moves_by_its_own_amount_and_the_others_stay():
    top = [ResearchArea.objects.create(name=f"T{i}", slug=f"t{i}") for i in range(3)]
    for parent in top:
        for j in range(2):
            ResearchArea.objects.create(
                name=f"{parent.name}-{j}", slug=f"{parent.slug}-{j}", parent=parent, position=j
            )
    ResearchArea.objects.create(name="Other", slug="other", parent=top[0], position=5, level=3)

    bulk.add_by_group(
        ResearchArea,
        field="position",
        group="parent",
        amounts={top[0].pk: 10, top[1].pk: 3, top[2].pk: 0},
        where="level <> %s",
        params=[3],
    )

    positions = dict(ResearchArea.objects.exclude(parent=None).values_list("name", "position"))
    assert positions == {
        "T0-0": 10,
        "T0-1": 11,
        "T1-0": 3,
        "T1-1": 4,
        "T2-0": 0,
        "T2-1": 1,
        "Other": 5,
    }


def test_groups_go_in_batches_that_leave_room_for_the_where_parameters(monkeypatch):
    monkeypatch.setitem(bulk.MAX_PARAMS, connection.vendor, 5)  # 2 groups and 1 parameter
    parents = [ResearchArea.objects.create(name=f"T{i}", slug=f"t{i}") for i in range(5)]
    for parent in parents:
        ResearchArea.objects.create(name=f"{parent.name}-0", slug=f"{parent.slug}-0", parent=parent)

    with CaptureQueriesContext(connection) as queries:
        bulk.add_by_group(
            ResearchArea,
            field="position",
            group="parent",
            amounts={parent.pk: i + 1 for i, parent in enumerate(parents)},
            where="level = %s",
            params=[1],
        )

    assert len(queries.captured_queries) == 3
    positions = dict(ResearchArea.objects.exclude(parent=None).values_list("name", "position"))
    assert positions == {f"T{i}-0": i + 1 for i in range(5)}
