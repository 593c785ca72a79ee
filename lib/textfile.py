"""Read a text file someone hands us (notes, a saved posting), refusing what is not text.

Every refusal is an ``InputError`` naming the file (and the line, when there is one), so a
command can print one clear line and a form can show it next to the field.
"""

from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """Input that cannot be imported, with the file (and line) to point the person at."""

    def __init__(self, source: str, line: int | None, message: str):
        self.source = source
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.message}"


def decode_text(data: bytes, source: str, *, keep_bom: bool = False) -> str:
    """UTF-8 text of ``data`` (a BOM is allowed), or ``InputError`` naming the line.

    ``keep_bom`` leaves a BOM in the text as U+FEFF, for readers that write the file back.
    """
    if not data.strip(b"\xef\xbb\xbf \t\r\n"):
        raise InputError(source, None, "the file is empty")
    nul = data.find(b"\x00")
    if nul != -1:
        line = data.count(b"\n", 0, nul) + 1
        raise InputError(source, line, "contains NUL bytes; this is not a text file")
    try:
        return data.decode("utf-8" if keep_bom else "utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(source, line, "is not valid UTF-8 text") from exc


def check_size(source: str, size: int, max_bytes: int, *, advice: str = "") -> None:
    if size > max_bytes:
        raise InputError(
            source, None, f"is {size:,} bytes, over the limit of {max_bytes:,}{advice}"
        )


def read_text_file(path: Path, *, max_bytes: int, advice: str = "", keep_bom: bool = False) -> str:
    source = str(path)
    if not path.exists():
        raise InputError(source, None, "no such file")
    if path.is_dir():
        raise InputError(source, None, "is a directory, not a text file")
    if not path.is_file():  # a FIFO or a device would never end, or never stop
        raise InputError(source, None, "is not a regular file")
    check_size(source, path.stat().st_size, max_bytes, advice=advice)
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # the file may have grown since stat()
    except OSError as exc:
        raise InputError(source, None, f"cannot be read: {exc.strerror}") from exc
    check_size(source, len(data), max_bytes, advice=advice)
    return decode_text(data, source, keep_bom=keep_bom)
