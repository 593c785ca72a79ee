"""The labelled evaluation set stays usable: make eval reads every record and scores it."""

import io
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import evaluate  # noqa: E402


def test_every_labelled_record_is_found_and_scored():
    vocab = evaluate.Vocabulary(evaluate.ROOT / "fixtures/technologies.json")
    scores = evaluate.Scores()
    evaluate.evaluate_notes(scores, vocab)  # a label naming a line or set not drawn fails here
    evaluate.evaluate_postings(scores, vocab)
    # 420 lines in 338 sets of the first batch, 240 in 210 of the second, 160 in 139 of the
    # third, 160 in 143 of the fourth, 160 in 128 of the fifth, 120 in 99 of the sixth, 120
    # in 84 of the seventh
    assert scores("line kind", "tune").total + scores("line kind", "held-out").total == 1380
    assert scores("employer", "tune").total + scores("employer", "held-out").total == 1141
    any_name = scores("employer, any name", "tune"), scores("employer, any name", "held-out")
    assert sum(score.total for score in any_name) == 1141
    labelled_postings = (evaluate.ROOT / "fixtures/eval/postings/labels.jsonl").read_text()
    postings = len(labelled_postings.splitlines())
    assert postings == 172
    assert scores("posting title", "tune").total + scores("posting title", "held-out").total == (
        postings
    )
    out = io.StringIO()
    evaluate.report(scores, held_out_errors=False, out=out)
    report = out.getvalue()
    assert "technologies" in report and "posting section kind" in report
    for task in ("line kind", "posting section kind"):  # the confusion of each split
        for split in ("tune", "held-out"):
            assert f"{task} confusion ({split}; rows labelled, columns got)" in report
    sections = scores("posting section kind", "held-out")
    assert sum(sections.confusion.values()) == sections.total  # a section not found counts
    assert "(held-out):" not in report  # the held-out errors stay hidden unless asked for
