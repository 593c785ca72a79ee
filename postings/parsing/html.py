"""A saved web page of a posting, as the text the posting parser reads (pure Python).

Read with the standard library's HTML parser (``html.parser``), never with regular
expressions over HTML. When the page embeds a schema.org ``JobPosting`` as JSON-LD, as job
boards do for search engines, that is the posting: its title, employer, salary and
description. Otherwise the page's main text is: what ``<main>`` or ``<article>`` holds when
the page has one (not its navigation, header, footer, scripts or forms: a form holding the
posting, as JSP and ASP.NET pages wrap their whole body in one, is read), headings as Markdown
headings, list items as bullets. Each line of the text stands on the line of the page its
element starts on, so what the parser reports points into the saved file. schema.org
microdata (``itemprop="title"``, ``hiringOrganization``) states title and employer too.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from itertools import islice

_SKIPPED = frozenset(
    [
        "script",
        "style",
        "noscript",
        "nav",
        "button",
        "svg",
        "template",
        "iframe",
        "select",
        "aside",
    ]
)
# A page's header and footer are furniture; an article's own header holds its title.
_PAGE_FURNITURE = frozenset({"header", "footer"})
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
_BLOCKS = frozenset(
    {
        "p",
        "li",
        "dt",
        "dd",
        "div",
        "section",
        "tr",
        "br",
        "td",
        "th",
        "blockquote",
        "pre",
        "summary",
        "figcaption",
        "address",
    }
)
# A term's element, and the element that defines it.
_DEFINES = {"dt": "dd", "th": "td"}
_VOID = frozenset({"br", "img", "hr", "meta", "link", "input", "source", "wbr", "area", "col"})
_MAIN = frozenset({"main", "article"})
MAX_JSON_LD = 1_000_000  # characters of one JSON-LD block read at most
# A text that opens with a tag is a page when so many of its first lines are tags; Markdown
# opening with a centred logo (``<p align="center">``) is not.
SNIFFED_LINES = 200
HTML_LINE_SHARE = 0.3


def looks_like_html(text: str, file_name: str = "") -> bool:
    """Whether a text is a web page, by what it holds more than by its name: a page saved as
    ``.md`` with front matter over its HTML is one, and Markdown named ``.html`` is not."""
    body = text.lstrip("\ufeff \t\r\n")
    head = body[:200].lower()
    if head.startswith(("<!doctype html", "<html")):
        return True
    if not head.startswith("<"):
        return False
    if file_name.lower().endswith((".html", ".htm")):
        return True
    lines = [line.lstrip() for line in islice(body.splitlines(), SNIFFED_LINES)]
    content = [line for line in lines if line]
    tagged = sum(line.startswith("<") for line in content)
    return tagged >= HTML_LINE_SHARE * len(content)


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[int, str]] = []  # (line, text) of every block, in order
        self.main_blocks: list[tuple[int, str]] = []
        self.json_ld: list[str] = []
        self.facts: list[tuple[int, str]] = []  # microdata, as "Label: value" lines
        self._skip = 0
        self._skipping: list[str] = []
        self._main = 0
        self._open: list[str] = []
        self._text: list[str] = []
        self._worded = False  # whether the block's text has a word yet, not only spaces
        self._line = 1
        self._prefix = ""
        self._tag = ""  # the element of the block being read
        self._term: tuple[int, str] | None = None  # the last block, when a <dt> or a <th>
        self._term_tag = ""
        self._script_json = False
        self._itemprops: list[str | None] = []
        # Each open <form>: how many blocks stood before it, and whether it holds a heading.
        self._forms: list[list] = []

    # -- elements ----------------------------------------------------------------------------

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and (attrs.get("type") or "").lower() == "application/ld+json":
            self._script_json = True
            self.json_ld.append("")
            return
        if tag in _SKIPPED or (tag in _PAGE_FURNITURE and not self._main):
            self._skip += 1
            self._skipping.append(tag)
            return
        if tag == "form":
            self._flush()
            self._forms.append([len(self.blocks), len(self.main_blocks), False])
        if tag in _MAIN or tag in _HEADINGS:
            for form in self._forms:
                form[2] = True
        if tag in _MAIN:
            self._main += 1
        if tag in _HEADINGS or tag in _BLOCKS:
            self._flush()
            self._line = self.getpos()[0]
            self._tag = tag
            if tag == "tr":  # a row's header cell labels its own row's cells only
                self._term = None
            if tag in _HEADINGS:
                self._prefix = "#" * _HEADINGS[tag] + " "
            elif tag == "li":
                lists = sum(1 for t in self._open if t in ("ul", "ol"))
                self._prefix = "\t" * max(0, lists - 1) + "- "
        if tag not in _VOID:
            self._open.append(tag)
            self._itemprops.append(attrs.get("itemprop"))

    def handle_endtag(self, tag):
        if tag == "script" and self._script_json:
            self._script_json = False
            return
        if self._skipping and tag == self._skipping[-1]:
            self._skipping.pop()
            self._skip -= 1
            return
        if self._skip:
            return
        if tag not in self._open:
            return
        while self._open:
            closed = self._open.pop()
            itemprop = self._itemprops.pop()
            if itemprop in ("title", "name", "baseSalary") and self._text:
                self._microdata(itemprop)
            if closed in _HEADINGS or closed in _BLOCKS:
                self._flush()
            if closed in _MAIN:
                self._main = max(0, self._main - 1)
            if closed == "form" and self._forms:
                self._close_form()
            if closed == tag:
                break

    def handle_data(self, data):
        if self._script_json:
            if len(self.json_ld[-1]) < MAX_JSON_LD:
                self.json_ld[-1] += data
            return
        if self._skip:
            return
        if not self._worded and data.strip():  # the block's line is its first word's
            self._worded = True
            self._line = self.getpos()[0] + data[: len(data) - len(data.lstrip())].count("\n")
        self._text.append(data)

    # -- text ----------------------------------------------------------------------------------

    def _microdata(self, itemprop: str) -> None:
        text = " ".join("".join(self._text).split())
        if itemprop == "title":
            self.facts.append((self._line, f"Job title: {text}"))
        elif itemprop == "name" and "hiringOrganization" in self._itemprops:
            self.facts.append((self._line, f"Company: {text}"))

    def _flush(self) -> None:
        text = " ".join("".join(self._text).split())
        self._text = []
        self._worded = False
        if text:
            term = self._term
            if self._tag == _DEFINES.get(self._term_tag) and self.blocks[-1] is term:
                # A definition list's row is one field: "<dt>Location</dt><dd>Cambridge</dd>"
                # is "Location: Cambridge", on the term's line; so is a table's row of a header
                # cell and a cell, "<th>職種</th><td>システムエンジニア</td>".
                block = (term[0], f"{term[1].rstrip(':')}:\t{text}")
                self.blocks[-1] = block
                if self.main_blocks and self.main_blocks[-1] is term:
                    self.main_blocks[-1] = block
                self._term = None
            else:
                block = (self._line, self._prefix + text)
                self.blocks.append(block)
                if self._main:
                    self.main_blocks.append(block)
                self._term, self._term_tag = block, self._tag
        self._prefix = ""

    def _close_form(self) -> None:
        """A form with no heading is a search box or a sign-up, not the posting: its words
        are dropped."""
        self._flush()
        blocks, main_blocks, holds_a_heading = self._forms.pop()
        if not holds_a_heading:
            del self.blocks[blocks:], self.main_blocks[main_blocks:]
            self._term = None

    def close(self):
        super().close()
        self._flush()


class _Words(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.words: list[str] = []

    def handle_data(self, data):
        self.words.append(data)


def inline_text(fragment: str) -> str:
    """The words of a line of Markdown holding inline HTML, without its tags: "Data Product
    Engineer TechLead <a href=…><img alt="JobApply" …/></a>" → "Data Product Engineer
    TechLead"."""
    words = _Words()
    words.feed(fragment)
    words.close()
    return " ".join("".join(words.words).split())


def _job_posting(blocks: list[str]) -> dict | None:
    for raw in blocks:
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                kind = item.get("@type")
                if kind == "JobPosting" or (isinstance(kind, list) and "JobPosting" in kind):
                    return item
                stack.extend(v for k, v in item.items() if k == "@graph")
    return None


def _salary(value) -> str:
    if isinstance(value, dict):
        amount = value.get("value")
        currency = value.get("currency", "")
        if isinstance(amount, dict):
            low, high = amount.get("minValue"), amount.get("maxValue")
            unit = amount.get("unitText", "")
            figures = " - ".join(str(v) for v in (low, high) if v is not None)
            if not figures and amount.get("value") is not None:
                figures = str(amount["value"])
            return " ".join(part for part in (currency, figures, unit and f"per {unit}") if part)
        if amount is not None:
            return f"{currency} {amount}".strip()
    return str(value) if isinstance(value, (str, int, float)) else ""


def _from_job_posting(posting: dict) -> str:
    lines = []
    title = posting.get("title")
    if isinstance(title, str) and title.strip():
        lines.append(f"# {title.strip()}")
    organization = posting.get("hiringOrganization")
    name = organization.get("name") if isinstance(organization, dict) else organization
    if isinstance(name, str) and name.strip():
        lines.append(f"Company: {name.strip()}")
    salary = _salary(posting.get("baseSalary"))
    if salary:
        lines.append(f"Salary: {salary}")
    description = posting.get("description")
    if isinstance(description, str):
        page = _Page()
        page.feed(description)
        page.close()
        lines.extend(text for _, text in page.blocks)
    return "\n".join(lines) + "\n"


def html_to_text(html: str) -> str:
    """The posting a saved web page holds, as text for ``parse_posting``."""
    page = _Page()
    page.feed(html)
    page.close()
    posting = _job_posting(page.json_ld)
    if posting is not None:
        return _from_job_posting(posting)
    blocks = page.main_blocks or page.blocks
    # One output line per line of the page: a block stands on the line its element starts.
    by_line: dict[int, list[str]] = {}
    for line, text in blocks:
        by_line.setdefault(line, []).append(text)
    for line, fact in page.facts:
        value = fact.partition(": ")[2]
        here = by_line.setdefault(line, [])
        if any(text.startswith("#") for text in here):
            continue  # a heading already says it: "<h1 itemprop="title">"
        # The element's own text becomes the fact: "ARM" → "Company: ARM".
        by_line[line] = [fact] + [text for text in here if text != value]
    last = max(by_line, default=0)
    return "\n".join(" ".join(by_line.get(n, [])) for n in range(1, last + 1)) + "\n"
