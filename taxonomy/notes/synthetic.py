"""Bigger notes for benchmarks and scale tests, written in the real file's own grammar.

``scale_notes(text, copies=3)`` repeats the notes; each later copy renames every heading
("EDA" → "EDA 2") and every company ("Synopsys" → "Synopsys 2"), so the copies become new
fields, roles and companies instead of duplicates of the first. Everything else, nesting
ten levels deep, placeholders and stray indentation included, is kept line for line.
"""

from __future__ import annotations

import re

from taxonomy.notes.parser import heading_parts


def scale_notes(text: str, copies: int, company_names: list[str] = ()) -> str:
    if copies < 1:
        raise ValueError("copies must be at least 1")
    lines = text.split("\n")
    names = sorted({n for n in company_names if n.strip()}, key=len, reverse=True)
    pattern = (
        re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, names)) + r")(?!\w)")
        if names
        else None
    )
    parts = [text.rstrip("\n")]
    for copy in range(2, copies + 1):
        parts.append("\n".join(_renamed(line, copy, pattern) for line in lines).rstrip("\n"))
    return "\n\n".join(parts) + "\n"


def _renamed(line: str, copy: int, companies: re.Pattern | None) -> str:
    heading = heading_parts(line)
    if heading is not None:
        level, title = heading
        return f"{'#' * level} {title} {copy}" if title else line
    if companies is None:
        return line
    return companies.sub(lambda match: f"{match.group(0)} {copy}", line)
