"""What I know: technologies found in pasted text, confirmed at a level each, and recorded."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from roadmaps.known import MAX_TEXT
from roadmaps.models import Roadmap, SkillProgress
from roadmaps.reading import read_plan
from roadmaps.services import create_roadmap, set_progress
from taxonomy.models import ResearchArea, Technology
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db
URL = "/roadmaps/known/"
CV = """Jane Doe — platform engineer
Skills: Python 3, k8s and Docker; some Terraform.
Send your CV to jobs@example.com (references on request).
"""


def found_rows(page: str) -> dict[str, str]:
    """``{slug: selected level}`` of the confirmation form."""
    rows = re.findall(
        r'name="technology" value="([\w-]+)".*?<select name="level-\1".*?</select>', page, re.S
    )
    levels = {}
    for slug in rows:
        select = re.search(rf'<select name="level-{slug}".*?</select>', page, re.S).group(0)
        levels[slug] = re.search(r'<option value="(\w+)" selected>', select).group(1)
    return levels


def test_pasted_text_is_read_with_the_importers_matcher_and_current_levels(
    client, toy_notes, people
):
    ana = people[0]
    set_progress(user=ana, technology=Technology.objects.get(slug="docker"), status="expert")
    page = signed_in(client, ana).post(URL, {"action": "find", "text": CV}).content.decode()
    # Aliases count (k8s, Python 3); "send your CV" is not computer vision.
    assert found_rows(page) == {
        "python": "working",
        "kubernetes": "working",
        "docker": "expert",
        "terraform": "working",
    }
    assert not SkillProgress.objects.exclude(status="expert").exists()  # finding writes nothing


def test_confirmed_levels_are_recorded_and_every_roadmap_of_the_person_shows_them(
    client, toy_notes, people
):
    ana, bob = people
    roadmap = create_roadmap(
        owner=ana, title="Plan", areas=[ResearchArea.objects.get(slug="mlops")]
    )
    set_progress(user=bob, technology=Technology.objects.get(slug="python"), status="learning")
    data = {
        "action": "record",
        "technology": ["python", "kubernetes"],
        "level-python": "expert",
        "level-kubernetes": "working",
        "level-docker": "expert",  # not ticked: not recorded
    }
    response = signed_in(client, ana).post(URL, data, follow=True)
    assert "Recorded 2 technologies." in response.content.decode()
    assert dict(
        SkillProgress.objects.filter(user=ana).values_list("technology__slug", "status")
    ) == {
        "python": "expert",
        "kubernetes": "working",
    }
    assert SkillProgress.objects.get(user=bob).status == "learning"
    plan = read_plan(Roadmap.objects.for_reading().get(pk=roadmap.pk))
    assert plan.done == 2
    page = client.get(URL).content.decode()
    expert = re.search(r"<h3>Expert .*?</ul>", page, re.S).group(0)
    assert re.findall(r'href="/technologies/([\w-]+)/"', expert) == ["python"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Tick at least one technology to record."),
        ({"technology": ["python", "cobol-2000"]}, "Choose one of the levels shown"),
        ({"technology": ["python"], "level-python": "mastered"}, "Choose one of the levels shown"),
    ],
)
def test_a_bad_confirmation_records_nothing_and_says_why(client, toy_notes, people, data, message):
    response = signed_in(client, people[0]).post(URL, {"action": "record", **data}, follow=True)
    assert message in response.content.decode()
    assert not SkillProgress.objects.exists()


def test_text_longer_than_a_cv_is_refused_unread(client, toy_notes, people):
    text = "Python " * (MAX_TEXT // 7 + 1)
    page = signed_in(client, people[0]).post(URL, {"action": "find", "text": text})
    assert "Ensure this value has at most 20000 characters" in page.content.decode()
    assert found_rows(page.content.decode()) == {}


def test_only_a_signed_in_person_records_and_only_for_themselves(client, toy_notes, people):
    for response in (
        client.get(URL),
        client.post(URL, {"action": "record", "technology": ["python"]}),
    ):
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    assert not SkillProgress.objects.exists()


def test_the_page_runs_the_same_queries_however_many_technologies_it_finds(
    client, toy_notes, people
):
    client = signed_in(client, people[0])
    names = list(Technology.objects.order_by("slug").values_list("name", flat=True)[:60])

    def queries(text: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.post(URL, {"action": "find", "text": text}).status_code == 200
        return len(captured)

    assert queries(", ".join(names[:3])) == queries("\n".join(names))
