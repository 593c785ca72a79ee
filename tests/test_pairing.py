"""taxonomy/notes/pairing.py: rows of an earlier import meet the records of this one."""

from dataclasses import dataclass

from taxonomy.notes.pairing import Pairing, pair, rematch


@dataclass
class Record:
    key: str
    group: str = "g"
    second: str | None = None


def test_pairs_by_key_then_in_order_within_a_group():
    rows = [{"import_key": "a", "g": "g"}, {"import_key": "old", "g": "g"}]
    records = [Record("a"), Record("edited")]
    result = pair(rows, records, row_group=lambda r: r["g"], record_group=lambda r: r.group)
    assert [(row["import_key"], rec.key) for row, rec in result.pairs] == [
        ("a", "a"),
        ("old", "edited"),
    ]
    assert result.new == result.gone == []


def test_rematch_pairs_leftovers_by_a_second_key_first_come_first_paired():
    gone = [{"id": 1, "s": "x"}, {"id": 2, "s": "x"}, {"id": 3, "s": None}]
    new = [Record("n1", second="x"), Record("n2", second=None), Record("n3", second="y")]
    pairing = Pairing(pairs=[], new=list(new), gone=list(gone))
    rematch(pairing, row_key=lambda row: row["s"], record_key=lambda r: r.second)
    assert [(row["id"], rec.key) for row, rec in pairing.pairs] == [(1, "n1")]
    assert [r.key for r in pairing.new] == ["n2", "n3"]  # None matches nothing
    assert [row["id"] for row in pairing.gone] == [2, 3]
