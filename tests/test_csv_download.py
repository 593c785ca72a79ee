"""lib/csv_download.py: rows streamed as UTF-8 CSV, safe to open in a spreadsheet."""

import csv
import io

from lib.csv_download import cell, csv_response


def read(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def test_rows_come_after_the_header_with_commas_quotes_and_newlines_kept():
    response = csv_response("x.csv", ["name", "note"], [["a, b", 'say "hi"'], ["요기요", "x\ny"]])
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="x.csv"'
    assert read(response) == [["name", "note"], ["a, b", 'say "hi"'], ["요기요", "x\ny"]]


def test_a_cell_that_would_run_as_a_formula_is_kept_as_text():
    assert [cell(v) for v in ("=1+1", "+1", "-x", "@SUM(A1)", "ok", None, 3)] == [
        "'=1+1",
        "'+1",
        "'-x",
        "'@SUM(A1)",
        "ok",
        "",
        "3",
    ]


def test_rows_are_read_only_as_they_are_sent():
    sent = []

    def rows():
        for n in range(3):
            sent.append(n)
            yield [n]

    content = csv_response("x.csv", ["n"], rows()).streaming_content
    assert sent == []
    next(content)
    next(content)
    assert sent == [0]
