"""Run one search: match, correct typos, count facets, rank, page, describe each hit."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import Case, Count, Q, Value, When
from django.utils.safestring import SafeString

from taxonomy.models import SearchDocument
from taxonomy.search.backends import current_backend, kind_boost
from taxonomy.search.text import clean_query, highlight, terms

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
    url: str
    snippet: SafeString
    context: str


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


class _Counted:
    """A queryset whose length is already known, so the paginator does not count it again."""

    def __init__(self, queryset, total: int):
        self.queryset, self.total = queryset, total

    def count(self) -> int:
        return self.total

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, index):
        return list(self.queryset[index])


def search(query: str, *, kind: str = "", field: str = "", page: int | str = 1) -> SearchResults:
    """Ranked documents for ``query``, filtered by ``kind`` and top-level ``field`` slug.

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
    kind_counts = _kind_counts(backend, text, words, field)
    if not kind_counts and not kind and not field:
        corrected = _corrected(backend, text, words)
        if corrected:
            text, words = corrected, terms(corrected)
            results.corrected = corrected
            kind_counts = _kind_counts(backend, text, words, field)
    if not kind_counts and not kind and not field:
        return results
    results.kinds = [
        Facet(value, label, kind_counts[value], value == kind)
        for value, label in Kind.choices
        if value in kind_counts
    ]
    matching = backend.matching(text, words)
    results.fields = _field_facets(matching.filter(kind=kind) if kind else matching, field)
    results.total = kind_counts.get(kind, 0) if kind else sum(kind_counts.values())
    # Among names, the one named exactly as asked: "pytorch" is PyTorch before PyTorch3D.
    ranked = matching.annotate(
        exact=Case(When(title__iexact=text, then=Value(1)), default=Value(0)),
        named=_named(words),
        score=backend.score(text),
    ).order_by("-named", "-exact", "-score", "kind", "object_id")
    if kind:
        ranked = ranked.filter(kind=kind)
    if field:
        ranked = ranked.filter(root_area__slug=field)
    paginator = Paginator(_Counted(ranked, results.total), PER_PAGE)
    results.page = paginator.get_page(page)
    results.hits = _hits(results.page.object_list, words)
    return results


def _named(words: list[str]):
    """Names first: a document whose title holds every word outranks any mention of them,
    a field before a role or technology before a company."""
    every_word = Q()
    for word in words:
        every_word &= Q(title__icontains=word)
    return Case(When(every_word, then=kind_boost()), default=Value(0.0))


def _kind_counts(backend, text: str, words: list[str], field: str) -> dict[str, int]:
    matching = backend.matching(text, words)
    if field:
        matching = matching.filter(root_area__slug=field)
    rows = matching.order_by().values("kind").annotate(n=Count("id")).values_list("kind", "n")
    return dict(rows)


def _field_facets(matching, selected: str) -> list[Facet]:
    rows = (
        matching.exclude(root_area=None)
        .order_by()
        .values("root_area__slug", "root_area__name", "root_area__position")
        .annotate(n=Count("id"))
        .order_by("root_area__position")
    )
    return [
        Facet(
            row["root_area__slug"],
            row["root_area__name"],
            row["n"],
            row["root_area__slug"] == selected,
        )
        for row in rows
    ]


def _corrected(backend, text: str, words: list[str]) -> str:
    """``text`` with misspelt words replaced by the closest indexed ones, or "" if none."""
    replaced = text
    changed = False
    for word in [w for w in words if len(w) >= 3][:MAX_CORRECTIONS]:
        closest = backend.closest_word(word)
        if closest and closest != word:
            replaced = _replace_word(replaced, word, closest)
            changed = True
    return replaced if changed else ""


def _replace_word(text: str, word: str, replacement: str) -> str:
    return re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", replacement, text, flags=re.IGNORECASE)


def _hits(documents: list[SearchDocument], words: list[str]) -> list[Hit]:
    labels = dict(Kind.choices)
    return [
        Hit(
            kind=document.kind,
            kind_label=labels[document.kind],
            title=highlight(document.label, words),
            url=document.url,
            snippet=highlight(document.body or document.keywords, words, width=SNIPPET_WIDTH),
            context=document.context,
        )
        for document in documents
    ]
