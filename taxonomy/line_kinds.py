"""What each line of a skill set is: a requirement, a preference, a duty, about the company.

Pure Python (no Django). A copied posting mixes its parts: the company's blurb, what the
hire will do, what they must have and what would be a plus, the title, links and salary.
A line is read in its place first: a label line ("Preferred qualifications:", "What you'll
do") gives its kind to the lines nested in it and to the lines after it at its own depth,
until the next label. Otherwise its own words decide: optional wording ("… is a plus",
"is an asset") makes a preference, a verb of doing at its start ("Design and implement …",
"You will …") a duty, a company introducing itself ("Two Sigma is a …", "We are …") about
the company; bare links, job titles and notes on salary or benefits are other, and
everything else asks for something: a requirement.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from postings.parsing.labels import SectionKind, standalone_label
from taxonomy.notes.roles import role_from_first_line
from taxonomy.verbs import VERB_FORMS, VERBS, is_verb


class LineKind(Enum):
    REQUIREMENT = "requirement"
    PREFERENCE = "preference"
    DUTY = "duty"
    ABOUT = "about"
    OTHER = "other"

    @property
    def asks(self) -> bool:
        """Whether a line of this kind asks for what it names: a company's blurb or a link
        only mentions it, while the work a hire will do asks for its tools."""
        return self in (LineKind.REQUIREMENT, LineKind.PREFERENCE, LineKind.DUTY)

    @property
    def requires(self) -> bool:
        """Whether it asks as firmly as a requirement does (a preference asks less)."""
        return self in (LineKind.REQUIREMENT, LineKind.DUTY)


SECTION_KINDS = {
    SectionKind.REQUIREMENTS: LineKind.REQUIREMENT,
    SectionKind.PREFERRED: LineKind.PREFERENCE,
    SectionKind.RESPONSIBILITIES: LineKind.DUTY,
    SectionKind.STACK: LineKind.REQUIREMENT,
    SectionKind.ABOUT: LineKind.ABOUT,
    SectionKind.BENEFITS: LineKind.OTHER,
    SectionKind.PROCESS: LineKind.OTHER,
    SectionKind.OTHER: LineKind.OTHER,
}

# Wording that makes what a line asks for optional. Each pattern has a literal that every
# match of it contains, so most lines are cleared by a substring test.
_OPTIONAL_WORDING = {
    "prefer": r"prefer",
    "nice": r"nice[- ]to[- ]have|would be nice",
    "good": r"good[- ]to[- ]have",
    "bonus": r"bonus",
    "desir": r"desir(?:ed|able)",
    "ideally": r"\bideally\b",
    "advantage": r"(?:an?|big|great|added|distinct|real)\s+advantage|advantageous",
    "plus": (
        r"\b(?:a|an?\s+\w+|be|is|are)\s+(?:a\s+)?(?:big\s+|huge\s+|definite\s+)?plus\b|"
        r"\[plus\]|^plus\b"
    ),
    "asset": r"\b(?:an?|be|is|are)\s+(?:\w+\s+)?asset",
    "beneficial": r"beneficial",
    "helpful": r"\bhelpful\b",  # "Familiarity with git helpful."
    "even better": r"\beven better\b",
    "appreciated": r"appreciated",
    "welcome": r"(?:is|are|be)\s+(?:\w+\s+)?welcome\b",
    "optional": r"\boptional\b",
    "not required": r"not required",
    "우대": "우대",
    "가산점": "가산점",
    "좋": r"면\s*(?:더욱?\s*)?좋(?:습니다|아요|겠)",  # "경험이 있으면 좋습니다"
    "歓迎": "歓迎",
    "尚可": "尚可",
    "あれば": "あれば",
}
_OPTIONAL = {
    literal: re.compile(pattern, re.IGNORECASE) for literal, pattern in _OPTIONAL_WORDING.items()
}
# The same, taking the whole words they stand in ("preferably", not "prefer").
_OPTIONAL_WORDS = {
    literal: re.compile(rf"\w*(?:{pattern})\w*", re.IGNORECASE)
    for literal, pattern in _OPTIONAL_WORDING.items()
}


def is_optional(text: str) -> bool:
    """Whether a line only prefers what it names ("Go is a plus", "is an asset")."""
    return _first_optional(text.lower(), text) is not None


def _may_be_optional(lowered: str) -> bool:
    """Whether a lowercased line holds a literal of optional wording: most lines hold none,
    and are cleared without a loop in Python."""
    return any(map(lowered.__contains__, _OPTIONAL))


def _first_optional(lowered: str, text: str) -> int | None:
    """Where the first optional wording in ``text`` starts, or None; only the patterns whose
    literal ``lowered`` holds are searched."""
    if not _may_be_optional(lowered):
        return None
    starts = [
        found.start()
        for literal, pattern in _OPTIONAL.items()
        if literal in lowered and (found := pattern.search(text))
    ]
    return min(starts) if starts else None


_MARKUP = re.compile(r"[*_`>#]+")
_NUMBERED = re.compile(r"^\d{1,2}[.)]\s+(?=[A-Za-z])")
_DUTY_START = re.compile(
    r"^(?:you(?:'|\u2019)?ll\b|you will\b|you would\b|in this role\b|as an? [\w ]{2,60}?, you\b|"
    r"your (?:role|responsibilit|mission|day)|responsibilities (?:include|will)|"
    r"(?:be )?responsible for\b|(?:[\w-]+ ){1,6}will be responsible for\b|"
    r"be (?:a|an|the|part of|active|involved|accountable)\b|"
    r"(?:the )?(?:candidate|engineer|scientist|researcher|intern|hire|person) will\b|"
    rf"(?:[a-z]+ly )?(?:{VERB_FORMS})\b|[a-z]+ing\b)",
    re.IGNORECASE,
)
# Saying outright what the hire will do: a duty, whatever it asks along the way ("As a UX
# Designer, you will push your … people skills"), unless what follows is what they must have.
_YOU_WILL_DO = re.compile(
    r"^(?:in this role,? |as an? [\w ]{2,60}?, )?you(?:'|\u2019)?(?:ll| will)\s+"
    r"(?!need|have|bring|possess|be (?:expected|required)|ideally)",
    re.IGNORECASE,
)
# What asks for something; a line may start with a verb and still ask: "Work experience in …".
_ASKING = re.compile(
    r"\b(?:experience[ds]?|knowledge|ability(?! of)|proficien\w*|familiar\w*|degree|"
    r"b\.?s\.?c?|m\.?s\.?c?|"
    r"ph\.?d|bachelor'?s?|master'?s?|years|able to|skills?|understanding|background|"
    r"expertise|expert|fluen\w*|must|required|track record|competen\w*|certifi\w*|"
    r"qualifi\w*)\b",
    re.IGNORECASE,
)
# A line that opens by asking: "Ability to …", "Experience with …", "3+ years of …".
# "Previous experience in …", "Coding ability using …", "M.S. or PhD in …".
_ASKS_AT_ONCE = re.compile(
    r"^[\W_]*(?:(?:strong|solid|proven|excellent|good|deep|demonstrated|previous|prior|"
    r"relevant|professional|practical|hands-on|working|work|industry|technical|coding|"
    r"programming|\d+\+?)\s+){0,2}"
    r"(?:ability|able to|experience|knowledge|proficien|familiar|expertise|understanding|"
    r"background|degree|bachelor|master|ph\.?d|years?|[bm]\.\s?sc?\.?|[bm]sc?(?=\s*(?:/|or\b)))\b",
    re.IGNORECASE,
)
_HIRING = re.compile(
    r"(?:\b(?:is|are) |(?:'|\u2019)re )(?:looking for|seeking|hiring)\b", re.IGNORECASE
)
_ABOUT = re.compile(
    r"^(?:(?i:we(?:'re|\u2019re| are| have| build| make| believe| develop| design| help| offer|"
    r" work| love| value| live)\b|"
    r"our (?:mission|team|company|vision|goal|customers|products?|platform|culture|teams|"
    r"group|lab|organi[sz]ation|(?:tech(?:nology)? )?stack)\b|join (?:us|our|the)\b|founded\b|"
    # "The mission of the Data Science team …", "The Silicon Design group is a diverse team"
    r"the mission of\b|"
    r"the (?:[\w-]+ ){1,4}(?:team|group|lab|division|organi[sz]ation|department) (?:is|are)\b|"
    r"about (?:us|the (?:team|company))\b|"
    r"this (?:position|role) (?:will be|is) (?:part of|based in|within)\b)|"
    # "Groq's Software Infrastructure team maintains …"
    r"[A-Z][\w&.-]*(?:'|\u2019)s (?:[\w-]+ ){0,4}(?:team|group|lab|mission)\b|"
    r"At [A-Z][^,]{1,60}, we\b|"
    # "Tenstorrent is leading …", but not "You are a skilled engineer": that asks.
    r"(?!You\b)[A-Z][\w&.'\u2019-]*(?:\s+(?!You\b)[A-Z(][\w&.'\u2019()-]*){0,5} (?:is|are) |"
    # "Qorvo (Nasdaq: QRVO) supplies innovative semiconductor solutions …"
    r"[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,3}(?: \([^()]{1,40}\))? (?:supplies|builds|develops|"
    r"provides|delivers|creates|designs|makes|offers|enables|powers|helps|combines|serves|"
    r"specializes|specialises|pioneers|empowers|operates) )"
)
_MONEY = re.compile(r"[$€£¥₩]\s?\d|\b\d[\d,.]*\s?(?:k|K)\b|\b(?:USD|EUR|GBP|KRW|JPY)\b")
_OTHER = re.compile(
    r"^(?:https?://\S+|\[[^\]]+\]\(https?://[^)]+\)|\(?https?://\S+\)?)$|"
    r"\b(?:salary|compensation|pay range|base pay|equal opportunity|eeo|benefits|401\(k\)|"
    r"visa sponsorship|relocation|how to apply|apply (?:now|here|online|at)|"
    r"job (?:id|number|requisition)|req(?:uisition)? id|posted on|location:|"
    r"full[- ]time|part[- ]time|hybrid|on-?site|remote|(?:welcomed?|encouraged) to apply|"
    r"send (?:us )?your (?:cv|resume|r\u00e9sum\u00e9|application)|"
    r"(?:you(?:'|\u2019)?ll|you will|will) report (?:directly )?to)\b",
    re.IGNORECASE,
)
# A fact a posting states, whatever else its line says: "Location: Remote (must be in USA)",
# "Compensation for all engineers … ranges from $100k - $500k".
_FACT = re.compile(
    r"^(?:location|salary|compensation|pay|department|job (?:id|type)|employment type|"
    r"start date|deadline)\s*:|"
    r"\b(?:salary|compensation|pay|base)\b[^.]{0,80}?(?:[$€£¥₩]\s?\d|\b\d[\d,.]*\s?[kK]\b)|"
    r"\b(?:fair chance|arrest and conviction)\b",
    re.IGNORECASE,
)
_OTHER_SHORT_WORDS = 12
# What every match of ``_MONEY`` or ``_OTHER`` holds, lowercased: most lines hold none of it,
# and substring tests clear them many times faster than the expressions would.
_OTHER_HINTS = (
    *"$€£¥₩",
    *("usd", "eur", "gbp", "krw", "jpy", "http", "salary", "compensation", "pay", "eeo"),
    *("opportunit", "benefit", "401", "visa", "relocat", "apply", "job", "req", "posted"),
    *("location", "time", "hybrid", "site", "remote", "welcome", "encouraged", "department"),
    *("deadline", "start date", "employment", "base", "send", "fair chance", "arrest"),
    *("report",),
)
_WE = re.compile(
    r"\bwe(?:'|\u2019)?(?:re|ve)?\b(?! (?:want|need|require|expect|seek|ask)\b)|^[\W_]*our\b",
    re.IGNORECASE,
)
_YOU = re.compile(r"\b(?:you|your|you're|you\u2019re)\b", re.IGNORECASE)
_YOU_WILL = re.compile(r"\byou(?:'|\u2019)?(?:ll| will)\b", re.IGNORECASE)
# Hiring someone to do something: "We are seeking … Engineer to help develop our …".
_HIRED_TO_DO = re.compile(rf"[^.]*? to (?:help )?(?:{VERBS})\b", re.IGNORECASE)
_LABEL_WORDS = 6
_LABEL_MAX_LENGTH = 80  # a label is a few words; longer lines need not be read as one
# A requirement with an optional part: "Must be fluent in Python, other languages are a plus".
_FIRM = re.compile(r"\b(?:must|required|minimum|at least)\b", re.IGNORECASE)
# Where one clause of a line ends and another begins: a sentence's end, a semicolon.
# Not after "e.g." or "U.S.": two word characters stand before a sentence's full stop.
_CLAUSE_BREAK = re.compile(r"(?<=[\w)+]{2}[.!?])\s+(?=[A-Z0-9(\[])|\s*;\s*")
_BRACKETED = re.compile(r"\(([^()]{1,300})\)")
# A comma before wording that makes only what follows optional: "CI/CD tools, with a
# preference on Jenkins", "programming skills, preferably in Python".
_OPTIONAL_AFTER_COMMA = re.compile(
    r",\s*(?=(?:and\s+|or\s+)?(?:preferabl[ey]|ideally|with a (?:strong )?preference)\b)",
    re.IGNORECASE,
)
_LETTERS = re.compile(r"[^\W\d_]{2,}")
# Words that say no more than the optional wording beside them: "also a plus", "A plus.".
_FILLER = frozenset(
    (
        "a",
        "an",
        "and",
        "or",
        "is",
        "are",
        "be",
        "will",
        "would",
        "also",
        "very",
        "definitely",
        "big",
        "huge",
        "strong",
        "added",
        "great",
        "real",
        "distinct",
        "considered",
    )
)


@dataclass(frozen=True, slots=True)
class Clause:
    text: str
    optional: bool


@lru_cache(maxsize=1024)  # a line's kind and its optional technologies both read them
def clauses(text: str) -> tuple[Clause, ...]:
    """The clauses of a line that marks some of what it asks for as optional, in order, each
    saying whether it is the optional part; empty when nothing in the line is optional.

    A line parts at a sentence's end, a semicolon, a bracket holding optional wording
    ("Docker (Kubernetes a plus)") and a comma before "preferably" or "ideally"; and, when it
    says "must", "required" or "at least" first, at the last comma before its optional
    wording. A clause that is only the optional wording ("… C++. A plus.") makes the one
    before it optional. Brackets without optional wording stay in their clause ("Experience
    in parallel programming models (e.g. OpenMP) is a plus").
    """
    plain = _plain(text)
    if _first_optional(plain.lower(), plain) is None:
        return ()
    bracketed: list[Clause] = []

    def pull(match: re.Match) -> str:
        inner = match.group(1).strip()
        if is_optional(inner) and not _only_optional_wording(inner):
            bracketed.append(Clause(inner, True))
            return " "
        return match.group(0)

    found: list[Clause] = []
    for piece in _CLAUSE_BREAK.split(_BRACKETED.sub(pull, plain)):
        found.extend(_split_at_comma(piece.strip()))
    merged: list[Clause] = []
    for clause in (*found, *bracketed):
        if not clause.text:
            continue
        if clause.optional and merged and _only_optional_wording(clause.text):
            merged[-1] = Clause(merged[-1].text, True)
        else:
            merged.append(clause)
    return tuple(merged)


def _split_at_comma(piece: str) -> list[Clause]:
    optional = _first_optional(piece.lower(), piece)
    if optional is None:
        return [Clause(piece, False)]
    cut = None
    for comma in _OPTIONAL_AFTER_COMMA.finditer(piece):
        if comma.start() < optional:
            cut = comma.start()
    firm = _FIRM.search(piece, 0, optional)
    if cut is None and firm:
        cut = piece.rfind(",", firm.end(), optional)
    if cut is None or cut < 0:
        return [Clause(piece, True)]
    return [Clause(piece[:cut].strip(), False), Clause(piece[cut + 1 :].strip(), True)]


def _only_optional_wording(text: str) -> bool:
    lowered = text.lower()
    rest = text
    for literal, pattern in _OPTIONAL_WORDS.items():
        if literal in lowered:
            rest = pattern.sub(" ", rest)
    return all(word.lower() in _FILLER for word in _LETTERS.findall(rest))


def optional_technologies(
    text: str, technologies: Sequence[str], find: Callable[[str], list[str]]
) -> frozenset[str]:
    """Those of a line's ``technologies`` that it names only in its optional clauses, when it
    asks firmly for the rest ("Must be fluent in Python, Go is a plus": Go); ``find`` names
    the technologies of a text."""
    if not technologies or not _may_be_optional(text.lower()):
        return frozenset()  # most lines: nothing optional, and no clauses to read
    parts = clauses(text)
    if not parts or parts[0].optional:
        return frozenset()  # nothing optional, or the whole line is
    firm: set[str] = set()
    optional: set[str] = set()
    for clause in parts:
        (optional if clause.optional else firm).update(find(clause.text))
    return frozenset(optional.intersection(technologies) - firm)


@lru_cache(maxsize=32768)  # the notes repeat a line in many sets ("Python", "BLAH.")
def line_kind(text: str, *, first: bool = False) -> LineKind:
    """The kind of one line read on its own; ``first``: the first line of its skill set,
    where a job title stands."""
    plain = _plain(text)
    if not plain:
        return LineKind.OTHER
    lowered = plain.lower()
    if any(map(lowered.__contains__, _OTHER_HINTS)) and (
        _FACT.search(plain)
        or (
            (_MONEY.search(plain) or _OTHER.search(plain))
            and (
                (plain.count(" ") < _OTHER_SHORT_WORDS and not _ASKS_AT_ONCE.match(plain))
                or not _ASKING.search(plain)
            )
        )
    ):
        return LineKind.OTHER
    optional = _first_optional(lowered, plain)
    if optional is not None:
        parts = clauses(plain)
        if not parts[0].optional:  # read as what its firm clauses are
            return line_kind(" ".join(c.text for c in parts if not c.optional), first=first)
        firm = _FIRM.search(plain, 0, optional)
        return LineKind.REQUIREMENT if firm else LineKind.PREFERENCE
    if plain.endswith((":", "\uff1a")) and plain.count(" ") < _LABEL_WORDS:
        return LineKind.OTHER  # a label of the author's own ("use cases:")
    if first and role_from_first_line(plain) is not None:
        return LineKind.OTHER
    # A line is read by its opening as well as whole: its first sentence (or clause), and
    # for a paragraph introducing the company, up to there or a third of the way.
    sentence = _CLAUSE_BREAK.search(plain)
    first_sentence = plain[: sentence.start()] if sentence else plain
    opening = sentence.start() if sentence else len(plain) // 3
    introduces = _ABOUT.match(plain) is not None
    says_hiring = "hiring" in plain or "seeking" in plain or "looking for" in plain
    hiring = _HIRING.search(plain) if says_hiring else None
    # "Krai is a Cambridge-based startup … We are looking for …" introduces the company.
    if hiring and not (introduces and hiring.start() > opening):
        if _YOU_WILL.search(plain) or _HIRED_TO_DO.match(plain, hiring.end()):
            return LineKind.DUTY
        return LineKind.REQUIREMENT
    # An introduction or a duty may still ask for something early on ("Work experience in");
    # a paragraph introducing the company is read by its first sentence.
    if introduces and not _asks_in(plain[:opening]):
        return LineKind.ABOUT
    duty_start = _DUTY_START.match(plain) is not None
    # The company speaking of itself, to no one in particular: "We promote a flexible work
    # environment …", "Our SIML Data team focuses on …"; not "we require 3 years of …".
    if (
        _WE.search(first_sentence)
        and not _YOU.search(plain)
        and not _asks_in(first_sentence)
        and not duty_start
    ):
        return LineKind.ABOUT
    # "Programming experience in …" asks; "Design new user-centered experiences" does not.
    if _YOU_WILL_DO.match(plain) or (
        duty_start
        and not _ASKS_AT_ONCE.match(plain)
        and not _ASKING.search(plain, 0, len(plain) // 2)
    ):
        return LineKind.DUTY
    return LineKind.REQUIREMENT


def _asks_in(sentence: str) -> bool:
    """Whether a sentence asks for something, not counting a capitalised word inside it:
    "We are the Intelligence System Experience (ISE) team" asks for nothing."""
    return any(
        found.start() == 0 or not found.group()[0].isupper() for found in _ASKING.finditer(sentence)
    )


def _plain(text: str) -> str:
    """A line without its Markdown marks or its number in a list ("4) Prepare …"); most lines
    have none, and are left as they are."""
    has_markup = "*" in text or "_" in text or "`" in text or ">" in text or "#" in text
    plain = (_MARKUP.sub("", text) if has_markup else text).strip()
    return _NUMBERED.sub("", plain) if plain[:1].isdigit() else plain


def section_label(text: str) -> LineKind | None:
    """The kind a label line gives the lines under it ("Preferred qualifications:"), or None."""
    if len(text) > _LABEL_MAX_LENGTH:
        return None
    kind = standalone_label(_plain(text))
    if kind is None:
        return None
    return SECTION_KINDS[kind]


def line_kinds(lines: Sequence[tuple[str, int | None, int]]) -> list[LineKind]:
    """The kind of each line of one skill set: ``(text, parent index, depth)`` in order.

    A label line is itself ``other``; the lines nested in it take its kind unless their own
    words say they are about the company or other (a link under "Requirements"). So do the
    lines after it at its own depth, until the next label there, when nothing is nested in
    it: a label over lines of its own ("What success looks like:" / "You consistently
    deliver …") ends with them.
    """
    kinds: list[LineKind] = []
    # (depth, kind) of the labels in force, innermost last.
    labels: list[tuple[int, LineKind]] = []
    explained = glossed([(text, parent) for text, parent, _depth in lines])
    for index, (text, _parent, depth) in enumerate(lines):
        while labels and labels[-1][0] > depth:
            labels.pop()
        if explained[index]:
            kinds.append(LineKind.OTHER)  # "Splunk" / "search, monitor, and analyze …"
            continue
        # A label ends in a colon or has lines nested in it: "Communication skills" alone
        # asks for them.
        stripped = text.rstrip(" *")
        colon = stripped.endswith((":", "\uff1a"))
        opens = colon or (index + 1 < len(lines) and lines[index + 1][2] > depth)
        label = section_label(text) if opens else None
        if label is not None:
            kinds.append(LineKind.OTHER)
        else:
            kinds.append(kind_under(labels[-1][1] if labels else None, text, first=index == 0))
            # "Develop cross-platform code using …:" / "GoogleTest", "GitLab CI": what a
            # sentence ending in a colon introduces is of its kind, as under a label.
            label = _introduced(stripped[:-1]) if colon else None
        if label is not None:
            while labels and labels[-1][0] >= depth:
                labels.pop()
            nested = index + 1 < len(lines) and lines[index + 1][2] > depth
            labels.append((depth + 1 if nested else depth, label))
    return _among_duties(lines, kinds)


def _among_duties(
    lines: Sequence[tuple[str, int | None, int]], kinds: list[LineKind]
) -> list[LineKind]:
    """``kinds``, with a line that asks for nothing between two duties of its list read as
    a duty too ("Performance tune, load test, and optimize scalability …")."""
    siblings: dict[int | None, list[int]] = {}
    for index, (_text, parent, _depth) in enumerate(lines):
        siblings.setdefault(parent, []).append(index)
    read = list(kinds)
    for group in siblings.values():
        for before, index, after in zip(group, group[1:], group[2:], strict=False):
            if (
                kinds[before] is kinds[after] is LineKind.DUTY
                and kinds[index] is LineKind.REQUIREMENT
                and not _ASKING.search(_plain(lines[index][0]))
            ):
                read[index] = LineKind.DUTY
    return read


# A requirement is what a line is when nothing else says what it is; it introduces nothing.
_INTRODUCED = (LineKind.DUTY, LineKind.PREFERENCE)


def _introduced(sentence: str) -> LineKind | None:
    """The kind of what a sentence before a colon introduces: a duty for "Work with:" or
    "Architect … verification solutions, in the areas of:"; None for a requirement."""
    sentence = sentence.rstrip(" *")
    done = sentence.split(" ", 1)[0]
    if done.endswith("ed") and (is_verb(done) or is_verb(done[:-1])):
        return None  # "Selected references to our team's work:" lists no duties
    kind = line_kind(sentence)
    return kind if kind in _INTRODUCED else None


# A name standing alone over lines of its own: the author noting what a product is
# ("Icinga" / "Icinga is an open-source … monitoring application", "RSpec" / "RSpec:
# Behaviour Driven Development for Ruby"). A name is a word to three, capitalised ("New
# Relic"), without a colon: "Optimization:" or "Potential projects include:" introduce what
# the hire will do, and a job title or a label of what is asked is not a name either.
_NAME = re.compile(r"^(?=[^a-z]|[a-z]+[A-Z])[\w.+#-]+(?: [\w.+#-]+){0,2}$")


def names_a_thing(text: str) -> bool:
    """Whether a line is only a name, which the lines under it explain."""
    plain = _plain(text)
    return (
        bool(_NAME.match(plain))
        and section_label(text) is None
        and not _ASKING.search(plain)
        and role_from_first_line(plain) is None
    )


def glossed(lines: Sequence[tuple[str, int | None]]) -> list[bool]:
    """Whether each line of a skill set, ``(text, parent index)`` in order, stands under a
    name the author explains ("Moq" / "Moq … is the only mocking library for .NET"): the
    author's gloss, neither asked for nor said by the employer. A heading of the posting's
    own ("Description", "Expectations") over a line that says what the hire will do ("As
    the Director …, you will lead …") glosses nothing."""
    children: dict[int, list[str]] = {}
    for text, parent in lines:
        if parent is not None:
            children.setdefault(parent, []).append(text)
    explains = {
        index
        for index, texts in children.items()
        if names_a_thing(lines[index][0]) and not any(_YOU_WILL.search(text) for text in texts)
    }
    flags: list[bool] = []
    for _text, parent in lines:
        flags.append(parent is not None and (flags[parent] or parent in explains))
    return flags


def kind_under(label: LineKind | None, text: str, *, first: bool = False) -> LineKind:
    """The kind of a line under a label of kind ``label`` (None: under no label): the
    label's, unless the line's own words say it is about the company, other, or optional."""
    own = line_kind(text, first=first)
    if label is None or own in (LineKind.ABOUT, LineKind.OTHER, LineKind.PREFERENCE):
        return own
    if label is LineKind.DUTY and own is LineKind.REQUIREMENT and _ASKS_AT_ONCE.match(text):
        return own  # "Ability to participate in account planning" among the duties
    return label


def notes_line_kinds(skills) -> list[LineKind]:
    """``line_kinds`` of a planned skill set's records (``text``, ``key``, ``parent_key``)."""
    index = {skill.key: i for i, skill in enumerate(skills)}
    depths: list[int] = []
    lines = []
    for skill in skills:
        parent = index.get(skill.parent_key) if skill.parent_key else None
        depth = depths[parent] + 1 if parent is not None else 0
        depths.append(depth)
        lines.append((skill.text, parent, depth))
    return line_kinds(lines)
