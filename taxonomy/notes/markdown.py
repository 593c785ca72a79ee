"""Render stored Markdown source to safe HTML, once, at write time.

Raw HTML is off and only http, https and mailto links survive; anything else is shown as
text. Placeholder lines (``BLAH``, ``[NAME](URL)``) stay in the source but never reach HTML.
The notes nest lists ten levels deep, past markdown-it-py's default nesting limit, which
silently drops the rest of the document; so the limit is raised, and every render checks
that the parser's block tokens cover every nonblank line it was given. Source that would
still lose a line is shown whole as plain text instead (the admin's form refuses it).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml

from taxonomy.notes.parser import is_placeholder

ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})
# Each list level costs two nesting levels (list + item) and its paragraph one more;
# the real notes reach ten levels, so 200 leaves ample room without being unbounded.
MAX_NESTING = 200
# Inline markup (links in emphasis in links…) nests far less, and there the limit sets the
# cost: every unclosed "[" searches the rest of its paragraph at each level, so 200 KB of
# "[" took 13 s at 200 levels. CommonMark's own preset allows 20: 0.2 s for 20,000 "[".
MAX_INLINE_NESTING = 20


class MarkdownCoverageError(ValueError):
    """markdown-it-py stopped before the end; ``offset`` is the 0-based first line it skipped."""

    def __init__(self, offset: int):
        super().__init__(f"Markdown rendering skipped text from line offset {offset}")
        self.offset = offset


def is_allowed_link(url: str) -> bool:
    scheme = urlsplit(url.strip()).scheme.lower()
    return scheme in ALLOWED_SCHEMES


def _build(max_nesting: int) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "maxNesting": max_nesting})
    md.validateLink = is_allowed_link
    return md


_MD = _build(MAX_NESTING)
_INLINE_MD = _build(MAX_INLINE_NESTING)


def _inline(state) -> None:
    """markdown-it-py's core "inline" rule, parsing inlines at their own nesting limit."""
    for token in state.tokens:
        if token.type == "inline":
            if token.children is None:
                token.children = []
            _INLINE_MD.inline.parse(token.content, _INLINE_MD, state.env, token.children)


_MD.core.ruler.at("inline", _inline)
# Containers (lists, items) get a map even when their content was dropped at the nesting
# limit; only leaf blocks prove that a line was really parsed. A heading's map covers the
# underline of a setext heading ("text" over "-"), which its inline token does not.
_LEAF_TOKENS = frozenset({"inline", "code_block", "fence", "hr", "html_block", "heading_open"})


def _content(line: str) -> str:
    stripped = line.strip()
    if stripped[:1] in "-+*" and stripped[1:2] in (" ", "\t"):
        return stripped[2:].strip()
    return stripped


def visible_lines(source: str) -> list[str]:
    """The source without placeholder lines: what the public may see."""
    return [line for line in source.split("\n") if not is_placeholder(_content(line))]


def render_markdown(source: str, *, strict: bool = False) -> str:
    """Safe HTML for ``source``.

    Where Markdown would lose a line, the source is shown whole as text instead; or, with
    ``strict``, ``MarkdownCoverageError`` is raised (for forms that can ask for a fix).
    """
    try:
        return _render_covered(source)
    except MarkdownCoverageError:
        if strict:
            raise
        return f'<pre class="as-text">{escapeHtml(chr(10).join(visible_lines(source)))}</pre>'


def _render_covered(source: str) -> str:
    lines = visible_lines(source)
    text = "\n".join(lines)
    tokens = _MD.parse(text)
    covered = [False] * len(lines)
    for token in tokens:
        if token.map is None:
            continue
        start, end = token.map
        if token.type in _LEAF_TOKENS:
            covered[start:end] = [True] * (end - start)
        elif token.type == "list_item_open":
            covered[start] = True  # the marker line of an item, which may have no text
    for offset, line in enumerate(lines):
        if line.strip() and not covered[offset]:
            raise MarkdownCoverageError(offset)
    return _MD.renderer.render(tokens, _MD.options, {})


# Without these characters a line holds no inline Markdown (emphasis, code, links, images,
# autolinks, entities, escapes), and rendering it is escaping it.
_INLINE_SYNTAX = re.compile(r"[*_`\[\]\\<>&!~]")  # a class: three times faster than a set


def render_inline(source: str) -> str:
    """Safe HTML for one line (a skill), without the paragraph around it."""
    if source == source.strip() and not _INLINE_SYNTAX.search(source):
        return escapeHtml(source)  # most skill lines: as rendered, at a tenth of the cost
    return _MD.renderInline(source)


# Emphasis, with code spans and backslash escapes so that a "*" inside either stays a "*".
_PLAIN_MD = MarkdownIt("zero").enable(["emphasis", "backticks", "escape"])


def plain_text(source: str) -> str:
    """``source`` as text, without the emphasis markers its Markdown would turn into bold
    or italics (role titles, the line that introduces a skill set): what a rendering shows,
    minus the formatting. Not HTML: escape it where it is shown."""
    if not _INLINE_SYNTAX.search(source):
        return source
    [line] = _PLAIN_MD.parseInline(source)
    return "".join(
        token.content for token in line.children if token.type in ("text", "code_inline")
    )
