"""Progress recorded before levels existed keeps its meaning: done is working, pending none."""

import pytest

from tests.conftest import migrate_to, migrate_to_latest, seed_progress

BEFORE = [("roadmaps", "0001_initial"), ("taxonomy", "0011_technology_prerequisites")]
AFTER = [("roadmaps", "0002_skill_levels")]


@pytest.mark.django_db(transaction=True)
def test_old_statuses_become_levels_and_back():
    seed_progress(migrate_to(BEFORE), ["pending", "learning", "done", "skipped"])

    apps = migrate_to(AFTER)
    statuses = apps.get_model("roadmaps", "SkillProgress").objects.values_list("status", flat=True)
    assert sorted(statuses) == ["learning", "none", "skipped", "working"]

    apps = migrate_to(BEFORE)
    statuses = apps.get_model("roadmaps", "SkillProgress").objects.values_list("status", flat=True)
    assert sorted(statuses) == ["done", "learning", "pending", "skipped"]
    migrate_to_latest()
