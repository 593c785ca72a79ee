"""Keep the search documents in step with the data they describe.

``sync_index`` compares the documents the data calls for with the stored ones and writes
only the difference, so it is cheap after a small edit and safe to run at any time. The
importer runs it after every import that wrote something; the admin after each save.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from typing import NamedTuple

from django.db import connection, transaction
from django.db.models import Exists, OuterRef
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
    skill_set_url,
)
from taxonomy.notes.headings import leading_acronym
from taxonomy.notes.markdown import visible_lines
from taxonomy.search.backends import current_backend
from taxonomy.search.text import lexicon_words, name_key, plain_text, searchable
from taxonomy.tree import AreaTree, refresh_field_counts

Kind = SearchDocument.Kind
_WORD = re.compile(r"\w+")
ALIASES = "; "  # between the other names in ``aliases``


class Content(NamedTuple):
    """What one document holds: searched text, its names, its facet, and how a hit is shown
    (``shown``: the body as read, where the searched one differs)."""

    title: str
    aliases: str
    body: str
    terms: str
    names: str
    text_key: str
    root_area_id: int | None
    label: str
    url: str
    context: str
    shown: str


def _content(
    *, title: str, body: str, names: list[str], aliases=(), also=(), text_key="", **rest
) -> Content:
    """A document's content from its name, ``names`` (it and its other names, compared with
    a query), ``aliases`` (its other names, shown), its text, further words it is found by
    (``also``) and the ``rest`` of its fields: what is searched in its searchable form, the
    text as read where that differs. Without a ``text_key``, the text's own: one for the
    lines that read the same, case and punctuation aside."""
    searched = searchable(body)
    if not text_key:
        words = " ".join(_WORD.findall(searched.casefold()))
        text_key = hashlib.blake2b(words.encode(), digest_size=10).hexdigest()
    keys = dict.fromkeys(key for key in map(name_key, names) if key)
    return Content(
        title=searchable(title),
        aliases=ALIASES.join(aliases),
        body=searched,
        terms=searchable(" ".join(word for word in [*aliases, *also] if word)),
        # "| eda electronic design automation | eda |": "| key |" is a whole name, " word"
        # the start of a word of one.
        names="".join(f"| {key} " for key in keys) + "|" if keys else "",
        shown=body if searched != body else "",
        text_key=text_key,
        **rest,
    )


FIELDS = Content._fields


def _own_key(kind: str, pk: int) -> str:
    return f"{kind}:{pk}"


def _fields(tree: AreaTree, ids) -> Iterator[tuple[int, Content]]:
    rows = _only(ResearchArea.objects, ids).values_list("id", "name", "slug", "aliases", "notes")
    for pk, name, slug, aliases, notes in rows:
        parents = tree.ancestors(pk)
        yield (
            pk,
            _content(
                title=name,
                names=[name, *aliases, leading_acronym(name) or ""],
                aliases=aliases,
                body=plain_text("\n".join(visible_lines(notes))),
                text_key=_own_key(Kind.FIELD, pk),
                root_area_id=tree.root_of(pk),
                label=name,
                url=_url("field-detail", slug),
                context=f"Part of {parents[-1].name}" if parents else "Top-level field",
            ),
        )


def _roles(tree: AreaTree, ids) -> Iterator[tuple[int, Content]]:
    rows = _only(Role.objects, ids).values_list(
        "id", "title", "slug", "company__name", "area__name", "location", "description", "area_id"
    )
    for pk, title, slug, company, area, location, description, area_id in rows:
        yield (
            pk,
            _content(
                title=title,
                names=[title],
                body=plain_text(description),
                also=(company, area, location),
                text_key=_own_key(Kind.ROLE, pk),
                root_area_id=tree.root_of(area_id),
                label=title,
                url=_url("role-detail", slug),
                context=" · ".join(part for part in (company, area) if part),
            ),
        )


def _companies(tree: AreaTree, ids) -> Iterator[tuple[int, Content]]:
    rows = _only(Company.objects, ids).values_list("id", "name", "slug", "website", "description")
    for pk, name, slug, website, description in rows:
        yield (
            pk,
            _content(
                title=name,
                names=[name],
                body=plain_text(description),
                text_key=_own_key(Kind.COMPANY, pk),
                root_area_id=None,
                label=name,
                url=_url("company-detail", slug),
                context=website,
            ),
        )


def _technologies(tree: AreaTree, ids) -> Iterator[tuple[int, Content]]:
    """Shown with its category's label, and found by it too."""
    rows = _only(Technology.objects, ids).values_list("id", "name", "slug", "aliases", "category")
    labels = dict(Technology.Category.choices)
    for pk, name, slug, aliases, category in rows:
        label = labels.get(category, category)
        yield (
            pk,
            _content(
                title=name,
                names=[name, *aliases],
                aliases=aliases,
                body="",
                also=[label],
                text_key=_own_key(Kind.TECHNOLOGY, pk),
                root_area_id=None,
                label=name,
                url=_url("technology-detail", slug),
                context=label,
            ),
        )


def _skills(tree: AreaTree, ids) -> Iterator[tuple[int, Content]]:
    """A skill line is shown under its posting's title, else its company, else its field.
    Lines that read the same share a ``text_key``, to be one result."""
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
            url = skill_set_url(_url("field-detail", area_slug), set_id)
        yield (
            pk,
            _content(
                title="",
                names=[],
                body=plain_text(text),
                root_area_id=tree.root_of(area_id),
                label=role or company or area,
                url=url,
                context=area,
            ),
        )


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
    if scope.keys() & {Kind.FIELD, Kind.ROLE, Kind.SKILL}:  # what a field's counts count
        refresh_field_counts(tree)
    backend = current_backend()
    writes, touched, texts, keys = 0, [], [], set()
    for each, each_ids in scope.items():
        if each_ids is None:
            chunks = [None]
        else:
            each_ids = sorted(set(each_ids))
            chunks = [each_ids[start : start + 500] for start in range(0, len(each_ids), 500)]
        for chunk in chunks:
            changed, new, stale, chunk_keys = _difference(each, tree, chunk)
            for start in range(0, len(stale), 500):
                SearchDocument.objects.filter(pk__in=stale[start : start + 500]).delete()
            _insert(each, new, backend)
            backend.index_new(each, list(new))
            update_rows(SearchDocument, changed, FIELDS)
            touched += [d["id"] for d in changed]
            texts += [f"{c['label']} {c['aliases']}" for c in changed]
            texts += [f"{c.label} {c.aliases}" for c in new.values()]
            writes += len(stale) + len(new) + len(changed)
            keys |= chunk_keys
    backend.refresh(touched)
    _mark_representatives(keys)
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
    for: rows to update, documents to create, pks of documents to delete, and the text keys
    of those updated or deleted, as they were and as they will be."""
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
    was = {oid: content for oid, (_, content) in have.items() if wanted.get(oid) != content}
    keys = {content.text_key for content in was.values()}
    keys |= {content.text_key for oid, content in wanted.items() if oid in was}
    return changed, new, stale, keys


def _insert(kind: str, documents: dict[int, Content], backend) -> None:
    """Plain multi-row inserts: a first import writes thousands of documents, and model
    instances would cost more than the rows themselves. Each is marked as it is written
    (see ``_mark_representatives``): a new document comes after every stored one. On
    PostgreSQL its vector is written with it (``new_vector``)."""
    if not documents:
        return
    keys = sorted({content.text_key for content in documents.values()})
    taken, taken_in_field = set(), set()
    for start in range(0, len(keys), 500):
        stored = SearchDocument.objects.filter(text_key__in=keys[start : start + 500])
        for key, root in stored.values_list("text_key", "root_area_id"):
            taken.add(key)
            taken_in_field.add((key, root))
    vector_from = backend.new_vector_fields if backend.new_vector else ()
    rows = []
    for object_id, content in sorted(documents.items()):  # the first line first
        in_field = (content.text_key, content.root_area_id)
        rows.append(
            (
                kind,
                object_id,
                *content,
                content.text_key not in taken,
                in_field not in taken_in_field,
                *(getattr(content, name) for name in vector_from),
            )
        )
        taken.add(content.text_key)
        taken_in_field.add(in_field)
    columns = ("kind", "object_id", *FIELDS, "represents", "represents_in_field")
    placeholders = ", ".join(["%s"] * len(columns))
    if backend.new_vector:
        columns += ("vector",)
        placeholders += f", {backend.new_vector}"
    sql = (
        f"INSERT INTO {SearchDocument._meta.db_table} ({', '.join(columns)}) "
        f"VALUES ({placeholders})"
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def _mark_representatives(keys: set[str]) -> None:
    """Which document is the one result for all those with its text key (lines that read
    the same): the first of them, and the first of them in its top-level field. For the
    keys of documents updated or deleted; only rows whose marks change are written."""
    earlier = SearchDocument.objects.filter(text_key=OuterRef("text_key"), pk__lt=OuterRef("pk"))
    marks = {
        "represents": Exists(earlier),
        "represents_in_field": Exists(earlier.filter(root_area=OuterRef("root_area"))),
    }
    keys = sorted(keys)
    for start in range(0, len(keys), 500):
        documents = SearchDocument.objects.filter(text_key__in=keys[start : start + 500])
        for mark, preceded in marks.items():
            documents.filter(preceded, **{mark: True}).update(**{mark: False})
            documents.filter(~preceded, **{mark: False}).update(**{mark: True})


def _add_words(texts: list[str]) -> None:
    """Words of names and other names, the ones people search for, form the lexicon that typos
    are corrected towards. Words only ever join it: a stale one costs a useless suggestion."""
    words: set[str] = set()
    for text in texts:
        words |= lexicon_words(text)
    if not words:
        return
    SearchWord.objects.bulk_create(
        [SearchWord(word=word) for word in sorted(words)], batch_size=500, ignore_conflicts=True
    )
