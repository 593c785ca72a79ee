import re

import pytest

from lib.paging import PER_PAGE as ROLES_PER_PAGE
from postings.models import Company, Role
from taxonomy.models import ResearchArea, Skill, SkillSet, Technology
from taxonomy.notes.markdown import contents_of
from taxonomy.notes.synthetic import scale_notes
from taxonomy.views import CONTENTS_FROM, SKILL_SETS_PER_PAGE
from tests.conftest import query_counts

pytestmark = pytest.mark.django_db

MAX_QUERIES = 12


def page_urls() -> list[str]:
    """One of every public page, with filters, on objects every scale of the data has."""
    role = Role.objects.get(slug="senior-julia-machine-learning-engineer")
    other = Role.objects.get(slug="video-processing-algorithm-engineer")
    company = Company.objects.filter(roles__isnull=False).order_by("name").first()
    return [
        "/",
        "/fields/mlops-or-ml-ops/",
        "/fields/eda-electronic-design-automation/",
        "/fields/system-technology-co-optimization-stco/",
        "/roles/",
        "/roles/?field=artificial-intelligence-machine-learning&technology=pytorch&q=engineer",
        f"/roles/?company={company.slug}",
        f"/roles/{role.slug}/",
        "/companies/",
        f"/companies/{company.slug}/",
        "/technologies/",
        "/technologies/?category=ml-framework",
        "/technologies/?unasked=1&category=eda-format",
        "/technologies/pytorch/",
        "/compare/?a=computer-vision&b=natural-language-processing-nlp",
        f"/compare/?role_a={role.slug}&role_b={other.slug}",
        "/search/?q=formal+verification",
        "/search/?q=pytorh",
        "/search/?q=python&kind=skill&field=artificial-intelligence-machine-learning",
    ]


def test_every_page_runs_the_same_bounded_number_of_queries_at_one_and_three_times_the_data(
    client, real_notes, import_text, real_notes_text
):
    urls = page_urls()
    once = query_counts(client, urls)
    assert max(once.values()) <= MAX_QUERIES, once

    companies = list(Company.objects.values_list("name", flat=True))
    import_text(scale_notes(real_notes_text, 3, companies))
    assert ResearchArea.objects.count() == 3 * 88
    assert Role.objects.count() >= 3 * 137
    assert query_counts(client, urls) == once


def test_home_shows_the_field_tree_with_counts_and_the_most_demanded_technologies(
    client, real_notes
):
    html = client.get("/").content.decode()
    assert html.count("<h1>") == 1
    assert 'href="/fields/mlops-or-ml-ops/"' in html  # four levels down
    assert re.search(
        r"Computer Vision</a>\s*<span class=\"counts\">\d+ roles? · \d+ skill set", html
    )
    assert 'href="/technologies/python/"' in html
    assert 'role="search"' in html


def test_field_page_has_breadcrumb_roles_of_sub_fields_chart_notes_and_compare(client, real_notes):
    html = client.get("/fields/mlops-or-ml-ops-modelops-aiops/").content.decode()
    assert 'aria-label="Breadcrumb"' in html
    assert "Applied Machine Learning, Applied ML" in html  # an ancestor
    assert 'href="/fields/mlops-or-ml-ops/"' in html  # a sub-field
    sub_field_role = Role.objects.filter(area__slug="mlops-or-ml-ops").first()
    assert sub_field_role.title.replace("&", "&amp;") in html
    assert '<svg role="img"' in html and "<desc" in html
    assert re.search(r'class="chart-count"[^>]*>\d+<', html)
    assert 'name="b"' in html and 'value="mlops-or-ml-ops-modelops-aiops"' in html


def role_links(html: str) -> set[str]:
    return set(re.findall(r'href="(/roles/[^/"?]+/)"', html))


def test_the_eda_page_lists_the_roles_of_the_sections_the_notes_file_under_it(client, real_notes):
    html = client.get("/fields/eda-electronic-design-automation/").content.decode()
    assert 'href="/fields/companies-in-the-semiconductor-industry/"' in html  # filed with it
    assert 'href="/fields/vlsi-deep-learning-embedded-deep-learning/"' not in html
    stco = Role.objects.filter(area__slug="system-technology-co-optimization-stco").first()
    generic = Role.objects.get(
        area__slug="generic-skill-sets-for-lower-level-eda-software-development"
    )
    assert stco.get_absolute_url() in html and generic.get_absolute_url() in html
    count = int(re.search(r'Roles <span class="count">(\d+)<', html).group(1))
    assert count > 10


def test_the_roles_filter_by_a_field_finds_the_roles_its_page_lists(client, real_notes):
    for slug in ["eda-electronic-design-automation", "machine-learning-ml", "computer-vision"]:
        page = client.get(f"/fields/{slug}/").content.decode()
        roles_section = page[page.index('id="roles-heading"') :].split("</section>")[0]
        listed = client.get("/roles/", {"field": slug}).content.decode()
        count = re.search(r'Roles <span class="count">(\d+)<', page).group(1)
        assert f'<p class="count-line">{count} role' in listed, slug
        assert role_links(roles_section) == role_links(listed), slug  # the same first page


def contents_links(html: str) -> list[str]:
    nav = html[html.index('aria-labelledby="contents-heading"') :].split("</nav>")[0]
    return re.findall(r'href="#([^"]+)"', nav)


def test_a_long_field_page_lists_its_skill_sets_and_notes_headings_each_linking_to_it(
    client, real_notes
):
    for slug in [
        "machine-learning-scientist-deep-learning-scientist-roles",  # 119 skill sets
        "system-technology-co-optimization-stco",  # headings in its notes
    ]:
        area = ResearchArea.objects.get(slug=slug)
        html = client.get(area.get_absolute_url()).content.decode()
        links = contents_links(html)
        sets = SkillSet.objects.public().filter(area=area).count()
        headings = contents_of(area.notes_html)
        assert sets + len(headings) >= CONTENTS_FROM
        assert f'Skill sets</a> <span class="count">{sets}<' in html
        on_page = min(sets, SKILL_SETS_PER_PAGE)
        assert len([a for a in links if a.startswith("skill-set-")]) == on_page
        assert [a for a in links if a.startswith("section-")] == [a for a, _ in headings]
        for anchor in links:
            assert html.count(f'id="{anchor}"') == 1, (slug, anchor)
    assert 'id="section-notes-about-stco-dtco"' in html


def skill_set_ids(html: str) -> list[int]:
    return [int(pk) for pk in re.findall(r'<details class="skill-set" id="skill-set-(\d+)"', html)]


def test_a_field_shows_its_skill_sets_a_page_at_a_time_every_one_on_some_page(client, real_notes):
    area = ResearchArea.objects.get(slug="machine-learning-scientist-deep-learning-scientist-roles")
    in_order = list(SkillSet.objects.public().filter(area=area).values_list("pk", flat=True))
    assert len(in_order) > 4 * SKILL_SETS_PER_PAGE
    pages = -(-len(in_order) // SKILL_SETS_PER_PAGE)
    shown = []
    for number in range(1, pages + 1):
        html = client.get(area.get_absolute_url(), {"sets": number}).content.decode()
        assert f"Page {number} of {pages}" in html
        shown += skill_set_ids(html)
    assert shown == in_order


def test_a_skill_set_without_a_role_links_to_the_page_of_its_field_that_shows_it(
    client, real_notes
):
    area = ResearchArea.objects.get(slug="machine-learning-scientist-deep-learning-scientist-roles")
    sets = list(SkillSet.objects.public().filter(area=area).select_related("area"))
    index, last = max((i, s) for i, s in enumerate(sets) if not s.role_id)
    assert index >= SKILL_SETS_PER_PAGE  # not on the first page
    url, anchor = last.get_absolute_url().split("#")
    assert anchor == f"skill-set-{last.pk}"
    html = client.get(url).content.decode()
    assert last.pk in skill_set_ids(html)
    assert f"Page {index // SKILL_SETS_PER_PAGE + 1} of" in html
    # Its page's pager moves on from there; a set that is not the field's shows page 1.
    assert last.pk not in skill_set_ids(client.get(url + "&sets=1").content.decode())
    other = SkillSet.objects.public().exclude(area=area).first()
    for asked in [str(other.pk), "x'--", "9" * 40]:
        html = client.get(area.get_absolute_url(), {"set": asked}).content.decode()
        assert skill_set_ids(html) == [s.pk for s in sets[:SKILL_SETS_PER_PAGE]], asked


def test_a_short_field_page_has_no_contents_list(client, real_notes):
    area = ResearchArea.objects.get(slug="recommender-systems")
    assert SkillSet.objects.public().filter(area=area).count() < CONTENTS_FROM
    html = client.get(area.get_absolute_url()).content.decode()
    assert "contents-heading" not in html and "Skill sets" in html


def test_stco_belongs_under_the_semiconductor_companies_heading(client, real_notes):
    html = client.get("/fields/system-technology-co-optimization-stco/").content.decode()
    assert "Also called: STCO" in html
    assert 'href="/fields/companies-in-the-semiconductor-industry/"' in html


def test_placeholders_never_reach_a_public_page(client, real_notes):
    placeholder_set = SkillSet.objects.filter(is_placeholder=True, role__isnull=False).first()
    urls = ["/", "/roles/", "/search/?q=blah", "/search/?q=NAME+URL"]
    urls += [a.get_absolute_url() for a in ResearchArea.objects.all()]
    urls += [r.get_absolute_url() for r in Role.objects.all()[:60]]
    if placeholder_set:
        urls.append(placeholder_set.role.get_absolute_url())
    for url in urls:
        html = client.get(url).content.decode()
        assert "BLAH" not in html, url
        assert "[NAME](URL)" not in html, url


def test_role_page_shows_skills_nested_emphasised_with_chips_and_their_source(client, real_notes):
    nested = Skill.objects.public().filter(parent__isnull=False, skill_set__role__isnull=False)
    skill = nested.select_related("skill_set__role", "parent").first()
    html = client.get(skill.skill_set.role.get_absolute_url()).content.decode()
    parent_at = html.index(skill.parent.text_html)
    child_at = html.index(skill.text_html)
    assert parent_at < child_at
    between = html[parent_at:child_at]
    assert '<ul class="skills">' in between and "</li>" not in between
    assert f"From notes.md, line {skill.skill_set.source_line}" in html

    emphasised = Skill.objects.public().filter(emphasized=True, skill_set__role__isnull=False)
    html = client.get(emphasised.first().skill_set.role.get_absolute_url()).content.decode()
    assert 'class="emphasized"' in html and "<em><strong>" in html

    tagged = Skill.objects.public().filter(tags__slug="pytorch", skill_set__role__isnull=False)
    html = client.get(tagged.first().skill_set.role.get_absolute_url()).content.decode()
    assert 'class="chip" href="/technologies/pytorch/"' in html


def test_role_titles_and_skill_set_lines_show_without_their_markdown_markers(client, real_notes):
    introduced = SkillSet.objects.filter(role__isnull=False, context__contains="***").first()
    role = introduced.role
    role.title = "Software Development Engineer [Dept: ***Machine Translation***]"
    role.save()
    plain = "Software Development Engineer [Dept: Machine Translation]"
    html = client.get(role.get_absolute_url()).content.decode()
    assert f"<title>{plain} · Fieldnotes</title>" in html
    assert f"<h1>{plain}</h1>" in html
    assert "**" not in re.sub(r"<[^>]+>", "", html)  # the skill set's line too
    assert f">{plain}</a>" in client.get("/roles/?q=Machine+Translation").content.decode()
    compare = client.get(f"/compare/?role_a={role.slug}&role_b={role.slug}").content.decode()
    assert f"<h1>Compare {plain} and {plain}</h1>" in compare
    role.refresh_from_db()
    assert role.title.endswith("***Machine Translation***]")  # stored as imported


def test_role_page_marks_lines_that_are_not_requirements_and_optional_technologies(
    client, import_text
):
    import_text(
        "# MLOps\n+ skill set:\n\t- Senior Platform Engineer\n"
        "\t- We are a small team building the platform every model runs on\n"
        "\t- Must know Python, Kubernetes is a plus\n"
    )
    html = client.get(Role.objects.get().get_absolute_url()).content.decode()
    about = html.index("We are a small team")
    assert html.rindex('<span class="kind">About the company</span>', 0, about) > 0
    firm = html.index("Must know Python")
    assert '<span class="kind">' not in html[html.rindex("<li", 0, firm) : firm]
    assert 'class="chip" href="/technologies/python/"' in html
    assert (
        '<a class="chip optional" href="/technologies/kubernetes/" title="Asked for as a plus">'
        in html
    )


def test_roles_filter_by_field_including_sub_fields_company_technology_and_text(client, real_notes):
    def titles(query):
        html = client.get("/roles/", query).content.decode()
        return set(re.findall(r'<td><a href="/roles/[^"]+/">([^<]+)</a></td>', html))

    ai = "artificial-intelligence-machine-learning"
    assert "MLOps Engineer, DL &amp; HPC" in titles({"field": ai, "q": "mlops"})  # 3 levels down
    assert not titles({"field": "corporate-research-labs", "q": "mlops"})
    pytorch = titles({"technology": "pytorch"})
    assert pytorch and all(
        Role.objects.filter(
            title=t.replace("&amp;", "&"), skill_sets__skills__tags__slug="pytorch"
        ).exists()
        for t in pytorch
    )
    assert titles({"q": "mlops"}) == {
        "MLOps Engineer, DL &amp; HPC",
        "MLOps Engineer - Deep Learning &amp; HPC",
    }
    company = Company.objects.filter(roles__isnull=False).first()
    assert titles({"company": company.slug}) == {
        t.replace("&", "&amp;") for t in company.roles.values_list("title", flat=True)
    }


def test_roles_are_paginated_and_a_page_past_the_end_says_so_and_shows_the_last(client, real_notes):
    pages = -(-Role.objects.count() // ROLES_PER_PAGE)
    assert pages > 1
    first = client.get("/roles/").content.decode()
    assert f"Page 1 of {pages}" in first
    past_the_end = client.get("/roles/?page=999").content.decode()
    assert f"Page {pages} of {pages}" in past_the_end
    assert f"There is no page “999”; this is page {pages} of {pages}." in past_the_end
    assert "There is no page" not in first
    assert f"Page 1 of {pages}" in client.get("/roles/?page=x").content.decode()


def test_the_companies_list_counts_each_employers_roles_and_real_skill_sets(client, real_notes):
    html = client.get("/companies/").content.decode()
    employers = Company.objects.employers().order_by("name")[:50]
    counted = 0
    for company in employers:
        roles = company.roles.count()
        sets = company.skill_sets.filter(is_placeholder=False).count()
        row = f'{company.name.replace("&", "&amp;")}</a></td><td class="num">{roles}</td>'
        assert f'{row}<td class="num">{sets}</td>' in html, company.name
        counted += roles + sets
    assert counted > 0


def test_company_and_technology_pages(client, real_notes):
    company = Company.objects.filter(roles__isnull=False).first()
    html = client.get(company.get_absolute_url()).content.decode()
    assert company.roles.first().title.replace("&", "&amp;") in html

    html = client.get("/technologies/pytorch/").content.decode()
    assert "Fields where it is asked for" in html
    assert "Machine Learning Scientist &amp; Deep Learning Scientist Roles" in html
    assert 'href="/technologies/tensorflow/"' in html  # asked for with it
    assert "<mark>" not in html


def test_a_technology_page_shows_every_line_that_mentions_it_newest_first_a_page_at_a_time(
    client, real_notes
):
    python = Technology.objects.get(slug="python")
    mentioning = Skill.objects.public().filter(taggedskill__tag=python)
    newest_first = [line.text_html for line in mentioning.order_by("-pk")]
    assert len(newest_first) > 2 * ROLES_PER_PAGE
    assert (
        f"Asked for by {python.demand} skill sets."
        in client.get(python.get_absolute_url()).content.decode()
    )
    shown, number = [], 1
    while True:
        html = client.get(python.get_absolute_url(), {"page": number}).content.decode()
        section = html[html.index('id="lines-heading"') :].split("</section>")[0]
        shown += re.findall(r'<span class="skill-text">(.*?)</span> <a', section)
        if 'rel="next"' not in section:
            break
        number += 1
    assert shown == newest_first
    assert f"Page {number}</span>" in section


def listed_technologies(html: str) -> list[tuple[str, str, int]]:
    rows = re.findall(
        r'<tr><td><a href="/technologies/([^/]+)/">[^<]*</a></td><td>([^<]*)</td>'
        r'<td class="num">(\d+)</td></tr>',
        html,
    )
    return [(slug, category, int(demand)) for slug, category, demand in rows]


def test_the_technologies_list_shows_asked_ones_by_demand_with_category_labels(client, real_notes):
    html = client.get("/technologies/").content.decode()
    rows = listed_technologies(html)
    assert rows and all(demand > 0 for _, _, demand in rows)
    assert [d for _, _, d in rows] == sorted((d for _, _, d in rows), reverse=True)
    assert any(slug == "pytorch" and category == "ML framework" for slug, category, _ in rows)
    assert ">ML framework</a>" in html and ">ml-framework<" not in html
    asked = Technology.objects.filter(demand__gt=0).count()
    unasked = Technology.objects.count() - asked
    assert unasked > 0
    assert re.search(
        rf'href="\?unasked=1">Not asked for yet</a> <span class="count">{unasked}<', html
    )


def test_technologies_no_skill_set_asks_for_are_listed_apart_by_category(client, real_notes):
    never = Technology.objects.filter(demand=0)
    category = never.exclude(category="").values_list("category", flat=True).first()
    html = client.get("/technologies/", {"unasked": 1, "category": category}).content.decode()
    rows = listed_technologies(html)
    first_page = never.filter(category=category).order_by("name")[:50]
    assert [slug for slug, _, _ in rows] == list(first_page.values_list("slug", flat=True))
    label = Technology.Category(category).label
    assert all(row_category == label and demand == 0 for _, row_category, demand in rows)
    assert f"{label} not asked for yet" in html
    assert "Back to those asked for" in html


def test_compare_two_fields_shows_both_only_a_and_only_b_with_counts(client, real_notes):
    html = client.get(
        "/compare/?a=computer-vision&b=natural-language-processing-nlp"
    ).content.decode()
    assert "Both ask for" in html and "Only Computer Vision" in html
    assert "Only Natural Language Processing, NLP" in html
    assert re.search(
        r'<td><a href="/technologies/python/">Python</a></td><td class="num">\d+</td>', html
    )


def test_compare_two_roles(client, real_notes):
    html = client.get(
        "/compare/?role_a=senior-julia-machine-learning-engineer"
        "&role_b=video-processing-algorithm-engineer"
    ).content.decode()
    assert "Only (Senior) Julia machine learning engineer" in html
    assert "Only Video Processing Algorithm Engineer" in html


def test_unknown_slugs_are_404_and_bad_compare_input_is_a_page(client, real_notes):
    assert client.get("/fields/nope/").status_code == 404
    assert client.get("/roles/nope/").status_code == 404
    assert client.get("/technologies/nope/").status_code == 404
    assert client.get("/compare/?a=nope&b=").status_code == 200


def test_user_data_is_escaped_and_unsafe_links_are_dropped(client, real_notes):
    role = Role.objects.first()
    role.title = "<script>alert(1)</script>"
    role.source_url = "javascript:alert(1)"
    role.save()
    company = Company.objects.first()
    company.website = "javascript:alert(2)"
    company.save()
    html = client.get(role.get_absolute_url()).content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert "javascript:" not in html
    assert "javascript:" not in client.get("/companies/").content.decode()


def test_the_menu_marks_the_page_it_leads_to_and_the_pages_under_it(client, real_notes):
    role, area = Role.objects.first(), ResearchArea.objects.first()
    marks = {
        "/": '<a href="/" aria-current="page">Fields</a>',
        area.get_absolute_url(): '<a href="/" aria-current="true">Fields</a>',
        "/roles/": '<a href="/roles/" aria-current="page">Roles</a>',
        role.get_absolute_url(): '<a href="/roles/" aria-current="true">Roles</a>',
        "/technologies/": '<a href="/technologies/" aria-current="page">Technologies</a>',
    }
    for url, mark in marks.items():
        menu = client.get(url).content.decode().split('<nav aria-label="Main">')[1]
        menu = menu.split("</nav>")[0]
        assert mark in menu, url
        assert menu.count("aria-current") == 1, url


def test_security_headers_are_sent(client, db):
    response = client.get("/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    policy = response["Content-Security-Policy"]
    assert (
        "script-src 'self'" in policy
        and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    )
    assert "default-src 'self'" in policy


def test_pages_load_no_external_resources(client, real_notes):
    html = client.get("/fields/mlops-or-ml-ops/").content.decode()
    for tag in re.findall(r"<(?:link|script|img)[^>]+>", html):
        assert "http" not in tag, tag
