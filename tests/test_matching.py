import json

import pytest

from taxonomy.matching import TechnologyMatcher, Term
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def matcher():
    entries = json.loads((FIXTURES / "technologies.json").read_text(encoding="utf-8"))
    return TechnologyMatcher(Term.from_entry(entry) for entry in entries)


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Experience in reinforcement learning", "reinforcement-learning"),
        ("Computer Vision, image processing", "computer-vision"),
        ("Version control with GIT", "git"),
        ("Excellent written and verbal communications", "communication"),
        ("Transformer", "transformers"),
        ("Experience with a compiler", "compilers"),
        ("Knowledge of GPUs", "gpu"),
        ("머신러닝 모델 개발 경험", "machine-learning"),
        ("추천 시스템 설계", "recommender-systems"),
        ("機械学習エンジニア", "machine-learning"),
    ],
)
def test_longer_spellings_plurals_and_cjk_names_are_found(matcher, text, expected):
    assert expected in matcher.find(text)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("Please send your CV and a cover letter", "computer-vision"),
        ("MDP, Monte-Carlo methods, Q-learning", "mask-data-preparation"),
        ("Work with the TPM to plan releases", "tpm"),
        ("DSP / demand-side platform experience", "dsp"),
        ("Work on cutting edge AI products", "edge-ai"),
        ("Communication tools: Slack", "communication"),
        ("Experience with forecasting algorithms", "algorithms"),
    ],
)
def test_short_or_generic_names_need_their_context(matcher, text, wrong):
    assert wrong not in matcher.find(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("OPC and MDP flows for advanced masks", "mask-data-preparation"),
        ("Secure boot and TPM attestation", "tpm"),
        ("Background in computer vision (CV) and SLAM", "computer-vision"),
        ("Solid knowledge of data structures and algorithms", "algorithms"),
        ("Strong communication and presentation skills", "communication"),
        ("Deploying models with edge AI accelerators", "edge-ai"),
    ],
)
def test_the_same_names_count_where_the_line_means_them(matcher, text, expected):
    assert expected in matcher.find(text)
