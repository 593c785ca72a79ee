"""Text helpers for search, in pure Python: words, plain text, trigrams, snippets."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import NamedTuple

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Long enough for any real question, short enough that no query becomes expensive.
MAX_QUERY_CHARS = 200
MAX_TERMS = 12
MIN_WORD = 3
MAX_WORD = 60
# Shorter words match only whole words: "R" is not every word that begins with r.
MIN_PREFIX = 3

_WORD = re.compile(r"\w+")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"(?<!\\)[*_`~]+|^\s*(?:#{1,6}|[-+*]|\d+[.)])\s+", re.MULTILINE)


def clean_query(raw: str) -> str:
    """The query as typed, without control characters, bounded in length."""
    printable = "".join(
        " " if unicodedata.category(ch).startswith("C") else ch for ch in raw[: MAX_QUERY_CHARS * 4]
    )
    return " ".join(printable.split())[:MAX_QUERY_CHARS]


# A word as people spell names: letters and digits with the symbols of C++, C#, .NET,
# Node.js, CI/CD and R&D (a + or # before a letter parts two words: Docker+K8s).
_SPELLING = re.compile(r"\.?\w(?:[\w&./]|[+#](?![^\W\d_]))*")
_LINK_TARGET = re.compile(r"\b(?:[a-z][a-z+.-]*://|www\.)\S*", re.IGNORECASE)
_VERSIONED = re.compile(r"^(.*[+#])\d+$")  # C++17, C#7
MAX_SLASHED = 4  # characters in each part of a name with slashes
# Text without these has no word spelt with symbols, so nothing for ``searchable`` to do.
_SYMBOL_IN_WORD = re.compile(r"[\w&./][+#]|\w[&./]+[\w+#]|(?<!\w)\.\w")
_SYMBOL = re.compile(r"[+#&./]")  # a word without one is a plain word
_SYMBOLS = str.maketrans({"+": "plus", "#": "sharp", "&": "and", ".": None, "/": None, "_": None})


class Spelling(NamedTuple):
    start: int
    end: int
    word: str  # its search form
    keyword: bool  # spelt with symbols, so the engines' own tokenizers cannot find it


def spellings(text: str) -> Iterator[Spelling]:
    """Each word of ``text`` (links aside) with its search form: a plain word lower-cased;
    a word spelt with symbols as one keyword, which the engines' tokenizers (that drop
    symbols, so that "C++" is "c" to them) never produce: "C++" → cplusplus, "C#" → csharp,
    ".NET" → dotnet, "Node.js" → nodejs, "CI/CD" → cicd, "R&D" → randd. A slash joins
    short parts into one name (CI/CD, TCP/IP) and parts longer words (Python/Java)."""
    yield from _spellings(text, keywords_only=False)


def _spellings(text: str, *, keywords_only: bool) -> Iterator[Spelling]:
    """``spellings``; ``keywords_only``: leaving out most plain words (those spelt without
    symbols), which are most of a text and which ``searchable`` passes over."""
    unlinked = _LINK_TARGET.sub(lambda link: " " * len(link.group(0)), text)
    for match in _SPELLING.finditer(unlinked):
        spelt = match.group(0)
        if not keywords_only or _SYMBOL.search(spelt):
            yield from _spelt(spelt, match.start())


def _spelt(spelt: str, start: int) -> Iterator[Spelling]:
    spelt = spelt.rstrip("./&")
    if "/" in spelt and any(len(part) > MAX_SLASHED for part in spelt.split("/")):
        for part in spelt.split("/"):
            yield from _spelt(part, start)
            start += len(part) + 1
    elif _SYMBOL.search(spelt) and any(c.isalpha() for c in spelt):
        lowered = spelt.casefold()
        lowered = "dot" + lowered[1:] if lowered.startswith(".") else lowered
        yield Spelling(start, start + len(spelt), lowered.translate(_SYMBOLS), True)
    else:
        for word in _WORD.finditer(spelt):
            form = _plain_form(word.group(0))
            if form:
                yield Spelling(start + word.start(), start + word.end(), form, False)


def search_words(text: str) -> list[str]:
    """The words of ``text`` in their search form, in order."""
    if not _SYMBOL.search(text):  # no link, and every word a plain one: the quick way
        return [form for form in map(_plain_form, _WORD.findall(text)) if form]
    return [spelling.word for spelling in spellings(text)]


def _plain_form(word: str) -> str:
    """The search form of a word spelt without symbols: casefolded, without the underscores
    around it ("__init__" → init); empty for a word of underscores only."""
    return word.strip("_").casefold()


def keywords(text: str) -> set[str]:
    """The keywords of the words spelt with symbols in ``text``, and of the names within
    them: each part between slashes ("C/C++" → ccplusplus, cplusplus), each dotted ending
    of two letters or more ("ASP.NET" → aspnet, dotnet), a version's name ("C++17" →
    cplusplus17, cplusplus)."""
    found: set[str] = set()
    for spelling in spellings(text):
        if spelling.keyword:
            found.add(spelling.word)
            found |= keywords(" ".join(_names_within(text[spelling.start : spelling.end])))
    return found


def _names_within(spelt: str) -> list[str]:
    if "/" in spelt:
        return spelt.split("/")
    dotted = [spelt[at:] for at in range(1, len(spelt) - 2) if spelt[at] == "."]
    return dotted + _VERSIONED.findall(spelt)


def searchable(text: str) -> str:
    """``text`` as the engines are to read it. A word spelt with +, # or & becomes its
    keywords alone, so that "C++" is not "c" to them, nor "R&D" "r" and "d"; one spelt
    with dots or slashes keeps its parts, followed by its keywords ("Node.js dotjs nodejs",
    "CI CD cicd")."""
    if not _SYMBOL_IN_WORD.search(text):
        return text
    parts, last = [], 0
    for spelling in _spellings(text, keywords_only=True):
        if not spelling.keyword:
            continue
        spelt = text[spelling.start : spelling.end]
        if "/" in spelt:
            kept = [searchable(spelt.replace("/", " "))]
        else:
            kept = [] if any(symbol in spelt for symbol in "+#&") else [spelt]
            kept += sorted(keywords(spelt) - {spelling.word})
        # A link's address is not read for words, so one may follow a keyword at once
        # ("C#http://…"): a space keeps the engines from reading the two as one word.
        apart = " " if _WORD.match(text, spelling.end) else ""
        parts += [text[last : spelling.start], " ".join([*kept, spelling.word]) + apart]
        last = spelling.end
    return "".join(parts) + text[last:]


def name_key(name: str) -> str:
    """``name`` as it is compared with a query: "Node.js" and "NodeJS" are both nodejs."""
    return " ".join(search_words(name))


def terms(query: str) -> list[str]:
    """The distinct words of ``query`` in their search form, in order, at most ``MAX_TERMS``."""
    return list(dict.fromkeys(search_words(query)))[:MAX_TERMS]


def engine_query(query: str) -> str:
    """``query`` with each word spelt with symbols replaced by its keyword and its operators
    (quotes, ``-``, ``or``) kept: what an engine's query parser reads as the user meant."""
    parts, last = [], 0
    for spelling in spellings(query):
        if spelling.keyword:
            parts += [query[last : spelling.start], spelling.word]
            last = spelling.end
    return "".join(parts) + query[last:]


def lexicon_words(text: str) -> set[str]:
    """The words worth correcting a typo towards: three letters or more, not numbers."""
    return {
        word
        for word in _WORD.findall(text.casefold())
        if MIN_WORD <= len(word) <= MAX_WORD and not word.isdigit() and "_" not in word
    }


# Without these, ``_MARKUP`` can only match at a line's start before a digit.
_MARKUP_CHARS = re.compile(r"[*_`~#+-]")
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")  # C\# is C#


def plain_text(markdown: str) -> str:
    """Markdown source as the words a reader sees: link texts kept, markup dropped,
    escaped characters as they are shown."""
    if "](" in markdown:
        markdown = _LINK.sub(r"\1", markdown)
    starts_numbered = markdown.lstrip()[:1].isdigit()
    if "\n" in markdown or starts_numbered or _MARKUP_CHARS.search(markdown):
        markdown = _MARKUP.sub(" ", markdown)
    if "\\" in markdown:
        markdown = _ESCAPED.sub(r"\1", markdown)
    return " ".join(markdown.split())


def trigrams(word: str) -> set[str]:
    """pg_trgm's trigrams: the word padded with two spaces before and one after."""
    padded = f"  {word.casefold()} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def similarity(a: str, b: str) -> float:
    """pg_trgm's ``similarity``: shared trigrams over all trigrams of the two words."""
    ta, tb = trigrams(a), trigrams(b)
    return len(ta & tb) / len(ta | tb) if ta and tb else 0.0


# What each symbol of a spelling is called in a keyword (``_SYMBOLS``).
_SPOKEN = {"plus": r"\+", "sharp": "#", "and": "&"}


def _spelt_pattern(word: str) -> str:
    """A pattern for the spellings whose search form starts with ``word``, at a word's start
    or a dot's: cplusplus finds "C++", nodejs "Node.js" and "NodeJS", dotnet ".NET" and
    "ASP.NET"'s ".NET"."""
    pieces, at = [r"(?<!\w)"], 0
    if word.startswith("dot"):
        pieces, at = [r"(?:\.|(?<!\w)dot)"], 3
    while at < len(word):
        name = next((name for name in _SPOKEN if word.startswith(name, at)), None)
        if name:
            pieces.append(f"(?:{_SPOKEN[name]}|{name})")
            at += len(name)
        else:
            pieces.append(re.escape(word[at]))
            at += 1
    return pieces[0] + "[./]?".join(pieces[1:])


def _pattern(words: list[str]) -> re.Pattern | None:
    """Whole words for words shorter than ``MIN_PREFIX``, else any word they begin."""
    if not words:
        return None
    alternatives = "|".join(
        _spelt_pattern(word) + (r"[\w+#]*" if len(word) >= MIN_PREFIX else r"(?![\w+#&])")
        for word in sorted(words, key=len, reverse=True)
    )
    return re.compile(alternatives, re.IGNORECASE)


def highlight(text: str, words: list[str], *, width: int | None = None) -> SafeString:
    """``text`` escaped, each word whose search form starts with one of ``words`` (is one,
    for those shorter than ``MIN_PREFIX``) in ``<mark>``: "C++" for cplusplus.

    With ``width``, only a window of about that many characters around the first match
    (or the start, if nothing matches) is kept, with ellipses where text was cut.
    """
    pattern = _pattern(words)
    if width and len(text) > width:
        first = pattern.search(text) if pattern else None
        start = max(0, (first.start() if first else 0) - width // 4)
        if start:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < start + 20 else start
        end = min(len(text), start + width)
        if end < len(text):
            space = text.rfind(" ", start, end)
            end = space if space > start + width // 2 else end
        text = ("… " if start else "") + text[start:end] + (" …" if end < len(text) else "")
    if pattern is None:
        return mark_safe(escape(text))
    parts, last = [], 0
    for match in pattern.finditer(text):
        parts.append(escape(text[last : match.start()]))
        parts.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))


def mentions(text: str, words: list[str]) -> bool:
    """Whether ``highlight`` would mark anything in ``text``."""
    pattern = _pattern(words)
    return bool(pattern and pattern.search(text))
