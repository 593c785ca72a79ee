"""Progress recorded before levels existed keeps its meaning: done is working, pending none."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("roadmaps", "0001_initial"), ("taxonomy", "0011_technology_prerequisites")]
AFTER = [("roadmaps", "0002_skill_levels")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_old_statuses_become_levels_and_back():
    apps = migrate(BEFORE)
    user = apps.get_model("auth", "User").objects.create(username="ana")
    technologies = apps.get_model("taxonomy", "Technology").objects
    progress = apps.get_model("roadmaps", "SkillProgress").objects
    for n, status in enumerate(["pending", "learning", "done", "skipped"]):
        technology = technologies.create(name=f"T{n}", slug=f"t{n}")
        progress.create(user=user, technology=technology, status=status)

    apps = migrate(AFTER)
    statuses = apps.get_model("roadmaps", "SkillProgress").objects.values_list("status", flat=True)
    assert sorted(statuses) == ["learning", "none", "skipped", "working"]

    apps = migrate(BEFORE)
    statuses = apps.get_model("roadmaps", "SkillProgress").objects.values_list("status", flat=True)
    assert sorted(statuses) == ["done", "learning", "pending", "skipped"]
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())  # as the other tests expect
