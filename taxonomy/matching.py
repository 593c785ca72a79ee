"""Find technology names in free text: skill lines, postings, in English, Korean or Japanese.

Pure Python (no Django), shared by the notes importer and the postings importer.

Text is cut into Latin-script tokens (``C++``, ``Node.js``, ``k8s``); a Hangul particle glued
to a name (``Ansible을``) simply ends the token. Runs of up to a few tokens joined by a space,
``/``, ``-`` or ``&`` are looked up longest first, so ``C/C++`` yields C and C++, ``SV/UVM``
yields SystemVerilog and UVM, and ``scikit-learn`` is one name. Names in Hangul or Japanese
script (``머신러닝``, ``機械学習``) are found wherever they stand, as those scripts glue
particles to words or use no spaces at all.

Case is decided per spelling: a technology marked ``match_case`` has ambiguous one-word
spellings (Go, R, C, CV, RL, MDP), matched only with their exact case, while its longer
spellings ("reinforcement learning", "Computer Vision") match in any case. One- or
two-letter names match only as standalone words. A spelling also matches its plural or
singular ("compilers", "communications"). Some short names mean something else in some
lines: a technology may need one of a few words in the line to count (``needs``: "MDP"
counts as mask data preparation only beside "mask" or "lithography") or count only without
others (``unless``: "send your CV" is not computer vision). A ``generic`` technology
(Algorithms, Communication) is a common word that names the skill only when it stands on
its own, not inside a longer noun phrase ("forecasting algorithms", "communication tools").

Nothing is found inside a web address ("https://docs.aws.amazon.com/codepipeline/…") or in
the subjects of a degree ("MS or PhD in Applied Mathematics, Statistics, or another
quantitative discipline"): a subject studied is not a skill asked for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9+#]*(?:[._][A-Za-z0-9+#]+)*")
_JOINERS = frozenset({"", "/", "-", "&"})
# A short name glued to these is part of something else: "R&D", "C-level", "Go-to-market".
_GLUE = frozenset("&-'\u2019")
_SPACE = re.compile(r"\s+")
# Where no technology is named: a web address, and the subjects of a degree, from "in" after
# the degree up to the end of the clause, "with …" or the experience it goes on to ask for.
_ADDRESS = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
_DEGREE_SUBJECTS = re.compile(
    r"\b(?:B\.?S\.?c?|M\.?S\.?c?|Ph\.?\s?D\.?|B\.?A|M\.?Eng|B\.?Eng|bachelor|master|degrees?(?!\s+of\b)|"
    r"doctorate)(?:'s|\u2019s|s)?\b(?:(?!experience|years)[^.;:()]){0,40}?\bin\s+"
    r"(?P<subjects>[^.;:()]{1,200}?)(?=\s+(?:with|experience|years|plus)\b|[.;:()]|$)",
    re.IGNORECASE,
)
_DEGREE_HINTS = (" bs", " ms", "b.s", "m.s", "phd", "ph.d", "ph. d", "bachelor", "master", "degree")
_ADDRESS_HINTS = ("http", "www.")
# Hangul, kana and CJK ideographs: scripts whose names are looked for as substrings, whose
# job titles and legal names read otherwise, and whose lines wrap narrower.
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff66-\uff9f]")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w'\u2019-]*)[ \t]+$")
_WORD_AFTER = re.compile(r"^[ \t]+([A-Za-z][\w-]*)")
# Words that may stand before a generic name when it names the skill: "strong communication",
# "data structures and algorithms", "knowledge of algorithms".
_FREE_BEFORE = frozenset(
    [
        "a",
        "an",
        "and",
        "or",
        "of",
        "in",
        "on",
        "with",
        "for",
        "to",
        "the",
        "as",
        "at",
        "by",
        "about",
        "including",
        "like",
        "such",
        "skills",
        "strong",
        "good",
        "solid",
        "excellent",
        "great",
        "outstanding",
        "exceptional",
        "effective",
        "clear",
        "superb",
        "advanced",
        "basic",
        "deep",
        "sound",
        "fundamental",
        "fundamentals",
        "core",
        "classical",
        "classic",
        "efficient",
        "written",
        "verbal",
        "oral",
        "interpersonal",
        "cross-functional",
        "collaborative",
        "technical",
        "knowledge",
        "understanding",
        "experience",
        "proficiency",
        "expertise",
        "background",
    ]
)
# Words that make a generic name part of a longer noun: "communication tools".
_BOUND_AFTER = frozenset(
    [
        "tool",
        "tools",
        "platform",
        "platforms",
        "protocol",
        "protocols",
        "system",
        "systems",
        "channel",
        "channels",
        "network",
        "networks",
        "stack",
        "standard",
        "standards",
        "interface",
        "interfaces",
        "chip",
        "chips",
        "hardware",
        "link",
        "links",
        "theory",
        "team",
        "teams",
        "engineer",
        "engineers",
        "engineering",
        "design",
        "designs",
        "designer",
        "designers",
        "ip",
        "library",
        "libraries",
        "development",
        "developer",
        "developers",
        "implementation",
        "implementations",
        "research",
        "researcher",
        "researchers",
        "test",
        "tests",
        "testing",
        "suite",
        "suites",
        "algorithm",
        "algorithms",
    ]
)


@dataclass(frozen=True, slots=True)
class Term:
    slug: str
    name: str
    aliases: tuple[str, ...] = ()
    match_case: bool = False
    needs: tuple[str, ...] = ()  # words, one of which the line must hold (casefolded)
    unless: tuple[str, ...] = ()  # words the line must not hold (casefolded)
    generic: bool = False

    @classmethod
    def from_entry(cls, entry: dict) -> Term:
        """A term from a vocabulary entry (``fixtures/technologies.json``) or a row's fields."""
        return cls(
            entry["slug"],
            entry["name"],
            tuple(entry.get("aliases") or ()),
            bool(entry.get("match_case")),
            tuple(word.casefold() for word in entry.get("needs") or ()),  # lines are casefolded
            tuple(word.casefold() for word in entry.get("unless") or ()),
            bool(entry.get("generic")),
        )


def _normalise(text: str) -> str:
    return _SPACE.sub(" ", text.strip())


def _token_count(text: str) -> int:
    return len(_TOKEN.findall(text))


def number_variants(spelling: str) -> list[str]:
    """The plural or singular of a spelling's last word: "compiler" → "compilers",
    "communications" → "communication", "GPU" → "GPUs". Short words are left alone."""
    head, _, last = spelling.rpartition(" ")
    head = f"{head} " if head else ""
    if not last.isalpha():
        return []
    if last.isupper() and 2 <= len(last) <= 6:
        return [f"{head}{last}s"]
    if len(last) < 4 or not last[-1].islower():
        return []
    lowered = last.lower()
    if lowered.endswith("ies"):
        return [f"{head}{last[:-3]}y"]
    if lowered.endswith(("sses", "xes", "ches", "shes")):
        return [f"{head}{last[:-2]}"]
    if lowered.endswith(("ss", "us", "is", "ics")):
        return [f"{head}{last}es"] if lowered.endswith("ss") else []
    if lowered.endswith("s"):
        return [f"{head}{last[:-1]}"]
    if lowered.endswith("y") and lowered[-2] not in "aeiou":
        return [f"{head}{last[:-1]}ies"]
    if lowered.endswith(("x", "ch", "sh")):
        return [f"{head}{last}es"]
    return [f"{head}{last}s"]


def _drop_unnamed(text: str, lowered: str, found: dict[int, str]) -> None:
    """Drop what ``found`` holds inside a web address or a degree's subjects; ``lowered`` is
    ``text`` in lower case."""
    lowered = " " + lowered  # " bs" also at the start of the line
    spans = []
    if any(map(lowered.__contains__, _ADDRESS_HINTS)):
        spans += [m.span() for m in _ADDRESS.finditer(text)]
    if any(map(lowered.__contains__, _DEGREE_HINTS)):
        spans += [m.span("subjects") for m in _DEGREE_SUBJECTS.finditer(text)]
    for position in [p for p in found if any(start <= p < end for start, end in spans)]:
        del found[position]


class TechnologyMatcher:
    def __init__(self, terms: Iterable[Term]):
        self._exact: dict[str, str] = {}
        self._folded: dict[str, str] = {}
        self._cjk: dict[str, str] = {}
        # Casefolded first token → the most tokens a name starting with it has; most words
        # start no name at all, and most names are a word or two.
        self._first_tokens: dict[str, int] = {}
        self._rules: dict[str, Term] = {}
        variants: list[tuple[str, str, bool]] = []
        for term in terms:
            if term.needs or term.unless or term.generic:
                self._rules[term.slug] = term
            for spelling in (term.name, *term.aliases):
                key = _normalise(spelling)
                if CJK.search(key):
                    self._cjk.setdefault(key, term.slug)
                    continue
                if not _TOKEN.search(key):
                    continue
                exact = term.match_case and _token_count(key) == 1
                self._add(key, term.slug, exact)
                if not exact or key.isupper():
                    variants.extend(
                        (variant, term.slug, exact)
                        for variant in number_variants(key)
                        # "algorithm" alone is not the skill "algorithms": no singulars.
                        if not term.generic or len(variant) > len(key) or " " in key
                    )
        for key, slug, exact in variants:  # a spelling of its own wins over a variant
            self._add(key, slug, exact)
        self._cjk_names = (
            re.compile("|".join(map(re.escape, sorted(self._cjk, key=len, reverse=True))))
            if self._cjk
            else None
        )

    def _add(self, key: str, slug: str, exact: bool) -> None:
        if exact:
            self._exact.setdefault(key, slug)
        else:
            self._folded.setdefault(key.casefold(), slug)
        first, count = _TOKEN.search(key).group().casefold(), _token_count(key)
        self._first_tokens[first] = max(self._first_tokens.get(first, 1), count)

    def _lookup(self, candidate: str) -> str | None:
        key = " ".join(candidate.split())  # as _normalise, for a run of tokens, but faster
        found = self._exact.get(key) or self._folded.get(key.casefold())
        if found is None and "-" in key:  # "deep-learning systems"
            found = self._folded.get(key.replace("-", " ").casefold())
        return found

    def find(self, text: str) -> list[str]:
        """Slugs of the technologies named in ``text``, in order of first mention."""
        tokens = [m.span() for m in _TOKEN.finditer(text)]
        # Lowercasing ASCII keeps every position: one call instead of one per token.
        folded = text.lower() if text.isascii() else None
        found: dict[int, str] = {}  # position → slug
        index = 0
        while index < len(tokens):
            start, end = tokens[index]
            first = folded[start:end] if folded is not None else text[start:end].casefold()
            longest = self._first_tokens.get(first)
            if longest is None:
                index += 1
                continue
            slug, width = self._longest_match(text, tokens, index, longest)
            if slug is not None:
                found.setdefault(start, slug)
            index += width or 1
        if self._cjk_names is not None and not text.isascii() and CJK.search(text):
            for match in self._cjk_names.finditer(text):
                found.setdefault(match.start(), self._cjk[match.group()])
        if found:
            _drop_unnamed(text, folded if folded is not None else text.lower(), found)
        slugs = dict.fromkeys(found[position] for position in sorted(found))
        if any(slug in self._rules for slug in slugs):
            folded = text.casefold()
            slugs = {slug: None for slug in slugs if self._fits(slug, folded)}
        return list(slugs)

    def _fits(self, slug: str, folded: str) -> bool:
        term = self._rules.get(slug)
        if term is None:
            return True
        if term.needs and not any(word in folded for word in term.needs):
            return False
        return not any(word in folded for word in term.unless)

    def _longest_match(self, text, tokens, index, longest) -> tuple[str | None, int]:
        start = tokens[index][0]
        last = index
        # Extend the run while tokens are joined by a space or a joiner character.
        while last + 1 < len(tokens) and last + 1 - index < longest:
            gap = text[tokens[last][1] : tokens[last + 1][0]]
            if len(gap) > 3 or gap.strip() not in _JOINERS:
                break
            last += 1
        for end_index in range(last, index - 1, -1):
            end = tokens[end_index][1]
            slug = self._lookup(text[start:end])
            if slug is None and text[start - 1 : start] == ".":  # ".NET": a name's own dot
                slug = self._lookup(text[start - 1 : end])
            if slug is None or self._glued_short_name(text, start, end):
                continue
            term = self._rules.get(slug)
            if term is not None and term.generic and self._inside_a_phrase(text, start, end):
                return None, end_index - index + 1
            return slug, end_index - index + 1
        return None, 0

    @staticmethod
    def _glued_short_name(text: str, start: int, end: int) -> bool:
        if end - start > 2:
            return False
        before = text[start - 1] if start > 0 else ""
        after = text[end] if end < len(text) else ""
        return before in _GLUE or after in _GLUE

    @staticmethod
    def _inside_a_phrase(text: str, start: int, end: int) -> bool:
        """Whether a generic name is a word of a longer noun: "forecasting algorithms"."""
        before = _WORD_BEFORE.search(text, max(0, start - 40), start)
        if before and before.group(1).casefold() not in _FREE_BEFORE:
            return True
        after = _WORD_AFTER.match(text[end : end + 40])
        return bool(after and after.group(1).casefold() in _BOUND_AFTER)
