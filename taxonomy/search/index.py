"""Keep the search documents in step with the data they describe.

``sync_index`` compares the documents the data calls for with the stored ones and writes
only the difference, so it is cheap after a small edit and safe to run at any time. The
importer runs it after every import that wrote something; the admin after each save.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.db import transaction

from postings.models import Company, Role
from taxonomy.models import ResearchArea, SearchDocument, SearchWord, Skill, Technology
from taxonomy.notes.markdown import visible_lines
from taxonomy.search.backends import current_backend
from taxonomy.search.text import lexicon_words, plain_text
from taxonomy.tree import AreaTree

Kind = SearchDocument.Kind
# (title, keywords, body, root area id): what one document holds.
Content = tuple[str, str, str, int | None]


def _fields(tree: AreaTree, ids) -> Iterator[tuple[int, Content]]:
    rows = _only(ResearchArea.objects, ids).values_list("id", "name", "aliases", "notes")
    for pk, name, aliases, notes in rows:
        body = plain_text("\n".join(visible_lines(notes)))
        yield pk, (name, " ".join(aliases), body, tree.root_of(pk))


def _roles(tree: AreaTree, ids) -> Iterator[tuple[int, Content]]:
    rows = _only(Role.objects, ids).values_list(
        "id", "title", "company__name", "area__name", "location", "description", "area_id"
    )
    for pk, title, company, area, location, description, area_id in rows:
        keywords = " ".join(part for part in (company, area, location) if part)
        yield pk, (title, keywords, plain_text(description), tree.root_of(area_id))


def _companies(tree: AreaTree, ids) -> Iterator[tuple[int, Content]]:
    rows = _only(Company.objects, ids).values_list("id", "name", "description")
    for pk, name, description in rows:
        yield pk, (name, "", plain_text(description), None)


def _technologies(tree: AreaTree, ids) -> Iterator[tuple[int, Content]]:
    rows = _only(Technology.objects, ids).values_list("id", "name", "aliases", "category")
    for pk, name, aliases, category in rows:
        yield pk, (name, " ".join([*aliases, category]), "", None)


def _skills(tree: AreaTree, ids) -> Iterator[tuple[int, Content]]:
    rows = _only(Skill.objects.public(), ids).values_list("id", "text", "skill_set__area_id")
    for pk, text, area_id in rows:
        yield pk, ("", "", plain_text(text), tree.root_of(area_id))


BUILDERS = {
    Kind.FIELD: _fields,
    Kind.ROLE: _roles,
    Kind.COMPANY: _companies,
    Kind.TECHNOLOGY: _technologies,
    Kind.SKILL: _skills,
}


def _only(manager, ids):
    queryset = manager.all().order_by()
    return queryset if ids is None else queryset.filter(pk__in=ids)


@transaction.atomic
def sync_index(*, kind: str | None = None, ids: Iterable[int] | None = None) -> int:
    """Bring the documents of ``kind`` (all kinds if None) for ``ids`` (all if None) up to
    date; returns how many documents were written or deleted."""
    if ids is not None:
        ids = list(ids)
    tree = AreaTree.load()
    writes, touched, texts = 0, [], []
    for each in [kind] if kind else list(Kind):
        wanted = dict(BUILDERS[each](tree, ids))
        stored = _only(SearchDocument.objects.filter(kind=each), None)
        if ids is not None:
            stored = stored.filter(object_id__in=ids)
        have = {
            object_id: (pk, (title, keywords, body, root))
            for pk, object_id, title, keywords, body, root in stored.values_list(
                "id", "object_id", "title", "keywords", "body", "root_area_id"
            )
        }
        stale = [pk for object_id, (pk, _) in have.items() if object_id not in wanted]
        new, changed = [], []
        for object_id, content in wanted.items():
            if object_id not in have:
                new.append(_document(each, object_id, content))
            elif have[object_id][1] != content:
                changed.append(_document(each, object_id, content, pk=have[object_id][0]))
        for start in range(0, len(stale), 500):
            SearchDocument.objects.filter(pk__in=stale[start : start + 500]).delete()
        created = SearchDocument.objects.bulk_create(new, batch_size=500)
        SearchDocument.objects.bulk_update(
            changed, ["title", "keywords", "body", "root_area_id"], batch_size=500
        )
        touched += [d.pk for d in created] + [d.pk for d in changed]
        texts += [f"{d.title} {d.keywords} {d.body}" for d in (*created, *changed)]
        writes += len(stale) + len(created) + len(changed)
    current_backend().refresh(touched)
    _add_words(texts)
    return writes


def _document(kind: str, object_id: int, content: Content, pk=None) -> SearchDocument:
    title, keywords, body, root = content
    return SearchDocument(
        pk=pk,
        kind=kind,
        object_id=object_id,
        title=title,
        keywords=keywords,
        body=body,
        root_area_id=root,
    )


def _add_words(texts: list[str]) -> None:
    """Words only ever join the lexicon: a stale one costs nothing but a useless suggestion."""
    words: set[str] = set()
    for text in texts:
        words |= lexicon_words(text)
    if not words:
        return
    ordered = sorted(words)
    known: set[str] = set()
    for start in range(0, len(ordered), 900):
        chunk = ordered[start : start + 900]
        known.update(SearchWord.objects.filter(word__in=chunk).values_list("word", flat=True))
    SearchWord.objects.bulk_create(
        [SearchWord(word=word) for word in ordered if word not in known], batch_size=500
    )
