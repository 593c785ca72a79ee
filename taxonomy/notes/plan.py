"""Turn a parsed notes document into the rows the database should hold (pure Python).

Each record carries its identity (``key``), the curated content the import writes (hashed
into ``digest``, so later edits can be told apart) and its placement (order, source line).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from taxonomy.employers import names_its_unit, stated_employer, website_label
from taxonomy.line_kinds import glossed, notes_line_kinds, optional_technologies
from taxonomy.matching import TechnologyMatcher
from taxonomy.notes.companies import NameFinder, company_items, introduces_companies
from taxonomy.notes.headings import aliases_from_heading
from taxonomy.notes.parser import (
    AreaNode,
    NotesDocument,
    SkillSetNode,
    blank_lines_text,
    is_emphasized,
    is_placeholder,
)
from taxonomy.notes.roles import (
    RoleLine,
    company_from_label,
    role_from_first_line,
    role_from_label,
    role_in_sentence,
)
from taxonomy.organisations import COMPANY, organisation_kind
from taxonomy.verbs import is_verb

# The words after a company's name that may name its product: "Web Services", "Redshift".
_NEXT_WORDS = re.compile(
    r"(?:[ \t]+(?!(?:and|or|with|for|in|of|to|the|an?|is|are|at|on|by)\b)"
    r"[\w+#.-]+){1,3}",
    re.IGNORECASE,
)
# A product named with its acronym: "Amazon Machine Image (AMI)", "Amazon WebServices (AWS)".
_ACRONYMED = re.compile(
    r"(?P<words>(?:[ \t]+[A-Z][\w-]*){1,4})[ \t]*\((?P<acronym>[A-Z][A-Za-z0-9]{1,7})\)"
)
# Who made or offers a thing, not who hires: "introduced by Amazon.com", "offered by Amazon".
_MADE_BY = re.compile(r"\bby[ \t]+$")
# A title stated in a sentence is looked for in a set's first lines only.
_TITLE_SENTENCE_LINES = 3
_OWN_LINE_TITLE_WORDS = 5
# One encoder for every fingerprint (json.dumps builds one per call with these options);
# the text it writes must never change: stored digests are compared with new ones.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=str)
_json_string = json.encoder.encode_basestring  # as _ENCODER writes a string


def fingerprint(*parts) -> str:
    text = _plain_json(parts)
    if text is None:
        text = _ENCODER.encode(parts)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


_JSON_WORDS = {True: "true", False: "false", None: "null"}


def _plain_json(parts: tuple) -> str | None:
    """``parts`` as ``_ENCODER`` writes them, for the few plain types that keys and contents
    hold (strings, numbers, flags, lists of strings), without building its machinery per
    call; None for anything else."""
    written = []
    for part in parts:
        kind = type(part)
        if kind is str:
            written.append(_json_string(part))
        elif kind is int:
            written.append(int.__repr__(part))
        elif kind is bool or part is None:
            written.append(_JSON_WORDS[part])
        elif (kind is tuple or kind is list) and all(type(item) is str for item in part):
            written.append("[" + ",".join(map(_json_string, part)) + "]")
        else:
            return None
    return "[" + ",".join(written) + "]"


@dataclass(slots=True)
class Source:
    line: int
    text: str


class _Keyed:
    """Records are told apart by ``uid``; for most it is simply their key."""

    __slots__ = ()

    @property
    def uid(self):
        return self.key


@dataclass(slots=True)
class AreaRecord(_Keyed):
    key: str
    parent_key: str | None
    name: str
    level: int
    position: int
    aliases: list[str]
    notes: str
    source: Source

    def content(self):
        return (self.name, self.level, self.aliases, self.notes)


@dataclass(slots=True)
class CompanyRecord(_Keyed):
    key: str
    name: str
    website: str
    source: Source
    kind: str = COMPANY  # ``taxonomy.organisations``: what it is, written when it is created

    def content(self):
        return (self.name, self.website)


@dataclass(slots=True)
class RoleRecord(_Keyed):
    key: str
    area_key: str
    title: str
    company_key: str | None
    location: str
    source: Source

    def content(self):
        return (self.title, self.company_key, self.location)


@dataclass(slots=True)
class SkillRecord:
    key: str  # unique within its skill set only
    set_key: str
    parent_key: str | None
    position: int
    text: str
    emphasized: bool
    is_placeholder: bool
    technologies: tuple[str, ...]
    source: Source
    blank_before: str = ""
    kind: str = "requirement"  # a ``LineKind`` value, read with the set's other lines
    optional: frozenset[str] = frozenset()  # technologies named only in optional clauses

    @property
    def uid(self):
        return (self.set_key, self.key)

    @property
    def parent_uid(self):
        return (self.set_key, self.parent_key) if self.parent_key else None

    def content(self):
        return (self.text, self.emphasized, self.is_placeholder, tuple(sorted(self.technologies)))


@dataclass(slots=True)
class SkillSetRecord(_Keyed):
    key: str
    area_key: str
    parent_key: str | None
    position: int
    anchor: int
    label: str
    context: str
    is_placeholder: bool
    role_key: str | None
    company_key: str | None
    source: Source
    blank_before: str = ""
    signature: str = ""  # its label and lines: the same set wherever it stands
    # Its lines as they stand (raw, with their blank lines and distance from the set's own
    # line): when they are as at the last import, so are the skill rows made from them.
    skills_digest: str = ""
    skill_count: int = 0
    build_skills: Callable[[], list[SkillRecord]] = list
    built: list[SkillRecord] | None = None

    @property
    def skills(self) -> list[SkillRecord]:
        """Made when first asked for: a re-import leaves the lines of unchanged sets alone."""
        if self.built is None:
            self.built = self.build_skills()
        return self.built

    def content(self):
        return (self.label, self.context, self.is_placeholder, self.role_key, self.company_key)


@dataclass(slots=True)
class NotesPlan:
    areas: list[AreaRecord]
    companies: list[CompanyRecord]
    roles: list[RoleRecord]
    skill_sets: list[SkillSetRecord]
    notes_lines: int
    # Lines whose technologies were found before (by the same matcher): the skills made
    # from them reuse those instead of searching again. Filled in before skills are made.
    known_tags: dict[str, tuple[str, ...]] = field(default_factory=dict)


def set_signature(label: str, lines: list[str]) -> str:
    """What a skill set says, wherever it stands: its label and its lines."""
    return fingerprint(label, lines)


# A name among others a line lists ("Cisco, Juniper, NVIDIA", "(AWS, Google or Azure)",
# "tools like Splunk, SignalFx, or New Relic"): a product or a peer, not the employer.
_LIST_BEFORE = re.compile(r"(?:[,(/]|\b(?:and|or)|\b(?:such as|like|e\.g\.|including))\s*$")
_LIST_AFTER = re.compile(r"\s*(?:[,/)]|(?:and|or)\s+[A-Z])")
_LISTING = re.compile(r",|\b(?:with|such as|like|e\.g\.|including|using)\b")


def _initials(name: str) -> str:
    """The capitals a name's acronym is made of: "Amazon WebServices" → "AWS"."""
    return "".join(char for char in name if char.isupper())


def _listed(text: str, start: int, end: int) -> bool:
    """Whether a name at ``text[start:end]`` stands in a list of names."""
    before = text[max(0, start - 40) : start]
    if text[max(0, start - 2) : start].strip() in (",", "(", "/"):
        return True
    joined = _LIST_BEFORE.search(before) or _LIST_AFTER.match(text, end)
    return bool(joined) and bool(_LISTING.search(before))


@lru_cache(maxsize=4096)  # a few hundred names, asked for on every line that may name one
def company_key(name: str) -> str:
    """A company is its name, ignoring case (as the database's unique constraint does)."""
    return fingerprint("company", name.strip().casefold())


_LEGAL_SUFFIX = re.compile(
    r"(?:,?\s+(?:Inc\.?|Corp\.?|Corporation|Ltd\.?|LLC|S\.A\.S|B\.V\.|GmbH|Co\.))+$"
)


class _Employers:
    """The employers a document names, looked up by the words a name starts with, so that
    finding each stated name's owner costs its few words, not a pass over every employer."""

    def __init__(self, names, websites: dict[str, str] | None = None):
        """``websites``: a listed company's name → its own website, if the notes link one."""
        self.names: dict[str, str] = {}  # casefolded → as written
        self.full: dict[str, list[str]] = {}  # a short name's ``_bare`` form → its full names
        # A short name's ``_bare`` form → the full names whose website also starts with it.
        self.by_site: dict[str, set[str]] = {}
        for name in names:
            self.names.setdefault(name.casefold(), name)
            self.full.setdefault(_bare(name), []).append(name)
            words = name.split()
            for cut in range(len(words) - 1, 0, -1):
                if not _NAME_ENDING.fullmatch(words[cut].rstrip(",")):
                    break
                self.full.setdefault(_bare(" ".join(words[:cut])), []).append(name)
        for name, website in (websites or {}).items():
            label = website_label(website)
            for short in _site_short_names(name):
                if label.startswith(short):
                    self.by_site.setdefault(short, set()).add(name)

    def owner(self, name: str) -> str:
        """The shortest employer ``name`` is a product or lab of ("Apple Vision Pro" →
        Apple), else ``name``; by its full name if another names it so ("Scale" and "Scale
        AI Federal" → "Scale AI"). "Scale AI" is no product of Scale but its full name."""
        words = name.split()
        owner = name
        for cut in range(1, len(words)):
            found = self.names.get(" ".join(words[:cut]).casefold())
            if found and not all(_NAME_ENDING.fullmatch(word) for word in words[cut:]):
                owner = found
                break
        return self.full_name(owner) or owner

    def full_name(self, name: str) -> str | None:
        """The shortest employer that is ``name`` with only words that end companies' names
        after it, or written longer with a legal form, a leading "The" or spaces ("SiFive,
        Inc." for "SiFive", "EdgeImpulse Inc." for "Edge Impulse"), or None."""
        bare = _bare(name)
        fuller = [full for full in self.full.get(bare, ()) if len(full) > len(name)]
        if fuller:
            return min(fuller, key=len)
        # "Ginkgo" is the "Ginkgo Bioworks" of ginkgobioworks.com, unless another listed
        # company's name and website start so too ("Lattice": latticesemi, latticeautomation).
        sites = [full for full in self.by_site.get(bare, ()) if len(full) > len(name)]
        return sites[0] if len(sites) == 1 else None


def _without_legal_form(name: str) -> str:
    """ "SiFive, Inc." → "SiFive", "The Climate Corporation" → "Climate"."""
    return _LEGAL_SUFFIX.sub("", name.removeprefix("The ")).strip() or name


def _site_short_names(name: str) -> list[str]:
    """The ``_bare`` shorter names a listed company may go by, to be checked against its
    website: its leading words ("Ginkgo" of "Ginkgo Bioworks"), and its name without a plural
    "s" ("AlphaIC" of "AlphaICs Corp"); none shorter than four letters."""
    words = _without_legal_form(name).split()
    shorts = [_bare(" ".join(words[:cut])) for cut in range(1, len(words))]
    whole = _bare(name)
    if whole.endswith("s"):
        shorts.append(whole[:-1])
    return [short for short in shorts if len(short) >= 4]


def _bare(name: str) -> str:
    """A name as compared with another: without its legal form, case, spaces or marks."""
    return "".join(filter(str.isalnum, _without_legal_form(name).casefold()))


# A word a company's full name ends in and its short one leaves out: "Scale AI" is Scale.
_NAME_ENDING = re.compile(
    r"AI|Labs?|Inc\.?|Technolog(?:y|ies)|Systems|Software|Group|Corp\.?|Corporation|Robotics|"
    r"Research"
)


def short_company_names(name: str) -> list[str]:
    """Names a posting may use for a company: "Menta S.A.S, Sophia Antipolis" → "Menta"."""
    names = [name]
    base = name.split(",")[0].strip() if "," in name else name
    base = _LEGAL_SUFFIX.sub("", base).strip()
    if base and base != name and len(base) >= 4:
        names.append(base)
    if "/" in name:  # "AMD/Xilinx": one employer by either name
        names.extend(part.strip() for part in name.split("/") if len(part.strip()) >= 3)
    return names


class NotesPlanner:
    """Plan one document in two steps: ``named_companies()``, then ``plan(known)``.

    A folder import names the companies of every file first, so that a skill set in one file
    links to a company another file lists whatever the order the files come in.
    """

    def __init__(self, document: NotesDocument, matcher: TechnologyMatcher):
        self.document = document
        self.matcher = matcher
        self.companies: dict[str, CompanyRecord] = {}
        self.roles: dict[str, RoleRecord] = {}
        self.area_keys: dict[int, str] = {}
        self.known_companies: dict[str, str] = {}
        self.known_tags: dict[str, tuple[str, ...]] = {}
        # Per skill set node: its job title line and the company it names, if any.
        self._named: dict[int, tuple[RoleLine | None, str | None]] = {}
        # Names a skill set gives an employer the notes name in full ("Scale": "Scale AI").
        self._short_names: dict[str, str] = {}
        # Companies made here only because a skill set states their name: key → the sets.
        self._stated: dict[str, list[SkillSetNode]] = {}
        self._known_names: dict[str, str] = {}  # a known name → its company's key

    def named_companies(self) -> list[str]:
        """The companies the document lists, or names in a skill set's label or job title."""
        for area in self.document.areas:
            self._collect_companies(area)
        # Companies named by labels and job titles join before any mention is looked for,
        # so that the links do not depend on the order of the file or of earlier imports.
        stated: list[tuple[SkillSetNode, str]] = []
        for area in self.document.areas:
            for node in area.all_skill_sets():
                role_line = self._role_line(node)
                named = None
                if not node.is_placeholder:
                    named = self._named_company(node, role_line)
                    name = None if named else self._stated_name(node)
                    if name:
                        stated.append((node, name))
                self._named[id(node)] = (role_line, named)
        # "Apple Vision Pro is …", "NVIDIA Research's …": a product or a lab of an employer
        # the notes name elsewhere is that employer, whichever comes first in the file.
        listed = [r.name for r in self.companies.values() if r.kind == COMPANY]
        employers = _Employers([*listed, *(name for _node, name in stated)], self.websites())
        for node, name in stated:
            owner = employers.owner(name)
            key = company_key(owner)
            if key not in self.companies:  # made here for this statement, not listed
                self._stated[key] = []
                self._add_company(owner, "", node.line)
            if key in self._stated:
                self._stated[key].append(node)
            self._named[id(node)] = (self._named[id(node)][0], key)
            if owner == employers.full_name(name):
                self._short_names[name] = key
        # Only employers are looked for in other files' postings: not a consortium's name.
        return [r.name for r in self.companies.values() if r.kind == COMPANY]

    def websites(self) -> dict[str, str]:
        """The websites of the employers the document lists: name → address (a company made
        for a stated name has none)."""
        return {
            r.name: r.website for r in self.companies.values() if r.kind == COMPANY and r.website
        }

    def plan(self, known_companies=(), websites: dict[str, str] | None = None) -> NotesPlan:
        """The records; a skill set mentioning one of ``known_companies`` is linked to it.
        ``websites`` are those of known companies (name → address): "Achronix" here is
        another file's "Achronix Semiconductor Corporation" of achronix.com.

        A skill set's skills are made when first asked for, after ``plan.known_tags`` is
        filled in (lines mapped to the technologies the same matcher found in them before,
        so that an unchanged line is not searched again).
        """
        self._know(known_companies, {**(websites or {}), **self.websites()})
        self.known_tags = {}
        paths: Counter[tuple[str, ...]] = Counter()
        areas = []
        for position, area in enumerate(self.document.areas):
            # Two headings with the same path (a repeated "## Notes") are told apart by order.
            path = area.path if area.level else ("(before the first heading)",)
            paths[path] += 1
            areas.append(self._area(position, area, path, paths[path]))
        self._mentions = self._mention_finder()
        skill_sets = [s for area in self.document.areas for s in self._skill_sets(area)]
        notes_lines = sum(1 for a in self.document.areas for line in a.notes if not line.is_blank)
        return NotesPlan(
            areas,
            list(self.companies.values()),
            list(self.roles.values()),
            skill_sets,
            notes_lines,
            self.known_tags,
        )

    def _know(self, known_companies, websites: dict[str, str]) -> None:
        """Another file's "AlphaICs Corp" is the "AlphaICs" a skill set here states, and the
        one a mention of either name links to; another file's "Splunk" is the employer of the
        unit a skill set here states ("Splunk Education"); a company these notes list keeps
        its name."""
        employers = _Employers(known_companies, websites)
        listed = self.companies.keys() - self._stated.keys()
        full = {
            name: (None if company_key(name) in listed else employers.full_name(name)) or name
            for name in known_companies
        }
        self.known_companies = {company_key(name): name for name in full.values()}
        self._known_names = {name: company_key(named) for name, named in full.items()}
        moved: dict[str, str] = {}
        for key, nodes in list(self._stated.items()):
            # "Splunk Education is looking for …" here; another file's sets are Splunk's.
            named = employers.owner(self.companies[key].name)
            if named == self.companies[key].name:
                continue
            del self.companies[key], self._stated[key]
            # "AlphaICs Corp" may have a fuller name still: "AlphaICs Corp Labs".
            moved[key] = self._mentioned_key(self._known_names[named])
            for node in nodes:
                self._named[id(node)] = (self._named[id(node)][0], moved[key])
        for short, key in self._short_names.items():
            self._short_names[short] = moved.get(key, key)

    def _area(self, position: int, area: AreaNode, path: tuple, occurrence: int) -> AreaRecord:
        key = fingerprint("area", *path, *([occurrence] if occurrence > 1 else []))
        self.area_keys[id(area)] = key
        parent_key = self.area_keys[id(area.parent)] if area.parent else None
        return AreaRecord(
            key=key,
            parent_key=parent_key,
            name=area.name,
            level=area.level,
            position=position,
            aliases=aliases_from_heading(area.name),
            notes=area.notes_source,
            source=Source(area.line.number, area.line.raw),
        )

    def _add_company(self, name: str, website: str, line) -> str:
        key = company_key(name)
        if key not in self.companies:
            self.companies[key] = CompanyRecord(
                key, name, website, Source(line.number, line.raw), organisation_kind(name, website)
            )
        return key

    def _collect_companies(self, area: AreaNode) -> None:
        for item in company_items(area.notes, area_lists_companies=introduces_companies(area.name)):
            if not item.url and self.matcher.find(item.name):
                continue  # "FPGA", "Jira" listed bare are what companies make, not companies
            self._add_company(item.name, item.url, item.line)

    def _mention_finder(self) -> NameFinder:
        names = dict(self._known_names)
        for record in self.companies.values():
            if record.kind != COMPANY:
                continue  # "SEMI" in a line is the industry, not a member directory
            for short in short_company_names(record.name):
                # "Elasticsearch B.V." must not claim every posting that asks for Elasticsearch.
                if short == record.name or not self.matcher.find(short):
                    names.setdefault(short, record.key)
        for short, key in self._short_names.items():  # "Scale" for Scale AI, likewise
            if not self.matcher.find(short):
                names.setdefault(short, key)
        return NameFinder(names)

    def _mentioned_company(self, node: SkillSetNode) -> str | None:
        if not self._mentions:
            return None
        for text in (node.label, *_own_lines(node)):
            for key, start, end in self._mentions.found(text):
                if names_its_unit(text, end) or (
                    not self._names_a_product(text, start, end) and not _listed(text, start, end)
                ):
                    return self._mentioned_key(key)
        return None

    def _names_a_product(self, text: str, start: int, end: int) -> bool:
        """Whether a company's name at ``text[start:end]`` stands before what it makes
        ("Google Cloud", "Amazon Redshift", "NVIDIA GPUs", "Amazon Machine Image (AMI)") or
        after "by" ("introduced by Amazon.com"): a mention of a product or its maker, not of
        the employer."""
        if _MADE_BY.search(text, max(0, start - 4), start):
            return True
        named = _ACRONYMED.match(text, end)
        if named and _initials(text[start:end] + named.group("words")) == named.group("acronym"):
            return True
        after = _NEXT_WORDS.match(text, end)
        return after is not None and bool(self.matcher.find(text[start : after.end()]))

    def _stated_name(self, node: SkillSetNode) -> str | None:
        """The employer the set's lines introduce ("Apple is looking for …")."""
        return stated_employer(_own_lines(node), is_technology=self._is_technology)

    def _is_technology(self, name: str) -> bool:
        """Whether ``name`` starts with a technology's name: "Google Cloud", "Generative AI",
        not "Stability AI", whose first word is in none of the technologies it names."""
        named = self.matcher.find(name)
        _first, _, rest = name.partition(" ")
        return bool(named) and named != self.matcher.find(rest)

    def _mentioned_key(self, key: str) -> str:
        if key not in self.companies:  # known from elsewhere, not from these notes
            self.companies[key] = CompanyRecord(key, self.known_companies[key], "", None)
        return key

    def _skill_sets(self, area: AreaNode):
        area_key = self.area_keys[id(area)]
        seen: Counter[str] = Counter()
        records: list[SkillSetRecord] = []

        def visit(node: SkillSetNode, parent_key: str | None) -> None:
            signature = set_signature(node.label, [s.text for s in node.skills])
            seen[signature] += 1
            # The same posting may be copied under two fields: the area is part of the identity.
            key = fingerprint(area_key, signature, seen[signature])
            record = self._skill_set(node, key, area_key, parent_key, len(records))
            record.signature = signature
            records.append(record)
            for inner in node.nested:
                visit(inner, key)

        for node in area.skill_sets:
            visit(node, None)
        return records

    @staticmethod
    def _role_line(node: SkillSetNode):
        """The job title a set copies: its first line, else its label, else a sentence of
        its first lines ("We are looking for a Senior Software Engineer …")."""
        if not node.skills or node.is_placeholder:
            return None
        role = role_from_first_line(node.skills[0].text) or role_from_label(node.label)
        for skill in node.skills[:_TITLE_SENTENCE_LINES]:
            if role is not None:
                break
            role = role_in_sentence(skill.text)
        # A title on a short line of its own under a line describing the job: "Machine
        # learning engineer role with an EDA company …" / "Technical Lead (ML)".
        for skill in node.skills[1:_TITLE_SENTENCE_LINES]:
            if role is not None:
                break
            words = skill.text.split()
            # "Mentor other automation engineers" is a duty: a verb, then its object.
            duty = len(words) > 1 and is_verb(words[0]) and words[1].islower()
            if len(words) <= _OWN_LINE_TITLE_WORDS and not duty:
                role = role_from_first_line(skill.text)
        return role

    def _named_company(self, node: SkillSetNode, role_line: RoleLine | None) -> str | None:
        """The company a skill set's label or job title names outright."""
        label_company = company_from_label(node.label)
        if label_company:
            return self._add_company(label_company, "", node.line)
        if role_line and role_line.company:
            return self._add_company(role_line.company, "", node.skills[0].line)
        return None

    def _skill_set(self, node: SkillSetNode, key, area_key, parent_key, position) -> SkillSetRecord:
        role_line, named = self._named[id(node)]
        company = None
        if not node.is_placeholder:
            company = named or self._mentioned_company(node)
        role = None
        if role_line:
            role = self._role(area_key, role_line, company, node.skills[0].line)
        return SkillSetRecord(
            key=key,
            area_key=area_key,
            parent_key=parent_key,
            position=position,
            anchor=node.anchor,
            label=node.label,
            context=node.context,
            is_placeholder=node.is_placeholder,
            role_key=role,
            company_key=company,
            source=Source(node.line.number, node.line.raw),
            blank_before=blank_lines_text(node.blank_before),
            skills_digest=fingerprint(
                [
                    (s.line.number - node.line.number, s.line.raw, s.blank_before)
                    for s in node.skills
                ]
            ),
            skill_count=len(node.skills),
            build_skills=lambda: self._skills(node, key),
        )

    def _role(self, area_key: str, role_line, company: str | None, line) -> str:
        key = fingerprint("role", area_key, role_line.title.casefold())
        if key not in self.roles:
            self.roles[key] = RoleRecord(
                key=key,
                area_key=area_key,
                title=role_line.title,
                company_key=company,
                location=role_line.location,
                source=Source(line.number, line.raw),
            )
        return key

    def _technologies(self, text: str) -> tuple[str, ...]:
        known = self.known_tags.get(text)
        if known is None:  # a line repeated in the notes is looked at once
            known = self.known_tags[text] = tuple(self.matcher.find(text))
        return known

    def _skills(self, node: SkillSetNode, set_key: str) -> list[SkillRecord]:
        seen: Counter[str] = Counter()
        skills: list[SkillRecord] = []
        for position, skill in enumerate(node.skills):
            seen[skill.text] += 1
            placeholder = is_placeholder(skill.text)
            technologies = () if placeholder else self._technologies(skill.text)
            skills.append(
                SkillRecord(
                    key=fingerprint(skill.text, seen[skill.text]),
                    set_key=set_key,
                    parent_key=skills[skill.parent].key if skill.parent is not None else None,
                    position=position,
                    text=skill.text,
                    emphasized=is_emphasized(skill.text),
                    is_placeholder=placeholder,
                    technologies=technologies,
                    optional=optional_technologies(skill.text, technologies, self.matcher.find),
                    source=Source(skill.line.number, skill.line.raw),
                    blank_before=blank_lines_text(skill.blank_before),
                )
            )
        for skill, kind in zip(skills, notes_line_kinds(skills), strict=True):
            skill.kind = kind.value
        return skills


def _own_lines(node: SkillSetNode) -> list[str]:
    """A set's lines but the author's glossary: a name and the lines explaining it ("Ginkgo"
    / "Ginkgo is a testing framework for Go …"), where no employer is named or stated."""
    explained = glossed([(skill.text, skill.parent) for skill in node.skills])
    names = {skill.parent for skill, gloss in zip(node.skills, explained, strict=True) if gloss}
    return [
        skill.text
        for index, (skill, gloss) in enumerate(zip(node.skills, explained, strict=True))
        if not gloss and index not in names
    ]
