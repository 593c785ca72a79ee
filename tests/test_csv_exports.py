"""CSV downloads of what people keep in spreadsheets: the roles list with its filters, a
field's technology demand, a comparison, search results and a roadmap, each linked from
its page."""

import csv
import io

import pytest
from django.db.models import Case, When

from postings.models import Role
from taxonomy.demand import comparison
from taxonomy.models import ResearchArea
from taxonomy.search import search
from taxonomy.search.query import PER_PAGE
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db


def rows(response) -> list[list[str]]:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = b"".join(response.streaming_content).decode("utf-8").removeprefix("\ufeff")
    return list(csv.reader(io.StringIO(text)))


def test_the_roles_csv_holds_every_role_the_filters_pick_not_one_page(client, real_notes):
    field = "mlops-or-ml-ops-modelops-aiops"
    page = client.get("/roles/", {"field": field, "technology": "python"}).content.decode()
    assert f"/roles/export.csv?field={field}&amp;technology=python" in page
    header, *found = rows(client.get("/roles/export.csv", {"field": field, "technology": "python"}))
    assert header == ["title", "company", "field", "url"]
    assert found and all(row[3].startswith("http://testserver/roles/") for row in found)
    every = rows(client.get("/roles/export.csv"))[1:]
    assert len(every) == Role.objects.count() > 50  # more than a page
    assert {tuple(row) for row in found} <= {tuple(row) for row in every}


def test_a_roles_csv_filter_naming_nothing_is_refused_saying_which(client, toy_notes):
    refused = client.get("/roles/export.csv", {"company": "nope", "field": "m"})
    assert refused.status_code == 400
    assert refused.content.decode().splitlines() == [
        "field: “m” names several, give a slug: mlops, model-serving",
        "company: no company named “nope”",
    ]


def test_a_fields_demand_csv_counts_its_skill_sets_most_first(client, toy_notes):
    assert "/fields/platforms/technologies.csv" in client.get("/fields/platforms/").content.decode()
    header, *found = rows(client.get("/fields/chips/technologies.csv"))
    assert header == ["technology", "slug", "category", "skill sets asking"]
    assert [(row[1], row[3]) for row in found] == [
        ("communication", "1"),
        ("python", "1"),
        ("verilog", "1"),
    ]
    assert client.get("/fields/nope/technologies.csv").status_code == 404


def test_a_roadmap_csv_lists_its_steps_with_the_owners_levels_to_who_may_read_it(
    client, roadmaps, people
):
    private, public = roadmaps
    url = f"{private.get_absolute_url()}export.csv"
    assert client.get(url).status_code == 404
    assert signed_in(client, people[1]).get(url).status_code == 404
    owner = signed_in(client, people[0])
    assert url in owner.get(private.get_absolute_url()).content.decode()
    header, *steps = rows(owner.get(url))
    assert header[:6] == ["stage", "position", "technology", "slug", "category", "level"]
    assert [row[3] for row in steps] == list(
        private.steps.order_by("stage", "position").values_list("technology__slug", flat=True)
    )
    assert {row[5] for row in steps} == {"none"}
    client.logout()
    assert rows(client.get(f"{public.get_absolute_url()}export.csv"))[0] == header


def test_a_compare_csv_has_every_technology_of_either_side_with_both_counts(client, real_notes):
    a, b = "computer-vision", "natural-language-processing-nlp"
    page = client.get("/compare/", {"a": a, "b": b}).content.decode()
    assert f"/compare/export.csv?a={a}&amp;b={b}" in page
    header, *found = rows(client.get("/compare/export.csv", {"a": a, "b": b}))
    names = [ResearchArea.objects.get(slug=slug).name for slug in (a, b)]
    assert header == ["technology", "slug", "category", *names]
    both = comparison(
        *ResearchArea.objects.filter(slug__in=(a, b)).order_by(
            Case(When(slug=a, then=0), default=1)
        )
    )
    counts = {row[1]: (int(row[3]), int(row[4])) for row in found}
    assert len(counts) == len(found) == (len(both.both) + len(both.only_a) + len(both.only_b))
    technology, count_a, count_b = both.both[0]
    assert [row[1] for row in found[: len(both.both)]] == [t.slug for t, _, _ in both.both]
    assert counts[technology.slug] == (count_a, count_b) and count_a and count_b
    assert all(counts[d.technology.slug] == (d.count, 0) for d in both.only_a)
    assert all(counts[d.technology.slug] == (0, d.count) for d in both.only_b)


def test_a_compare_csv_of_roles_is_headed_by_their_titles(client, real_notes):
    role_a, role_b = Role.objects.filter(skill_sets__isnull=False).distinct().order_by("pk")[:2]
    header, *found = rows(
        client.get("/compare/export.csv", {"role_a": role_a.slug, "role_b": role_b.slug})
    )
    assert header[3:] == [role_a.plain_title, role_b.plain_title] and found


def test_a_compare_csv_missing_a_side_or_naming_nothing_is_refused_saying_which(client, toy_notes):
    refused = client.get("/compare/export.csv", {"a": "nope"})
    assert refused.status_code == 400
    assert refused.content.decode().splitlines() == [
        "a: no field named “nope”",
        "b: give a field",
    ]


def test_a_search_csv_holds_the_results_of_every_page_in_order_as_plain_text(
    client, real_notes, monkeypatch
):
    page = client.get("/search/", {"q": "python", "kind": "skill"}).content.decode()
    assert "/search/export.csv?q=python&amp;kind=skill" in page
    header, *found = rows(client.get("/search/export.csv", {"q": "python", "kind": "skill"}))
    assert header == ["kind", "title", "context", "url", "snippet", "other places asking the same"]
    results = search("python", kind="skill", per_page=1000)
    assert results.total > PER_PAGE and len(found) == results.total  # more than a page
    assert [row[3] for row in found] == [f"http://testserver{hit.url}" for hit in results.hits]
    assert not any("<mark>" in row[1] + row[4] or "&amp;" in row[4] for row in found)
    assert {row[0] for row in found} == {"Skill line"}
    monkeypatch.setattr("taxonomy.views.SEARCH_EXPORT", 5)
    assert len(rows(client.get("/search/export.csv", {"q": "python"}))) == 1 + 5
    assert rows(client.get("/search/export.csv", {"q": ""})) == [header]
