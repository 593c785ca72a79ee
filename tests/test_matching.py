import json

import pytest

from taxonomy.matching import TechnologyMatcher, Term
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def matcher():
    entries = json.loads((FIXTURES / "technologies.json").read_text(encoding="utf-8"))
    return TechnologyMatcher(
        Term(e["slug"], e["name"], tuple(e.get("aliases", ())), e.get("match_case", False))
        for e in entries
    )


def test_vocabulary_is_large_and_consistent():
    entries = json.loads((FIXTURES / "technologies.json").read_text(encoding="utf-8"))
    assert len(entries) >= 400
    assert len({e["slug"] for e in entries}) == len(entries)
    assert len({e["category"] for e in entries}) >= 10


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("C/C++ and SV/UVM", ["c", "cpp", "systemverilog", "uvm"]),
        ("Tcl/Python/Bash scripting", ["tcl", "python", "bash"]),
        ("k8s, Tensorflow and scikit-learn", ["kubernetes", "tensorflow", "scikit-learn"]),
        (
            "Java, Python, javascript, Go, RUST 중 두 개 이상의 언어",
            ["java", "python", "javascript", "go", "rust"],
        ),
        ("Ansible을 이용한 배포", ["ansible"]),
        ("Weights & Biases, CI/CD", ["weights-biases", "ci-cd"]),
    ],
)
def test_finds_names_in_context(matcher, text, expected):
    assert matcher.find(text) == expected


@pytest.mark.parametrize(
    "text",
    ["R&D budget", "go to the store", "a C-level sponsor", "Go-to-market plans"],
)
def test_ambiguous_short_names_need_exact_case_and_a_word_of_their_own(matcher, text):
    assert not {"r", "go", "c"} & set(matcher.find(text))
