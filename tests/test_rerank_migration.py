"""Roadmaps made before re-ranking existed count as ranked when they were created, and none
of their steps as placed by hand."""

import pytest

from tests.conftest import migrate_to, migrate_to_latest

BEFORE = [("roadmaps", "0004_level_changes")]
AFTER = [("roadmaps", "0005_rerank")]


@pytest.mark.django_db(transaction=True)
def test_a_roadmap_made_before_re_ranking_was_ranked_when_it_was_created():
    apps = migrate_to(BEFORE)
    user = apps.get_model("auth", "User").objects.create(username="ana")
    technology = apps.get_model("taxonomy", "Technology").objects.create(name="Go", slug="go")
    roadmap = apps.get_model("roadmaps", "Roadmap").objects.create(
        owner=user, title="Old plan", slug="old-plan"
    )
    apps.get_model("roadmaps", "RoadmapStep").objects.create(roadmap=roadmap, technology=technology)

    apps = migrate_to(AFTER)
    roadmap = apps.get_model("roadmaps", "Roadmap").objects.get()
    assert roadmap.ranked_at == roadmap.created
    assert not roadmap.steps.get().placed_by_hand
    migrate_to_latest()
