import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postings.models import Company, Role
from postings.services import save_role
from taxonomy.models import ResearchArea, SearchDocument, Skill, Technology
from taxonomy.search import search
from taxonomy.services import delete_curated, save_skills

pytestmark = pytest.mark.django_db


def test_stco_finds_the_system_technology_co_optimization_field_first(real_notes):
    first = search("STCO").hits[0]
    assert first.kind == "field"
    assert first.url == "/fields/system-technology-co-optimization-stco/"


def test_formal_verification_ranks_its_technology_then_fields_and_roles_above_passing_mentions(
    real_notes,
):
    hits = search("formal verification").hits
    kinds = [hit.kind for hit in hits]
    assert (kinds[0], hits[0].url) == ("technology", "/technologies/formal-verification/")
    assert kinds[1] == "field" and "Formal" in hits[1].title
    first_skill = kinds.index("skill")
    assert {"field", "role"} <= set(kinds[:first_skill])
    named_roles = Role.objects.filter(title__icontains="formal verification").count()
    assert kinds[:first_skill].count("role") == named_roles


def test_case_never_matters(real_notes):
    urls = [hit.url for hit in search("stco").hits]
    assert urls == [hit.url for hit in search("StCo").hits]


@pytest.mark.parametrize(("typo", "found"), [("pytorh", "PyTorch"), ("kubernetse", "Kubernetes")])
def test_a_typo_still_finds_the_technology(real_notes, typo, found):
    results = search(typo)
    assert results.corrected
    assert found in [
        str(hit.title).replace("<mark>", "").replace("</mark>", "") for hit in results.hits[:3]
    ]


@pytest.mark.parametrize(("query", "name"), [("pytorch", "PyTorch"), ("kubernetes", "Kubernetes")])
def test_among_technologies_the_one_named_exactly_as_asked_comes_first(real_notes, query, name):
    technologies = [hit for hit in search(query).hits if hit.kind == "technology"]
    assert str(technologies[0].title).replace("<mark>", "").replace("</mark>", "") == name


def test_prefix_and_websearch_style_queries_match(real_notes):
    assert search("kubernetes").total > 0
    assert search('"machine learning" -python').total > 0


def test_facets_count_kinds_and_top_level_fields_and_filter(real_notes):
    results = search("python")
    kinds = {facet.value: facet.count for facet in results.kinds}
    assert sum(kinds.values()) == results.total
    assert kinds["skill"] > kinds.get("technology", 0) > 0
    field = results.fields[0]
    narrowed = search("python", field=field.value)
    assert narrowed.total == sum(f.count for f in narrowed.kinds) <= results.total
    only_skills = search("python", kind="skill")
    assert only_skills.total == kinds["skill"]
    assert {hit.kind for hit in only_skills.hits} == {"skill"}


def test_snippets_highlight_the_match_and_escape_everything_else(real_notes):
    skill = Skill.objects.public().filter(skill_set__role__isnull=False).first()
    skill.text = "Knows <b>zanzibarian</b> & C++ tooling"
    save_skills(skills=[skill])
    hit = search("zanzibarian").hits[0]
    assert hit.snippet == "Knows &lt;b&gt;<mark>zanzibarian</mark>&lt;/b&gt; &amp; C++ tooling"


def test_pages_of_results_hold_twenty_and_a_bad_page_is_the_last(real_notes):
    results = search("experience")
    assert len(results.hits) == 20 and results.page.paginator.num_pages > 1
    last = search("experience", page="9999")
    assert last.page.number == results.page.paginator.num_pages


def test_an_admin_edit_is_searchable_at_once_and_a_deletion_disappears(real_notes):
    role = Role.objects.get(slug="senior-julia-machine-learning-engineer")
    role.title = "Quokka Wrangler"
    save_role(role=role)
    hit = search("quokka").hits[0]
    assert (hit.kind, hit.url) == ("role", role.get_absolute_url())
    delete_curated(queryset=Role.objects.filter(pk=role.pk))
    assert search("quokka").total == 0


def test_placeholders_are_never_indexed(real_notes):
    indexed = SearchDocument.objects.filter(kind="skill").values_list("object_id", flat=True)
    assert not Skill.objects.filter(pk__in=indexed, is_placeholder=True).exists()
    assert not Skill.objects.filter(pk__in=indexed, skill_set__is_placeholder=True).exists()
    for hit in search("BLAH").hits:  # may be corrected to BLAS, a technology
        assert "BLAH" not in hit.snippet and "BLAH" not in hit.title


def test_an_unchanged_reimport_leaves_the_index_alone_and_a_changed_one_updates_it(
    real_notes, import_text, real_notes_text
):
    documents = SearchDocument.objects.count()
    # One document for each field, role, company, technology and public skill line.
    assert (
        documents
        == sum(model.objects.count() for model in (ResearchArea, Role, Company, Technology))
        + Skill.objects.public().count()
    )
    import_text(real_notes_text.replace("Quantum Computing Research", "Quantum Zebra Research"))
    assert search("zebra").hits[0].kind == "field"
    assert search("zebra").hits[0].url.startswith("/fields/quantum-zebra-research")


def test_the_search_page_shows_results_facets_and_correction(client, real_notes):
    html = client.get(reverse("search"), {"q": "pytorh"}).content.decode()
    assert "Showing results for" in html and "<mark>PyTorch</mark>" in html
    assert 'aria-label="Kinds of result"' in html
    assert client.get(reverse("search")).status_code == 200


ANY_TEXT = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=st.sampled_from("&|!:*()\"'-<>;\\%_ ~^"), max_size=40),
    st.sampled_from(
        [
            "",
            "x" * 5000,
            "' OR 1=1; DROP TABLE taxonomy_skill; --",
            "NEAR(a b)",
            "title:python",
            '"unterminated',
            "🙂🔥",
            "쿠버네티스 엔지니어",
            "\x00\x01",
            "- - -",
            "!!!",
        ]
    ),
)


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    query=ANY_TEXT,
    kind=st.sampled_from(["", "skill", "bogus"]),
    field=st.sampled_from(["", "no-such-field", "eda-research", "eda\x00"]),
)
def test_any_input_gets_a_page_never_an_error(client, real_notes, query, kind, field):
    response = client.get(
        reverse("search"), {"q": query, "kind": kind, "field": field, "page": "2"}
    )
    assert response.status_code == 200


def test_sync_search_index_command_rebuilds_a_missing_index(real_notes):
    from io import StringIO

    from django.core.management import call_command

    SearchDocument.objects.filter(kind="field").delete()
    out = StringIO()
    call_command("sync_search_index", "--dry-run", stdout=out)
    assert "would write 88 documents" in out.getvalue()
    assert search("STCO").hits[0].kind != "field"
    call_command("sync_search_index", stdout=out)
    assert search("STCO").hits[0].kind == "field"


def test_sync_search_index_rebuild_indexes_documents_the_engine_never_saw(toy_notes):
    """As after ``loaddata`` of the documents themselves: rows there, the engine's index not."""
    from io import StringIO

    from django.core.management import call_command
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "INSERT INTO taxonomy_searchdocument_fts(taxonomy_searchdocument_fts) "
                "VALUES ('delete-all')"
            )
        else:
            cursor.execute("UPDATE taxonomy_searchdocument SET vector = NULL")
    assert search("kubernetes").total == 0
    call_command("sync_search_index", stdout=StringIO())
    assert search("kubernetes").total == 0  # nothing differs between data and documents
    out = StringIO()
    call_command("sync_search_index", "--rebuild", stdout=out)
    assert "the engine's index rebuilt" in out.getvalue()
    assert search("kubernetes").hits[0].kind == "technology"


def test_documents_are_indexed_as_they_are_written_exactly_as_a_rebuild_indexes_them(
    real_notes,
):
    """PostgreSQL writes a new document's vector with its row; SQLite's FTS5 indexes it."""
    from taxonomy.search.index import rebuild_index

    queries = ["python", "formal verification", "STCO", "kubernetes", "C++", "pytorh"]
    before = {q: [(hit.kind, hit.url) for hit in search(q).hits] for q in queries}
    assert all(before.values())
    vectors = dict(SearchDocument.objects.values_list("pk", "vector"))
    rebuild_index()
    assert dict(SearchDocument.objects.values_list("pk", "vector")) == vectors
    assert {q: [(hit.kind, hit.url) for hit in search(q).hits] for q in queries} == before


def test_selected_facets_are_marked_and_each_can_be_cleared_alone(client, real_notes):
    html = client.get(
        reverse("search"),
        {"q": "python", "kind": "skill", "field": "artificial-intelligence-machine-learning"},
    ).content.decode()
    assert 'aria-current="true">Skill line' in html
    assert (
        '<a href="?q=python&amp;field=artificial-intelligence-machine-learning">Any kind</a>'
        in html
    )
    assert '<a href="?q=python&amp;kind=skill">Any field</a>' in html
