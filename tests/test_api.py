"""The read API under /api/v1/: contents, filters, paging, errors as JSON, revalidation by
the data version, and a query count that does not grow with the data."""

import pytest

from api.v1 import FIELDS_PER_PAGE, PER_PAGE
from postings.models import Company, Role
from taxonomy.demand import comparison
from taxonomy.models import FieldCount, ResearchArea, Technology
from taxonomy.notes.synthetic import scale_notes
from tests.conftest import TOY_NOTES, query_counts, signed_in

pytestmark = pytest.mark.django_db


def get(client, url, status=200, **headers):
    response = client.get(url, **headers)
    assert response.status_code == status, (url, response.content[:300])
    assert response["Content-Type"].startswith("application/json"), url
    return response.json()


def slugs(page) -> list[str]:
    return [item["slug"] for item in page["items"]]


def test_fields_come_in_the_notes_order_with_the_counts_the_home_page_shows(client, toy_notes):
    page = get(client, "/api/v1/fields")
    assert slugs(page) == ["platforms", "mlops", "model-serving", "web", "chips"]
    assert page["count"] == 5 and page["page"] == 1 and page["pages"] == 1
    mlops = page["items"][1]
    counted = FieldCount.objects.get(area__slug="mlops")
    assert (mlops["roles"], mlops["skill_sets"]) == (counted.roles, counted.skill_sets)
    assert mlops["parent"] == "platforms" and mlops["url"] == "/fields/mlops/"


def test_a_field_has_its_notes_as_source_and_html_and_its_sub_fields(client, toy_notes):
    field = get(client, "/api/v1/fields/platforms")
    assert field["notes"] == "Where models run."
    assert "<p>Where models run.</p>" in field["notes_html"]
    assert field["sub_fields"] == [
        {"name": "MLOps", "slug": "mlops"},
        {"name": "Web", "slug": "web"},
        {"name": "Chips", "slug": "chips"},
    ]
    assert field["parent"] is None


def test_roles_filter_as_the_roles_page_does(client, real_notes):
    every = get(client, "/api/v1/roles")
    assert every["count"] == Role.objects.count()
    assert len(every["items"]) == PER_PAGE
    field = "mlops-or-ml-ops-modelops-aiops"
    html = client.get(f"/roles/?field={field}").content.decode()
    in_field = get(client, f"/api/v1/roles?field={field}")
    assert in_field["count"] > 5
    assert all(f'href="{item["url"]}"' in html for item in in_field["items"])
    python = get(client, "/api/v1/roles?technology=python&q=engineer")
    assert python["count"] > 0
    assert all("engineer" in item["title"].casefold() for item in python["items"])
    company = Company.objects.filter(roles__isnull=False).first()
    by_company = get(client, f"/api/v1/roles?company={company.slug}")
    assert {item["company"]["slug"] for item in by_company["items"]} == {company.slug}


def test_pages_follow_one_stable_order_without_overlap(client, real_notes):
    first, second = (get(client, f"/api/v1/roles?page={n}") for n in (1, 2))
    assert not set(slugs(first)) & set(slugs(second))
    titles = list(Role.objects.order_by("title", "pk").values_list("slug", flat=True))
    assert slugs(first) + slugs(second) == titles[: 2 * PER_PAGE]
    last = get(client, f"/api/v1/roles?page={first['pages']}")
    assert 0 < len(last["items"]) <= PER_PAGE
    assert get(client, f"/api/v1/roles?page={first['pages'] + 1}")["items"] == []


def test_a_role_has_its_skill_sets_lines_kinds_and_technologies(client, toy_notes):
    role = Role.objects.get(title="Senior Platform Engineer")
    found = get(client, f"/api/v1/roles/{role.slug}")
    assert found["title"] == "Senior Platform Engineer"
    assert found["field"] == {"name": "MLOps", "slug": "mlops"}
    (skill_set,) = found["skill_sets"]
    lines = {skill["text"]: skill for skill in skill_set["skills"]}
    assert {t["slug"] for t in lines["Kubernetes and Python"]["technologies"]} == {
        "kubernetes",
        "python",
    }
    assert lines["MLflow is a plus"]["kind"] == "preference"
    assert all(skill["kind"] for skill in skill_set["skills"])


def test_technologies_come_most_asked_first_overall_and_within_a_field(client, toy_notes):
    every = get(client, "/api/v1/technologies")
    demand = [item["demand"] for item in every["items"]]
    assert demand == sorted(demand, reverse=True)
    top = [(item["slug"], item["demand"]) for item in every["items"][:2]]
    assert top == [("communication", 5), ("python", 5)]  # a tie goes by name
    assert every["count"] == Technology.objects.count()
    assert get(client, "/api/v1/technologies?field=%1D")["count"] == every["count"]  # blank
    chips = get(client, "/api/v1/technologies?field=chips")
    assert {item["slug"]: item["demand"] for item in chips["items"]} == {
        "communication": 1,
        "python": 1,
        "verilog": 1,
    }


def test_every_fields_demand_comes_in_one_list_as_each_field_counts_it(client, real_notes):
    first = get(client, "/api/v1/technologies/by-field")
    fields = list(first["items"])
    for number in range(2, first["pages"] + 1):
        fields += get(client, f"/api/v1/technologies/by-field?page={number}")["items"]
    assert len(first["items"]) == FIELDS_PER_PAGE and len(fields) == first["count"]
    order = ResearchArea.objects.order_by("position", "pk").values_list("slug", flat=True)
    assert [field["field"]["slug"] for field in fields] == list(order)
    by_slug = {field["field"]["slug"]: field["technologies"] for field in fields}
    for slug in ("mlops-or-ml-ops-modelops-aiops", "computer-vision", fields[0]["field"]["slug"]):
        alone = get(client, f"/api/v1/technologies?field={slug}")
        asked = [(row["slug"], row["demand"]) for row in by_slug[slug]]
        assert asked[:PER_PAGE] == [(i["slug"], i["demand"]) for i in alone["items"]], slug
        assert len(asked) == alone["count"] > 0, slug


def test_search_answers_as_the_site_does_with_facets(client, toy_notes):
    found = get(client, "/api/v1/search?q=kubernetes")
    assert found["total"] > 0
    assert found["results"][0]["url"] == "/technologies/kubernetes/"
    assert found["results"][0]["title"] == "Kubernetes"
    assert found["results"][0]["title_html"] == "<mark>Kubernetes</mark>"
    assert {facet["value"] for facet in found["kinds"]} >= {"technology", "skill"}
    narrowed = get(client, "/api/v1/search?q=kubernetes&kind=skill")
    assert {hit["kind"] for hit in narrowed["results"]} == {"skill"}


@pytest.mark.parametrize(
    ("url", "status", "detail"),
    [
        ("/api/v1/roles?technology=zzz", 400, "technology: no technology named “zzz”"),
        ("/api/v1/roles?company=zzz", 400, "company: no company named “zzz”"),
        ("/api/v1/roles?page=0", 400, "page: Input should be greater than or equal to 1"),
        ("/api/v1/roles?page=x", 400, "page: Input should be a valid integer"),
        ("/api/v1/technologies?field=zzz", 400, "field: no field named “zzz”"),
        ("/api/v1/search", 400, "q: Field required"),
        ("/api/v1/roles/no-such-role", 404, "Not found."),
        ("/api/v1/fields/no-such-field", 404, "Not found."),
        ("/api/v1/no/such/address", 404, "No such address: /api/v1/no/such/address"),
    ],
)
def test_errors_are_json_with_one_clear_line(client, toy_notes, url, status, detail):
    assert get(client, url, status)["detail"].startswith(detail)


def test_a_name_picking_several_rows_lists_their_slugs(client, toy_notes):
    detail = get(client, "/api/v1/roles?field=m", 400)["detail"]
    assert detail.startswith("field: “m” names several, give a slug: ")
    assert "mlops" in detail and "model-serving" in detail


def test_two_fields_compare_as_the_compare_page_counts_them(client, real_notes):
    a = ResearchArea.objects.get(slug="computer-vision")
    b = ResearchArea.objects.get(slug="natural-language-processing-nlp")
    found = get(client, f"/api/v1/compare/fields?a={a.name.lower()}&b={b.slug}")
    assert (found["a"]["slug"], found["b"]["name"], found["a"]["url"]) == (
        a.slug,
        b.name,
        a.get_absolute_url(),
    )
    expected = comparison(a, b)
    assert [(row["technology"]["slug"], row["a"], row["b"]) for row in found["both"]] == [
        (technology.slug, count_a, count_b) for technology, count_a, count_b in expected.both
    ]
    for side in ("only_a", "only_b"):
        assert [(row["technology"]["slug"], row["count"]) for row in found[side]] == [
            (d.technology.slug, d.count) for d in getattr(expected, side)
        ]
    html = client.get(f"/compare/?a={a.slug}&b={b.slug}").content.decode()
    assert f'Both ask for <span class="count">{len(found["both"])}</span>' in html


def test_two_roles_compare_by_slug_or_title_and_a_missing_side_is_a_400(client, real_notes):
    role_a, role_b = Role.objects.filter(skill_sets__isnull=False).distinct().order_by("pk")[:2]
    found = get(client, f"/api/v1/compare/roles?a={role_a.slug}&b={role_b.slug}")
    assert (found["a"]["name"], found["b"]["slug"]) == (role_a.plain_title, role_b.slug)
    assert found["both"] or found["only_a"]
    assert get(client, "/api/v1/compare/roles?a=&b=x-zz-none", 400)["detail"] == ("a: give a role")
    assert (
        get(client, "/api/v1/compare/fields?a=mlops-or-ml-ops-modelops-aiops", 400)["detail"]
        == "b: Field required"
    )


def test_the_api_only_reads_answering_head_as_get_and_any_write_with_a_json_405(client, toy_notes):
    for method in ("post", "put", "patch", "delete"):
        refused = getattr(client, method)("/api/v1/fields")
        assert refused.status_code == 405 and refused["Allow"] == "GET, HEAD", method
        assert refused.json()["detail"] == f"The API only reads: use GET, not {method.upper()}."
    assert client.post("/api/v1/no/such/address").status_code == 405
    head = client.head("/api/v1/fields")
    assert head.status_code == 200 and head["Content-Type"].startswith("application/json")
    assert head["ETag"] == client.get("/api/v1/fields")["ETag"]


def test_a_client_revalidates_with_the_etag_until_the_data_changes(client, toy_notes, import_text):
    url = "/api/v1/roles"
    first = client.get(url)
    assert first["ETag"] and first["Last-Modified"]
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    import_text(TOY_NOTES.replace("Senior Platform Engineer", "Staff Platform Engineer"))
    changed = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]
    assert "Staff Platform Engineer" in changed.content.decode()


def test_roadmaps_are_listed_to_whoever_may_read_them(client, roadmaps, people):
    private, public = roadmaps
    assert slugs(get(client, "/api/v1/roadmaps")) == [public.slug]
    assert slugs(get(signed_in(client, people[1]), "/api/v1/roadmaps")) == [public.slug]
    mine = get(signed_in(client, people[0]), "/api/v1/roadmaps")
    assert set(slugs(mine)) == {private.slug, public.slug}


def test_a_private_roadmap_is_its_owners_alone_with_steps_levels_and_fit(client, roadmaps, people):
    private, public = roadmaps
    url = f"/api/v1/roadmaps/{private.slug}"
    assert get(client, url, 404)["detail"] == "Not found."
    assert get(signed_in(client, people[1]), url, 404)["detail"] == "Not found."
    plan = get(signed_in(client, people[0]), url)
    assert plan["slug"] == private.slug and plan["public"] is False
    assert [step["technology"]["slug"] for step in plan["steps"]] == list(
        private.steps.order_by("stage", "position").values_list("technology__slug", flat=True)
    )
    assert {"status", "since", "note"} <= set(plan["steps"][0])
    assert "best" in plan["fit"] and plan["progress"]["steps"] == len(plan["steps"])
    client.logout()
    assert get(client, f"/api/v1/roadmaps/{public.slug}")["owner"] == "ana"


def test_progress_is_the_signed_in_persons_own_and_needs_a_session(client, roadmaps, people):
    from roadmaps.services import set_levels

    ana, bob = people
    set_levels(user=ana, levels={Technology.objects.get(slug="python"): "expert"})
    assert get(client, "/api/v1/progress", 401)["detail"] == "Sign in first, or send a token."
    mine = get(signed_in(client, ana), "/api/v1/progress")
    assert [(row["technology"]["slug"], row["level"]) for row in mine["items"]] == [
        ("python", "expert")
    ]
    assert get(signed_in(client, bob), "/api/v1/progress")["items"] == []


def test_an_etag_is_per_person_so_one_never_revalidates_anothers_answer(client, roadmaps, people):
    anonymous = client.get("/api/v1/roadmaps")["ETag"]
    ana = signed_in(client, people[0]).get("/api/v1/roadmaps", HTTP_IF_NONE_MATCH=anonymous)
    assert ana.status_code == 200 and ana["ETag"] != anonymous


def test_the_openapi_document_describes_every_endpoint_and_the_docs_page_is_served(client, db):
    document = get(client, "/api/v1/openapi.json")
    assert set(document["paths"]) == {
        "/api/v1/fields",
        "/api/v1/fields/{slug}",
        "/api/v1/roles",
        "/api/v1/roles/{slug}",
        "/api/v1/companies",
        "/api/v1/technologies",
        "/api/v1/technologies/by-field",
        "/api/v1/search",
        "/api/v1/compare/fields",
        "/api/v1/compare/roles",
        "/api/v1/roadmaps",
        "/api/v1/roadmaps/{slug}",
        "/api/v1/progress",
    }
    docs = client.get("/api/v1/docs")
    assert docs.status_code == 200
    html = docs.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html and "https://" not in html


def test_every_endpoint_runs_the_same_queries_at_one_and_three_times_the_data(
    client, real_notes, import_text, real_notes_text, people
):
    from roadmaps.services import create_roadmap, set_levels

    ana = people[0]
    signed_in(client, ana)
    set_levels(user=ana, levels={t: "working" for t in Technology.objects.all()[:40]})

    def urls():
        role, other = Role.objects.filter(skill_sets__isnull=False).distinct().order_by("pk")[:2]
        area = mlops = ResearchArea.objects.get(slug="mlops-or-ml-ops-modelops-aiops")
        plan = create_roadmap(owner=ana, title=f"Plan {Role.objects.count()}", areas=[mlops])
        return [
            "/api/v1/roadmaps",
            f"/api/v1/roadmaps/{plan.slug}",
            "/api/v1/progress",
            "/api/v1/fields",
            f"/api/v1/fields/{area.slug}",
            "/api/v1/roles?page=2",
            f"/api/v1/roles?field={area.slug}&technology=python&q=engineer",
            f"/api/v1/roles/{role.slug}",
            "/api/v1/companies",
            "/api/v1/technologies",
            f"/api/v1/technologies?field={area.slug}",
            "/api/v1/technologies/by-field",
            "/api/v1/search?q=python",
            f"/api/v1/compare/fields?a={area.slug}&b=computer-vision",
            f"/api/v1/compare/roles?a={role.slug}&b={other.slug}",
        ]

    once = query_counts(client, urls())
    assert max(once.values()) <= 20, once
    companies = list(Company.objects.values_list("name", flat=True))
    import_text(scale_notes(real_notes_text, 3, companies))
    assert Role.objects.count() >= 3 * 137
    assert list(query_counts(client, urls()).values()) == list(once.values())


def test_a_persons_answers_revalidate_until_their_levels_or_roadmaps_change(
    client, roadmaps, people
):
    from roadmaps.services import set_levels, update_roadmap

    ana = signed_in(client, people[0])
    for url in ("/api/v1/progress", "/api/v1/roadmaps", f"/api/v1/roadmaps/{roadmaps[1].slug}"):
        first = ana.get(url)
        assert ana.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304, url
    before = {url: ana.get(url)["ETag"] for url in ("/api/v1/progress", "/api/v1/roadmaps")}
    set_levels(user=people[0], levels={Technology.objects.get(slug="python"): "expert"})
    update_roadmap(roadmap=roadmaps[1], title="Renamed", description="", is_public=True)
    for url, etag in before.items():
        assert ana.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200, url
