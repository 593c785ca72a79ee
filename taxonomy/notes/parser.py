"""Parse a notes file into areas, notes lines, skill sets and skills, keeping every line.

Pure Python on purpose (no Django): the importer, the exporter, the tests and the benchmark all
use it, and it must be fast and easy to test. Structure comes from headings and indentation,
not from a Markdown parser, because markdown-it-py stops at its nesting limit and would drop
everything after a deeply nested list; here every nonblank line is accounted for, and a line
that is not raises ``NotesSyntaxError``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

TAB_WIDTH = 4

_HEADING = re.compile(r"^ {0,3}(?P<hashes>#{1,6})(?:[ \t]+(?P<title>.*?))?[ \t]*$")
_BULLET = re.compile(r"^(?P<prefix>[ \t]*[-+*](?:[ \t]+|$))(?P<text>.*)$")
_SKILL_SET_LABEL = re.compile(
    r"^(?P<label>(?:skill set|tech stack)(?:[ \t]+for[ \t]+.+?)?)[ \t]*:[ \t]*$", re.IGNORECASE
)
# Headings that are sections of the area above them, not areas of their own.
_SECTION_HEADING = re.compile(
    r"^(?:notes about|skill sets? (?:for|about)|skills (?:for|about)"
    r"|sets of skills (?:for|about))\b",
    re.IGNORECASE,
)
_PLACEHOLDER = re.compile(r"^(?:BLAH\.?|\[NAME\]\(URL\))$")
_EMPHASIS = re.compile(r"\*\*\*[^*]+?\*\*\*")


class NotesSyntaxError(ValueError):
    """The notes cannot be filed; ``line`` is 1-based."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass(slots=True)
class Line:
    number: int
    raw: str

    @property
    def is_blank(self) -> bool:
        return not self.raw.strip()


@dataclass(slots=True)
class SkillNode:
    line: Line
    prefix: str
    text: str
    parent: int | None  # index of the parent skill in the same set
    depth: int


@dataclass(slots=True)
class SkillSetNode:
    line: Line
    prefix: str
    label: str
    anchor: int  # lines of the container (area notes, or outer set skills) that come before it
    context: str
    column: int
    skills: list[SkillNode] = field(default_factory=list)
    nested: list[SkillSetNode] = field(default_factory=list)

    @property
    def is_placeholder(self) -> bool:
        return bool(self.skills) and all(is_placeholder(s.text) for s in self.skills)

    def walk(self):
        """This set and the sets nested in it, in document order."""
        yield self
        for inner in self.nested:
            yield from inner.walk()


@dataclass(slots=True)
class AreaNode:
    line: Line
    level: int
    name: str
    parent: AreaNode | None
    position: int
    notes: list[Line] = field(default_factory=list)
    skill_sets: list[SkillSetNode] = field(default_factory=list)
    children: list[AreaNode] = field(default_factory=list)

    @property
    def path(self) -> tuple[str, ...]:
        names = []
        node: AreaNode | None = self
        while node is not None:
            names.append(node.name)
            node = node.parent
        return tuple(reversed(names))

    @property
    def notes_source(self) -> str:
        return "\n".join(line.raw for line in self.notes)

    def all_skill_sets(self):
        for top in self.skill_sets:
            yield from top.walk()


@dataclass(slots=True)
class NotesDocument:
    areas: list[AreaNode]
    line_count: int
    nonblank_count: int


def is_placeholder(text: str) -> bool:
    return bool(_PLACEHOLDER.match(text.strip()))


def is_emphasized(text: str) -> bool:
    return bool(_EMPHASIS.search(text))


def is_section_heading(title: str) -> bool:
    return bool(_SECTION_HEADING.match(title))


def column_of(indent: str) -> int:
    """Visual column after ``indent``, with tab stops every four columns (as CommonMark)."""
    column = 0
    for char in indent:
        column = (column // TAB_WIDTH + 1) * TAB_WIDTH if char == "\t" else column + 1
    return column


def split_lines(text: str) -> list[Line]:
    """Lines without terminators; a BOM and CRLF endings read the same as plain LF."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    return [Line(number, raw) for number, raw in enumerate(text.split("\n"), start=1)]


def bullet_parts(raw: str) -> tuple[str, str] | None:
    """``"\t- text "`` → ``("\t- ", "text")``; None for a line that is not a bullet."""
    match = _BULLET.match(raw)
    return (match.group("prefix"), match.group("text").rstrip()) if match else None


def heading_parts(raw: str) -> tuple[int, str] | None:
    """``"##\tName "`` → ``(2, "Name")``; None for a line that is not a heading."""
    match = _HEADING.match(raw)
    return (len(match.group("hashes")), (match.group("title") or "").strip()) if match else None


def skill_set_label(content: str) -> str | None:
    """``"skill set for X:"`` → ``"skill set for X"``; None for an ordinary bullet."""
    match = _SKILL_SET_LABEL.match(content)
    return match.group("label") if match else None


class _Parser:
    def __init__(self, lines: list[Line]):
        self.lines = lines
        self.areas: list[AreaNode] = []
        self.area: AreaNode | None = None
        self.heading_stack: list[AreaNode] = []
        self.sets: list[SkillSetNode] = []  # open skill sets, outermost first
        self.skill_columns: list[list[tuple[int, int]]] = []  # per open set: (column, index)
        self.pending_blanks: list[Line] = []  # blank lines seen while a skill set was open

    def parse(self) -> NotesDocument:
        for line in self.lines:
            if line.is_blank:
                self._blank(line)
            else:
                self._nonblank(line)
        document = NotesDocument(self.areas, len(self.lines), 0)
        document.nonblank_count = account_for_every_line(document, self.lines)
        return document

    def _blank(self, line: Line) -> None:
        # Blank lines inside a skill set separate nothing (the export restores them from
        # line numbers); after a set, they belong to the notes that follow.
        if self.sets:
            self.pending_blanks.append(line)
        elif self.area is not None:
            self.area.notes.append(line)

    def _flush_blanks(self, keep: bool) -> None:
        if keep and self.area is not None:
            self.area.notes.extend(self.pending_blanks)
        self.pending_blanks.clear()

    def _nonblank(self, line: Line) -> None:
        heading = _HEADING.match(line.raw)
        if heading:
            self._close_sets()
            self._flush_blanks(keep=True)
            title = heading.group("title") or ""
            if self.area is not None and is_section_heading(title):
                self.area.notes.append(line)
            else:
                self._open_area(line, len(heading.group("hashes")), title)
            return
        if self.area is None:
            raise NotesSyntaxError(
                line.number, "text before the first heading; start the notes with a # heading"
            )
        bullet = _BULLET.match(line.raw)
        indent = line.raw[: len(line.raw) - len(line.raw.lstrip(" \t"))]
        column = column_of(indent)
        while self.sets and column <= self.sets[-1].column:
            self._close_innermost_set()
        self._flush_blanks(keep=not self.sets)
        if bullet:
            prefix, content = bullet.group("prefix"), bullet.group("text").rstrip()
        else:
            prefix, content = indent, line.raw.strip()
        label = skill_set_label(content) if bullet else None
        if label is not None:
            self._open_set(line, prefix, label, column)
        elif self.sets:
            self._add_skill(line, prefix, content, column)
        else:
            self.area.notes.append(line)

    def _open_area(self, line: Line, level: int, title: str) -> None:
        while self.heading_stack and self.heading_stack[-1].level >= level:
            self.heading_stack.pop()
        parent = self.heading_stack[-1] if self.heading_stack else None
        siblings = parent.children if parent else [a for a in self.areas if a.parent is None]
        area = AreaNode(line, level, title.strip(), parent, position=len(siblings))
        if parent:
            parent.children.append(area)
        self.areas.append(area)
        self.heading_stack.append(area)
        self.area = area

    def _open_set(self, line: Line, prefix: str, label: str, column: int) -> None:
        if self.sets:
            outer = self.sets[-1]
            node = SkillSetNode(line, prefix, label, len(outer.skills), outer.context, column)
            outer.nested.append(node)
        else:
            node = SkillSetNode(line, prefix, label, len(self.area.notes), self._context(), column)
            self.area.skill_sets.append(node)
        self.sets.append(node)
        self.skill_columns.append([])

    def _add_skill(self, line: Line, prefix: str, content: str, column: int) -> None:
        skill_set, columns = self.sets[-1], self.skill_columns[-1]
        while columns and columns[-1][0] >= column:
            columns.pop()
        parent = columns[-1][1] if columns else None
        skill_set.skills.append(SkillNode(line, prefix, content, parent, depth=len(columns)))
        columns.append((column, len(skill_set.skills) - 1))

    def _close_innermost_set(self) -> None:
        self.sets.pop()
        self.skill_columns.pop()

    def _close_sets(self) -> None:
        self.sets.clear()
        self.skill_columns.clear()

    def _context(self) -> str:
        """The paragraph (or heading) that introduced the list this skill set stands in."""
        for line in reversed(self.area.notes):
            text = line.raw.strip()
            if text and not _BULLET.match(line.raw):
                return text.lstrip("#").strip()
        return ""


def filed_line_numbers(document: NotesDocument):
    """Every source line the tree holds, as (line number, where it was filed)."""
    for area in document.areas:
        yield area.line.number, "heading"
        for line in area.notes:
            yield line.number, "notes"
        for skill_set in area.all_skill_sets():
            yield skill_set.line.number, "skill set"
            for skill in skill_set.skills:
                yield skill.line.number, "skill"


def account_for_every_line(document: NotesDocument, lines: list[Line]) -> int:
    """Check that each nonblank line is filed exactly once; return how many there are."""
    nonblank = {line.number for line in lines if not line.is_blank}
    seen: set[int] = set()
    for number, _where in filed_line_numbers(document):
        if number in seen:
            raise NotesSyntaxError(number, "line filed twice; this is a bug in the notes parser")
        seen.add(number)
    missing = sorted(nonblank - seen)
    if missing:
        raise NotesSyntaxError(missing[0], f"{len(missing)} line(s) could not be filed")
    return len(nonblank)


def parse_notes(text: str) -> NotesDocument:
    return _Parser(split_lines(text)).parse()
