"""Run one search: match, correct typos, count facets, rank, page, describe each hit."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import Case, Count, Q, Value, When
from django.utils.safestring import SafeString

from postings.models import Company, Role
from taxonomy.models import ResearchArea, SearchDocument, Skill, Technology
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
    ranked = matching.annotate(named=_named(words), score=backend.score(text)).order_by(
        "-named", "-score", "kind", "object_id"
    )
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
    ids: dict[str, list[int]] = {}
    for document in documents:
        ids.setdefault(document.kind, []).append(document.object_id)
    described = {
        (kind, pk): description
        for kind, pks in ids.items()
        for pk, description in DESCRIBERS[kind](pks).items()
    }
    hits = []
    labels = dict(Kind.choices)
    for document in documents:
        description = described.get((document.kind, document.object_id))
        if description is None:  # deleted since it was indexed
            continue
        title, url, context = description
        shown_title = document.title or title
        snippet_source = document.body or document.keywords
        hits.append(
            Hit(
                kind=document.kind,
                kind_label=labels[document.kind],
                title=highlight(shown_title, words),
                url=url,
                snippet=highlight(snippet_source, words, width=SNIPPET_WIDTH),
                context=context,
            )
        )
    return hits


# kind → function of object ids → {id: (title, url, context)}; one query each.
def _describe_fields(pks):
    return {
        a.pk: (a.name, a.get_absolute_url(), f"Part of {a.parent.name}" if a.parent else "Field")
        for a in ResearchArea.objects.filter(pk__in=pks).select_related("parent")
    }


def _describe_roles(pks):
    return {
        r.pk: (
            r.title,
            r.get_absolute_url(),
            " · ".join(
                p for p in (r.company.name if r.company else "", r.area.name if r.area else "") if p
            ),
        )
        for r in Role.objects.filter(pk__in=pks).select_related("company", "area")
    }


def _describe_companies(pks):
    return {
        c.pk: (c.name, c.get_absolute_url(), c.website) for c in Company.objects.filter(pk__in=pks)
    }


def _describe_technologies(pks):
    return {
        t.pk: (t.name, t.get_absolute_url(), t.category)
        for t in Technology.objects.filter(pk__in=pks)
    }


def _describe_skills(pks):
    skills = (
        Skill.objects.public()
        .filter(pk__in=pks)
        .select_related("skill_set__role", "skill_set__company", "skill_set__area")
    )
    return {s.pk: _describe_skill(s.skill_set) for s in skills}


def _describe_skill(skill_set):
    """A skill line is shown under its posting's title, else its company, else its field."""
    if skill_set.role_id:
        title = skill_set.role.title
    elif skill_set.company_id:
        title = skill_set.company.name
    else:
        title = skill_set.area.name
    return title, skill_set.get_absolute_url(), skill_set.area.name


DESCRIBERS = {
    Kind.FIELD: _describe_fields,
    Kind.ROLE: _describe_roles,
    Kind.COMPANY: _describe_companies,
    Kind.TECHNOLOGY: _describe_technologies,
    Kind.SKILL: _describe_skills,
}
