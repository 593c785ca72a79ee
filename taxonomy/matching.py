"""Find technology names in free text: skill lines, postings, in English or Korean.

Pure Python (no Django), shared by the notes importer and the postings importer.

Text is cut into Latin-script tokens (``C++``, ``Node.js``, ``k8s``); a Hangul particle glued
to a name (``Ansible을``) simply ends the token. Runs of up to a few tokens joined by a space,
``/``, ``-`` or ``&`` are looked up longest first, so ``C/C++`` yields C and C++, ``SV/UVM``
yields SystemVerilog and UVM, and ``scikit-learn`` is one name. Ambiguous names (Go, R, C) are
matched only with their exact case, and one- or two-letter names only as standalone words.
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


@dataclass(frozen=True, slots=True)
class Term:
    slug: str
    name: str
    aliases: tuple[str, ...] = ()
    match_case: bool = False


def _normalise(text: str) -> str:
    return _SPACE.sub(" ", text.strip())


def _token_count(text: str) -> int:
    return len(_TOKEN.findall(text))


class TechnologyMatcher:
    def __init__(self, terms: Iterable[Term]):
        self._exact: dict[str, str] = {}
        self._folded: dict[str, str] = {}
        self._first_tokens: set[str] = set()  # casefolded; most words start no name at all
        self.max_tokens = 1
        for term in terms:
            for spelling in (term.name, *term.aliases):
                key = _normalise(spelling)
                if not _TOKEN.search(key):
                    continue
                if term.match_case:
                    self._exact.setdefault(key, term.slug)
                else:
                    self._folded.setdefault(key.casefold(), term.slug)
                self._first_tokens.add(_TOKEN.search(key).group().casefold())
                self.max_tokens = max(self.max_tokens, _token_count(key))

    def _lookup(self, candidate: str) -> str | None:
        key = _normalise(candidate)
        return self._exact.get(key) or self._folded.get(key.casefold())

    def find(self, text: str) -> list[str]:
        """Slugs of the technologies named in ``text``, in order of first mention."""
        tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
        found: dict[str, None] = {}
        index = 0
        while index < len(tokens):
            first = text[tokens[index][0] : tokens[index][1]].casefold()
            if first not in self._first_tokens:
                index += 1
                continue
            slug, width = self._longest_match(text, tokens, index)
            if slug is not None:
                found.setdefault(slug, None)
            index += width or 1
        return list(found)

    def _longest_match(self, text, tokens, index) -> tuple[str | None, int]:
        start = tokens[index][0]
        last = index
        # Extend the run while tokens are joined by a space or a joiner character.
        while last + 1 < len(tokens) and last + 1 - index < self.max_tokens:
            gap = text[tokens[last][1] : tokens[last + 1][0]]
            if len(gap) > 3 or gap.strip() not in _JOINERS:
                break
            last += 1
        for end_index in range(last, index - 1, -1):
            end = tokens[end_index][1]
            slug = self._lookup(text[start:end])
            if slug is not None and not self._glued_short_name(text, start, end):
                return slug, end_index - index + 1
        return None, 0

    @staticmethod
    def _glued_short_name(text: str, start: int, end: int) -> bool:
        if end - start > 2:
            return False
        before = text[start - 1] if start > 0 else ""
        after = text[end] if end < len(text) else ""
        return before in _GLUE or after in _GLUE
