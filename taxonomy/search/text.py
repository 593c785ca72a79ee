"""Text helpers for search, in pure Python: words, plain text, trigrams, snippets."""

from __future__ import annotations

import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Long enough for any real question, short enough that no query becomes expensive.
MAX_QUERY_CHARS = 200
MAX_TERMS = 12
MIN_WORD = 3
MAX_WORD = 60

_WORD = re.compile(r"\w+")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"[*_`~]+|^\s*(?:#{1,6}|[-+*]|\d+[.)])\s+", re.MULTILINE)


def clean_query(raw: str) -> str:
    """The query as typed, without control characters, bounded in length."""
    printable = "".join(
        " " if unicodedata.category(ch).startswith("C") else ch for ch in raw[: MAX_QUERY_CHARS * 4]
    )
    return " ".join(printable.split())[:MAX_QUERY_CHARS]


def terms(query: str) -> list[str]:
    """The distinct words of ``query``, lower-cased, in order, at most ``MAX_TERMS``."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(query.casefold()):
        if word.strip("_"):
            seen.setdefault(word.strip("_"), None)
    return list(seen)[:MAX_TERMS]


def lexicon_words(text: str) -> set[str]:
    """The words worth correcting a typo towards: three letters or more, not numbers."""
    return {
        word
        for word in _WORD.findall(text.casefold())
        if MIN_WORD <= len(word) <= MAX_WORD and not word.isdigit() and "_" not in word
    }


# Without these, ``_MARKUP`` can only match at a line's start before a digit.
_MARKUP_CHARS = re.compile(r"[*_`~#+-]")


def plain_text(markdown: str) -> str:
    """Markdown source as the words a reader sees: link texts kept, markup dropped."""
    if "](" in markdown:
        markdown = _LINK.sub(r"\1", markdown)
    starts_numbered = markdown.lstrip()[:1].isdigit()
    if "\n" in markdown or starts_numbered or _MARKUP_CHARS.search(markdown):
        markdown = _MARKUP.sub(" ", markdown)
    return " ".join(markdown.split())


def trigrams(word: str) -> set[str]:
    """pg_trgm's trigrams: the word padded with two spaces before and one after."""
    padded = f"  {word.casefold()} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def similarity(a: str, b: str) -> float:
    """pg_trgm's ``similarity``: shared trigrams over all trigrams of the two words."""
    ta, tb = trigrams(a), trigrams(b)
    return len(ta & tb) / len(ta | tb) if ta and tb else 0.0


def _pattern(words: list[str]) -> re.Pattern | None:
    if not words:
        return None
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})\w*", re.IGNORECASE)


def highlight(text: str, words: list[str], *, width: int | None = None) -> SafeString:
    """``text`` escaped, each word that starts with one of ``words`` in ``<mark>``.

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
