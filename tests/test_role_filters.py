"""/roles/: the field, company and technology filters are typed names resolved on the
server (lib/pickers.py); a name that picks nothing says so and lists no role."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from postings.models import Company, Role
from taxonomy.demand import refresh_asks
from taxonomy.models import ResearchArea, Technology

pytestmark = pytest.mark.django_db

FILTERS = {"field": ResearchArea, "company": Company, "technology": Technology}
PLURALS = {"field": "fields", "company": "companies", "technology": "technologies"}


def listed(client, **query) -> tuple[int, set[str], str]:
    """The count line, the slugs of the roles shown and the page."""
    html = client.get("/roles/", query).content.decode()
    count = int(re.search(r'<p class="count-line">(\d+) role', html)[1])
    return count, set(re.findall(r'<td><a href="/roles/([^"/]+)/">', html)), html


def unique_prefix(model, name: str) -> str:
    """The shortest start of ``name`` that starts no other name and is no slug."""
    for end in range(2, len(name)):
        prefix = name[:end]
        others = model.objects.filter(name__istartswith=prefix).exclude(name=name)
        if not others.exists() and not model.objects.filter(slug=prefix).exists():
            return prefix
    return name


def used(param: str):
    """A row that some role is filtered by, by the filter ``param``."""
    rows = {
        "field": ResearchArea.objects.filter(roles__isnull=False),
        "company": Company.objects.filter(roles__isnull=False),
        "technology": Technology.objects.filter(
            tagged_skills__content_object__skill_set__role__isnull=False
        ),
    }[param]
    return rows.order_by("name").first()


@pytest.mark.parametrize("param", FILTERS)
def test_a_filter_takes_the_slug_the_name_in_any_case_or_a_unique_start(client, real_notes, param):
    row = used(param)
    count, slugs, html = listed(client, **{param: row.slug})
    assert count > 0 and slugs
    assert f'name="{param}" value="{row.name}"'.replace("&", "&amp;") in html
    assert listed(client, **{param: row.name.upper()})[:2] == (count, slugs)
    prefix = unique_prefix(FILTERS[param], row.name)
    assert len(prefix) < len(row.name)
    assert listed(client, **{param: prefix})[:2] == (count, slugs)


def test_a_field_filter_lists_the_roles_of_its_sub_fields_too(client, real_notes):
    role = Role.objects.filter(area__parent__isnull=False).select_related("area__parent").first()
    count, _, html = listed(client, field=role.area.parent.name, q=role.title)
    assert count >= 1 and role.get_absolute_url() in html


@pytest.mark.parametrize(
    ("param", "text", "message"),
    [
        ("field", "nonexistent", "No field named “nonexistent”."),
        ("technology", "zzz", "No technology named “zzz”."),
        ("company", "nope", "No company named “nope”."),
    ],
)
def test_a_filter_naming_nothing_says_so_and_lists_no_role(
    client, real_notes, param, text, message
):
    count, slugs, html = listed(client, **{param: text})
    assert message in html
    assert count == 0 and not slugs
    assert f'name="{param}" value="{text}"' in html and 'aria-invalid="true"' in html


def _two_alike(param: str):
    """Two rows named Zeta… for the filter ``param``, each with a role of its own."""
    model = FILTERS[param]
    rows = [model.objects.create(name=f"Zeta {n}", slug=f"zeta-{n}") for n in ("one", "two")]
    for row in rows:
        role = Role.objects.create(title=f"Engineer of {row.name}", slug=f"engineer-{row.slug}")
        if param == "technology":
            role.skill_sets.create(area=ResearchArea.objects.first()).skills.create(
                text=row.name
            ).tags.add(row)
            refresh_asks()  # as every write path does, inside sync_index
        else:
            setattr(role, {"field": "area"}.get(param, param), row)
            role.save()
    return rows


@pytest.mark.parametrize("param", FILTERS)
def test_an_ambiguous_name_lists_the_candidates_as_links_that_filter_by_each(
    client, real_notes, param
):
    one, two = _two_alike(param)
    count, slugs, html = listed(client, **{param: "zeta", "q": "engineer"})
    assert count == 0 and not slugs
    assert f"“zeta” matches several {PLURALS[param]}" in html
    links = re.findall(r'<li><a href="\?([^"]+)">Zeta (one|two)</a></li>', html)
    assert [name for _, name in links] == ["one", "two"]
    assert f"{param}={two.slug}" in links[1][0]
    # No JavaScript: following a candidate is a new GET with that row's slug, other filters kept.
    query = links[0][0].replace("&amp;", "&")
    assert query == f"{param}={one.slug}&q=engineer" or query == f"q=engineer&{param}={one.slug}"
    html = client.get(f"/roles/?{query}").content.decode()
    assert f'value="{one.name}"' in html
    assert re.findall(r'<td><a href="/roles/([^"/]+)/">', html) == [f"engineer-{one.slug}"]


def test_the_form_round_trips_without_javascript(client, real_notes):
    """What a person types is sent as typed and shown back resolved."""
    technology = used("technology")
    html = client.get("/roles/").content.decode()
    start = html.index('<form method="get" class="filters">')
    form = html[start : html.index("</form>", start)]
    assert set(re.findall(r'<input id="[^"]+" name="([^"]+)"', form)) == {
        "q",
        "field",
        "company",
        "technology",
    }
    assert "<select" not in html and "<option" not in html
    typed = {"q": "", "field": "", "company": "", "technology": f"  {technology.name.lower()} "}
    count, _, html = listed(client, **typed)
    assert count > 0 and f'name="technology" value="{technology.name}"' in html


def test_each_filter_costs_one_query_and_a_filter_picking_nothing_skips_the_listing(
    client, real_notes
):
    def queries(query):
        with CaptureQueriesContext(connection) as captured:
            client.get("/roles/", query)
        return len(captured)

    # Each first reads the data version (lib.page_cache), then computes the page.
    assert queries({}) == 1 + 2  # the count and the page
    role = Role.objects.filter(company__isnull=False, area__isnull=False).first()
    # A field filter also reads the field tree, for the sections filed under the field.
    assert queries({"company": role.company.name, "field": role.area.slug}) == 1 + 5
    assert queries({"company": "nope", "field": "nope", "technology": "nope"}) == 1 + 3


def test_a_nul_in_any_filter_is_dropped_not_a_server_error(client, real_notes):
    response = client.get("/roles/", {"q": "engi\x00neer", "field": "\x00", "company": "a\x00"})
    assert response.status_code == 200
