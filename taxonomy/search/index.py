"""Keep the search documents in step with the data they describe.

``sync_index`` compares the documents the data calls for with the stored ones and writes
only the difference, so it is cheap after a small edit and safe to run at any time. The
importer runs it after every import that wrote something; the admin after each save.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from typing import NamedTuple

from django.db import connection, transaction
from django.urls import reverse

from lib.bulk import update_rows
from postings.models import Company, Role
from taxonomy.demand import refresh_asks
from taxonomy.models import (
    DataVersion,
    ResearchArea,
    SearchDocument,
    SearchWord,
    Skill,
    Technology,
)
from taxonomy.notes.markdown import visible_lines
from taxonomy.search.backends import current_backend
from taxonomy.search.text import lexicon_words, plain_text
from taxonomy.tree import AreaTree

Kind = SearchDocument.Kind
FIELDS = ("title", "keywords", "body", "root_area_id", "label", "url", "context")


class Content(NamedTuple):
    """What one document holds: searched text, its facet, and how a hit is shown."""

    title: str
    keywords: str
    body: str
    root_area_id: int | None
    label: str
    url: str
    context: str


def _fields(tree: AreaTree, ids) -> Iterator[tuple[int, Content]]:
    rows = _only(ResearchArea.objects, ids).values_list("id", "name", "slug", "aliases", "notes")
    for pk, name, slug, aliases, notes in rows:
        body = plain_text("\n".join(visible_lines(notes)))
        parents = tree.ancestors(pk)
        context = f"Part of {parents[-1].name}" if parents else "Top-level field"
        url = _url("field-detail", slug)
        yield pk, Content(name, " ".join(aliases), body, tree.root_of(pk), name, url, context)


def _roles(tree: AreaTree, ids) -> Iterator[tuple[int, Content]]:
    rows = _only(Role.objects, ids).values_list(
        "id", "title", "slug", "company__name", "area__name", "location", "description", "area_id"
    )
    for pk, title, slug, company, area, location, description, area_id in rows:
        keywords = " ".join(part for part in (company, area, location) if part)
        context = " · ".join(part for part in (company, area) if part)
        url = _url("role-detail", slug)
        body = plain_text(description)
        yield pk, Content(title, keywords, body, tree.root_of(area_id), title, url, context)


def _companies(tree: AreaTree, ids) -> Iterator[tuple[int, Content]]:
    rows = _only(Company.objects, ids).values_list("id", "name", "slug", "website", "description")
    for pk, name, slug, website, description in rows:
        url = _url("company-detail", slug)
        yield pk, Content(name, "", plain_text(description), None, name, url, website)


def _technologies(tree: AreaTree, ids) -> Iterator[tuple[int, Content]]:
    rows = _only(Technology.objects, ids).values_list("id", "name", "slug", "aliases", "category")
    for pk, name, slug, aliases, category in rows:
        url = _url("technology-detail", slug)
        keywords = " ".join([*aliases, category])
        yield pk, Content(name, keywords, "", None, name, url, category)


def _skills(tree: AreaTree, ids) -> Iterator[tuple[int, Content]]:
    """A skill line is shown under its posting's title, else its company, else its field."""
    rows = _only(Skill.objects.public(), ids).values_list(
        "id",
        "text",
        "skill_set_id",
        "skill_set__area_id",
        "skill_set__area__name",
        "skill_set__area__slug",
        "skill_set__role__title",
        "skill_set__role__slug",
        "skill_set__company__name",
    )
    for pk, text, set_id, area_id, area, area_slug, role, role_slug, company in rows:
        if role_slug:
            url = _url("role-detail", role_slug)
        else:
            url = f"{_url('field-detail', area_slug)}#skill-set-{set_id}"
        label = role or company or area
        yield pk, Content("", "", plain_text(text), tree.root_of(area_id), label, url, area)


BUILDERS = {
    Kind.FIELD: _fields,
    Kind.ROLE: _roles,
    Kind.COMPANY: _companies,
    Kind.TECHNOLOGY: _technologies,
    Kind.SKILL: _skills,
}


@cache
def _url_pattern(view: str) -> str:
    return reverse(view, args=["--slug--"])


def _url(view: str, slug: str) -> str:
    """``reverse`` for thousands of documents at a time: resolve each view once."""
    return _url_pattern(view).replace("--slug--", slug)


def _only(manager, ids):
    queryset = manager.all().order_by()
    return queryset if ids is None else queryset.filter(pk__in=ids)


@transaction.atomic
def sync_index(
    *,
    kind: str | None = None,
    ids: Iterable[int] | None = None,
    scope: Mapping[str, Iterable[int] | None] | None = None,
    skill_sets: Iterable[int] = (),
) -> int:
    """Bring the documents of ``kind`` (all kinds if None) for ``ids`` (all if None) up to
    date; returns how many documents were written or deleted.

    ``scope`` names several kinds at once, each with its ids (or None for all of them).
    What each skill set asks for is counted again for the sets of the skill lines in scope
    (every set if all lines are) and for ``skill_sets``: the sets that lost lines, which
    the lines' ids no longer lead to.
    """
    if scope is None:
        scope = {kind: ids} if kind else dict.fromkeys(Kind)
    # Every write to the data passes here: what was derived from the old data is stale.
    DataVersion.objects.bump()
    refresh_asks(skill_sets=_sets_to_recount(scope, skill_sets))
    tree = AreaTree.load()
    backend = current_backend()
    writes, touched, texts = 0, [], []
    for each, each_ids in scope.items():
        if each_ids is None:
            chunks = [None]
        else:
            each_ids = sorted(set(each_ids))
            chunks = [each_ids[start : start + 500] for start in range(0, len(each_ids), 500)]
        for chunk in chunks:
            changed, new, stale = _difference(each, tree, chunk)
            for start in range(0, len(stale), 500):
                SearchDocument.objects.filter(pk__in=stale[start : start + 500]).delete()
            _insert(each, new)
            backend.index_new(each, list(new))
            update_rows(SearchDocument, changed, FIELDS)
            touched += [d["id"] for d in changed]
            texts += [f"{c['title']} {c['keywords']}" for c in changed]
            texts += [f"{c.title} {c.keywords}" for c in new.values()]
            writes += len(stale) + len(new) + len(changed)
    backend.refresh(touched)
    _add_words(texts)
    return writes


def _sets_to_recount(scope, skill_sets: Iterable[int]) -> set[int] | None:
    if Kind.SKILL in scope and scope[Kind.SKILL] is None:
        return None
    sets = set(skill_sets)
    lines = sorted(set(scope.get(Kind.SKILL) or ()))
    for start in range(0, len(lines), 500):
        chunk = Skill.objects.filter(pk__in=lines[start : start + 500])
        sets.update(chunk.values_list("skill_set", flat=True))
    return sets


@transaction.atomic
def rebuild_index() -> int:
    """``sync_index``, then the engine's own index built again from every stored document:
    for rows written around the importer (a restore, ``loaddata``), whose documents the
    engine may never have seen. Returns how many documents were written or deleted."""
    writes = sync_index()
    current_backend().rebuild()
    return writes


def _difference(kind: str, tree: AreaTree, ids: list[int] | None):
    """The stored documents of ``kind`` (for ``ids``) that differ from what the data calls
    for: rows to update, documents to create, and pks of documents to delete."""
    wanted = dict(BUILDERS[kind](tree, ids))
    stored = SearchDocument.objects.filter(kind=kind).order_by()
    if ids is not None:
        stored = stored.filter(object_id__in=ids)
    have = {
        object_id: (pk, Content(*values))
        for pk, object_id, *values in stored.values_list("id", "object_id", *FIELDS)
    }
    stale = [pk for object_id, (pk, _) in have.items() if object_id not in wanted]
    new = {oid: content for oid, content in wanted.items() if oid not in have}
    changed = [
        {"id": have[oid][0], **content._asdict()}
        for oid, content in wanted.items()
        if oid in have and have[oid][1] != content
    ]
    return changed, new, stale


def _insert(kind: str, documents: dict[int, Content]) -> None:
    """Plain multi-row inserts: a first import writes thousands of documents, and model
    instances would cost more than the rows themselves."""
    if not documents:
        return
    columns = ", ".join(("kind", "object_id", *FIELDS))
    placeholders = ", ".join(["%s"] * (len(FIELDS) + 2))
    sql = f"INSERT INTO {SearchDocument._meta.db_table} ({columns}) VALUES ({placeholders})"
    rows = [(kind, object_id, *content) for object_id, content in documents.items()]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def _add_words(texts: list[str]) -> None:
    """Words of names and keywords, the ones people search for, form the lexicon that typos
    are corrected towards. Words only ever join it: a stale one costs a useless suggestion."""
    words: set[str] = set()
    for text in texts:
        words |= lexicon_words(text)
    if not words:
        return
    SearchWord.objects.bulk_create(
        [SearchWord(word=word) for word in sorted(words)], batch_size=500, ignore_conflicts=True
    )
