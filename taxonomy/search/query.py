"""Run one search: match, correct typos, count facets, rank, page, describe each hit."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import Case, Count, OuterRef, Q, Subquery, Value, When
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from taxonomy.models import ResearchArea, SearchDocument
from taxonomy.search.backends import current_backend, kind_boost
from taxonomy.search.index import ALIASES
from taxonomy.search.text import (
    MIN_PREFIX,
    clean_query,
    highlight,
    mentions,
    name_key,
    spellings,
    terms,
)

Kind = SearchDocument.Kind
PER_PAGE = 20
SNIPPET_WIDTH = 220
# Each corrected word costs a query; a few keep the page's queries bounded.
MAX_CORRECTIONS = 3


@dataclass(slots=True)
class Hit:
    kind: str
    kind_label: str
    title: SafeString
    label: str  # the title as plain text
    url: str
    snippet: SafeString
    context: str
    more: int = 0  # other places that ask the same skill line


@dataclass(slots=True)
class Facet:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class SearchResults:
    query: str
    corrected: str = ""
    total: int = 0
    hits: list[Hit] = field(default_factory=list)
    page: Page | None = None
    kinds: list[Facet] = field(default_factory=list)
    fields: list[Facet] = field(default_factory=list)


class _Results:
    """Ranked results whose number is already known, so the paginator does not count them
    again. A slice is a page of (document, places that ask its text), in two queries: the
    ranking reads no more than each document's id."""

    def __init__(self, ranked, total: int, field: str):
        self.ranked, self.total, self.field = ranked, total, field

    def count(self) -> int:
        return self.total

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, index: slice) -> list[tuple[SearchDocument, int]]:
        ids = list(self.ranked[index].values_list("id", flat=True))
        same_text = SearchDocument.objects.filter(text_key=OuterRef("text_key"))
        if self.field:
            same_text = same_text.filter(root_area=OuterRef("root_area"))
        places = same_text.order_by().values("text_key").annotate(n=Count("id")).values("n")
        documents = (
            SearchDocument.objects.defer("vector", "title", "terms", "names")
            .annotate(places=Subquery(places))
            .in_bulk(ids)
        )
        return [(documents[pk], documents[pk].places) for pk in ids]


def search(
    query: str,
    *,
    kind: str = "",
    field: str = "",
    page: int | str = 1,
    per_page: int | None = None,
) -> SearchResults:
    """Ranked documents for ``query``, filtered by ``kind`` and top-level ``field`` slug,
    ``per_page`` a page (``PER_PAGE`` unless given).

    First whatever is named exactly as asked (its name or another name equals the query, as
    ``name_key`` compares them); then names that hold every word; then the engine's rank.
    Skill lines that read the same are one result, which says how many places ask it.

    Never raises for any text typed by a person: it is cleaned, bounded and, for SQLite,
    reduced to plain words before it reaches the database.
    """
    text = clean_query(query)
    results = SearchResults(query=text)
    words = terms(text)
    if not words:
        return results
    backend = current_backend()
    kind = kind if kind in Kind.values else ""
    # No slug holds NUL, which PostgreSQL refuses in any string: such a field finds nothing.
    slug = "" if "\x00" in field else field
    tally = _Tally.of(backend.matching(text, words), slug)
    if not tally.kinds and not kind and not field:
        corrected = _corrected(backend, text)
        if corrected:
            text, words = corrected, terms(corrected)
            results.corrected = corrected
            tally = _Tally.of(backend.matching(text, words), slug)
    if not tally.kinds and not kind and not field:
        return results
    results.kinds = [
        Facet(value, label, tally.kinds[value], value == kind)
        for value, label in Kind.choices
        if value in tally.kinds
    ]
    results.fields = tally.fields(kind, field)
    results.total = tally.kinds.get(kind, 0) if kind else sum(tally.kinds.values())
    matching = backend.matching(text, words)
    if kind:
        matching = matching.filter(kind=kind)
    if field:
        in_field = matching.filter(root_area=tally.field_id, represents_in_field=True)
        found = in_field if tally.field_id else matching.none()
    else:
        found = matching.filter(represents=True)
    ranked = found.annotate(
        exact=_exact(text), named=_named(words), score=backend.score(text)
    ).order_by("-exact", "-named", "-score", "kind", "object_id")
    paginator = Paginator(_Results(ranked, results.total, field), per_page or PER_PAGE)
    results.page = paginator.get_page(page)
    results.hits = _hits(results.page.object_list, words)
    return results


class _Tally:
    """How many results of each kind match, in each top-level field: one pass over the
    matching documents (counting each text once, in all and in each field) and one query
    for the names of the fields."""

    def __init__(self, rows: list[tuple[str, int | None, int, int]], roots: dict, field: str):
        self.rows, self.roots = rows, roots
        self.field_id = next((pk for pk, root in roots.items() if root["slug"] == field), None)
        self.kinds: dict[str, int] = defaultdict(int)
        for kind, root, results, results_in_field in rows:
            if not field:
                self.kinds[kind] += results
            elif root == self.field_id:
                self.kinds[kind] += results_in_field
        self.kinds = {kind: n for kind, n in self.kinds.items() if n}

    @classmethod
    def of(cls, matching, field: str) -> _Tally:
        rows = list(
            matching.order_by()
            .values_list("kind", "root_area")
            .annotate(
                results=Count("id", filter=Q(represents=True)),
                in_field=Count("id", filter=Q(represents_in_field=True)),
            )
        )
        if not rows:
            return cls([], {}, field)
        wanted = Q(pk__in={root for _, root, _, _ in rows if root})
        areas = ResearchArea.objects.filter(wanted | Q(slug=field) if field else wanted)
        roots = {row["id"]: row for row in areas.values("id", "slug", "name", "position")}
        return cls(rows, roots, field)

    def fields(self, kind: str, selected: str) -> list[Facet]:
        counts: dict[int, int] = defaultdict(int)
        for each, root, _, results_in_field in self.rows:
            if root and (not kind or each == kind):
                counts[root] += results_in_field
        ordered = sorted((self.roots[pk]["position"], pk) for pk, n in counts.items() if n)
        return [
            Facet(
                self.roots[pk]["slug"],
                self.roots[pk]["name"],
                counts[pk],
                self.roots[pk]["slug"] == selected,
            )
            for _, pk in ordered
        ]


def _exact(text: str):
    """Named exactly as asked: "C++" is C++ (or CPP), "EDA" the field "EDA, Electronic
    Design Automation"; a field before a role or technology before a company."""
    return Case(
        When(names__contains=f"| {name_key(text)} |", then=kind_boost()), default=Value(0.0)
    )


def _named(words: list[str]):
    """Names first: a document one of whose names holds every word (a word of three letters
    or more as the start of one) outranks any mention of them, with the same precedence."""
    every_word = Q()
    for word in words:
        every_word &= Q(names__contains=f" {word}" if len(word) >= MIN_PREFIX else f" {word} ")
    return Case(When(every_word, then=kind_boost()), default=Value(0.0))


def _corrected(backend, text: str) -> str:
    """``text`` with misspelt words replaced by the closest indexed ones, or "" if none.
    Names spelt with symbols (C++) are left as they are."""
    plain = dict.fromkeys(s.word for s in spellings(text) if not s.keyword and len(s.word) >= 3)
    replaced = text
    for word in list(plain)[:MAX_CORRECTIONS]:
        closest = backend.closest_word(word)
        if closest and closest != word:
            replaced = _replace_word(replaced, word, closest)
    return replaced if replaced != text else ""


def _replace_word(text: str, word: str, replacement: str) -> str:
    return re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", replacement, text, flags=re.IGNORECASE)


def _hits(page: list[tuple[SearchDocument, int]], words: list[str]) -> list[Hit]:
    labels = dict(Kind.choices)
    return [
        Hit(
            kind=document.kind,
            kind_label=labels[document.kind],
            title=highlight(document.label, words),
            label=document.label,
            url=document.url,
            snippet=_snippet(document, words),
            context=document.context,
            more=places - 1,
        )
        for document, places in page
    ]


def _snippet(document: SearchDocument, words: list[str]) -> SafeString:
    """Its text around the first match; with no text, the other names the query matched
    when its name did not."""
    if document.body:
        return highlight(document.shown or document.body, words, width=SNIPPET_WIDTH)
    if not document.aliases or mentions(document.label, words):
        return mark_safe("")
    names: dict[str, str] = {}
    for name in document.aliases.split(ALIASES):
        names.setdefault(name.casefold(), name)
    matched = [highlight(name, words) for name in names.values() if mentions(name, words)]
    return (
        format_html("Also called {}", mark_safe(", ".join(matched))) if matched else mark_safe("")
    )
