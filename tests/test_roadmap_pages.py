"""Roadmap pages: who may read and change what, the target picker, and bounded queries."""

import re

import pytest
from django.core.exceptions import ValidationError

from roadmaps.models import Roadmap, RoadmapStep, SkillProgress
from roadmaps.services import create_roadmap
from taxonomy.models import ResearchArea
from taxonomy.notes.synthetic import scale_notes
from tests.conftest import TOY_NOTES, query_counts, signed_in

pytestmark = pytest.mark.django_db
Stage = RoadmapStep.Stage


def step_of(roadmap: Roadmap, name: str) -> RoadmapStep:
    return roadmap.steps.get(technology__name=name)


def read_urls(roadmap: Roadmap) -> list[str]:
    base = roadmap.get_absolute_url()
    return [base, f"{base}gap/", f"{base}export.md", f"{base}export.json"]


def write_posts(roadmap: Roadmap) -> list[tuple[str, dict]]:
    base = roadmap.get_absolute_url()
    step = step_of(roadmap, "Docker")
    return [
        (f"{base}steps/{step.pk}/", {"action": "up"}),
        (f"{base}steps/{step.pk}/", {"action": "remove"}),
        (f"{base}steps/", {"technology": "Rust", "stage": "0"}),
        (f"{base}settings/", {"title": "Taken over", "description": "", "is_public": "on"}),
        (f"{base}delete/", {}),
    ]


def test_a_private_roadmap_is_readable_by_its_owner_only(client, roadmaps, people):
    private, _ = roadmaps
    ana, bob = people
    for url in read_urls(private):
        assert client.get(url).status_code == 404, url
        assert signed_in(client, bob).get(url).status_code == 404, url
        assert signed_in(client, ana).get(url).status_code == 200, url
        client.logout()


def test_a_public_roadmap_is_readable_by_anyone(client, roadmaps, people):
    _, public = roadmaps
    for url in read_urls(public):
        assert client.get(url).status_code == 200, url
        assert signed_in(client, people[1]).get(url).status_code == 200, url
        client.logout()


def test_only_the_owner_may_change_a_roadmap(client, roadmaps, people):
    private, public = roadmaps
    before = list(RoadmapStep.objects.order_by("pk").values_list("pk", "stage", "position"))
    for url, data in write_posts(public):
        assert client.post(url, data).status_code == 302, url  # to the sign-in page
        assert client.post(url, data)["Location"].startswith("/accounts/login/")
        assert signed_in(client, people[1]).post(url, data).status_code == 403, url
        client.logout()
    for url, data in write_posts(private):
        assert signed_in(client, people[1]).post(url, data).status_code == 404, url
    assert list(RoadmapStep.objects.order_by("pk").values_list("pk", "stage", "position")) == (
        before
    )
    assert Roadmap.objects.filter(title__in=["Private plan", "Public plan"]).count() == 2


def test_the_owner_reorders_moves_annotates_adds_and_removes_steps(client, roadmaps, people):
    _, roadmap = roadmaps
    client = signed_in(client, people[0])
    base = roadmap.get_absolute_url()
    mlflow, communication = step_of(roadmap, "MLflow"), step_of(roadmap, "Communication")

    response = client.post(f"{base}steps/{communication.pk}/", {"action": "up"})
    assert response["Location"] == f"{base}#step-{communication.pk}"
    assert step_of(roadmap, "Communication").position == 0
    client.post(f"{base}steps/{mlflow.pk}/", {"action": "stage", "stage": "0"})
    assert (step_of(roadmap, "MLflow").stage, step_of(roadmap, "MLflow").position) == (0, 2)
    client.post(f"{base}steps/{mlflow.pk}/", {"action": "note", "note": "Do the tutorial"})
    assert step_of(roadmap, "MLflow").note == "Do the tutorial"
    response = client.post(f"{base}steps/", {"technology": "k8s", "stage": "0"}, follow=True)
    assert "Kubernetes is already in this roadmap." in response.content.decode()
    client.post(f"{base}steps/", {"technology": "rust", "stage": "1"})
    assert step_of(roadmap, "Rust").stage == Stage.NEXT
    client.post(f"{base}steps/{mlflow.pk}/", {"action": "remove"})
    assert not roadmap.steps.filter(technology__name="MLflow").exists()
    assert roadmap.steps.count() == 6

    response = client.post(f"{base}steps/", {"technology": "Not a technology"}, follow=True)
    assert "No technology is called &#x27;Not a technology&#x27;." in response.content.decode()


def test_status_toggles_are_posted_forms_with_csrf_and_change_every_roadmap_of_the_person(
    client, roadmaps, people
):
    private, public = roadmaps
    client = signed_in(client, people[0])
    page = client.get(private.get_absolute_url()).content.decode()
    form = re.search(
        r'<form method="post" action="/roadmaps/progress/kubernetes/".*?</form>', page, re.S
    )
    assert form and "csrfmiddlewaretoken" in form.group(0)
    assert 'name="status" value="working"' in form.group(0)
    assert 'name="status" value="expert"' in form.group(0)

    response = client.post(
        "/roadmaps/progress/kubernetes/",
        {"status": "expert", "next": f"{private.get_absolute_url()}#step-1"},
    )
    assert response["Location"] == f"{private.get_absolute_url()}#step-1"
    page = client.get(public.get_absolute_url()).content.decode()
    assert re.search(r'<progress id="roadmap-progress" max="6" value="1">', page)
    assert "1 of 6 done (17%)" in page
    # Someone else's progress is theirs alone; a foreign "next" is not followed.
    response = signed_in(client, people[1]).post(
        "/roadmaps/progress/kubernetes/", {"status": "learning", "next": "https://evil.test/"}
    )
    assert response["Location"] == "/roadmaps/"
    assert SkillProgress.objects.get(user=people[0]).status == "expert"
    assert client.post("/roadmaps/progress/kubernetes/", {"status": "mastered"}).status_code == 302
    assert SkillProgress.objects.get(user=people[1]).status == "learning"


def test_visitors_see_the_owners_progress_without_the_controls(client, roadmaps, people):
    _, public = roadmaps
    SkillProgress.objects.create(
        user=people[0], technology=step_of(public, "Kubernetes").technology, status="working"
    )
    page = signed_in(client, people[1]).get(public.get_absolute_url()).content.decode()
    assert "1 of 6 done" in page
    assert "/roadmaps/progress/" not in page
    assert "Edit step" not in page and "Delete this roadmap" not in page


def test_the_list_shows_my_roadmaps_and_others_public_ones(client, roadmaps, people):
    anonymous = client.get("/roadmaps/").content.decode()
    assert "Public plan" in anonymous and "Private plan" not in anonymous
    mine = signed_in(client, people[0]).get("/roadmaps/").content.decode()
    assert "Private plan" in mine and "Public plan" in mine
    theirs = signed_in(client, people[1]).get("/roadmaps/").content.decode()
    assert "Private plan" not in theirs and "Public plan" in theirs


def test_the_target_picker_works_without_javascript(client, toy_notes, people):
    client = signed_in(client, people[0])
    assert client.get("/roadmaps/new/").status_code == 200
    page = client.get("/roadmaps/new/", {"q": "mlo"}).content.decode()
    assert 'href="/roadmaps/new/?areas=mlops&amp;q=mlo"' in page
    page = client.get("/roadmaps/new/", {"q": "serv", "areas": "mlops"}).content.decode()
    assert 'href="/roadmaps/new/?areas=mlops&amp;areas=model-serving&amp;q=serv"' in page
    assert 'href="/roadmaps/new/?q=serv" aria-label="Remove MLOps"' in page
    assert '<input type="hidden" name="areas" value="mlops">' in page
    # Roles are found by title or company, while a word is still being typed.
    partial = client.get("/roadmaps/new/", {"q": "platfo", "partial": "results"})
    assert "Senior Platform Engineer" in partial.content.decode()
    assert "<html" not in partial.content.decode()

    response = client.post(
        "/roadmaps/new/",
        {"title": "Mine", "areas": ["mlops"], "roles": ["senior-platform-engineer"]},
    )
    roadmap = Roadmap.objects.get(title="Mine")
    assert response["Location"] == roadmap.get_absolute_url()
    assert (roadmap.owner, roadmap.is_public) == (people[0], False)
    assert roadmap.steps.count() == 6


def home_counts(html: str, slug: str) -> tuple[str, str]:
    found = re.search(
        rf'href="/fields/{slug}/">[^<]*</a>\s*<span class="counts">(\d+) roles? · (\d+) skill set',
        html,
    )
    return found.groups()


def picker_counts(html: str, name: str) -> tuple[str, str]:
    found = re.search(
        rf"{re.escape(name)} <span class=\"counts\">(\d+) skill sets?, (\d+) roles?</span>", html
    )
    return found.group(2), found.group(1)


def test_the_picker_counts_a_field_as_the_home_page_does_and_suggests_by_that_count(
    client, real_notes, people
):
    home = client.get("/").content.decode()
    client = signed_in(client, people[0])
    for slug, query in [
        ("mlops-or-ml-ops-modelops-aiops", "modelops"),  # its roles are in its sub-field
        ("eda-electronic-design-automation", "electronic design"),  # and in filed sections
    ]:
        area = ResearchArea.objects.get(slug=slug)
        picked = client.get("/roadmaps/new/", {"q": query}).content.decode()
        name = area.name.replace("&", "&amp;")
        assert picker_counts(picked, name) == home_counts(home, slug), slug
        assert home_counts(home, slug) != ("0", "0"), slug
    suggested = client.get("/roadmaps/new/").content.decode()  # the fields with most sets
    sets = [int(n) for n in re.findall(r'class="counts">(\d+) skill sets?,', suggested)]
    assert len(sets) > 1 and sets == sorted(sets, reverse=True)


def test_creating_without_targets_says_so_and_anonymous_people_are_asked_to_sign_in(
    client, toy_notes, people
):
    assert client.get("/roadmaps/new/")["Location"] == "/accounts/login/?next=/roadmaps/new/"
    response = signed_in(client, people[0]).post("/roadmaps/new/", {"title": "Nothing"})
    assert response.status_code == 200
    assert "Choose at least one field or role to plan for." in response.content.decode()
    assert not Roadmap.objects.exists()


def test_sign_in_and_out_use_the_site_layout(client, people):
    page = client.get("/accounts/login/?next=/roadmaps/").content.decode()
    assert 'class="site-header"' in page and "Sign in" in page
    response = client.post(
        "/accounts/login/",
        {"username": "ana", "password": "correct-horse-battery", "next": "/roadmaps/"},
    )
    assert response["Location"] == "/roadmaps/"
    assert "Signed in as <strong>ana</strong>" in client.get("/roadmaps/").content.decode()
    assert client.post("/accounts/logout/")["Location"] == "/"
    assert "Signed in" not in client.get("/roadmaps/").content.decode()


def test_the_gap_view_ranks_what_is_not_done_with_the_roles_asking_and_skipped_last(
    client, roadmaps, people
):
    _, public = roadmaps
    for name, status in [("Kubernetes", "expert"), ("Docker", "skipped")]:
        SkillProgress.objects.create(
            user=people[0], technology=step_of(public, name).technology, status=status
        )
    page = client.get(f"{public.get_absolute_url()}gap/").content.decode()
    rows = re.findall(r'<td><a href="/technologies/([\w-]+)/">', page)
    assert rows == ["python", "communication", "mlflow", "terraform", "docker"]
    assert "Senior Platform Engineer" in page  # asks for MLflow and Python
    assert "(1 done)" in page


def test_roadmap_pages_run_the_same_number_of_queries_however_much_data(
    client, import_text, people
):
    def pages():
        mlops = ResearchArea.objects.get(slug="mlops")
        roadmap = create_roadmap(owner=people[0], title="Plan", areas=[mlops], is_public=True)
        base = roadmap.get_absolute_url()
        urls = ["/roadmaps/", "/roadmaps/new/", "/roadmaps/new/?q=ml", base, f"{base}gap/"]
        urls += [f"{base}export.md", f"{base}export.json", f"{base}rerank/"]
        urls.append(f"/roadmaps/fit/?roadmap={roadmap.slug}")
        return query_counts(signed_in(client, people[0]), urls)

    import_text(TOY_NOTES)
    once = pages()
    Roadmap.objects.all().delete()
    import_text(scale_notes(TOY_NOTES, 3))
    thrice = pages()
    assert once == thrice
    # 16: the export reads the field tree once, for the sections filed under its fields.
    assert max(once.values()) <= 16, once


def test_the_owner_renames_publishes_and_deletes_a_roadmap(client, roadmaps, people):
    private, _ = roadmaps
    client = signed_in(client, people[0])
    base = private.get_absolute_url()
    client.post(
        f"{base}settings/", {"title": "Shared plan", "description": "*Go*", "is_public": "on"}
    )
    private.refresh_from_db()
    assert (private.title, private.is_public, private.description_html) == (
        "Shared plan",
        True,
        "<p><em>Go</em></p>\n",
    )
    response = client.post(f"{base}settings/", {"title": "", "description": ""}, follow=True)
    assert "This field is required." in response.content.decode()
    private.refresh_from_db()
    assert (private.title, private.is_public) == ("Shared plan", True)

    response = client.post(f"{base}delete/")
    assert response["Location"] == "/roadmaps/"
    assert not Roadmap.objects.filter(pk=private.pk).exists()
    assert client.get(base).status_code == 404


def test_a_description_over_the_limit_is_refused_with_its_length(client, roadmaps, people):
    from roadmaps.models import MAX_DESCRIPTION
    from roadmaps.services import update_roadmap

    private, _ = roadmaps
    client = signed_in(client, people[0])
    too_long = "[" * (MAX_DESCRIPTION + 1)
    response = client.post(
        f"{private.get_absolute_url()}settings/",
        {"title": "Plan", "description": too_long},
        follow=True,
    )
    assert "Ensure this value has at most 20000 characters" in response.content.decode()
    private.refresh_from_db()
    assert private.description == ""
    with pytest.raises(ValidationError, match=r"^\['The description is 20,001 characters"):
        update_roadmap(roadmap=private, title="Plan", description=too_long, is_public=False)
