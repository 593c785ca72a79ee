"""Recognise the job title that opens a copied posting, and the company a label names."""

from __future__ import annotations

import re
from dataclasses import dataclass

_TITLE_WORDS = re.compile(
    r"\b(?:engineers?|engr|scientists?|researchers?|developers?|architects?|managers?|lead|"
    r"directors?|intern|internship|specialists?|scholar|analysts?|linguist|designers?|"
    r"consultants?|officer|postdoc|postdoctoral|resident|experts?|fellow|programmers?|"
    r"administrator|head of)\b",
    re.IGNORECASE,
)
# Requirement lines also mention engineers ("Experience as a software engineer"); a title
# does not start like a sentence.
_SENTENCE_START = re.compile(
    r"^(?:experience (?:with|in|of|as|working|building|using|developing)|knowledge (?:of|in|about)|"
    r"familiar|ability|able to|strong|proficien|background|b\.?s\b|m\.?s\b|ph\.?d|bachelor|"
    r"master'?s|degree|design (?:and|of)|develop\b|work (?:with|on|in)|build\b|you\b|we\b|"
    r"our\b|the\b|as\b|in\b|with\b|\d|minimum|preferred|required|must|good|excellent|solid|"
    r"understanding|expert in|deep (?:understanding|knowledge)|architect and)",
    re.IGNORECASE,
)
_FINITE_VERB = re.compile(r"\b(?:are|is|will|you|we)\b", re.IGNORECASE)
_EMPHASIS = re.compile(r"^\*{1,3}(.+?)\*{1,3}$")
_DOT_PARTS = re.compile(r"\s+·\s+")
_AT_COMPANY = re.compile(r"^(?P<title>.+?)\s+at\s+(?P<company>[A-Z][\w.&' -]+?)(?:\s+\(.*\))?$")
_LABEL_COMPANY = re.compile(r"^skill set for \*{3}(?P<name>.+?)\*{3}$", re.IGNORECASE)
_MAX_TITLE_WORDS = 16


@dataclass(frozen=True, slots=True)
class RoleLine:
    title: str
    company: str = ""
    location: str = ""


def role_from_first_line(text: str) -> RoleLine | None:
    """The role a skill set belongs to, when its first line is a job title.

    "Principal Formal Verification Engineer" → that title; "Senior Software Engineer · ASML ·
    United States" → title, company and location; "NLP/ML Lead at SciSpace (Formerly
    Typeset)" → title and company; a requirement sentence → None.
    """
    line = text.strip()
    emphasized = _EMPHASIS.match(line)
    if emphasized:
        line = emphasized.group(1).strip()
    if not line or line.endswith((":", ";", ",")) or not (line[0].isupper() or line[0] == "("):
        return None
    if len(line.split()) > _MAX_TITLE_WORDS or _SENTENCE_START.match(line):
        return None
    if _FINITE_VERB.search(line):
        return None
    parts = _DOT_PARTS.split(line)
    title = parts[0].rstrip(" .")
    if not _TITLE_WORDS.search(title):
        return None
    if len(parts) >= 2:
        return RoleLine(title, company=parts[1], location=" · ".join(parts[2:]))
    at = _AT_COMPANY.match(title)
    if at:
        return RoleLine(at.group("title"), company=at.group("company").strip())
    return RoleLine(title)


def company_from_label(label: str) -> str | None:
    """``skill set for ***Autodesk AI Lab, Pier.9 at San Francisco***`` → the company's name."""
    match = _LABEL_COMPANY.match(label.strip())
    if not match:
        return None
    return re.split(r"\s+at\s+", match.group("name"), maxsplit=1)[0].strip()
