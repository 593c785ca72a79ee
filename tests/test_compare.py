"""/compare/: two fields or two roles, each typed by name or slug (lib/pickers.py); the
field page's "compare with" box sends a typed name there."""

import re

import pytest
from django.db.models import Count

from postings.models import Company, Role
from taxonomy.models import ResearchArea

pytestmark = pytest.mark.django_db


def page(client, **query) -> str:
    return client.get("/compare/", query).content.decode()


def compared(html: str) -> bool:
    return "Both ask for" in html


def lone_titles():
    """Roles whose title no other role has."""
    lone = Role.objects.values("title").annotate(n=Count("pk")).filter(n=1).values("title")
    return Role.objects.filter(title__in=lone, skill_sets__isnull=False).distinct()


def test_two_fields_typed_by_name_in_any_case_are_compared(client, real_notes):
    a = ResearchArea.objects.get(slug="computer-vision")
    b = ResearchArea.objects.get(slug="natural-language-processing-nlp")
    by_slug = page(client, a=a.slug, b=b.slug)
    by_name = page(client, a=a.name.lower(), b=f" {b.name.upper()} ")
    assert compared(by_name) and f"Only {a.name}" in by_name
    assert by_name.split("<h1>")[1] == by_slug.split("<h1>")[1]
    assert f'name="a" value="{a.name}"' in by_name


def test_two_roles_typed_by_title_are_compared(client, real_notes):
    a, b = lone_titles().order_by("title")[:2]
    html = page(client, role_a=a.title, role_b=b.slug)
    assert compared(html)
    assert f"Only {a.title}".replace("&", "&amp;") in html
    assert f'name="role_b" value="{b.title}"'.replace("&", "&amp;") in html


def test_a_title_several_roles_have_lists_them_by_company_and_field_as_links(client, real_notes):
    area = ResearchArea.objects.get(slug="computer-vision")
    for name in ("Zeta Robotics", "Zeta Vision"):
        company = Company.objects.create(name=name, slug=name.lower().replace(" ", "-"))
        Role.objects.create(
            title="Vision Engineer Z", slug=f"vez-{company.slug}", company=company, area=area
        )
    other = lone_titles().first()
    html = page(client, role_a="vision engineer z", role_b=other.slug)
    assert not compared(html)
    assert "“vision engineer z” matches several roles" in html
    links = re.findall(r'<li><a href="\?([^"]+)">([^<]+)</a></li>', html)
    assert [label for _, label in links] == [
        f"Vision Engineer Z at Zeta Robotics, in {area.name}",
        f"Vision Engineer Z at Zeta Vision, in {area.name}",
    ]
    html = client.get("/compare/?" + links[0][0].replace("&amp;", "&")).content.decode()
    assert compared(html) and "Only Vision Engineer Z" in html


@pytest.mark.parametrize(
    "query", [{}, {"a": "", "b": ""}, {"role_a": "", "role_b": ""}, {"a": " ", "role_b": ""}]
)
def test_nothing_typed_shows_the_empty_boxes_and_no_error(client, real_notes, query):
    html = page(client, **query)
    assert not compared(html)
    assert 'class="errors"' not in html and "aria-invalid" not in html
    assert "Choose" not in html and "No field named" not in html
    assert "<select" not in html


def test_one_role_chosen_asks_for_a_second_without_an_error(client, real_notes):
    role = lone_titles().first()  # as "Compare this role with another" on a role page links
    html = page(client, role_a=role.slug)
    assert f"Choose a second role to compare {role.title} with.".replace("&", "&amp;") in html
    assert 'class="errors"' not in html


def test_a_name_that_picks_nothing_says_so(client, real_notes):
    html = page(client, a="nope", b="computer-vision")
    assert "No field named “nope”." in html and not compared(html)
    html = page(client, role_a="no such role", role_b="")
    assert "No role named “no such role”." in html


def test_the_field_pages_compare_box_sends_a_typed_name(client, real_notes):
    area = ResearchArea.objects.get(slug="computer-vision")
    html = client.get(area.get_absolute_url()).content.decode()
    form = html[html.index('<form action="/compare/"') :]
    form = form[: form.index("</form>")]
    assert f'<input type="hidden" name="a" value="{area.slug}">' in form
    assert re.search(r'<input id="compare-b" name="b" value=""', form)
    assert "<select" not in html
    html = page(client, a=area.slug, b="Natural Language Processing, NLP")
    assert compared(html) and "Only Natural Language Processing, NLP" in html
