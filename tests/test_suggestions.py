"""/suggest/<kind>/: a picker's few best matches as JSON, for js/pickers.js's type-ahead."""

import pytest

from lib.pickers import SUGGESTIONS
from postings.models import Company, Role
from taxonomy.models import ResearchArea

pytestmark = pytest.mark.django_db


def suggested(client, kind: str, text: str) -> list[dict]:
    response = client.get(f"/suggest/{kind}/", {"q": text})
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    return response.json()["suggestions"]


def test_fields_are_suggested_best_first_with_the_slug_as_the_value(client):
    for n, name in enumerate(["Vision", "Computer Vision", "Vision Systems"]):
        ResearchArea.objects.create(name=name, slug=f"field-{n}")
    assert suggested(client, "fields", "vision") == [
        {"value": "field-0", "label": "Vision"},
        {"value": "field-2", "label": "Vision Systems"},
        {"value": "field-1", "label": "Computer Vision"},
    ]


def test_roles_are_labelled_with_their_company_and_field(client):
    area = ResearchArea.objects.create(name="Robotics", slug="robotics")
    company = Company.objects.create(name="Zeta", slug="zeta")
    Role.objects.create(title="Robot Engineer", slug="robot-engineer", company=company, area=area)
    Role.objects.create(title="Robot Engineer", slug="robot-engineer-2")
    assert suggested(client, "roles", "robot") == [
        {"value": "robot-engineer", "label": "Robot Engineer at Zeta, in Robotics"},
        {"value": "robot-engineer-2", "label": "Robot Engineer"},
    ]


def test_a_few_at_most_in_one_query(client, django_assert_num_queries):
    Company.objects.bulk_create(
        Company(name=f"Acme {n}", slug=f"acme-{n}") for n in range(SUGGESTIONS * 3)
    )
    with django_assert_num_queries(1):
        assert len(suggested(client, "companies", "acme")) == SUGGESTIONS


def test_no_text_suggests_nothing_and_an_unknown_kind_is_404(client):
    ResearchArea.objects.create(name="Vision", slug="vision")
    assert suggested(client, "fields", " ") == []
    assert suggested(client, "technologies", "vision") == []
    assert client.get("/suggest/users/", {"q": "a"}).status_code == 404
