"""What search puts first: the thing named as asked, names spelt with symbols, one result
for the lines that read the same, readable snippets; on hand-made notes and the real ones."""

import html
import json
import math
import re

import pytest
from django.urls import reverse

from taxonomy.models import SearchDocument, Skill
from taxonomy.search import query, search
from taxonomy.search.text import name_key, plain_text
from taxonomy.services import save_skills

pytestmark = pytest.mark.django_db

VOCABULARY = [
    {"name": "C", "slug": "c", "category": "language", "aliases": ["ANSI C"], "match_case": True},
    {"name": "C++", "slug": "cpp", "category": "language", "aliases": ["CPP", "C++17"]},
    {"name": "C#", "slug": "csharp", "category": "language", "aliases": ["CSharp"]},
    {
        "name": "R",
        "slug": "r",
        "category": "language",
        "aliases": ["R language"],
        "match_case": True,
    },
    {"name": ".NET", "slug": "dotnet", "category": "tool", "aliases": ["ASP.NET", "dotnet"]},
    {"name": "Node.js", "slug": "node-js", "category": "tool", "aliases": ["NodeJS"]},
    {"name": "Kubernetes", "slug": "kubernetes", "category": "devops", "aliases": ["k8s"]},
    {
        "name": "Google Kubernetes Engine",
        "slug": "gke",
        "category": "cloud",
        "aliases": ["GKE", "managed Kubernetes"],
    },
    {"name": "Python", "slug": "python", "category": "language", "aliases": ["Python 3"]},
    {"name": "CI/CD", "slug": "ci-cd", "category": "devops", "aliases": ["continuous delivery"]},
    {
        "name": "STCO",
        "slug": "stco",
        "category": "eda-method",
        "aliases": ["System-Technology Co-Optimization"],
        "match_case": True,
    },
    {"name": "PyTorch", "slug": "pytorch", "category": "ml-framework"},
]

# Two top-level fields; "Python" asked in four skill sets, two in each.
NOTES = """# EDA, Electronic Design Automation
Software that designs chips: EDA tools.
## EDA Research
Research labs working on EDA.
+ skill set:
\t- Senior C++ Engineer · Synopsys · Mountain View
\t- C++ and Python for EDA tools
\t- R&D experience
\t- Python
## System-Technology Co-Optimization, STCO
STCO joins design and process.
+ skill set:
\t- STCO flows in PyTorch
\t- Python
# Software Development
Writing software.
## Back-end Web Development
+ skill set:
\t- C and R for data pipelines
\t- .NET services, ASP.NET Core
\t- Python.
+ skill set:
\t- Node.js and Kubernetes (k8s)
\t- CI/CD with Jenkins
\t- Experience with C#
+ skill set:
\t- Managed Kubernetes on GKE
\t- python
\t- C programming
"""


@pytest.fixture
def small(import_text, settings, tmp_path):
    """Hand-made notes over a hand-made vocabulary."""
    vocabulary = tmp_path / "technologies.json"
    vocabulary.write_text(json.dumps(VOCABULARY), encoding="utf-8")
    settings.FIELDNOTES_VOCABULARY = vocabulary
    return import_text(NOTES)


def plain(markup) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", str(markup)))


def first(text: str) -> tuple[str, str]:
    hit = search(text).hits[0]
    return hit.kind, hit.url


def every_hit(text: str, **filters) -> list:
    results = search(text, **filters)
    hits = list(results.hits)
    for number in range(2, results.page.paginator.num_pages + 1):
        hits += search(text, page=number, **filters).hits
    return hits


NAMED = {
    "C++": ("technology", "/technologies/cpp/"),
    "C#": ("technology", "/technologies/csharp/"),
    "R": ("technology", "/technologies/r/"),
    ".NET": ("technology", "/technologies/dotnet/"),
    "Node.js": ("technology", "/technologies/node-js/"),
    "EDA": ("field", "/fields/eda-electronic-design-automation/"),
    "STCO": ("field", "/fields/system-technology-co-optimization-stco/"),
    "Kubernetes": ("technology", "/technologies/kubernetes/"),
    "Python": ("technology", "/technologies/python/"),
    "CI/CD": ("technology", "/technologies/ci-cd/"),
}


@pytest.mark.parametrize(("text", "expected"), NAMED.items())
def test_what_is_named_exactly_as_asked_comes_first(small, text, expected):
    assert first(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cpp", ("technology", "/technologies/cpp/")),
        ("k8s", ("technology", "/technologies/kubernetes/")),
        ("NodeJS", ("technology", "/technologies/node-js/")),
        ("asp.net", ("technology", "/technologies/dotnet/")),
        ("synopsys", ("company", "/companies/synopsys/")),
        ("electronic design automation", ("field", NAMED["EDA"][1])),
    ],
)
def test_another_name_of_it_or_a_company_named_so_comes_first_too(small, text, expected):
    assert first(text) == expected


def test_a_name_that_only_mentions_the_word_comes_after_the_one_named_so(small):
    names = [(hit.kind, plain(hit.title)) for hit in search("kubernetes").hits[:2]]
    assert names == [("technology", "Kubernetes"), ("technology", "Google Kubernetes Engine")]


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("C++", {"C++ and Python for EDA tools", "Senior C++ Engineer · Synopsys · Mountain View"}),
        ("C#", {"Experience with C#"}),
        ("R", {"C and R for data pipelines"}),
        ("R&D", {"R&D experience"}),
        (".NET", {".NET services, ASP.NET Core"}),
        ("Node.js", {"Node.js and Kubernetes (k8s)"}),
        ("CI/CD", {"CI/CD with Jenkins"}),
        ("C", {"C and R for data pipelines", "C programming"}),
    ],
)
def test_a_name_spelt_with_symbols_finds_the_lines_that_name_it_and_no_others(small, text, lines):
    assert {plain(hit.snippet) for hit in every_hit(text, kind="skill")} == lines


def test_lines_that_read_the_same_are_one_result_that_says_how_many_more_ask_it(small):
    results = search("python", kind="skill")
    lines = {plain(hit.snippet): hit.more for hit in results.hits}
    assert lines == {"Python": 3, "C++ and Python for EDA tools": 0}
    assert results.total == 2
    assert {facet.value: facet.count for facet in results.kinds}["skill"] == 2
    # Each top-level field holds the line twice and shows it once.
    assert [facet.count for facet in results.fields] == [2, 1]
    in_software = search("python", kind="skill", field="software-development").hits
    assert [(plain(hit.snippet), hit.more) for hit in in_software] == [("Python.", 1)]


def test_pages_of_results_count_each_text_once(small, monkeypatch):
    monkeypatch.setattr(query, "PER_PAGE", 2)
    results = search("python")
    hits = every_hit("python")
    assert len(hits) == results.total == sum(facet.count for facet in results.kinds)
    assert results.page.paginator.num_pages == math.ceil(results.total / 2)
    shown = [(hit.kind, name_key(plain(hit.snippet)), hit.url) for hit in hits]
    assert len(set(shown)) == len(shown)


def test_an_edit_that_parts_or_joins_lines_that_read_the_same_is_searchable_at_once(small):
    pythons = list(Skill.objects.filter(text__iexact="python").order_by("pk"))
    pythons[0].text = "Python 3"
    save_skills(skills=[pythons[0]])
    lines = {plain(hit.snippet): hit.more for hit in search("python", kind="skill").hits}
    assert lines["Python 3"] == 0 and lines["Python"] == 2
    save_skills(skills=[], deleted=pythons[1:3])
    lines = {plain(hit.snippet): hit.more for hit in search("python", kind="skill").hits}
    assert lines["Python."] == 0  # the one "Python" line left reads "Python."
    pythons[0].text = "python"
    save_skills(skills=[pythons[0]])
    lines = {plain(hit.snippet): hit.more for hit in search("python", kind="skill").hits}
    assert lines["python"] == 1


def representatives_as_marked() -> tuple[dict, dict]:
    documents = SearchDocument.objects.order_by("pk")
    rows = documents.values_list("pk", "text_key", "root_area", "represents", "represents_in_field")
    firsts, firsts_in_field, marked, marked_in_field = {}, {}, {}, {}
    for pk, key, root, represents, represents_in_field in rows:
        firsts.setdefault(key, pk)
        firsts_in_field.setdefault((key, root), pk)
        if represents:
            marked.setdefault(key, []).append(pk)
        if represents_in_field:
            marked_in_field.setdefault((key, root), []).append(pk)
    expected = (
        {k: [pk] for k, pk in firsts.items()},
        {k: [pk] for k, pk in firsts_in_field.items()},
    )
    return expected, (marked, marked_in_field)


def test_the_first_of_the_lines_that_read_the_same_stands_for_them_after_any_edit(
    small, import_text
):
    expected, marked = representatives_as_marked()
    assert marked == expected
    pythons = list(Skill.objects.filter(text__iexact="python").order_by("pk"))
    pythons[0].text, pythons[2].text = "C programming", "python"
    save_skills(skills=[pythons[0], pythons[2]], deleted=[pythons[1]])
    import_text(NOTES.replace("\t- Python.\n", "\t- python\n\t- Python\n"))
    expected, marked = representatives_as_marked()
    assert marked == expected


def test_snippets_read_as_text_with_category_labels_and_the_other_names_that_matched(small):
    kubernetes = search("k8s").hits[0]
    assert (kubernetes.context, kubernetes.snippet) == ("DevOps", "Also called <mark>k8s</mark>")
    named = search("kubernetes").hits[0]
    assert (named.context, named.snippet) == ("DevOps", "")
    pytorch = search("pytorch").hits[0]
    assert pytorch.context == "ML framework"  # Technology.Category's label, not "ml-framework"
    every = search("python").hits + search("stco").hits + search("pytorch").hits
    for hit in every:
        assert "ml-framework" not in hit.context + hit.snippet
        assert "eda-method" not in hit.context + hit.snippet


@pytest.mark.parametrize(
    "params",
    [
        {"q": "python"},
        {"q": "python", "page": "2"},
        {"q": "python", "kind": "skill"},
        {"q": "python", "field": "software-development"},
        {"q": "c"},
    ],
)
def test_the_search_page_makes_four_queries_however_many_results(
    client, small, django_assert_num_queries, monkeypatch, params
):
    monkeypatch.setattr(query, "PER_PAGE", 2)
    with django_assert_num_queries(1 + 4):  # the data version (lib.page_cache), then search
        assert client.get(reverse("search"), params).status_code == 200


def test_the_search_page_says_how_many_more_skill_sets_ask_a_line(client, small):
    page = client.get(reverse("search"), {"q": "python", "kind": "skill"}).content.decode()
    assert "and 3 more skill sets ask the same" in page


def test_on_the_real_notes_what_is_named_exactly_as_asked_comes_first(real_library):
    assert {text: first(text) for text in NAMED} == NAMED


def test_on_the_real_notes_a_name_spelt_with_symbols_finds_only_lines_that_name_it(
    real_library,
):
    for text, spelt in [("C++", "c++"), ("C#", "c#"), ("Node.js", "node")]:
        lines = [plain(hit.snippet) for hit in every_hit(text, kind="skill")]
        assert lines
        assert all(spelt in line.casefold() for line in lines), text
    r_lines = [plain(hit.snippet) for hit in every_hit("R", kind="skill")]
    assert r_lines and not any(re.search(r"\bR&D\b", line) for line in r_lines)


def test_on_the_real_notes_no_two_results_read_the_same(real_library):
    results = search("python", kind="skill")
    hits = every_hit("python", kind="skill")
    assert len(hits) == results.total
    # Long lines show a window of their text; those that show all of it differ.
    texts = [name_key(plain(hit.snippet)) for hit in hits if "…" not in hit.snippet]
    assert len(set(texts)) == len(texts) > 0.9 * len(hits)
    lines = Skill.objects.public().values_list("text", flat=True)
    asked = sum(1 for line in lines if name_key(plain_text(line)) == "python")
    python = next(hit for hit in hits if name_key(plain(hit.snippet)) == "python")
    assert python.more == asked - 1 > 0
