"""Companies listed in the notes: items of lists introduced as lists of companies.

"List of EDA companies:", "VLSI formal verification companies:", a bullet "FPGA companies",
or a whole field such as "Start-ups related to …" introduce a list; its items
``[Name](url)`` and ``Name: url`` are companies. The placeholder ``[NAME](URL)`` is not,
and neither are links to lists ("From Wikipedia, list of …") or member directories.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from taxonomy.notes.parser import Line, column_of, is_placeholder

_INTRODUCES_COMPANIES = re.compile(
    r"\b(?:compan(?:y|ies)|start-?ups?|employers|vendors)\b", re.IGNORECASE
)
_BULLET = re.compile(r"^(?P<indent>[ \t]*)[-+*][ \t]+(?P<text>.*)$")
_LINK_ITEM = re.compile(r"^\[(?P<name>[^\]]+)\]\((?P<url>https?://[^)\s]+)\)(?:\s*:?\s*.*)?$")
_COLON_ITEM = re.compile(r"^(?P<name>[^:\[\]]{2,120}?):\s+(?P<url>https?://\S+)\s*$")
# A list item that is only a name, with no link: a few capitalised words ("AMD/Xilinx").
_BARE_NAME = re.compile(r"^\*{0,3}[A-Z0-9][\w&'+-]*(?:[ /][A-Z0-9][\w&'+.-]*){0,3}\*{0,3}$")
_NOT_A_COMPANY = re.compile(r"\b(?:list|lists|members|directory|wikipedia)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class CompanyItem:
    name: str
    url: str
    line: Line


def introduces_companies(text: str) -> bool:
    return bool(_INTRODUCES_COMPANIES.search(text))


def parse_company_item(text: str) -> tuple[str, str] | None:
    text = text.strip()
    if is_placeholder(text):
        return None
    match = _LINK_ITEM.match(text) or _COLON_ITEM.match(text)
    if not match:
        bare = _BARE_NAME.match(text)
        if bare and not _NOT_A_COMPANY.search(text):
            return text.strip("*").strip(), ""  # "AMD/Xilinx", "Intel Altera"
        return None
    name = match.group("name").strip().strip("*").strip()
    if not name or _NOT_A_COMPANY.search(name):
        return None
    return name, match.group("url").rstrip(".,;")


def company_items(lines: Iterable[Line], *, area_lists_companies: bool) -> list[CompanyItem]:
    """Company items among an area's notes lines, in order."""
    items: list[CompanyItem] = []
    paragraph_introduces = area_lists_companies
    bullet_column: int | None = None  # column of a bullet such as "+ FPGA companies"
    bare_names = False  # whether that bullet's items may be names without links
    for line in lines:
        if line.is_blank:
            continue
        bullet = _BULLET.match(line.raw)
        if not bullet:
            paragraph_introduces = area_lists_companies or introduces_companies(line.raw)
            bullet_column = None
            continue
        column = column_of(bullet.group("indent"))
        if bullet_column is not None and column <= bullet_column:
            bullet_column = None
        text = bullet.group("text")
        item = parse_company_item(text)
        if item and not item[1]:
            # A bare name counts only nested in a bullet of words such as "FPGA companies",
            # not under a link to somebody's list ("From Wikipedia, list of … vendors").
            listed = bullet_column is not None and bare_names
        else:
            listed = bullet_column is not None or paragraph_introduces
        if item and listed:
            items.append(CompanyItem(item[0], item[1], line))
        elif bullet_column is None and not item and introduces_companies(text):
            bullet_column = column
            bare_names = "](" not in text and not _NOT_A_COMPANY.search(text)
    return items


_WORD = re.compile(r"\w+")


class NameFinder:
    """Find many names in a text, as whole words, in time linear in the text.

    One regular expression alternating thousands of names tries each name at each position
    (96 s of a 133 s plan at 100x the notes); here each word of the text looks up the names
    that start with it. A name counts where no word character or dot stands before it and no
    word character after it, the longest name at the leftmost position winning.
    """

    def __init__(self, names: dict[str, str]):
        """``names`` maps each spelling to the key it stands for."""
        self._keys = names
        self._by_first: dict[str, list[str]] = {}
        for name in sorted(names, key=len, reverse=True):
            first = _WORD.match(name)
            if first is None:
                continue  # a name that starts with punctuation cannot be told from its context
            self._by_first.setdefault(first.group(), []).append(name)

    def __bool__(self) -> bool:
        return bool(self._by_first)

    def found(self, text: str) -> Iterator[tuple[str, int, int]]:
        """``(key, start, end)`` of each name in ``text``, left to right."""
        reached = 0
        for word in _WORD.finditer(text):
            start = word.start()
            candidates = self._by_first.get(word.group())
            if candidates is None or start < reached:
                continue
            if start and text[start - 1] == ".":
                continue
            for name in candidates:
                end = start + len(name)
                if text.startswith(name, start) and not _WORD.match(text, end):
                    yield self._keys[name], start, end
                    reached = end
                    break
