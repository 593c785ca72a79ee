"""Turn the text of a saved posting into roles, each with its sections and stated facts.

Pure Python (no Django), so it is quick to test on every label style. A document may hold
several roles: a heading that is a job title ("### Software Engineer") opens one, a heading
such as "For all positions" opens a block whose sections every role shares, and sections
outside any role (the company, perks, the hiring process) belong to all of them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import chain, pairwise
from operator import attrgetter
from pathlib import PurePath

import taxonomy.line_kinds as line_kinds
from postings.parsing.facts import (
    VALUE_MAX_WORDS,
    Fact,
    company_in_heading,
    fact_named,
    fact_value,
    label_value,
    legal_name,
    names_from_file,
    names_pay,
    salary_line,
)
from postings.parsing.front_matter import clean_title as clean_front_title
from postings.parsing.front_matter import read_front_matter, section_lines
from postings.parsing.html import html_to_text, looks_like_html
from postings.parsing.labels import (
    INTRODUCING_MAX_WORDS,
    SKILL_KINDS,
    SectionKind,
    announces_stack,
    bare_label,
    capitalised,
    classify,
    field_name,
    glued_label,
    goes_on,
    header_field,
    inline_list,
    introduced_as_follows,
    introduces_a_team,
    says_other,
    standalone_label,
    stated_section,
    table_row,
    title_case_label,
)
from postings.parsing.lines import Line, Shape, is_wrapped, joined, read_line, read_lines
from taxonomy.employers import (
    MAX_LINES_READ,
    careers_address,
    mail_employer,
    stated_employer,
    topic_employer,
)
from taxonomy.matching import CJK
from taxonomy.notes.parser import (
    MAX_LINE_LENGTH,
    NotesSyntaxError,
    check_depth,
    check_line_length,
)
from taxonomy.notes.roles import (
    clean_title,
    role_from_first_line,
    role_in_sentence,
    title_without_company,
)

_GLOSSED = re.compile(r"[(\uff08]")
_WHOLLY_BOLD = re.compile(r"^(\*\*|__)[^*_].*\1[:\uff1a]?$")  # "**必須スキル**"
_SHARED = re.compile(
    r"^(?:for |in )?all (?:positions|roles|openings)|^common\b|^everyone\b|공통|共通", re.IGNORECASE
)
_BARE_URL = re.compile(r"^https?://\S+$")
_CHIP = re.compile(r"`([^`]+)`")
_FORM_FIELD = re.compile(r"^[^\t:\uff1a]+[:\uff1a]\t")  # "Job Type:\tCo-op"
# The company's heading stands right under the title's, in a few words.
_COMPANY_HEADING_DISTANCE = 2
_COMPANY_HEADING_WORDS = 5
_NOT_A_COMPANY_HEADING = re.compile(
    r"^(?:about|the|our|your|what|why|how|who|job|role|position|overview)\b|"
    r"^(?:포지션|직무|채용|모집|공고|ポジション|募集|求人|採用|職種)|"  # "포지션 상세"
    # A sentence, as a name never ends: "합류하게 될 팀에 대해 알려드려요"
    r"(?:요|니다|다|です|ます)$",
    re.IGNORECASE,
)
# A place where a company's name may stand under a title: "Menlo Park, CA", "Remote".
_PLACE = re.compile(r"^(?:[\w .'-]+,\s*(?:[A-Z]{2}|USA|UK)|(?i:remote))\b")
_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9+#.-]+")
# Of the Latin names in a role written in Korean or Japanese, the share its English copy
# must hold too, and how few names are too few to tell.
_TRANSLATED_SHARE = 0.6
_MIN_SHARED_NAMES = 3
# A company's legal name is looked for where a posting introduces it.
_LEGAL_NAME_LINES = 30
_NUMBERED_HEAD_CHARS = 60
_FIELD_VALUE_DISTANCE = 3
_MIN_LINES_TO_READ = 2
_READ_SHARE = 3 / 4
# By the line kinds' values: taxonomy.line_kinds reads this package's labels, so its names are
# not there yet while this module loads.
_SECTION_OF_LINES = {"duty": SectionKind.RESPONSIBILITIES, "about": SectionKind.ABOUT}
_SENTENCE_ENDS = tuple(".!?\u3002")
# Where and on what terms the job is held: a field among the skills, and in front matter.
_TERMS_OF_THE_JOB = frozenset({Fact.LOCATION, Fact.EMPLOYMENT_TYPE})
_TERMS_MAX_WORDS = 5
_COLON_LABEL_WORDS = 5  # a line ending in a colon is a label when it is this short
SENTENCE_MIN_WORDS = 8  # a line this long above a capitalised one is a sentence, not a list
# Labels rank below headings (1-6); a bullet that is a label ranks below both.
LABEL_RANK = 7
BULLET_LABEL_RANK = 8
SUB_LABEL_RANK = 7.5  # a bracketed part of a label's section: under it, above its bullets


class PostingSyntaxError(NotesSyntaxError):
    """The posting cannot be filed; ``line`` is 1-based. Postings share the notes' bounds."""


@dataclass(slots=True)
class Item:
    """One line of a section: one requirement, duty, perk … with the lines nested in it."""

    text: str
    line: int
    raw: str
    bullet: bool
    column: int
    children: list[Item] = field(default_factory=list)


@dataclass(slots=True)
class Section:
    label: str
    kind: SectionKind
    line: int
    raw: str
    context: str = ""  # the labels it sits under: "Requirements" for "MUST-HAVE …"
    shared_by: str = ""  # "For all positions", when every role of the document shares it
    intro: list[Item] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    fact: Fact | None = None  # a label such as "Employment type:" whose value follows

    @property
    def is_empty(self) -> bool:
        return not self.items and not self.intro


@dataclass(slots=True)
class ParsedRole:
    title: str
    line: int | None
    raw: str
    facts: dict[Fact, str]
    sections: list[Section]  # its own and the shared ones, in document order
    loose: list[Item]  # lines outside any section

    @property
    def skill_sections(self) -> list[Section]:
        return [s for s in self.sections if s.kind.asks_for_skills and not s.is_empty]

    @property
    def description_sections(self) -> list[Section]:
        return [s for s in self.sections if not s.kind.asks_for_skills and not s.is_empty]


@dataclass(slots=True)
class ParsedPosting:
    url: str
    company: str
    roles: list[ParsedRole]
    line_count: int

    @property
    def has_sections(self) -> bool:
        """Whether any section was recognised (a document of prose alone has none)."""
        return any(
            section.kind is not SectionKind.OTHER
            for role in self.roles
            for section in role.sections
        )


@dataclass(slots=True)
class _Block:
    """The document, one role of it, or a block every role shares."""

    title: str = ""
    level: int = 0
    line: Line | None = None
    sections: list[Section] = field(default_factory=list)
    loose: list[Item] = field(default_factory=list)
    facts: dict[Fact, str] = field(default_factory=dict)
    stack: list[tuple[int, int, Section]] = field(default_factory=list)  # rank, column, section
    trail: list[Item] = field(default_factory=list)  # open items, for nesting by indentation

    @property
    def section(self) -> Section | None:
        return self.stack[-1][2] if self.stack else None

    def state(self, fact: Fact, value: str, *, label: str) -> bool:
        checked = fact_value(fact, value, label=label)
        if checked is None:
            return False
        self.facts.setdefault(fact, checked)
        return True


class _Reader:
    def __init__(self, lines: list[Line], summary: tuple[str, ...] = (), front_end: int = 0):
        self.lines = lines
        self.front_end = front_end  # the front matter's closing fence: its sections end there
        self.summary = summary  # what front matter says of the posting, before its text
        self.document = _Block()
        self.block = self.document
        self.roles: list[_Block] = []
        self.shared: list[_Block] = []
        self.after_blank = True
        self.labels: list[str] = []  # headings and labels, for naming the company
        self.last: tuple[Item, int] | None = None  # the latest item, and its last line

    def read(self) -> None:
        content = [line for line in self.lines if not line.is_blank]
        following = {a.number: b for a, b in pairwise(content)}
        preceding = {b.number: a for a, b in pairwise(content)}
        first = content[0].number if content else 0
        for line in self.lines:
            if line.number == self.front_end:
                self.block.stack, self.block.trail = [], []
            if line.is_blank:
                self.after_blank = True
                continue
            if line.shape is Shape.HEADING:
                self._heading(line)
            elif line.shape is Shape.BRACKET and self._labels_a_part(line.text, bracketed=True):
                self._open_label(line.text, line, rank=SUB_LABEL_RANK)
            elif line.shape in (Shape.BOLD, Shape.BRACKET):
                self._open_label(line.text, line)
            elif line.shape is Shape.BULLET:
                self._bullet(line, preceding.get(line.number), following.get(line.number))
            elif line.shape is Shape.TEXT:
                self._text(line, following.get(line.number), first=line.number == first)
            # A rule or a lone image ends a paragraph as a blank line does.
            self.after_blank = line.shape is Shape.FURNITURE
        self._team_work()
        self._merge_translations()

    def _labels_a_part(self, text: str, *, bracketed: bool) -> bool:
        """Whether a label of no kind of its own names a part of the section it stands in:
        after another part ("【ファームウェア】" after "【アプリケーション】"'s lines,
        "Retirement:" after "Healthcare:"'s); a bracketed one inside a section that asks for
        skills ("【アプリケーション】" in the cell of 業務内容); a colon label straight under a
        label ("Healthcare:" under "Company benefits:")."""
        if classify(text) is not SectionKind.OTHER or not self.block.stack:
            return False
        if bracketed and goes_on(text):
            return False
        rank, _, section = self.block.stack[-1]
        if rank == SUB_LABEL_RANK:
            return True
        if not bracketed:
            return rank == LABEL_RANK and section.is_empty
        # "【資料】" after "【歓迎要件】"'s list is the next part, bracketed as that one is.
        return section.kind.asks_for_skills and not any(
            written.lstrip().startswith(("[", "\u3010")) for written in (section.raw, section.label)
        )

    def _team_work(self) -> None:
        """A team's introduction is about the company, unless it lists the team's work in
        bullets, as Hyperconnect's lists the pipelines and platform the hire will build."""
        for block in (self.document, *self.roles, *self.shared):
            for section in block.sections:
                if (
                    section.kind is SectionKind.ABOUT
                    and any(item.bullet for item in section.items)
                    and introduces_a_team(section.label)
                ):
                    section.kind = SectionKind.RESPONSIBILITIES

    def _merge_translations(self) -> None:
        """A page in two languages is one role written twice: "機械学習エンジニア" with its
        sections, then "Machine Learning Engineer" with theirs. Two roles whose titles are in
        different scripts are one when the names in Latin letters of the one in Korean or
        Japanese (Python, AWS …) mostly recur in the other."""
        if len(self.roles) != 2:
            return
        first, second = self.roles
        if bool(CJK.search(first.title)) == bool(CJK.search(second.title)):
            return
        cjk, latin = (first, second) if CJK.search(first.title) else (second, first)
        names = _latin_names(cjk)
        if len(names) < _MIN_SHARED_NAMES:
            return
        if len(names & _latin_names(latin)) < _TRANSLATED_SHARE * len(names):
            return
        first.sections.extend(second.sections)
        first.loose.extend(second.loose)
        for fact, value in second.facts.items():
            first.facts.setdefault(fact, value)
        self.roles.remove(second)

    # -- blocks and sections ---------------------------------------------------------------

    def _heading(self, line: Line) -> None:
        if self._stated_in_heading(line):
            return
        self.labels.append(line.text)
        previous = self.block
        if self.block is not self.document and line.depth <= self.block.level:
            self.block = self.document
        title = _titled(line.text)
        # "Job Posting: Frontend developer with design skills" states a title whatever its
        # words ("skills" would otherwise head requirements).
        kind = classify(line.text) if title == line.text else SectionKind.OTHER
        if _SHARED.search(line.text):
            self.block = _Block(title=line.text, level=line.depth, line=line)
            self.shared.append(self.block)
            if kind is not SectionKind.OTHER:
                # "全てのポジションに共通して求める人物像": what every position asks for.
                self._open(line.text, line, rank=line.depth, kind=kind)
        elif kind is SectionKind.OTHER and _is_title(title):
            # A second heading repeating the title (a bilingual page, a banner) is the same role,
            # as is one translating it straight after it ("ソフトウェアエンジニア" /
            # "Software Engineer").
            same = [b for b in self.roles if b.title.casefold() == title.casefold()]
            if not same and _translates_the_title(previous, title, line):
                same = [previous]
            self.block = same[0] if same else _Block(title=title, level=line.depth, line=line)
            if not same:
                self.roles.append(self.block)
        else:
            if not self.roles and (hired := role_in_sentence(line.text)):
                # "…サーバーエンジニアを募集します": a heading recruiting for the title
                self.document.facts.setdefault(Fact.TITLE, hired.title)
            self._open(line.text, line, rank=line.depth, kind=kind)

    def _stated_in_heading(self, line: Line) -> bool:
        """Job boards head a posting with its title, then the company and chips of facts:
        ``### Fathom Radiant``, ``#### `💰 USD $98,000~$210,000` `🌎 Remote```."""
        chips = _CHIP.findall(line.raw)
        if chips and not _CHIP.sub("", line.text).strip(" `"):
            for chip in chips:
                salary = salary_line(chip)
                if salary:
                    self.document.facts.setdefault(Fact.SALARY, salary.lstrip("💰 ").strip())
                elif chip.startswith(("🌎", "📍")):
                    self.document.facts.setdefault(Fact.LOCATION, chip.lstrip("🌎📍 ").strip())
            return True
        block = self.block
        title_just_opened = (
            block is not self.document
            and block.line is not None
            and not block.sections
            and not block.loose
            and line.depth > block.level
            and line.number - block.line.number <= _COMPANY_HEADING_DISTANCE
        )
        if (
            title_just_opened
            and len(line.text.split()) <= _COMPANY_HEADING_WORDS
            and classify(line.text) is SectionKind.OTHER
            and fact_named(line.text) is None  # "## 勤務地" (work location) names no company
            and not _is_title(line.text)
            and not line.text.endswith((".", "!", "?", ":"))
            and not _NOT_A_COMPANY_HEADING.match(line.text)
        ):
            fact = Fact.LOCATION if _PLACE.match(line.text) else Fact.COMPANY
            self.document.facts.setdefault(fact, line.text.strip())
            return True
        return False

    def _open(self, label: str, line: Line, *, rank: int, column: int = -1, kind=None) -> None:
        if kind is None and self.block.section is not None and goes_on(label):
            kind = self.block.section.kind  # "応募資格" … "【具体的には】"
        kind = kind or classify(label)
        label = label.strip().rstrip(":\uff1a").strip()
        block = self.block
        while block.stack and block.stack[-1][0] >= rank:
            block.stack.pop()
        parent = block.section
        fact = fact_named(label)
        if (
            kind is SectionKind.OTHER
            and parent is not None
            and not (fact or field_name(label) or says_other(label))
        ):
            # "### Our values" under "## About us" is about the company too; "勤務地" (work
            # location) under a heading about the company is a field of the posting.
            kind = parent.kind
        section = Section(
            label=label,
            kind=kind,
            line=line.number,
            raw=line.raw,
            context=" \u203a ".join(s.label for _, _, s in block.stack),
            fact=fact,
        )
        block.sections.append(section)
        block.stack.append((rank, column, section))
        block.trail = []

    def _open_label(
        self, label: str, line: Line, *, rank: int = LABEL_RANK, column: int = -1, kind=None
    ) -> None:
        """``_open`` for a label, kept too for naming the company ("About Acme")."""
        self.labels.append(label)
        self._open(label, line, rank=rank, column=column, kind=kind)

    def _close_bullet_labels(self, column: int) -> None:
        stack = self.block.stack
        while stack and stack[-1][0] == BULLET_LABEL_RANK and stack[-1][1] >= column:
            stack.pop()
            self.block.trail = []

    # -- lines -----------------------------------------------------------------------------

    def _bullet(self, line: Line, preceding: Line | None, following: Line | None) -> None:
        self._close_bullet_labels(line.depth)
        if self._stated(line):
            return
        if _heads_its_bullets(line, preceding, following):
            self._open_label(line.text, line, rank=SUB_LABEL_RANK)
            return
        section = self.block.section
        stated = stated_section(line.text)
        if stated is not None and stated[0] is SectionKind.STACK:
            # "- Tech stack: Python, Django, AWS" among the duties: a stack of its own line.
            kind, label, value = stated
            self._field(label, value, line, kind=kind, bullet=True)
            return
        kind = standalone_label(line.text)
        # Among skills, only a label of another kind opens a section ("- 기술스택" with the
        # stack nested under it among the duties), or one in bold ("- **Required**" under
        # "What we're Looking For") or of nothing but its keyword ("- must have");
        # "Communication skills" with its languages nested under it among the requirements
        # stays a requirement.
        opens = (
            following is not None
            and following.shape is Shape.BULLET
            and following.depth > line.depth
            and classify(line.text) is not SectionKind.OTHER
            and (
                section is None
                or not section.kind.asks_for_skills
                or kind not in (None, section.kind)
                or (kind is not None and _WHOLLY_BOLD.match(line.text) is not None)
                or bare_label(line.text) is not None
            )
        )
        if opens:
            self._open_label(line.text, line, rank=BULLET_LABEL_RANK, column=line.depth)
            return
        if (
            kind not in (None, SectionKind.OTHER)
            and (section is None or kind is not section.kind)
            and capitalised(line.text)
            and not _GLOSSED.search(line.text)
        ):
            # "* Roles and Responsibilities" among the requirements' bullets, its duties after
            # it at the same depth: a label written as one more bullet, capitalised as a
            # heading is ("5. Linux skills" among the desirable skills asks for one), with
            # no gloss ("- 자기소개서 (성장과정 보다는 …)" is a document to send).
            self._open_label(line.text, line, kind=kind)
            return
        self._add(Item(line.text, line.number, line.raw, True, line.depth))

    def _text(self, line: Line, following: Line | None, *, first: bool) -> None:
        self._close_bullet_labels(line.depth)
        if first and _BARE_URL.match(line.text):
            self.document.facts.setdefault(Fact.URL, line.text)
            return
        if self._stated(line):
            return
        kind = standalone_label(line.text)
        if kind is not None:
            self._open_label(line.text, line, kind=kind)
            return
        if following is not None and following.shape is Shape.BULLET:
            kind = introduced_as_follows(line.text)
            if kind is not None:
                self._open_label(line.text, line, kind=kind)
                return
        if (
            following is not None
            and following.shape is Shape.BULLET
            and following.number == line.number + 1
            and announces_stack(line.text)
        ):
            self._open(line.text, line, rank=LABEL_RANK, kind=SectionKind.STACK)
            return
        listed = inline_list(line.text)
        if listed is not None:
            kind, label, items = listed
            self._open_label(label, line, kind=kind)
            for item in items:
                self._add(Item(item, line.number, line.raw, True, line.depth))
            return
        # "Keywords: C++ / GPU / CUDA", "業務内容    技術者として…", "About usWe are …": a
        # label and the section's first line.
        stated = stated_section(line.text) or table_row(line.text) or glued_label(line.text)
        if stated is not None:
            kind, label, value = stated
            self._open_label(label, line, kind=kind)
            if standalone_label(value) is None:  # not "Required Skills:\tWhat You Have:"
                self._add(Item(value, line.number, line.raw, False, line.depth))
            return
        if first and _is_title(line.text):
            self.document.facts.setdefault(Fact.TITLE, role_from_first_line(line.text).title)
            return
        if (
            following is not None
            and line.text.endswith((":", "\uff1a"))
            and (
                (
                    len(line.text.split()) <= _COLON_LABEL_WORDS
                    and (
                        capitalised(line.text)
                        or (self.after_blank and following.number > line.number + 1)
                    )
                )
                or (
                    following.shape is Shape.BULLET
                    and len(line.text.split()) <= INTRODUCING_MAX_WORDS
                )
            )
        ):
            # A label the reader does not know, written as one ("Level:", "Targeted Degrees
            # and Disciplines:"): it opens a section, of its parent's kind if it names none.
            part = self._labels_a_part(line.text, bracketed=False)
            rank = SUB_LABEL_RANK if part else LABEL_RANK
            self._open_label(line.text, line, rank=rank)
            return
        if self._names_a_field(line):
            self._open_label(line.text, line)
            return
        if self._heads_by_capitals(line, following):
            self._open_label(line.text, line)
            return
        if self.last is not None and self.last[1] == line.number - 1:
            last = self.last[0]
            # One sentence, hard-wrapped: "… 트래픽을 처리하고" / "있습니다."
            if is_wrapped(last.text, line.text):
                last.text = joined(last.text, line.text)
                if len(last.text) > MAX_LINE_LENGTH:
                    raise PostingSyntaxError(
                        line.number,
                        f"a sentence wrapped over several lines reaches {len(last.text):,} "
                        f"characters here; at most {MAX_LINE_LENGTH:,} are allowed",
                    )
                last.raw = f"{last.raw}\n{line.raw}"
                self.last = (last, line.number)
                return
        trail = self.block.trail
        if not self.after_blank and trail and trail[-1].bullet:
            # A line straight after a bullet, unindented, carries on that bullet's thought.
            check_depth(line.number, len(trail), PostingSyntaxError)
            child = Item(line.text, line.number, line.raw, False, line.depth)
            trail[-1].children.append(child)
            self.last = (child, line.number)
            return
        self._add(Item(line.text, line.number, line.raw, False, line.depth))

    def _names_a_field(self, line: Line) -> bool:
        """Whether a plain line is only a field's name, its value on the next line: "remote
        type" / "Hybrid", "Pay" / "$160,000 - $240,000 a year", and "勤務地" / "山本ビル5階…"
        in a page's table, where only a blank line or the cells' tags stand between them."""
        name = line.text.rstrip(":\uff1a ")
        if fact_named(name) in (None, Fact.URL) and not field_name(name):
            return False
        # lines are numbered from 1: the value is at most a blank line and a cell's tags away
        for below in self.lines[line.number : line.number + _FIELD_VALUE_DISTANCE]:
            if not below.is_blank and below.shape is not Shape.FURNITURE:
                return (
                    below.shape is Shape.TEXT  # not a list: "募集職種" over the site's jobs
                    and len(below.text.split()) <= VALUE_MAX_WORDS
                    and fact_named(below.text.rstrip(":\uff1a ")) is None
                )
        return False

    def _heads_by_capitals(self, line: Line, following: Line | None) -> bool:
        """Whether a plain line is a heading by its capitals: in Title Case with a blank line
        after it, and a blank line before it or a sentence right above it ("… with a
        collaborative team" / "Pay Range Transparency"); then every word is capitalised, as
        the last of a list ("Paid Time Off", "Familiarity with Go") need not be. A line in
        Title Case, every word, between a blank line and a sentence heads that sentence's
        paragraph ("Data Quality & Reliability" / "Implement data quality checks …")."""
        if following is not None and following.number == line.number + 1:
            return (
                self.after_blank
                and following.shape is Shape.TEXT
                and following.text.endswith(".")
                and len(following.text.split()) >= SENTENCE_MIN_WORDS
                and title_case_label(line.text, strict=True)
                and not _is_title(line.text)
            )
        if not self.after_blank:
            last = self.last
            after_a_sentence = (
                last is not None
                and last[1] == line.number - 1
                and (
                    last[0].text.endswith((".", "!", "?"))
                    or len(last[0].text.split()) >= SENTENCE_MIN_WORDS
                )
            )
            if not after_a_sentence:
                return False
        strict = not self.after_blank
        return title_case_label(line.text, strict=strict) and not _is_title(line.text)

    def _stated(self, line: Line) -> bool:
        """Record a fact the line states; True when the line is only that fact, or a field of
        the posting's header ("**Reports to**: Team Lead", "Job Type:\tCo-op"), which is a
        section of its own line."""
        block, section = self.block, self.block.section
        stated = label_value(line.text)
        fact = fact_named(stated[0]) if stated else None
        recorded = fact is not None and block.state(fact, stated[1], label=stated[0])
        # A field among the skills is one only as a form lays it out: "Organization:\tX", or
        # when it says where or on what terms the job is held ("Work Location: Remote").
        form = bool(stated) and _FORM_FIELD.match(line.text) is not None
        in_skills = section is not None and section.kind.asks_for_skills
        held = fact in _TERMS_OF_THE_JOB and len(stated[1].split()) <= _TERMS_MAX_WORDS
        field_here = not in_skills or form or held
        # "Salary: GBP 20 per hour" is a field too, though a "Salary" heading heads benefits
        # and "Compensation: Base pay range is … SEAKR has very rich medical …" states them.
        pay = fact is Fact.SALARY and not in_skills and len(stated[1].split()) <= VALUE_MAX_WORDS
        if (
            stated
            and field_here
            and fact is not Fact.URL
            and (pay or header_field(stated[0], form=form))
        ):
            self._field(stated[0], stated[1], line)
            return True
        if recorded:
            return section is None or fact in (Fact.TITLE, Fact.URL, Fact.COMPANY)
        if not in_skills:
            salary = salary_line(line.text)
            if salary and (section is None or section.fact is Fact.SALARY or names_pay(line.text)):
                block.facts.setdefault(Fact.SALARY, salary)
                return section is None
        if section is not None and section.fact is not None and not section.items:
            block.state(section.fact, line.text, label=section.label)
        return False

    def _field(
        self,
        label: str,
        value: str,
        line: Line,
        *,
        kind: SectionKind = SectionKind.OTHER,
        bullet: bool = False,
    ) -> None:
        """A section of one line, after which the lines go where they went before it."""
        block = self.block
        stack = list(block.stack)
        self._open(label, line, rank=LABEL_RANK, kind=kind)
        self._add(Item(value, line.number, line.raw, bullet, line.depth))
        block.stack, block.trail = stack, []

    def _add(self, item: Item) -> None:
        self.last = (item, item.line)
        block = self.block
        trail = block.trail
        while trail and trail[-1].column >= item.column:
            trail.pop()
        check_depth(item.line, len(trail), PostingSyntaxError)
        if trail:
            trail[-1].children.append(item)
        else:
            (block.section.items if block.section else block.loose).append(item)
        trail.append(item)

    # -- the result ------------------------------------------------------------------------

    def _title_in_prose(self) -> str:
        """The title a posting without a title line names in its opening prose: "Loft
        Orbital is seeking a Software Engineer to join our Mission Management Services (MMS)
        team" (not in what it asks for: "Experience as a Data Engineer")."""
        document = self.document
        prose = [
            item
            for item in chain(
                document.loose,
                *(s.items for s in document.sections if s.kind not in _ASKED_OF_THE_HIRE),
            )
            if not item.bullet
        ]
        for item in sorted(prose, key=_by_line)[:MAX_LINES_READ]:
            hired = role_in_sentence(item.text)
            if hired and not hired.title.islower():  # "looking for software engineers to …"
                return hired.title
        return ""

    def parsed_roles(self, file_name: str, text: str) -> list[ParsedRole]:
        document = self.document
        if not self.roles:
            title = document.facts.get(Fact.TITLE, "")
            if file_name:
                title = names_from_file(PurePath(file_name).stem, text, title)[0]
            title = title or self._title_in_prose()
            sections = [s for block in (document, *self.shared) for s in block.sections]
            loose = [item for block in (document, *self.shared) for item in block.loose]
            return [_role(title, None, document.facts, sorted(sections, key=_by_line), loose)]
        shared = [s for s in document.sections if s.kind.asks_for_skills]
        for section in shared:
            section.shared_by = "the whole posting"
        for block in self.shared:
            for section in block.sections:
                section.shared_by = block.title
            shared.extend(block.sections)
        common_loose = [item for block in self.shared for item in block.loose]
        background = [s for s in document.sections if not s.kind.asks_for_skills]
        return [
            _role(
                block.title,
                block.line,
                document.facts | block.facts,
                sorted([*shared, *block.sections, *background], key=_by_line),
                [*document.loose, *common_loose, *block.loose],
            )
            for block in self.roles
        ]

    def company(self, file_name: str, text: str) -> str:
        for block in (self.document, *self.roles):
            stated = block.facts.get(Fact.COMPANY)
            if stated:
                return stated
        for label in self.labels:
            named = company_in_heading(label)
            if named:
                return named
        top = "\n".join(line.text for line in self.lines[:_LEGAL_NAME_LINES])
        named = legal_name(top)
        if named:
            return named
        stated = stated_employer(
            chain(self.summary, (line.text for line in self.lines if not line.is_blank))
        )
        if stated:
            return stated
        prose = (line.text for line in self.lines if line.shape is not Shape.BULLET)
        stated = topic_employer(chain(self.summary, prose), text)
        if stated:
            return stated
        # An apply button's link, which reading the line's HTML as its words left out.
        stated = careers_address(text)
        if stated:
            return stated
        if file_name:
            titles = [block.title for block in self.roles] or [
                self.document.facts.get(Fact.TITLE, "")
            ]
            stated = names_from_file(PurePath(file_name).stem, text, titles[0])[1]
        # A legal name further down ("<br>リス株式会社" in a page's footer), then the address
        # to write to, the weakest sign: an agency's or a group's, at times.
        alone = (legal_name(line.text, alone=True) for line in self.lines)
        return stated or next(filter(None, alone), None) or mail_employer(text) or ""


def _heads_its_bullets(line: Line, preceding: Line | None, following: Line | None) -> bool:
    """Whether a numbered line heads the bullets under it, as a part of its section does:
    "1. 서류전형" over "• 블루비커는 …", "2. UI 기획 및 상세 설계 (UI Architecture)" over
    "- High-fidelity Wireframing: …"; not "2. SQL" after "1. Python", a numbered list's."""
    return (
        line.numbered
        and (preceding is None or not preceding.numbered)
        and following is not None
        and following.shape is Shape.BULLET
        and not following.numbered
        and following.depth == line.depth  # not "1. Python" over its own nested details
        and len(line.text) <= _NUMBERED_HEAD_CHARS
        and not line.text.endswith(_SENTENCE_ENDS)
    )


def _latin_names(block: _Block) -> set[str]:
    """The words in Latin letters of a block's lines, casefolded: in a Korean or Japanese
    posting, mostly the names of technologies."""

    def words(items: list[Item]):
        for item in items:
            yield from _LATIN_NAME.findall(item.text)
            yield from words(item.children)

    texts = [*block.loose, *(i for s in block.sections for i in (*s.intro, *s.items))]
    return {word.casefold() for word in words(texts)}


_by_line = attrgetter("line")  # of a section or an item


def _titled(heading: str) -> str:
    """The title a heading names, without a label saying so ("모집 분야: 백엔드 개발자")."""
    stated = label_value(heading)
    return stated[1] if stated and fact_named(stated[0]) is Fact.TITLE else heading


def _translates_the_title(block: _Block, title: str, line: Line) -> bool:
    """Whether a title heading straight after a role's own, at its level and in the other
    script, is that title translated."""
    return (
        bool(block.title)
        and block.level == line.depth
        and not block.sections
        and not block.loose
        and bool(CJK.search(block.title)) != bool(CJK.search(title))
    )


def _is_title(text: str) -> bool:
    return role_from_first_line(text) is not None and company_in_heading(text) is None


def _role(title, line, facts, sections, loose) -> ParsedRole:
    for section in sections:
        _split_intro(section)
        _kind_by_its_lines(section)
    return ParsedRole(
        title=clean_title(title),
        line=line.number if line else None,
        raw=line.raw if line else "",
        facts={k: v for k, v in facts.items() if k is not Fact.TITLE},
        sections=sections,
        loose=loose,
    )


def _kind_by_its_lines(section: Section) -> None:
    """A section whose label names no kind ("Others", a Title Case heading of its own) is of
    the kind most of its lines are: duties ("Build and maintain data pipelines …") make it
    the responsibilities, a company speaking of itself the introduction."""
    if section.kind is not SectionKind.OTHER or section.fact or field_name(section.label):
        return
    lines = [item.text for item in (*section.intro, *section.items)]
    if len(lines) < _MIN_LINES_TO_READ:
        return
    kinds = Counter(line_kinds.line_kind(text).value for text in lines)
    kind, count = kinds.most_common(1)[0]
    if kind in _SECTION_OF_LINES and count >= _READ_SHARE * len(lines):
        section.kind = _SECTION_OF_LINES[kind]


def _split_intro(section: Section) -> None:
    """In a bulleted section, the plain lines before the first bullet introduce it."""
    if section.intro or not any(item.bullet for item in section.items):
        return
    first = next(i for i, item in enumerate(section.items) if item.bullet)
    section.intro, section.items = section.items[:first], section.items[first:]


# Front matter keys (as ``key_of`` gives them), by the fact they state.
_FRONT_MATTER = {
    Fact.TITLE: ("title", "position", "job", "jobtitle", "role", "직무", "포지션", "職種"),
    Fact.COMPANY: (
        "company",
        "companyname",
        "employer",
        "organization",
        "organisation",
        "회사",
        "회사명",
        "会社",
        "会社名",
        "企業",
        "hiringorganization",  # schema.org's JobPosting, kept as YAML
        "hiringorganization.name",
    ),
    Fact.SALARY: ("salary", "compensation", "연봉", "급여", "給与", "年収"),
    Fact.LOCATION: ("location", "근무지", "勤務地"),
    Fact.URL: ("url", "link", "applyurl"),
}
# Front matter keys whose sentences may introduce the employer.
_FRONT_MATTER_SUMMARY = ("excerpt", "description", "summary")


# What is asked of the hire, where "experience as a Data Engineer" names no title; the duties'
# prose may name it ("…を担うデータサイエンティストを募集しています" under 仕事内容).
_ASKED_OF_THE_HIRE = SKILL_KINDS - {SectionKind.RESPONSIBILITIES}
_KEPT_IN_FRONT_MATTER = frozenset({SectionKind.BENEFITS, SectionKind.PROCESS})
_CAMEL_HUMP = re.compile(r"(?<=[a-z])(?=[A-Z])")


def _opens_in_front_matter(key: str) -> bool:
    """Whether a front matter key heads a list of what the posting asks for or gives to do
    ("qualifications", "responsibilities"), is a plain word naming its benefits or hiring
    process ("benefits:", "채용절차:"), or is a field of the posting's header other than
    its title and company ("location", "employmentType", "datePosted"); not the page's
    ("layout", "tags")."""
    kind = classify(key)
    words = _CAMEL_HUMP.sub(" ", key)  # "employmentType" → "employment Type"
    return (
        kind.asks_for_skills
        or (kind in _KEPT_IN_FRONT_MATTER and key.isalpha() and key == key.casefold())
        or fact_named(words) in _TERMS_OF_THE_JOB
        or field_name(words)
    )


def parse_posting(text: str, *, file_name: str = "") -> ParsedPosting:
    """Roles, sections and facts of a posting; ``file_name`` may confirm title and company.

    Raises ``PostingSyntaxError`` for a line (or a sentence wrapped over lines) longer than
    ``MAX_LINE_LENGTH``, or an item nested deeper than ``MAX_DEPTH``: the notes' bounds."""
    raw_lines = text.splitlines()
    front = read_front_matter(raw_lines)
    body = "\n".join(raw_lines[front.line_count :])
    if looks_like_html(body, file_name):  # after any front matter, which stays as it is
        text = "".join(f"{raw}\n" for raw in raw_lines[: front.line_count]) + html_to_text(body)
    lines = read_lines(text)
    for line in lines:
        check_line_length(line.number, line.raw, PostingSyntaxError)
    if front.line_count:
        # Its lines are the document's facts, not its content, but for a section kept there;
        # the others keep their numbers.
        kept = section_lines(raw_lines, front, _opens_in_front_matter)
        lines = [
            read_line(line.number, kept.get(line.number, "")) for line in lines[: front.line_count]
        ] + lines[front.line_count :]
    # "excerpt: Atrenta is hiring a senior engineer …"
    summary = tuple(filter(None, (front.first(key) for key in _FRONT_MATTER_SUMMARY)))
    reader = _Reader(lines, summary, front_end=front.line_count)
    for fact, keys in _FRONT_MATTER.items():
        value = front.first(*keys)
        if fact is Fact.TITLE:
            value = clean_front_title(value)
        if value:
            reader.document.facts.setdefault(fact, value)
    reader.read()
    roles = reader.parsed_roles(file_name, text)
    company = reader.company(file_name, text)
    for role in roles:
        role.title = title_without_company(role.title, company)
    return ParsedPosting(
        url=reader.document.facts.get(Fact.URL, ""),
        company=company,
        roles=roles,
        line_count=len(reader.lines),
    )
