"""The site as a person meets it: Chromium at 390 px and 1280 px, light and dark, against the
production setup.

The server is what `make serve` runs, on a temporary SQLite database and static folder:
FIELDNOTES_ENV=production (DEBUG off), `collectstatic` into hashed files served by whitenoise,
gunicorn with config/gunicorn.py. It is started directly rather than through make, whose
install step would build a virtualenv wherever the tests run. The data is what `make run`
imports (fixtures/notes.md and fixtures/corpus/) and the saved postings in fixtures/postings/;
the pages are chosen from it by what makes a page hard to lay out (the biggest field, the
longest name, a code block, Markdown in a title…), not by name.
"""

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.test_browser import ARTIFACTS, browser, sync_api  # noqa: F401 (a fixture)
from tests.test_serve import BASE_DIR, PRODUCTION_BEHIND_TLS, free_port, get, manage

WIDTHS = (390, 1280)
SCHEMES = ("light", "dark")
PASSWORD = "a long test password"

# Run by one `manage.py shell` (one start of Django, not four): the database as `make run`
# leaves it plus the saved postings, a reader with a roadmap, and the pages to look at, chosen
# from the data. Prints them as JSON on its last line.
BUILD_SITE = f"""
import json
from pathlib import Path
from urllib.parse import quote
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import Count
from django.db.models.functions import Length
from postings.models import Company, Posting, Role
from roadmaps.services import create_roadmap
from taxonomy.models import ResearchArea, Skill, SkillSet, Technology

call_command("migrate", verbosity=0)
call_command("import_notes", "fixtures/notes.md", "fixtures/corpus", verbosity=0)
call_command("import_posting", *sorted(Path("fixtures/postings").iterdir()), verbosity=0)
fields = ResearchArea.objects.annotate(sets=Count("skill_sets"), kids=Count("children"))
biggest = fields.order_by("-sets", "pk")[0]
longest = fields.annotate(n=Length("name")).order_by("-n", "pk")[0]
with_code = fields.filter(notes_html__contains="<pre").order_by("-sets", "pk")[0]
top = fields.filter(parent=None, kids__gt=0).order_by("-kids", "pk")[0]
leaf = fields.filter(kids=0, roles__isnull=False).order_by("-sets", "pk")[0]
marked_line = SkillSet.objects.filter(role__isnull=False, context__contains="***")[0].role
marked_title = Role.objects.filter(title__contains="***").order_by("pk")[0]
def longest_word(text):
    return max(map(len, text.split()), default=0)
skills = Skill.objects.filter(skill_set__role__isnull=False, text__contains="http")
long_url = max(skills.select_related("skill_set__role"), key=lambda s: longest_word(s.text))
company = Company.objects.annotate(n=Length("website")).order_by("-n", "pk")[0]
technology = Technology.objects.annotate(n=Count("tagged_skills")).order_by("-n", "pk")[0]
posting = Posting.objects.annotate(n=Length("text")).order_by("-n", "pk")[0]

reader = get_user_model().objects.create_user("reader", password="{PASSWORD}")
roadmap = create_roadmap(owner=reader, title="Plan", areas=[leaf], roles=[marked_title])
pages = {{
    "home": "/",
    "biggest field": biggest.get_absolute_url(),
    "longest field name": longest.get_absolute_url(),
    "field notes with code": with_code.get_absolute_url(),
    "top-level field": top.get_absolute_url(),
    "leaf field": leaf.get_absolute_url(),
    "roles": "/roles/",
    "role, Markdown in a skill set line": marked_line.get_absolute_url(),
    "role, Markdown in its title": marked_title.get_absolute_url(),
    "role, the longest word": long_url.skill_set.role.get_absolute_url(),
    "companies": "/companies/",
    "company, the longest website": company.get_absolute_url(),
    "technologies": "/technologies/",
    "technology": technology.get_absolute_url(),
    "compare": f"/compare/?a={{biggest.slug}}&b={{longest.slug}}",
    "search": "/search/?q=" + quote(technology.name),
    "posting": posting.get_absolute_url(),
    "roadmaps": "/roadmaps/",
    "roadmap": roadmap.get_absolute_url(),
    "roadmap gap": roadmap.get_absolute_url() + "gap/",
    "what I know": "/roadmaps/known/",
    "fit": "/roadmaps/fit/",
    "new roadmap": "/roadmaps/new/",
    "404": "/no/such/page/",
}}
print(json.dumps(pages))
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The production setup serving the real notes: its address and the chosen pages."""
    folder = tmp_path_factory.mktemp("layout")
    port = free_port()
    env = {
        "FIELDNOTES_ENV": "production",
        "DJANGO_SECRET_KEY": PRODUCTION_BEHIND_TLS["DJANGO_SECRET_KEY"],
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "DJANGO_STATIC_ROOT": str(folder / "static"),
        "FIELDNOTES_CACHE_DIR": str(folder / "cache"),
        "PORT": str(port),
        "WEB_CONCURRENCY": "2",
    }
    collect = subprocess.Popen(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=BASE_DIR,
        env={**os.environ, **env},
    )
    result = manage("shell", "--verbosity", "0", "--command", BUILD_SITE, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    pages = json.loads(result.stdout.strip().splitlines()[-1])
    assert collect.wait(timeout=120) == 0
    gunicorn = Path(sys.executable).with_name("gunicorn")
    log = folder / "gunicorn.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [str(gunicorn), "--config", "python:config.gunicorn", "config.wsgi"],
            cwd=BASE_DIR,
            env={**os.environ, **env},
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and server.poll() is None:
            try:
                get(base + "/")
                break
            except OSError:
                time.sleep(0.2)
        assert server.poll() is None, log.read_text()
        yield {"base": base, "pages": pages}
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def contrast(one: str, other: str) -> float:
    """WCAG's contrast ratio of two colours as the browser computes them ("rgb(r, g, b)")."""

    def luminance(colour: str) -> float:
        channels = [int(part) / 255 for part in re.findall(r"\d+", colour)[:3]]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


LOOK_JS = """
() => {
  const style = (selector) => getComputedStyle(document.querySelector(selector));
  const search = document.querySelector('#site-q');
  const font = document.createElement('canvas').getContext('2d');
  font.font = getComputedStyle(search).font;
  const room = search.clientWidth - parseFloat(getComputedStyle(search).paddingLeft)
    - parseFloat(getComputedStyle(search).paddingRight);
  const current = document.querySelector('.site-header nav a[aria-current="page"]');
  return {
    scrollWidth: document.scrollingElement.scrollWidth,
    width: window.innerWidth,
    background: style('html').backgroundColor,
    header: style('.site-header').backgroundColor,
    ink: style('main').color,
    muted: document.querySelector('main .muted, main .count')
      ? getComputedStyle(document.querySelector('main .muted, main .count')).color : null,
    link: style('main a:not([class])').color,
    placeholderFits: font.measureText(search.placeholder).width <= room,
    currentHref: current && current.getAttribute('href'),
  };
}
"""


FOCUS_JS = """
() => {
  const ring = getComputedStyle(document.activeElement);
  return {
    focused: document.activeElement.className,
    shown: ring.outlineStyle !== 'none' && parseFloat(ring.outlineWidth) >= 2,
    colour: ring.outlineColor,
  };
}
"""


@pytest.fixture(scope="module")
def looks(browser, site):  # noqa: F811 (the fixture imported above)
    """Each chosen page, loaded once, in both schemes at both widths: what LOOK_JS reports,
    keyed (scheme, width, page); its status and text; and the focus ring's colour per scheme.
    The scheme is the context's prefers-color-scheme, switched on the page (emulate_media)
    rather than by a context per scheme: four times fewer page loads."""
    context = browser.new_context(base_url=site["base"], color_scheme="light")
    page = context.new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("reader")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    sync_api.expect(page.locator(".account")).to_contain_text("Signed in as reader")
    seen, pages = {}, {}
    for name, url in site["pages"].items():
        response = page.goto(url)
        pages[name] = {"status": response.status, "text": page.inner_text("body")}
        for scheme in SCHEMES:
            page.emulate_media(color_scheme=scheme)
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": 900})
                seen[scheme, width, name] = page.evaluate(LOOK_JS)
                if name == "biggest field":
                    page.screenshot(path=ARTIFACTS / f"layout-{scheme}-{width}.png")
    # The ring shows on the first element a keyboard reaches: the skip link, over the header.
    page.keyboard.press("Tab")
    focus = {}
    for scheme in SCHEMES:
        page.emulate_media(color_scheme=scheme)
        focus[scheme] = page.evaluate(FOCUS_JS)
    context.close()
    # The 404 page logs its own status; anything else (a CSP refusal, a missing file) is a fault.
    assert [error for error in errors if "404" not in error] == []
    return {"seen": seen, "pages": pages, "focus": focus}


def test_no_page_scrolls_sideways_at_390_or_1280_px_in_either_scheme(looks):
    assert len(looks["pages"]) >= 20
    too_wide = [
        (where, look["scrollWidth"])
        for where, look in looks["seen"].items()
        if look["scrollWidth"] > look["width"]
    ]
    assert too_wide == []


def test_every_page_answers_and_the_unknown_one_is_the_styled_404(looks):
    statuses = {name: page["status"] for name, page in looks["pages"].items()}
    assert statuses.pop("404") == 404
    assert set(statuses.values()) == {200}
    assert "Page not found" in looks["pages"]["404"]["text"]
    for scheme in SCHEMES:  # styled as every page, by the collected stylesheet
        not_found, home = looks["seen"][scheme, 390, "404"], looks["seen"][scheme, 390, "home"]
        assert not_found["header"] != "rgba(0, 0, 0, 0)"
        for colour in ("background", "header", "ink", "link"):
            assert not_found[colour] == home[colour]


def test_role_pages_show_no_markdown_markers(looks):
    for name in ("role, Markdown in a skill set line", "role, Markdown in its title"):
        assert "**" not in looks["pages"][name]["text"], name


def test_dark_scheme_changes_the_background_and_text_and_focus_keep_their_contrast(looks):
    seen, focus = looks["seen"], looks["focus"]
    assert seen["dark", 1280, "home"]["background"] != seen["light", 1280, "home"]["background"]
    for ring in focus.values():
        assert (ring["focused"], ring["shown"]) == ("skip", True)
    for (scheme, width, name), look in seen.items():
        where = (scheme, width, name)
        assert contrast(look["ink"], look["background"]) >= 4.5, where
        assert contrast(look["link"], look["background"]) >= 4.5, where
        if look["muted"]:
            assert contrast(look["muted"], look["background"]) >= 4.5, where
        assert contrast(focus[scheme]["colour"], look["background"]) >= 3, where
        assert contrast(focus[scheme]["colour"], look["header"]) >= 3, where


def test_the_header_shows_its_search_placeholder_whole_and_marks_the_current_page(looks, site):
    seen = looks["seen"]
    assert all(look["placeholderFits"] for look in seen.values())
    for scheme in SCHEMES:
        for name in ("home", "roles", "companies", "technologies", "roadmaps"):
            assert seen[scheme, 390, name]["currentHref"] == site["pages"][name]
        assert seen[scheme, 390, "biggest field"]["currentHref"] is None  # under Fields


def test_the_header_search_answers_names_first_at_both_widths(browser, site):  # noqa: F811
    """Typed into the header's box as a person would: what is named so comes first."""
    from tests.test_search_ranking import NAMED

    context = browser.new_context(base_url=site["base"])
    page = context.new_page()
    for width, (text, (_, url)) in zip([*WIDTHS] * len(NAMED), NAMED.items(), strict=False):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto("/")
        box = page.locator("form.site-search input[name=q]")
        box.fill(text)
        box.press("Enter")
        page.wait_for_url("**/search/**")
        assert page.locator(".result-title").first.get_attribute("href") == url, (text, width)
    context.close()
