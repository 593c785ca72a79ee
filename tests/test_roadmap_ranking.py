"""The pure ranking: demand, down-weighting, ties, stages and the sentence that explains it."""

import math

import pytest

from roadmaps.ranking import (
    PREFERRED_WEIGHT,
    Ask,
    Ranked,
    rank,
    specificity,
    spread,
    stage_index,
    why,
)


def asks(technology: str, *sets: tuple[int, bool]) -> list[Ask]:
    return [Ask(technology, skill_set, required) for skill_set, required in sets]


def test_requirements_count_more_than_preferences():
    ranked = rank(
        asks("Go", (1, True), (2, True)) + asks("Rust", (1, False), (2, False), (3, False)),
        out_of=3,
        fields_asking={"Go": 1, "Rust": 1},
        field_count=1,
    )
    assert [r.technology for r in ranked] == ["Go", "Rust"]
    assert ranked[0].demand == 2
    assert ranked[1].demand == 3 * PREFERRED_WEIGHT


def test_a_skill_set_asking_twice_counts_once_and_as_a_requirement_if_either_line_requires():
    [ranked] = rank(
        asks("Go", (1, False), (1, True), (1, True)),
        out_of=1,
        fields_asking={"Go": 1},
        field_count=2,
    )
    assert (ranked.asked_in, ranked.required_in) == (1, 1)


def test_what_every_field_asks_for_is_down_weighted_below_what_only_the_targets_ask_for():
    # Python: 4 target sets, asked for in all 5 fields -> 4 * ln(6/5) = 0.73
    # MLflow: 2 target sets, asked for in 1 field only -> 2 * ln(6/1) = 3.58
    ranked = rank(
        asks("Python", *[(n, True) for n in range(4)]) + asks("MLflow", (0, True), (1, True)),
        out_of=4,
        fields_asking={"Python": 5, "MLflow": 1},
        field_count=5,
    )
    assert [r.technology for r in ranked] == ["MLflow", "Python"]
    assert ranked[0].score == pytest.approx(2 * math.log(6))
    assert ranked[1].score == pytest.approx(4 * math.log(6 / 5))


def test_specificity_never_reaches_zero_and_tolerates_counts_out_of_range():
    assert specificity(5, 5) == pytest.approx(math.log(6 / 5))
    assert specificity(0, 5) == specificity(1, 5)
    assert specificity(9, 5) == specificity(5, 5)


def test_ties_go_to_requirements_then_to_more_skill_sets_then_to_the_name():
    ranked = rank(
        asks("b", (1, True))
        + asks("a", (1, True))
        + asks("c", (1, False), (2, False))  # same demand (1.0) as a and b, no requirement
        + asks("d", (1, True), (2, False), (3, False)),  # demand 2.0
        out_of=3,
        fields_asking={},
        field_count=1,
    )
    assert [r.technology for r in ranked] == ["d", "a", "b", "c"]


@pytest.mark.parametrize(
    ("total", "stages"),
    [
        (1, [0]),
        (2, [0, 1]),
        (3, [0, 1, 2]),
        (6, [0, 0, 1, 1, 2, 2]),
        (7, [0, 0, 0, 1, 1, 2, 2]),
        (10, [0, 0, 0, 0, 1, 1, 1, 2, 2, 2]),
    ],
)
def test_the_first_third_is_now_the_next_third_next_and_the_rest_later(total, stages):
    assert [stage_index(i, total) for i in range(total)] == stages


def figures(asked_in=0, required_in=0, out_of=0, fields_asking=0, field_count=0) -> Ranked:
    return Ranked("Go", asked_in, required_in, out_of, fields_asking, field_count)


def test_the_sentence_says_how_many_skill_sets_ask_and_how_many_require():
    assert (
        why(figures(asked_in=14, required_in=9, out_of=22), "MLOps")
        == "asked for in 14 of 22 MLOps skill sets (9 as a requirement)"
    )
    assert (
        why(figures(asked_in=1, required_in=0, out_of=1), "Web")
        == "asked for in 1 of 1 Web skill set (0 as a requirement)"
    )
    assert why(figures(asked_in=0, required_in=0, out_of=5), "Web") == (
        "added by hand; no Web skill set asks for it"
    )
    assert spread(figures(fields_asking=1, field_count=1)) == "asked for in 1 of 1 field"
