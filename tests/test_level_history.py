"""Progress over time: when each technology reached its level, kept per day, and charted."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.utils import timezone

from roadmaps.models import LevelChange, Roadmap
from roadmaps.reading import done_by_day, read_plan
from roadmaps.services import set_levels, set_progress
from taxonomy.models import Technology
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db


def at(day: int, hour: int = 12) -> datetime:
    return datetime(2026, 11, day, hour, tzinfo=UTC)


def test_done_counts_each_technology_once_and_keeps_the_last_count_of_a_day():
    changes = [
        (1, "learning", at(1)),
        (1, "working", at(2, 9)),
        (2, "expert", at(2, 10)),
        (2, "learning", at(2, 11)),  # the same day: the day ends with one done
        (1, "expert", at(4)),  # working to expert: still one done, no new point
        (3, "working", at(6)),
        (1, "skipped", at(7)),
    ]
    assert done_by_day(changes) == [
        (date(2026, 11, 1), 0),
        (date(2026, 11, 2), 1),
        (date(2026, 11, 6), 2),
        (date(2026, 11, 7), 1),
    ]


def test_every_change_is_kept_but_only_the_last_of_a_day(toy_notes, people):
    ana = people[0]
    python = Technology.objects.get(slug="python")
    set_progress(user=ana, technology=python, status="learning")
    set_progress(user=ana, technology=python, status="working")
    assert list(LevelChange.objects.values_list("status", flat=True)) == ["working"]

    LevelChange.objects.update(at=timezone.now() - timedelta(days=3))
    set_progress(user=ana, technology=python, status="expert")
    set_progress(user=ana, technology=python, status="expert")  # no change, nothing kept
    assert list(LevelChange.objects.values_list("status", flat=True)) == ["working", "expert"]


def test_levels_recorded_together_are_each_kept(toy_notes, people):
    ana, bob = people
    python, docker = Technology.objects.get(slug="python"), Technology.objects.get(slug="docker")
    set_levels(user=ana, levels={python: "working", docker: "learning"})
    set_levels(user=bob, levels={python: "expert"})
    assert sorted(
        LevelChange.objects.values_list("user__username", "technology__slug", "status")
    ) == [
        ("ana", "docker", "learning"),
        ("ana", "python", "working"),
        ("bob", "python", "expert"),
    ]


def test_the_roadmap_page_charts_steps_done_and_says_since_when(client, roadmaps, people):
    private, _ = roadmaps
    ana = people[0]
    docker = Technology.objects.get(slug="docker")
    set_progress(user=ana, technology=docker, status="working")
    LevelChange.objects.update(at=timezone.now() - timedelta(days=10))
    set_progress(user=ana, technology=Technology.objects.get(slug="python"), status="expert")
    ten_days_ago = (timezone.localdate() - timedelta(days=10)).isoformat()
    today = timezone.localdate().isoformat()

    page = signed_in(client, ana).get(private.get_absolute_url()).content.decode()
    assert 'aria-labelledby="progress-chart-title progress-chart-desc"' in page
    assert f"1 on {ten_days_ago}; 2 on {today}." in page
    assert page.count('class="chart-dot"') == 2
    assert f'since <time datetime="{ten_days_ago}">' in page


def test_without_any_level_there_is_no_chart(client, roadmaps, people):
    private, _ = roadmaps
    page = signed_in(client, people[0]).get(private.get_absolute_url()).content.decode()
    assert "progress-chart" not in page and "since <time" not in page


def test_the_chart_only_counts_the_roadmaps_own_technologies(roadmaps, people):
    private, _ = roadmaps
    set_progress(user=people[0], technology=Technology.objects.get(slug="rust"), status="expert")
    plan = read_plan(Roadmap.objects.for_reading().get(pk=private.pk))
    assert plan.done_by_day == []
