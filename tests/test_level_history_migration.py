"""Levels recorded before there was a history become its first changes."""

import pytest

from tests.conftest import migrate_to, migrate_to_latest, seed_progress

BEFORE = [("roadmaps", "0003_roadmap_copied_from"), ("taxonomy", "0011_technology_prerequisites")]
AFTER = [("roadmaps", "0004_level_changes")]


@pytest.mark.django_db(transaction=True)
def test_each_level_but_none_becomes_a_change_on_the_day_it_was_set():
    progress = seed_progress(migrate_to(BEFORE), ["none", "learning", "working", "skipped"])
    set_on = dict(progress.values_list("technology__slug", "updated"))

    apps = migrate_to(AFTER)
    changes = apps.get_model("roadmaps", "LevelChange").objects
    rows = sorted(changes.values_list("technology__slug", "status", "at"))
    assert rows == [
        ("t1", "learning", set_on["t1"]),
        ("t2", "working", set_on["t2"]),
        ("t3", "skipped", set_on["t3"]),
    ]
    migrate_to_latest()
