"""A table as a CSV download: streamed row by row, so a long list never sits in memory, and
safe to open in a spreadsheet (a cell that would start a formula is kept as text)."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence

from django.http import StreamingHttpResponse

# A spreadsheet reads a cell starting with one of these as a formula ("CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value) -> str:
    """``value`` as a CSV cell: None is empty, and text a spreadsheet would run as a formula
    is prefixed with an apostrophe, which spreadsheets show as text."""
    if value is None:
        return ""
    text = str(value)
    return f"'{text}" if text.startswith(_FORMULA_START) else text


class _Echo:
    """A file that hands back what is written, for csv.writer to stream through."""

    def write(self, value: str) -> str:
        return value


def csv_response(filename: str, header: Sequence[str], rows: Iterable[Sequence]):
    """A download of ``header`` then ``rows`` as UTF-8 CSV named ``filename`` (with a byte
    order mark, so that spreadsheets read Korean and Japanese names right)."""
    writer = csv.writer(_Echo())

    def lines():
        yield "\ufeff" + writer.writerow(header)
        for row in rows:
            yield writer.writerow([cell(value) for value in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
