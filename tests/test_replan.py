"""Re-planning a roadmap's steps to a new ranking (``roadmaps.replan``), on hand-made plans."""

from roadmaps.replan import Placed, replan

NOW, NEXT, LATER = 0, 1, 2


def placed(stages: dict[int, str], by_hand: str = "", noted: str = "") -> list[Placed]:
    """Steps from ``{stage: "abc"}``, one letter per technology, in order."""
    return [
        Placed(letter, stage, position, letter in by_hand, letter in noted)
        for stage, letters in stages.items()
        for position, letter in enumerate(letters)
    ]


def fresh(stages: dict[int, str]) -> list[tuple[str, int]]:
    return [(letter, stage) for stage, letters in stages.items() for letter in letters]


def joined(result) -> dict[int, str]:
    return {stage: "".join(order) for stage, order in result.stages.items()}


def test_the_same_ranking_changes_nothing():
    result = replan(
        placed({NOW: "ab", NEXT: "c", LATER: "de"}), fresh({NOW: "ab", NEXT: "c", LATER: "de"})
    )
    assert joined(result) == {NOW: "ab", NEXT: "c", LATER: "de"}
    assert (result.moved, result.added, result.dropped, result.kept) == ([], [], [], [])


def test_steps_take_the_new_stage_and_order_and_the_moves_are_listed_in_ranked_order():
    result = replan(
        placed({NOW: "ab", NEXT: "cd", LATER: "e"}), fresh({NOW: "dc", NEXT: "a", LATER: "be"})
    )
    assert joined(result) == {NOW: "dc", NEXT: "a", LATER: "be"}
    assert result.moved == [("d", NEXT, NOW), ("c", NEXT, NOW), ("a", NOW, NEXT), ("b", NOW, LATER)]


def test_a_step_placed_by_hand_keeps_its_stage_and_place_while_the_rest_follow_the_ranking():
    # The owner moved "c" to the top of Now; the ranking now puts "b" above "a" and "c" later.
    result = replan(placed({NOW: "cab", LATER: "d"}, by_hand="c"), fresh({NOW: "ba", LATER: "dc"}))
    assert joined(result) == {NOW: "cba", LATER: "d"}
    assert result.moved == []


def test_a_step_placed_by_hand_past_the_end_of_its_stage_goes_last():
    result = replan(placed({NOW: "abx"}, by_hand="x"), fresh({NOW: "b", NEXT: "a", LATER: "x"}))
    assert joined(result) == {NOW: "bx", NEXT: "a"}


def test_new_technologies_come_in_where_they_rank():
    result = replan(placed({NOW: "ab", LATER: "c"}), fresh({NOW: "anb", NEXT: "m", LATER: "c"}))
    assert joined(result) == {NOW: "anb", NEXT: "m", LATER: "c"}
    assert result.added == ["n", "m"]


def test_what_the_plan_no_longer_holds_is_dropped_unless_placed_by_hand_or_noted():
    result = replan(placed({NOW: "abc", LATER: "de"}, by_hand="b", noted="d"), fresh({NOW: "a"}))
    assert result.dropped == ["c", "e"]
    assert result.kept == ["b", "d"]
    assert joined(result) == {NOW: "ab", LATER: "d"}


def test_a_noted_step_the_ranking_still_holds_follows_the_ranking():
    result = replan(placed({NOW: "ab"}, noted="a"), fresh({NOW: "b", NEXT: "a"}))
    assert joined(result) == {NOW: "b", NEXT: "a"}
    assert result.moved == [("a", NOW, NEXT)]


def test_positions_after_replanning_count_from_zero_in_each_stage():
    result = replan(placed({NOW: "ab"}, by_hand="a"), fresh({NOW: "cb", NEXT: "a"}))
    assert result.stage_of() == {"a": (NOW, 0), "c": (NOW, 1), "b": (NOW, 2)}


def test_gaps_in_stored_positions_do_not_shift_a_step_placed_by_hand():
    steps = [Placed("a", NOW, 0), Placed("x", NOW, 7, by_hand=True), Placed("b", NOW, 9)]
    result = replan(steps, fresh({NOW: "ba"}))
    assert joined(result) == {NOW: "bxa"}
