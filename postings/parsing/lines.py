"""Cut a saved posting into typed lines: headings, label lines, bullets and plain text.

Postings arrive as Markdown, as text copied from a web page, or as something in between, so
each line is read on its own: ``## Requirements``, ``**Responsibility:**``, ``[자격요건]``,
``* Python`` and ``Conduct research …`` are told apart by their shape alone. Whether a line
is a section label also depends on its words (see ``labels``) and its place (see ``parser``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import Enum

from postings.parsing.html import inline_text
from taxonomy.matching import CJK
from taxonomy.notes.parser import column_of


class Shape(Enum):
    BLANK = "blank"
    FURNITURE = "furniture"  # a rule or a lone image: page layout, not content
    HEADING = "heading"
    BOLD = "bold"
    BRACKET = "bracket"
    BULLET = "bullet"
    TEXT = "text"


# Kramdown (Jekyll's Markdown) needs no space after the marks: "###이런 분을 찾습니다." is a
# heading there, as "#hashtag" is not.
_HEADING = re.compile(
    r"^ {0,3}(?:(?P<marks>#{1,6})(?:[ \t]+(?P<text>.*?))?|(?P<tight>#{2,6})(?P<words>[^\s#].*?))"
    r"[ \t]*#*[ \t]*$"
)
_RULE = re.compile(r"^ {0,3}([-*_=])(?:[ \t]*\1){2,}[ \t]*$")
_IMAGE = re.compile(r"^\s*!\[[^\]]*\]\([^)]*\)\s*$")
_BOLD = re.compile(r"^\s*(?P<mark>\*\*|__)(?P<text>[^*_\s].*?)(?P=mark)\s*[:\uff1a]?\s*$")
_BRACKET = re.compile(r"^\s*(?:\[(?P<a>[^\[\]]+)\]|【(?P<b>[^【】]+)】)\s*[:\uff1a]?\s*$")
# A Markdown table's row of two cells is a label and its value: "| 給与 | 700~1,200万円 |" is
# "給与: 700~1,200万円". Its delimiter row ("|---|---|", "----|----") is layout.
_TABLE_DELIMITER = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)+\|?\s*$")
_TWO_CELLS = re.compile(r"^\s*\|\s*(?P<label>[^|\s][^|]{0,39}?)\s*\|\s*(?P<value>[^|]*?)\s*\|?\s*$")
_BULLET = re.compile(
    r"^(?P<indent>[ \t]*)(?:[-*+•◦▪●○·ㆍ‣]|(?P<number>\d{1,2}[.)]))[ \t]+(?P<text>\S.*?)\s*$"
)


@dataclass(frozen=True, slots=True)
class Line:
    number: int  # 1-based, as editors count
    raw: str
    shape: Shape
    text: str  # the words, without markers or surrounding space
    depth: int = 0  # heading level (1-6), or a bullet's indentation column
    numbered: bool = False  # a bullet marked "1." or "2)", not "-" or "•"

    @property
    def is_blank(self) -> bool:
        return self.shape is Shape.BLANK


# Empty bold opening a line, as text copied out of LinkedIn comes: "****Company:".
_EMPTY_BOLD = re.compile(r"^[ \t]*(?:\*{4}|_{4})(?=[^\s*_])")


# A line that is one HTML element a heading's or a label's: "<h2>Requirements</h2>", and the
# "<summary>JD</summary>" that opens a collapsed part of a README.
_HTML_HEADING = re.compile(
    r"^\s*<(?P<tag>h(?P<level>[1-6])|summary|b|strong)\b[^<>]*>(?P<text>.*?)</(?P=tag)>\s*$",
    re.IGNORECASE,
)
_SUMMARY_LEVEL = 2


# A company's hiring page written in React (JSX, MDX) names its elements by components:
# "<DefinitionBlock.Header>募集背景</DefinitionBlock.Header>" heads a section by its name,
# "<StyledLine>正社員</StyledLine>" is a line of text, and "<DefinitionBlock>" alone on its line
# is layout. Only a line that is a whole element or a lone tag is read so: "<Company Name> is
# hiring" and "List<String>" stay as written.
_COMPONENT = re.compile(
    r"^\s*<(?P<close>/)?(?P<name>[A-Z]\w*(?:\.[A-Z]\w*)*)(?:\s[^<>]*)?(?P<void>/)?>"
    r"(?P<rest>.*?)\s*$"
)
_HEADING_COMPONENT = re.compile(r"(?:Header|Heading|Headline|Title)$")
_COMPONENT_HEADING_LEVEL = 2


def _component(number: int, raw: str) -> Line | None:
    """A line that is one JSX component's element or a lone tag of one, or None."""
    element = _COMPONENT.match(raw)
    if element is None:
        return None
    rest, name = element.group("rest"), element.group("name")
    if not rest:
        return Line(number, raw, Shape.FURNITURE, raw.strip())
    closing = f"</{name}>"
    if element.group("close") or element.group("void") or not rest.endswith(closing):
        return None
    text = inline_text(rest.removesuffix(closing))
    if not text:
        return Line(number, raw, Shape.FURNITURE, raw.strip())
    if _HEADING_COMPONENT.search(name):
        return Line(number, raw, Shape.HEADING, text, _COMPONENT_HEADING_LEVEL)
    return replace(read_line(number, text), raw=raw)


def read_line(number: int, raw: str) -> Line:
    if "<" in raw and (component := _component(number, raw)) is not None:
        return component
    empty_bold = _EMPTY_BOLD.match(raw)
    line = _read_shape(number, raw if empty_bold is None else raw[empty_bold.end() :])
    if line.shape in (Shape.BULLET, Shape.TEXT) and _TAG.search(line.text):
        heading = _html_heading(number, raw) if line.shape is Shape.TEXT else None
        if heading is not None:
            return heading
        line = replace(line, text=inline_text(line.text))
        if not line.text:
            line = replace(line, shape=Shape.FURNITURE)
    return replace(line, raw=raw)


def _html_heading(number: int, raw: str) -> Line | None:
    """A line that is one HTML heading (or bold) element, as a heading (or a bold line)."""
    element = _HTML_HEADING.match(raw)
    text = element and inline_text(element.group("text"))
    if not text:
        return None
    if element.group("tag").lower() in ("b", "strong"):
        return Line(number, raw, Shape.BOLD, text)
    level = element.group("level")
    return Line(number, raw, Shape.HEADING, text, int(level) if level else _SUMMARY_LEVEL)


def _read_shape(number: int, raw: str) -> Line:
    stripped = raw.strip()
    if not stripped:
        return Line(number, raw, Shape.BLANK, "")
    if _RULE.match(raw) or _IMAGE.match(raw):
        return Line(number, raw, Shape.FURNITURE, stripped)
    heading = _HEADING.match(raw)
    if heading:
        text = (heading.group("text") or heading.group("words") or "").strip()
        if not text:
            return Line(number, raw, Shape.FURNITURE, stripped)
        marks = heading.group("marks") or heading.group("tight")
        return Line(number, raw, Shape.HEADING, _unbold(text), len(marks))
    bold = _BOLD.match(raw)
    if bold and "**" not in bold.group("text") and "__" not in bold.group("text"):
        # A colon inside the bold stays: "**In this role, you will:**" says its kind by it.
        return Line(number, raw, Shape.BOLD, bold.group("text").strip())
    bracket = _BRACKET.match(raw)
    if bracket:
        text = (bracket.group("a") or bracket.group("b")).strip()
        return Line(number, raw, Shape.BRACKET, text)
    if "|" in raw:
        if _TABLE_DELIMITER.match(raw):
            return Line(number, raw, Shape.FURNITURE, stripped)
        row = _TWO_CELLS.match(raw)
        if row:
            label, value = row.group("label"), row.group("value")
            return Line(number, raw, Shape.TEXT, f"{label}:\t{value}" if value else label)
    bullet = _BULLET.match(raw)
    if bullet:
        depth = column_of(bullet.group("indent"))
        numbered = bullet.group("number") is not None
        return Line(number, raw, Shape.BULLET, bullet.group("text"), depth, numbered)
    indent = raw[: len(raw) - len(raw.lstrip(" \t"))]
    return Line(number, raw, Shape.TEXT, stripped, column_of(indent))


_LINK = re.compile(r"\[(?P<label>[^\]]+)\]\([^)\s]+\)")
# Where a line holds inline HTML: a tag of HTML's own names, so that "std::vector<int>" or
# "List<T>" in a requirement stays as written.
_TAG = re.compile(
    r"</?(?:a|img|br|hr|b|i|u|s|em|strong|small|big|font|center|span|div|p|sup|sub|code|pre|"
    r"details|summary|h[1-6]|ul|ol|li|dl|dt|dd|table|thead|tbody|tr|td|th|picture|source|"
    r"video|iframe|blockquote|section|article|header|footer|nav|mark|kbd|abbr)"
    r"(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)


def _unbold(text: str) -> str:
    """A heading's words: without bold marks, and its links as their labels
    ("# [Physical Design Engineer](https://…/apply/…)")."""
    bold = _BOLD.match(text)
    text = bold.group("text").strip() if bold else text
    if _TAG.search(text):  # "## Data Product Engineer TechLead <a href=…><img …/></a>"
        text = inline_text(text)
    return _LINK.sub(lambda link: link.group("label"), text).strip()


# A heading underlined, as Markdown's setext headings and reStructuredText's are:
# "Requirements" over "------------".
_UNDERLINE = re.compile(r"^ {0,3}(?:(?P<one>=)|-)(?:=|-)*[ \t]*$")
_UNDERLINE_MIN = 3


# An HTML heading over lines of its own ("<h2>" / "Responsibilities" / "</h2>"), as READMEs
# and site sources write them; each line is a heading, one per language at times
# ("@ja:職務内容", "@en:Responsibilities").
_HTML_HEADING_OPENS = re.compile(r"^\s*<h(?P<level>[1-6])\b[^<>]*>\s*$", re.IGNORECASE)
_HTML_HEADING_CLOSES = re.compile(r"^\s*</h(?P<level>[1-6])>\s*$", re.IGNORECASE)
_HTML_HEADING_LINES = 4
_LANGUAGE = r"@[a-z]{2}(?:[-_][A-Za-z]{2})?"  # "@ja", "@en-US"
_LANGUAGE_TAG = re.compile(rf"^{_LANGUAGE}:\s*")


def _html_headings_over_lines(lines: list[Line]) -> None:
    for index, line in enumerate(lines):
        opens = _HTML_HEADING_OPENS.match(line.raw) if "<" in line.raw else None
        if opens is None:
            continue
        inside = lines[index + 1 : index + 2 + _HTML_HEADING_LINES]
        end = next((i for i, under in enumerate(inside) if _closes(under, opens)), None)
        if not end:
            continue
        level = int(opens.group("level"))
        lines[index] = replace(line, shape=Shape.FURNITURE)
        for under in inside[:end]:
            text = _LANGUAGE_TAG.sub("", under.text)
            if text:
                lines[under.number - 1] = Line(under.number, under.raw, Shape.HEADING, text, level)
        lines[index + 1 + end] = replace(inside[end], shape=Shape.FURNITURE)


def _closes(line: Line, opens: re.Match) -> bool:
    closes = _HTML_HEADING_CLOSES.match(line.raw) if "</" in line.raw else None
    return closes is not None and closes.group("level") == opens.group("level")


# The lines of one language, where a page holds two: "@ja{" … "}", "@en{" … "}".
_LANGUAGE_BLOCK = re.compile(rf"^\s*{_LANGUAGE}\{{\s*$")


def _language_blocks(lines: list[Line]) -> None:
    """Marks opening and closing a language's lines as furniture, not content."""
    inside = False
    for index, line in enumerate(lines):
        opens = "@" in line.raw and _LANGUAGE_BLOCK.match(line.raw)
        if opens or (inside and line.raw.strip() == "}"):
            lines[index] = replace(line, shape=Shape.FURNITURE)
            inside = bool(opens)


def read_lines(text: str) -> list[Line]:
    lines = [read_line(number, raw) for number, raw in enumerate(text.splitlines(), start=1)]
    _html_headings_over_lines(lines)
    _language_blocks(lines)
    for index in range(len(lines) - 1):
        line, under = lines[index], lines[index + 1]
        underline = _UNDERLINE.match(under.raw)
        if (
            line.shape is Shape.TEXT
            and line.depth == 0
            and underline
            and len(set(under.raw.strip())) == 1
            and len(under.raw.strip()) >= _UNDERLINE_MIN
            and (index == 0 or lines[index - 1].is_blank)
        ):
            depth = 1 if underline.group("one") else 2
            lines[index] = Line(line.number, line.raw, Shape.HEADING, _unbold(line.text), depth)
    return lines


# A hard-wrapped sentence goes on in the next line. Its first line ends without closing the
# sentence, at some width, and the next one carries on: in small letters, in Korean or
# Japanese after a connective ending or particle, or after a word that cannot end a sentence.
_WRAP_WIDTH = 40  # columns; a list of short items is not wrapped text
_CLOSED = tuple(".!?:;\u3002\uff01\uff1f\uff1a\uff1b")
# Korean endings and particles, and Japanese ones, that leave a sentence open: "처리하고",
# "경험이", "開発し", "ために、".
_OPEN_ENDINGS = frozenset("고며및을를은는의와과에로서여이가할한된" + "てでしがをにはやらば、")
_DANGLING = re.compile(
    r"(?:,|-|\b(?:and|or|of|the|with|to|in|for|a|an|at|on|by|as|from|including|such as|"
    r"e\.g\.|i\.e\.|using|via|into|than|that|which|who))$",
    re.IGNORECASE,
)
# Kana, kanji and the ideographic comma: wrapped Japanese joins without a space.
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\u3001]")


def _width(text: str) -> int:
    return len(text) + len(CJK.findall(text))  # Korean and Japanese are two wide


def is_wrapped(previous: str, line: str) -> bool:
    """Whether ``line`` carries on the sentence that ``previous`` (the line before it) left
    open, rather than starting an item of its own."""
    previous = previous.rstrip()
    if not previous or not line or previous.endswith(_CLOSED) or _width(previous) < _WRAP_WIDTH:
        return False
    first = line[0]
    if CJK.match(first):
        return previous[-1] in _OPEN_ENDINGS
    return first.islower() or bool(_DANGLING.search(previous))


def joined(previous: str, line: str) -> str:
    """Two wrapped lines as one: Japanese without a space between, others with one."""
    previous = previous.rstrip()
    if _JAPANESE.match(previous[-1]) and _JAPANESE.match(line[0]):
        return previous + line
    return f"{previous} {line}"
