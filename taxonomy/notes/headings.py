"""Other names of a field, read off its heading: "System-Technology Co-Optimization, STCO"."""

from __future__ import annotations

import re

_ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9&/-]{1,9}s?$")
_PARENTHESISED = re.compile(r"\(([A-Z][A-Za-z0-9&/-]{1,9})\)")  # "(STA)", not "(Applied)"
_OR_NAME = re.compile(r"^(?:or|aka|a\.k\.a\.)\s+(.+)$", re.IGNORECASE)


def _is_acronym(text: str) -> bool:
    return bool(_ACRONYM.match(text)) and sum(c.isupper() for c in text) >= 2


def _initials(text: str) -> str:
    """ "Technology CAD" → "TCAD": an all-capitals word gives all its letters."""
    words = [w for w in re.split(r"[\s-]+", text) if w and w[0].isalnum()]
    return "".join(w if w.isupper() else w[0] for w in words).upper()


def _abbreviates(short: str, long: str) -> bool:
    """True when ``short`` could stand for ``long``: STCO for System-Technology Co-Optimization,
    DFM for VLSI Design for Manufacturing (its letters are a subsequence of the initials)."""
    letters = [c for c in short.upper() if c.isalpha()]
    if short.endswith("s") and not short.isupper():
        letters = letters[:-1]  # IDMs
    initials = iter(_initials(long))
    return len(letters) >= 2 and all(letter in initials for letter in letters)


def _alias_of(segment: str, neighbours: list[str]) -> str | None:
    or_name = _OR_NAME.match(segment)
    if or_name:
        return or_name.group(1).strip()
    if _is_acronym(segment) and any(_abbreviates(segment, n) for n in neighbours):
        return segment
    # "Applied ML" after "Applied Machine Learning": a shortened form of a neighbour.
    words = segment.split()
    if (
        len(words) > 1
        and _is_acronym(words[-1])
        and any(n.split()[: len(words) - 1] == words[:-1] and n != segment for n in neighbours)
    ):
        return segment
    return None


def _segments(title: str) -> list[str]:
    return [s.strip() for s in title.split(",") if s.strip()]


def _spells_out_first(segments: list[str]) -> bool:
    """ "EDA, Electronic Design Automation": the heading leads with an acronym that its next
    part spells out."""
    return len(segments) > 1 and _is_acronym(segments[0]) and _abbreviates(*segments[:2])


def leading_acronym(title: str) -> str | None:
    """The acronym a heading leads with, when its next part spells it out: "EDA, Electronic
    Design Automation" → "EDA", the name the field goes by."""
    segments = _segments(title)
    return segments[0] if _spells_out_first(segments) else None


def aliases_from_heading(title: str) -> list[str]:
    """Acronyms and "or …" names in a heading, in the order they appear, without repeats.

    "MLOps, or ML Ops, ModelOps, & AIOps" → ["ML Ops"]; "Technology CAD, TCAD" → ["TCAD"];
    "Static Timing Analysis (STA), and …(SSTA)" → ["STA", "SSTA"]; "EDA, Electronic Design
    Automation" → ["Electronic Design Automation"] (the expansion of the leading acronym).
    """
    segments = _segments(title)
    found: list[str] = []
    for index, segment in enumerate(segments):
        others = segments[:index] + segments[index + 1 :]
        if index == 0:
            if _spells_out_first(segments):
                found.append(segments[1])
            continue
        alias = _alias_of(segment, others)
        if alias:
            found.append(alias)
    found.extend(a for a in _PARENTHESISED.findall(title) if _is_acronym(a))
    return list(dict.fromkeys(a for a in found if a != title))
