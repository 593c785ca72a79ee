"""The pure ranking: demand, the specificity lift, support, prerequisites, ties, stages and the
sentence that explains it."""

import math

import pytest

from roadmaps.ranking import (
    PREFERRED_WEIGHT,
    Ranked,
    plan_stages,
    rank,
    specificity,
    spread,
    why,
)


def asks(technology: str, *sets: tuple[int, bool]) -> dict[str, tuple[int, int]]:
    """``technology`` asked for by each of ``sets`` (skill set, as a requirement or not), as
    the database counts it: (skill sets asking, of which as a requirement)."""
    return {technology: (len(sets), sum(required for _, required in sets))}


def test_requirements_count_more_than_preferences():
    ranked = rank(
        asks("Go", (1, True), (2, True)) | asks("Rust", (1, False), (2, False), (3, False)),
        out_of=3,
        fields_asking={"Go": 1, "Rust": 1},
        field_count=1,
    )
    assert [r.technology for r in ranked] == ["Go", "Rust"]
    assert ranked[0].demand == 2
    assert ranked[1].demand == 3 * PREFERRED_WEIGHT


def test_specificity_lifts_demand_by_at_most_a_quarter_so_it_only_breaks_near_ties():
    # Python: 4 target sets, asked for in all 5 fields -> 4 x (1 + ln(6/5) / ln 6 / 4) = 4.10
    # MLflow: 2 target sets, asked for in 1 field only -> 2 x (1 + 1/4)               = 2.50
    # Kubeflow: 3.5 (3 required, 1 preferred), 1 field -> 3.5 x (1 + 1/4)              = 4.375
    ranked = rank(
        asks("Python", *[(n, True) for n in range(4)])
        | asks("MLflow", (0, True), (1, True))
        | asks("Kubeflow", (0, True), (1, True), (2, True), (3, False)),
        out_of=4,
        fields_asking={"Python": 5, "MLflow": 1, "Kubeflow": 1},
        field_count=5,
    )
    assert [r.technology for r in ranked] == ["Kubeflow", "Python", "MLflow"]
    scores = [r.score for r in ranked]
    assert scores == pytest.approx([3.5 * 1.25, 4 * (1 + math.log(6 / 5) / math.log(6) / 4), 2.5])


def test_a_rarely_asked_tool_is_later_at_best_however_specific():
    # Of 20 target sets, Slurm is required by 2 (10%, below the 15% support) and only the
    # targets ask for it: score 2.5. Git is preferred by 3 (15%) and asked for everywhere.
    ranked = rank(
        asks("Slurm", (1, True), (2, True)) | asks("Git", (1, False), (2, False), (3, False)),
        out_of=20,
        fields_asking={"Slurm": 1, "Git": 9},
        field_count=9,
    )
    assert [(r.technology, r.supported) for r in ranked] == [("Git", True), ("Slurm", False)]
    assert ranked[1].score > ranked[0].score
    assert plan_stages(ranked) == [0, 2]


def test_prerequisites_the_targets_ask_for_move_up_to_just_before_what_needs_them():
    # Scores (one field, so an equal lift): Kubernetes 5, Python 4, Docker 2, Terraform 2, Linux 1.
    # Linux has no support (1 of 10); it comes first all the same, as Docker's foundation.
    # Terraform's prerequisite is not asked for, so it is not planned.
    ranked = rank(
        asks("Kubernetes", *[(n, True) for n in range(5)])
        | asks("Python", *[(n, True) for n in range(4)])
        | asks("Docker", (0, True), (1, True))
        | asks("Linux", (0, True))
        | asks("Terraform", (0, True), (1, True)),
        out_of=10,
        fields_asking={},
        field_count=1,
        prerequisites={
            "Kubernetes": ["Linux", "Docker"],
            "Docker": ["Linux"],
            "Terraform": ["AWS"],
        },
    )
    order = [r.technology for r in ranked]
    assert order == ["Linux", "Docker", "Kubernetes", "Python", "Terraform"]
    assert [r.supported for r in ranked] == [False, True, True, True, True]
    assert plan_stages(ranked) == [0, 0, 1, 1, 2]


def test_a_cycle_of_prerequisites_plans_each_technology_once():
    ranked = rank(
        asks("a", (1, True), (2, True)) | asks("b", (1, True)),
        out_of=2,
        fields_asking={},
        field_count=1,
        prerequisites={"a": ["b"], "b": ["a"]},
    )
    assert [r.technology for r in ranked] == ["b", "a"]


def test_specificity_never_reaches_zero_and_tolerates_counts_out_of_range():
    assert specificity(5, 5) == pytest.approx(math.log(6 / 5))
    assert specificity(0, 5) == specificity(1, 5)
    assert specificity(9, 5) == specificity(5, 5)


def test_ties_go_to_requirements_then_to_more_skill_sets_then_to_the_name():
    ranked = rank(
        asks("b", (1, True))
        | asks("a", (1, True))
        | asks("c", (1, False), (2, False))  # same demand (1.0) as a and b, no requirement
        | asks("d", (1, True), (2, False), (3, False)),  # demand 2.0
        out_of=3,
        fields_asking={},
        field_count=1,
    )
    assert [r.technology for r in ranked] == ["d", "a", "b", "c"]


def supported_steps(total: int) -> list[Ranked]:
    return [Ranked(n, 1, 1, 1, 1, 1) for n in range(total)]


@pytest.mark.parametrize(
    ("total", "stages"),
    [
        (0, []),
        (1, [0]),
        (2, [0, 1]),
        (3, [0, 1, 2]),
        (6, [0, 0, 1, 1, 2, 2]),
        (7, [0, 0, 0, 1, 1, 2, 2]),
        (10, [0, 0, 0, 0, 1, 1, 1, 2, 2, 2]),
    ],
)
def test_when_every_step_has_support_the_plan_is_cut_in_thirds(total, stages):
    assert plan_stages(supported_steps(total)) == stages


def test_steps_up_to_the_last_with_support_are_halved_between_now_and_next():
    # Of 20 target sets, 3 is support: the first five steps have it, the rest do not.
    steps = [Ranked(n, 3 if n < 5 else 2, 3, 20, 1, 1) for n in range(12)]
    assert plan_stages(steps) == [0, 0, 0, 1, 1] + [2] * 7
    assert plan_stages([Ranked("Go", 1, 1, 20, 1, 1)]) == [2]


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
