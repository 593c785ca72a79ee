"""Read a notes file, refusing input that is not a Markdown text file."""

from __future__ import annotations

from pathlib import Path

from taxonomy.notes.errors import NotesInputError

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


def decode_notes(data: bytes, source: str) -> str:
    """UTF-8 text of ``data`` (a BOM is allowed), or ``NotesInputError`` naming the line."""
    if not data.strip(b"\xef\xbb\xbf \t\r\n"):
        raise NotesInputError(source, None, "the file is empty")
    nul = data.find(b"\x00")
    if nul != -1:
        line = data.count(b"\n", 0, nul) + 1
        raise NotesInputError(source, line, "contains NUL bytes; this is not a text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise NotesInputError(source, line, "is not valid UTF-8 text") from exc


def check_size(source: str, size: int, max_bytes: int, *, advice: str = "") -> None:
    if size > max_bytes:
        raise NotesInputError(
            source, None, f"is {size:,} bytes, over the limit of {max_bytes:,}{advice}"
        )


def read_notes_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    source = str(path)
    if not path.exists():
        raise NotesInputError(source, None, "no such file")
    if path.is_dir():
        raise NotesInputError(source, None, "is a directory, not a notes file")
    check_size(source, path.stat().st_size, max_bytes, advice=" (see --max-bytes)")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise NotesInputError(source, None, f"cannot be read: {exc.strerror}") from exc
    return decode_notes(data, source)
