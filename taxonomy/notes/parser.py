"""Parse a notes file into areas, notes lines, skill sets and skills, keeping every line.

Pure Python on purpose (no Django): the importer, the exporter, the tests and the benchmark all
use it, and it must be fast and easy to test. Structure comes from headings and indentation,
not from a Markdown parser, because markdown-it-py stops at its nesting limit and would drop
everything after a deeply nested list; here every nonblank line is accounted for, and a line
that is not raises ``NotesSyntaxError``, as does a line nested deeper than ``MAX_DEPTH`` or
longer than ``MAX_LINE_LENGTH``, and a field whose notes are longer than ``MAX_NOTES_LENGTH``:
each bounds what one line, or one field's Markdown, can cost to store, render and show.

Nothing of the file is dropped, so that the exporter can write it back byte for byte: text
before the first heading becomes a field of its own with no heading line (named after the
file), blank lines keep their whitespace (inside a skill set they travel with the row that
follows them), and the file's ``Layout`` keeps its BOM, line endings and final newline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

TAB_WIDTH = 4
# How many lines a line may be nested under (a top-level bullet is nested 0 levels deep). The
# real notes reach 10 (11 levels of bullets, in the seed and its later versions), skill lines
# 7; 32 is over three times that, keeps every list well inside Markdown's nesting limit
# (taxonomy.notes.markdown.MAX_NESTING) and every recursive walk of a skill tree shallow.
MAX_DEPTH = 32
# Characters in one line. The longest real line is 1,715; rendering costs about 10 µs per
# unclosed "[" (markdown-it-py's link parser), so one line costs at most about 0.2 s and a
# few MB of tokens, where a 10 MB line took 111 s and 1.2 GB.
MAX_LINE_LENGTH = 20_000
# Characters of one field's notes, which are rendered as one Markdown document: the most the
# real notes hold under one heading is 77,436. Markdown costs up to 10 µs a character (a
# paragraph of "[", "(" and "*"), so a field costs at most about 2.5 s and 100 MB to render,
# where 5 MB of such notes in lines of 20,000 took 50 s and 1.7 GB.
MAX_NOTES_LENGTH = 250_000

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
class Layout:
    """What a file holds besides its lines: the exporter writes it back."""

    bom: bool = False
    newline: str = "\n"
    final_newline: bool = True
    # Line number → its ending, for the lines whose ending is not ``newline`` (mixed files).
    odd_endings: dict[int, str] = field(default_factory=dict)
    leading: list[str] = field(default_factory=list)  # blank lines before the first heading

    def as_json(self) -> dict:
        return {
            "bom": self.bom,
            "newline": self.newline,
            "final_newline": self.final_newline,
            "odd_endings": {str(k): v for k, v in self.odd_endings.items()},
            "leading": self.leading,
        }

    @classmethod
    def from_json(cls, data: dict | None) -> Layout:
        data = data or {}
        return cls(
            bom=bool(data.get("bom", False)),
            newline=data.get("newline", "\n"),
            final_newline=bool(data.get("final_newline", True)),
            odd_endings={int(k): v for k, v in (data.get("odd_endings") or {}).items()},
            leading=list(data.get("leading") or []),
        )

    def join(self, lines: list[str]) -> str:
        """The file's text from its lines (the inverse of ``read_lines``)."""
        lines = [*self.leading, *lines]
        endings = [self.odd_endings.get(n, self.newline) for n in range(1, len(lines) + 1)]
        if not self.final_newline and endings:
            endings[-1] = ""
        text = "".join(line + end for line, end in zip(lines, endings, strict=True))
        return ("\ufeff" if self.bom else "") + text


@dataclass(slots=True)
class SkillNode:
    line: Line
    prefix: str
    text: str
    parent: int | None  # index of the parent skill in the same set
    depth: int
    blank_before: list[str] = field(default_factory=list)  # blank lines just above it


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
    blank_before: list[str] = field(default_factory=list)  # when nested: blank lines above it

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
    line: Line  # the heading; line number 0 for the text before the first heading
    level: int  # 1 to 6; 0 for the text before the first heading
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
        return notes_text([line.raw for line in self.notes])

    def all_skill_sets(self):
        for top in self.skill_sets:
            yield from top.walk()


@dataclass(slots=True)
class NotesDocument:
    areas: list[AreaNode]
    line_count: int
    nonblank_count: int
    layout: Layout = field(default_factory=Layout)


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


_ENDING = re.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> list[Line]:
    """Lines without terminators; a BOM and CRLF endings read the same as plain LF."""
    return read_lines(text)[0]


def read_lines(text: str) -> tuple[list[Line], Layout]:
    """The lines of ``text`` and what ``Layout.join`` needs to give the same text back."""
    layout = Layout(bom=text.startswith("\ufeff"))
    text = text.removeprefix("\ufeff")
    endings = _ENDING.findall(text)
    raws = _ENDING.split(text)
    layout.final_newline = raws[-1] == "" and bool(endings)
    if layout.final_newline:
        raws.pop()
    if endings:
        counts: dict[str, int] = {}
        for ending in endings:
            counts[ending] = counts.get(ending, 0) + 1
        layout.newline = max(counts, key=lambda e: (counts[e], e == "\n"))
        layout.odd_endings = {
            number: ending
            for number, ending in enumerate(endings, start=1)
            if ending != layout.newline
        }
    lines = [Line(number, raw) for number, raw in enumerate(raws, start=1)]
    return lines, layout


def line_parts(raw: str) -> tuple[str, str]:
    """``"\t- text "`` → ``("\t- ", "text")``; ``"\t-text"`` → ``("\t", "-text")``.

    What comes before a line's text (indentation and marker) and the text, as the parser
    stores it: the exporter writes an unchanged text back with its line's own bytes.
    """
    prefix, text, _is_bullet = _split(raw)
    return prefix, text


def _split(raw: str) -> tuple[str, str, bool]:
    match = _BULLET.match(raw)
    if match:
        return match.group("prefix"), match.group("text").rstrip(), True
    return raw[: len(raw) - len(raw.lstrip(" \t"))], raw.strip(), False


def blank_lines_text(lines: list[str]) -> str:
    """Blank lines as a row stores them: each followed by a newline (``[""]`` → ``"\n"``)."""
    return "".join(f"{line}\n" for line in lines)


def blank_lines_of(stored: str) -> list[str]:
    """The blank lines a row stores, as lines (``"\t\n\n"`` → ``["\t", ""]``)."""
    return stored.split("\n")[:-1]


def notes_text(lines: list[str]) -> str:
    """A field's notes lines as its row stores them: joined by newlines, except that lines
    all empty are each followed by one, so that one empty line is not the same as none
    (``[]`` → ``""``, ``[""]`` → ``"\n"``, ``["a", ""]`` → ``"a\n"``)."""
    if lines and not any(lines):
        return "\n" * len(lines)
    return "\n".join(lines)


def notes_lines(stored: str) -> list[str]:
    """The lines of stored notes (the inverse of ``notes_text``)."""
    if not stored:
        return []
    if not stored.strip("\n"):
        return [""] * len(stored)
    return stored.split("\n")


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
    def __init__(self, lines: list[Line], layout: Layout, preamble_name: str):
        self.lines = lines
        self.layout = layout
        self.preamble_name = preamble_name
        self.areas: list[AreaNode] = []
        self.area: AreaNode | None = None
        self.heading_stack: list[AreaNode] = []
        self.sets: list[SkillSetNode] = []  # open skill sets, outermost first
        self.skill_columns: list[list[tuple[int, int]]] = []  # per open set: (column, index)
        self.pending_blanks: list[Line] = []  # blank lines seen while a skill set was open
        self.context_read: tuple[AreaNode | None, int, str] = (None, 0, "")  # see _context
        self.open_columns: list[int] = []  # columns of the lines the next one may nest under

    def parse(self) -> NotesDocument:
        for line in self.lines:
            check_line_length(line.number, line.raw)
            if line.is_blank:
                self._blank(line)
            else:
                self._nonblank(line)
        self._close_sets()
        self._flush_blanks()
        for area in self.areas:
            _check_notes_length(area)
        document = NotesDocument(self.areas, len(self.lines), 0, self.layout)
        document.nonblank_count = account_for_every_line(document, self.lines)
        return document

    def _blank(self, line: Line) -> None:
        # Inside a skill set, blank lines wait for the row they stand above; elsewhere (and
        # after a set) they belong to the notes that follow.
        if self.sets or self.area is None:
            self.pending_blanks.append(line)
        else:
            self.area.notes.append(line)

    def _flush_blanks(self) -> list[str]:
        """Hand the waiting blank lines to the notes, or (inside a set) to the caller."""
        waiting = [line.raw for line in self.pending_blanks]
        if not self.sets and self.area is not None:
            self.area.notes.extend(self.pending_blanks)
            waiting = []
        self.pending_blanks.clear()
        return waiting

    def _nonblank(self, line: Line) -> None:
        heading = _HEADING.match(line.raw)
        if heading:
            self.open_columns.clear()
            self._close_sets()
            if self.area is None:
                self.layout.leading = [blank.raw for blank in self.pending_blanks]
                self.pending_blanks.clear()
            self._flush_blanks()
            title = heading.group("title") or ""
            if self.area is not None and is_section_heading(title):
                self.area.notes.append(line)
            else:
                self._open_area(line, len(heading.group("hashes")), title)
            return
        if self.area is None:
            self._open_preamble()
        prefix, content, bullet = _split(line.raw)
        column = column_of(prefix[: len(prefix) - len(prefix.lstrip(" \t"))])
        self._check_depth(line, column)
        while self.sets and column <= self.sets[-1].column:
            self._close_innermost_set()
        blank_before = self._flush_blanks()
        label = skill_set_label(content) if bullet else None
        if label is not None:
            self._open_set(line, prefix, label, column, blank_before)
        elif self.sets:
            self._add_skill(line, prefix, content, column, blank_before)
        else:
            self.area.notes.append(line)

    def _check_depth(self, line: Line, column: int) -> None:
        """Refuse a line nested under more than ``MAX_DEPTH`` lines: the lines less indented
        than it above it, up to its heading. Skills, skill sets nested in skill sets and
        notes bullets are all nested this way, so none of them can go deeper."""
        columns = self.open_columns
        while columns and columns[-1] >= column:
            columns.pop()
        check_depth(line.number, len(columns))
        columns.append(column)

    def _open_preamble(self) -> None:
        """Text before the first heading: a field named after the file, with no heading."""
        area = AreaNode(Line(0, ""), 0, self.preamble_name, None, position=0)
        self.areas.append(area)
        self.area = area

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

    def _open_set(
        self, line: Line, prefix: str, label: str, column: int, blank_before: list[str]
    ) -> None:
        if self.sets:
            outer = self.sets[-1]
            node = SkillSetNode(line, prefix, label, len(outer.skills), outer.context, column)
            node.blank_before = blank_before
            outer.nested.append(node)
        else:
            node = SkillSetNode(line, prefix, label, len(self.area.notes), self._context(), column)
            self.area.skill_sets.append(node)
        self.sets.append(node)
        self.skill_columns.append([])

    def _add_skill(
        self, line: Line, prefix: str, content: str, column: int, blank_before: list[str]
    ) -> None:
        skill_set, columns = self.sets[-1], self.skill_columns[-1]
        while columns and columns[-1][0] >= column:
            columns.pop()
        parent = columns[-1][1] if columns else None
        skill_set.skills.append(
            SkillNode(line, prefix, content, parent, len(columns), blank_before)
        )
        columns.append((column, len(skill_set.skills) - 1))

    def _close_innermost_set(self) -> None:
        self.sets.pop()
        self.skill_columns.pop()

    def _close_sets(self) -> None:
        self.sets.clear()
        self.skill_columns.clear()

    def _context(self) -> str:
        """The paragraph (or heading) that introduced the list this skill set stands in:
        the field's last notes line that is not a bullet. Notes only grow, so each line is
        looked at once (a field of a thousand sets would otherwise be read a thousand times)."""
        area, read, found = self.context_read
        if area is not self.area:
            read, found = 0, ""
        for line in self.area.notes[read:]:
            text = line.raw.strip()
            if text and not _BULLET.match(line.raw):
                found = text.lstrip("#").strip()
        self.context_read = (self.area, len(self.area.notes), found)
        return found


def check_line_length(number: int, raw: str, error: type[NotesSyntaxError] = NotesSyntaxError):
    """Refuse line ``number`` (notes or a posting) if it is longer than ``MAX_LINE_LENGTH``."""
    if len(raw) > MAX_LINE_LENGTH:
        raise error(
            number, f"line is {len(raw):,} characters long; at most {MAX_LINE_LENGTH:,} are allowed"
        )


def check_depth(number: int, depth: int, error: type[NotesSyntaxError] = NotesSyntaxError):
    """Refuse line ``number`` (notes or a posting) if it is nested under more than
    ``MAX_DEPTH`` lines."""
    if depth > MAX_DEPTH:
        raise error(number, f"nested {depth} levels deep; at most {MAX_DEPTH} are allowed")


def _check_notes_length(area: AreaNode) -> None:
    """Refuse a field whose notes (as ``notes_text`` joins them) pass ``MAX_NOTES_LENGTH``,
    naming the line that passes it."""
    length = -1  # no newline before the first line
    for line in area.notes:
        length += len(line.raw) + 1
        if length > MAX_NOTES_LENGTH:
            raise NotesSyntaxError(
                line.number,
                f"the notes of the field '{area.name}' reach {length:,} characters here; "
                f"at most {MAX_NOTES_LENGTH:,} are allowed under one heading",
            )


def filed_line_numbers(document: NotesDocument):
    """Every source line the tree holds, as (line number, where it was filed)."""
    for area in document.areas:
        if area.level:
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


def parse_notes(text: str, *, preamble_name: str = "Notes") -> NotesDocument:
    """The tree of ``text``; text before its first heading files under ``preamble_name``."""
    lines, layout = read_lines(text)
    return _Parser(lines, layout, preamble_name).parse()
