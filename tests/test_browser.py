"""The public site and the admin in a real browser: Debian's Chromium driven by Playwright.

Skipped where Chromium is not installed, except when FIELDNOTES_REQUIRE_BROWSER=1 (CI sets
it): there a missing browser fails. Screenshots of each page go to tests/artifacts/.
"""

import os
import re
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
REQUIRED = os.environ.get("FIELDNOTES_REQUIRE_BROWSER") == "1"

if not REQUIRED and not CHROMIUM.exists():
    pytest.skip("Debian's chromium is not installed", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api") if not REQUIRED else None
if sync_api is None:
    import playwright.sync_api as sync_api

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(scope="module")
def browser():
    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
    # between page loads are ordinary blocking calls.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def page(browser, live_server, real_notes_text):
    from taxonomy.notes.importer import import_notes

    import_notes(text=real_notes_text, source_name="notes.md")
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1200, "height": 900})
    page = context.new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    yield page
    context.close()
    assert errors == [], errors  # a CSP violation or a missing file shows up here


def shot(page, name: str) -> None:
    page.screenshot(path=ARTIFACTS / f"{name}.png", full_page=True)


def test_a_visitor_follows_mlops_to_a_role_a_technology_search_and_compare(page):
    page.goto("/")
    assert page.locator("h1").count() == 1
    shot(page, "01-home")

    page.get_by_role("link", name="MLOps, or ML Ops", exact=True).click()
    sync_api.expect(page.locator("h1")).to_have_text("MLOps, or ML Ops")
    sync_api.expect(
        page.get_by_role("img", name=re.compile("Technologies asked for"))
    ).to_be_visible()
    shot(page, "02-field-mlops")

    page.locator(".role-list a").first.click()
    sync_api.expect(page.locator(".breadcrumb")).to_contain_text("MLOps")
    role_title = page.locator("h1").inner_text()
    shot(page, "03-role")

    chip = page.locator(".chip").first
    technology = chip.inner_text()
    chip.click()
    sync_api.expect(page.locator("h1")).to_have_text(technology)
    sync_api.expect(page.locator("#roles-heading + ul")).to_contain_text(role_title)
    shot(page, "04-technology")

    page.get_by_label("Search Fieldnotes").fill("pytorh")
    page.get_by_label("Search Fieldnotes").press("Enter")
    sync_api.expect(page.locator(".corrected")).to_contain_text("pytorch")
    sync_api.expect(page.locator(".result-title").first).to_have_text("PyTorch")
    shot(page, "05-search-typo")

    page.get_by_role("link", name="Compare", exact=True).click()
    field_a = page.get_by_label("Field A")
    field_a.press_sequentially("computer vis")
    # js/pickers.js fills the box's datalist with the server's suggestions.
    suggestion = page.locator('#compare-a-suggestions option[value="computer-vision"]')
    sync_api.expect(suggestion).to_have_attribute("label", "Computer Vision")
    field_a.fill("computer-vision")
    page.get_by_label("Field B").fill("Natural Language Processing, NLP")
    page.get_by_role("button", name="Compare fields").click()
    sync_api.expect(page.locator("h1")).to_contain_text("Computer Vision and Natural Language")
    sync_api.expect(page.locator("#both-heading")).to_be_visible()
    assert page.locator(".compare-grid tbody tr").count() > 1
    shot(page, "06-compare")


def test_without_javascript_a_typed_name_filters_roles_and_a_vague_one_offers_choices(
    page, browser, live_server
):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    plain = context.new_page()
    plain.goto("/roles/")
    plain.get_by_label("Technology", exact=True).fill("pyt")
    plain.get_by_role("button", name="Filter").click()
    sync_api.expect(plain.locator(".errors")).to_contain_text("“pyt” matches several")
    assert plain.locator("tbody td a").count() == 0
    shot(plain, "07-roles-vague-technology")

    plain.get_by_role("link", name="PyTorch", exact=True).click()
    sync_api.expect(plain.get_by_label("Technology", exact=True)).to_have_value("PyTorch")
    assert plain.locator("tbody td a").count() > 0

    plain.get_by_label("Field", exact=True).fill("no such field")
    plain.get_by_role("button", name="Filter").click()
    sync_api.expect(plain.locator(".errors")).to_have_text("No field named “no such field”.")
    sync_api.expect(plain.locator("tbody")).to_contain_text("No role matches these filters.")
    context.close()


def sign_in_as_staff(page) -> None:
    from django.contrib.auth.models import User

    User.objects.create_superuser("curator", "curator@example.com", "a long test password")
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("curator")
    page.get_by_label("Password").fill("a long test password")
    page.get_by_role("button", name="Log in").click()


def test_staff_renames_a_role_in_the_admin_and_the_public_page_and_search_show_it(page):
    from postings.models import Role

    role = Role.objects.get(slug="senior-julia-machine-learning-engineer")
    sign_in_as_staff(page)
    page.goto(f"/admin/postings/role/{role.pk}/change/")
    page.get_by_label("Title").fill("Principal Julia Quokka Engineer")
    shot(page, "07-admin-role")
    page.get_by_role("button", name="Save", exact=True).click()
    sync_api.expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    page.goto(role.get_absolute_url())
    sync_api.expect(page.locator("h1")).to_have_text("Principal Julia Quokka Engineer")
    shot(page, "08-role-renamed")

    page.goto("/search/?q=quokka")
    sync_api.expect(page.locator(".result-title").first).to_have_text(
        "Principal Julia Quokka Engineer"
    )


def test_staff_pastes_a_posting_previews_it_confirms_and_finds_its_roles(page):
    from postings.models import Role

    posting = Path(__file__).resolve().parent.parent / "fixtures" / "postings" / "ml2-open-roles.md"
    sign_in_as_staff(page)
    page.goto("/admin/postings/posting/")
    page.get_by_role("link", name="Add posting").click()
    page.get_by_label("Posting text").fill(posting.read_text())
    page.get_by_role("button", name="Preview").click()
    sync_api.expect(page.locator("h2.role-title")).to_have_count(4)
    sync_api.expect(page.locator("#content-main")).to_contain_text("Nothing has been written yet")
    shot(page, "09-admin-posting-preview")
    assert not Role.objects.filter(title="Research Resident").exists()

    page.get_by_role("button", name="Confirm and import").click()
    sync_api.expect(page.locator(".messagelist")).to_contain_text("4 roles: Software Engineer")
    shot(page, "10-admin-posting-imported")

    page.goto(Role.objects.get(title="Research Resident").get_absolute_url())
    sync_api.expect(page.locator(".facts")).to_contain_text("KRW 35M ~ 60M (negotiable)")
    sync_api.expect(page.locator(".facts")).to_contain_text("ML2")
    shot(page, "11-imported-role")


def sign_in(page, username: str, password: str) -> None:
    page.get_by_role("banner").get_by_role("link", name="Sign in").click()
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def build_roadmap(page, typed: str, field: str, title: str) -> None:
    """Find a field by typing (search as you type, no button), add it, name and create."""
    page.goto("/roadmaps/new/")
    page.get_by_label("Find a field or a role").press_sequentially(typed, delay=40)
    results = page.locator("#target-results")
    sync_api.expect(results).to_contain_text(f"Matches for “{typed}”")
    page.get_by_role("link", name=f"Add {field}", exact=True).click()
    sync_api.expect(page.get_by_label("Chosen targets")).to_contain_text(field)
    page.get_by_label("Title").fill(title)
    page.get_by_role("button", name="Create roadmap").click()
    sync_api.expect(page.locator("h1")).to_have_text(title)


def mark_done(page, technology: str) -> None:
    status = page.get_by_role("form", name=f"Status of {technology}")
    status.get_by_role("button", name="Working").click()
    sync_api.expect(
        page.get_by_role("form", name=f"Status of {technology}").get_by_role(
            "button", name="Working"
        )
    ).to_have_attribute("aria-pressed", "true")


def progress(page) -> int:
    return int(page.locator("#roadmap-progress").get_attribute("value"))


def test_a_person_builds_an_mlops_roadmap_marks_steps_done_and_sees_them_in_another(page):
    from django.contrib.auth.models import User

    User.objects.create_user("ana", password="a long test password")
    page.goto("/roadmaps/")
    sign_in(page, "ana", "a long test password")
    sync_api.expect(page.locator(".account")).to_contain_text("Signed in as ana")

    build_roadmap(page, "mlops", "MLOps, or ML Ops, ModelOps, & AIOps", "MLOps plan")
    now = page.locator("#stage-now")
    for technology in ("Python", "Docker", "Kubernetes"):
        sync_api.expect(now).to_contain_text(technology)
    kubernetes = now.locator(".plan-step", has=page.get_by_role("link", name="Kubernetes"))
    sync_api.expect(kubernetes.locator(".after")).to_have_text("after Linux, Docker")
    assert progress(page) == 0
    shot(page, "12-roadmap-new")

    mark_done(page, "Kubernetes")
    assert progress(page) == 1
    mark_done(page, "Docker")
    assert progress(page) == 2
    sync_api.expect(page.locator("#progress-text")).to_contain_text("2 of 60 done")
    shot(page, "13-roadmap-progress")

    # A second roadmap, for the MLOps sub-field alone, already knows both are done.
    build_roadmap(page, "ml ops", "MLOps, or ML Ops", "Just MLOps")
    for technology in ("Kubernetes", "Docker"):
        step = page.locator(".plan-step", has=page.get_by_role("link", name=technology, exact=True))
        sync_api.expect(step.locator(".status-badge")).to_have_text("Working")
    assert progress(page) == 2
    shot(page, "14-roadmap-second")

    page.get_by_role("button", name="Sign out").click()
    sync_api.expect(page.get_by_role("banner").get_by_role("link", name="Sign in")).to_be_visible()


def test_a_new_person_signs_up_records_a_cv_and_sees_their_fit_to_each_role(page, settings):
    settings.SIGNUP_OPEN = True
    page.goto("/roadmaps/fit/")
    page.get_by_role("link", name="Create one").click()
    page.get_by_label("Username").fill("cleo")
    page.locator("#id_password1").fill("tall ferns and rivers")
    page.locator("#id_password2").fill("tall ferns and rivers")
    shot(page, "15-sign-up")
    page.get_by_role("button", name="Create account").click()
    # Back to the page asked for, signed in: nothing known yet, so every fit is 0%.
    sync_api.expect(page.locator("h1")).to_have_text("Your fit to every role")
    sync_api.expect(page.locator(".account")).to_contain_text("Signed in as cleo")
    assert "100%" not in page.locator("table.role-fit").inner_text()

    page.get_by_role("link", name="Record what you know").click()
    page.get_by_label("Paste a CV, a profile or a list of tools").fill(
        "Machine learning engineer. Python, PyTorch, Docker, Kubernetes, SQL and AWS; "
        "send your CV to me@example.com"
    )
    page.get_by_role("button", name="Find technologies").click()
    found = page.locator("table.found-technologies")
    sync_api.expect(found).to_contain_text("Kubernetes")
    assert "Computer vision" not in found.inner_text()
    page.get_by_role("button", name="Record these levels").click()
    sync_api.expect(page.locator(".messages")).to_contain_text("Recorded")

    page.goto("/roadmaps/fit/")
    best = page.locator("table.role-fit tbody tr").first
    sync_api.expect(best).to_contain_text("%")
    assert int(re.search(r"(\d+)%", best.inner_text())[1]) > 0
    shot(page, "16-fit")
    best.get_by_role("link").first.click()
    sync_api.expect(page.get_by_role("heading", name="Your fit")).to_be_visible()
