"""Render stored Markdown source to safe HTML, once, at write time.

Raw HTML is off and only http, https and mailto links survive; anything else is shown as
text. Bare addresses (``https://…``, ``www.…``) become links too, by a small rule of our own
(``_link_bare_addresses``). Headings get ids (``section-…``) for a page's contents list
(``contents_of``). Placeholder lines (``BLAH``, ``[NAME](URL)``) stay in the source but
never reach HTML.
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
from markdown_it.token import Token

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

# A bare address: "http://", "https://" or "www." after a space or punctuation, up to a
# space or a character no address holds; sentence punctuation after it is left out. One
# pass of a regex without nested repeats, and one backwards pass to trim: linear in the text.
_BARE_ADDRESS = re.compile(r"(?<![\w@/.+-])(?:https?://|www\.)[^\s<>\"'`]+", re.IGNORECASE)
_MAY_HOLD_ADDRESS = re.compile(r"://|www\.", re.IGNORECASE)
_SENTENCE_END = frozenset(".,;:!?*_~'\"")
_CLOSING = {")": "(", "]": "["}


def _trimmed(address: str) -> str:
    """``address`` without the sentence's punctuation after it, nor a closing bracket it did
    not open ("(see https://x.org/a_(b))" keeps "https://x.org/a_(b)")."""
    unopened = {
        close: address.count(close) - address.count(open_) for close, open_ in _CLOSING.items()
    }
    end = len(address)
    while end:
        last = address[end - 1]
        if last in _SENTENCE_END:
            end -= 1
        elif unopened.get(last, 0) > 0:
            unopened[last] -= 1
            end -= 1
        else:
            break
    return address[:end]


def _linked(text: str, md: MarkdownIt) -> list[Token] | None:
    """``text`` as text and link tokens, or None when it holds no address to link."""
    tokens, done = [], 0
    for found in _BARE_ADDRESS.finditer(text):
        address = _trimmed(found.group())
        if address.lower() in {"http://", "https://", "www."}:
            continue
        href = md.normalizeLink(address if "://" in address else f"http://{address}")
        if not md.validateLink(href):
            continue
        if found.start() > done:
            tokens.append(Token("text", "", 0, content=text[done : found.start()]))
        tokens += [
            Token("link_open", "a", 1, attrs={"href": href}, markup="linkify", info="auto"),
            Token("text", "", 0, content=address),
            Token("link_close", "a", -1, markup="linkify", info="auto"),
        ]
        done = found.start() + len(address)
    if not tokens:
        return None
    if done < len(text):
        tokens.append(Token("text", "", 0, content=text[done:]))
    return tokens


def _link_bare_addresses(state) -> None:
    """Make each bare address in text a link, except inside a link (and code, which is
    not text). markdown-it-py's own linkify needs linkify-it-py and recognises far more
    (bare domains, e-mail addresses); the notes write addresses in full."""
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children, in_link = [], 0
        for token in block.children:
            in_link += {"link_open": 1, "link_close": -1}.get(token.type, 0)
            linked = None
            if token.type == "text" and not in_link and _MAY_HOLD_ADDRESS.search(token.content):
                linked = _linked(token.content, state.md)
            children.extend(linked or [token])
        block.children = children


_SLUG_GAPS = re.compile(r"[\W_]+")
MAX_SLUG = 60


def _heading_ids(state) -> None:
    """Give each heading an id from its words, ``section-…``, unique in the document."""
    taken: set[str] = set()
    for index, token in enumerate(state.tokens):
        if token.type != "heading_open":
            continue
        words = state.tokens[index + 1].content if index + 1 < len(state.tokens) else ""
        base = "section-" + (_SLUG_GAPS.sub("-", words.casefold()).strip("-")[:MAX_SLUG] or "part")
        anchor, repeat = base, 1
        while anchor in taken:
            repeat += 1
            anchor = f"{base}-{repeat}"
        taken.add(anchor)
        token.attrSet("id", anchor)


# Stored Markdown is shown under a page's h1 and a section's h2, so its headings start at h3.
TOP_HEADING = 3


def _heading_levels(state) -> None:
    """Headings from ``state.env["top_heading"]`` down, whatever the source's own levels,
    none more than one level below the one before it: the notes' "####" under a page's
    "Notes" h2 is an h3, and "# A" then "### B" are h3 and h4. Headings never nest, so each
    closing tag follows its opening one."""
    top = state.env.get("top_heading", TOP_HEADING)
    opening = [token for token in state.tokens if token.type == "heading_open"]
    ranks = {tag: rank for rank, tag in enumerate(sorted({token.tag for token in opening}))}
    level = top - 1
    for token in state.tokens:
        if token.type == "heading_open":
            level = min(top + ranks[token.tag], level + 1, 6)
            token.tag = f"h{level}"
        elif token.type == "heading_close":
            token.tag = f"h{level}"


for _md in (_MD, _INLINE_MD):
    _md.core.ruler.push("bare_addresses", _link_bare_addresses)
_MD.core.ruler.push("heading_ids", _heading_ids)
_MD.core.ruler.push("heading_levels", _heading_levels)

_HEADING = re.compile(r'<h[1-6] id="(section-[^"]*)">(.*?)</h[1-6]>')
_TAG = re.compile(r"<[^>]*>")


def contents_of(html: str) -> list[tuple[str, str]]:
    """The (id, text) of each heading of HTML that ``render_markdown`` made; the text is
    still escaped, without its tags."""
    return [(anchor, _TAG.sub("", inner)) for anchor, inner in _HEADING.findall(html)]


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


def render_markdown(source: str, *, strict: bool = False, top_heading: int = TOP_HEADING) -> str:
    """Safe HTML for ``source``, its headings from ``top_heading`` down (``_heading_levels``).

    Where Markdown would lose a line, the source is shown whole as text instead; or, with
    ``strict``, ``MarkdownCoverageError`` is raised (for forms that can ask for a fix).
    """
    try:
        return _render_covered(source, {"top_heading": top_heading})
    except MarkdownCoverageError:
        if strict:
            raise
        return f'<pre class="as-text">{escapeHtml(chr(10).join(visible_lines(source)))}</pre>'


def _render_covered(source: str, env: dict) -> str:
    lines = visible_lines(source)
    text = "\n".join(lines)
    tokens = _MD.parse(text, env)
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
    return _MD.renderer.render(tokens, _MD.options, env)


# Without these characters a line holds no inline Markdown (emphasis, code, links, images,
# autolinks, entities, escapes) nor a bare address, and rendering it is escaping it.
_INLINE_SYNTAX = re.compile(r"[*_`\[\]\\<>&!~]|://|(?i:www\.)")  # faster than a set


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
