"""lib/pickers.py: a typed name picks one row by slug, exact name, unique prefix or unique
substring; several equally good rows are candidates; nothing is an unknown name."""

import pytest

from lib.pickers import CANDIDATES, SUGGESTIONS, Picker, complaints
from taxonomy.models import Technology

pytestmark = pytest.mark.django_db

TECHNOLOGIES = Picker("technology", "technologies", Technology.objects.all())


def add(*names_and_slugs):
    for name, slug in names_and_slugs:
        Technology.objects.create(name=name, slug=slug)


def test_a_slug_picks_its_row_before_a_name_that_holds_it():
    add(("Torch", "pytorch"), ("pytorch tools", "pt-tools"))
    pick = TECHNOLOGIES.pick("pytorch")
    assert pick.found.name == "Torch" and not pick.problem


def test_a_whole_name_in_any_case_picks_its_row_before_longer_names():
    add(("Rust", "rust"), ("Rust Belt", "rust-belt"))
    pick = TECHNOLOGIES.pick("  RUST ")
    assert pick.found.slug == "rust"
    assert pick.value == "Rust"  # the box shows the name found, not what was typed


def test_the_one_name_starting_with_the_text_is_picked_before_names_holding_it():
    add(("Kubernetes", "kubernetes"), ("Flower", "flower"), ("TensorFlow", "tensorflow"))
    assert TECHNOLOGIES.pick("kubern").found.slug == "kubernetes"
    assert TECHNOLOGIES.pick("flow").found.slug == "flower"


def test_the_one_name_holding_the_text_is_picked():
    add(("PyTorch", "pytorch"), ("Docker", "docker"))
    assert TECHNOLOGIES.pick("torc").found.slug == "pytorch"


def test_several_names_as_good_are_candidates_by_name_and_pick_nothing():
    add(("Kubernetes", "kubernetes"), ("Kubeflow", "kubeflow"), ("Docker", "docker"))
    pick = TECHNOLOGIES.pick("kube")
    assert pick.found is None and pick.problem and not pick.unknown
    assert [(c.slug, c.label) for c in pick.candidates] == [
        ("kubeflow", "Kubeflow"),
        ("kubernetes", "Kubernetes"),
    ]
    assert not pick.more


def test_at_most_a_few_candidates_are_listed_and_the_pick_says_there_are_more():
    add(*[(f"Tool {n:02}", f"tool-{n:02}") for n in range(CANDIDATES + 3)])
    pick = TECHNOLOGIES.pick("tool")
    assert len(pick.candidates) == CANDIDATES and pick.more
    assert pick.candidates[0].slug == "tool-00"


def test_a_complaint_says_in_one_line_what_a_text_picks_instead_of_one_row():
    add(("Kubernetes", "kubernetes"), ("Kubeflow", "kubeflow"), ("Rust", "rust"))
    add(*[(f"Tool {n:02}", f"tool-{n:02}") for n in range(CANDIDATES + 1)])
    assert TECHNOLOGIES.pick("zzz").complaint("tech") == "tech: no technology named “zzz”"
    several = TECHNOLOGIES.pick("kube").complaint("tech")
    assert several == "tech: “kube” names several, give a slug: kubeflow, kubernetes"
    assert TECHNOLOGIES.pick("tool").complaint("t").endswith("tool-07 and more")
    assert TECHNOLOGIES.pick("rust").complaint("tech") == TECHNOLOGIES.pick("").complaint("x") == ""
    assert TECHNOLOGIES.pick(" ").complaint("t", required=True) == "t: give a technology"
    assert TECHNOLOGIES.pick("rust").complaint("t", required=True) == ""


def test_complaints_list_each_parameter_picking_nothing_in_order():
    add(("Rust", "rust"))
    picks = {
        "a": TECHNOLOGIES.pick("zzz"),
        "b": TECHNOLOGIES.pick("rust"),
        "c": TECHNOLOGIES.pick(""),
    }
    assert complaints(picks) == ["a: no technology named “zzz”"]
    assert complaints(picks, required=True) == [
        "a: no technology named “zzz”",
        "c: give a technology",
    ]


def test_a_name_nothing_holds_is_unknown():
    add(("Rust", "rust"))
    for text in ("zzz", "%", "_", "rust!"):
        pick = TECHNOLOGIES.pick(text)
        assert pick.unknown and pick.problem and not pick.candidates, text
        assert pick.value == text


def test_no_text_picks_nothing_without_asking_the_database(django_assert_num_queries):
    add(("Rust", "rust"))
    with django_assert_num_queries(0):
        pick = TECHNOLOGIES.pick("   ")
    assert pick.found is None and not pick.problem and pick.value == ""
    assert TECHNOLOGIES.suggest("") == []


def test_a_pick_is_one_query_whatever_it_finds(django_assert_num_queries):
    add(("Kubernetes", "kubernetes"), ("Kubeflow", "kubeflow"))
    for text in ("kubernetes", "Kubeflow", "kube", "nope"):
        with django_assert_num_queries(1):
            TECHNOLOGIES.pick(text)


def test_suggestions_are_the_best_few_matches_labelled_by_describe():
    add(*[(f"Data tool {n:02}", f"data-tool-{n:02}") for n in range(SUGGESTIONS + 2)])
    add(("Data", "data"), ("Big Data", "big-data"))
    described = Picker(
        "technology", "technologies", Technology.objects.all(), describe=lambda t: t.slug.upper()
    )
    suggested = described.suggest("data")
    assert len(suggested) == SUGGESTIONS
    assert [c.slug for c in suggested[:3]] == ["data", "data-tool-00", "data-tool-01"]
    assert suggested[0].label == "DATA"


def test_text_with_nul_still_picks_and_suggests_instead_of_failing_on_postgresql():
    add(("Rust", "rust"))
    assert TECHNOLOGIES.pick("Ru\x00st").found.slug == "rust"
    assert [c.slug for c in TECHNOLOGIES.suggest("\x00ru")] == ["rust"]
    assert TECHNOLOGIES.pick("\x00").text == ""
