"""The two engines behind search: PostgreSQL full-text and SQLite FTS5.

Each answers three questions: which documents match (and how well), which indexed word is
closest to a misspelt one, and what to refresh after documents were written.
"""

from __future__ import annotations

import operator
from functools import reduce

from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    TrigramSimilarity,
)
from django.db import connection, models
from django.db.models import Case, F, Value, When

from taxonomy.models import SearchDocument, SearchWord
from taxonomy.search.text import MIN_PREFIX, engine_query, similarity

Kind = SearchDocument.Kind
# A field or a role named by the query is what a person is looking for; a skill line that
# mentions it in passing is not.
KIND_BOOST = {
    Kind.FIELD: 2.0,
    Kind.ROLE: 1.5,
    Kind.TECHNOLOGY: 1.5,
    Kind.COMPANY: 1.3,
    Kind.SKILL: 1.0,
}
MIN_SIMILARITY = 0.3  # pg_trgm's default threshold for the % operator
CONFIG = "english"  # PostgreSQL's text search configuration
# What a document's PostgreSQL vector is made of: each column with its weight.
WEIGHTED = (("title", "A"), ("terms", "B"), ("body", "C"))


def kind_boost():
    return Case(
        *(When(kind=kind, then=Value(weight)) for kind, weight in KIND_BOOST.items()),
        default=Value(1.0),
        output_field=models.FloatField(),
    )


class SqliteBackend:
    """FTS5 with bm25 (title 10, terms 4, body 1); every word of three letters or more
    matched as a prefix, shorter ones whole."""

    new_vector = None  # FTS5 indexes new rows itself (``index_new``)

    def matching(self, query: str, words: list[str]):
        expression = " ".join(
            f'"{word}"*' if len(word) >= MIN_PREFIX else f'"{word}"' for word in words
        )
        return SearchDocument.objects.filter(sqlite_entry__match__fts=expression)

    def score(self, query: str):
        # bm25 is lower for better matches.
        return -F("sqlite_entry__rank") * kind_boost()

    def closest_word(self, word: str) -> str | None:
        grams = {word[i : i + 3] for i in range(len(word) - 2)}
        if not grams:
            return None
        expression = " OR ".join(f'"{gram}"' for gram in sorted(grams))
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT w.word FROM taxonomy_searchword_fts f "
                "JOIN taxonomy_searchword w ON w.id = f.rowid "
                "WHERE taxonomy_searchword_fts MATCH %s ORDER BY f.rank LIMIT 50",
                [expression],
            )
            candidates = [row[0] for row in cursor.fetchall()]
        return _best(word, candidates)

    def index_new(self, kind: str, object_ids: list[int]) -> None:
        """Index new documents in one statement per chunk (a trigger per row costs twice as
        much); updates and deletions are followed by triggers."""
        with connection.cursor() as cursor:
            for start in range(0, len(object_ids), 900):
                chunk = object_ids[start : start + 900]
                cursor.execute(
                    "INSERT INTO taxonomy_searchdocument_fts(rowid, title, body, terms) "
                    "SELECT id, title, body, terms FROM taxonomy_searchdocument "
                    f"WHERE kind = %s AND object_id IN ({', '.join(['%s'] * len(chunk))})",
                    [kind, *chunk],
                )

    def refresh(self, pks) -> None:
        """Triggers keep the FTS5 table in step with updates; nothing to do."""

    def rebuild(self) -> None:
        """Both FTS5 tables indexed again from every stored row."""
        with connection.cursor() as cursor:
            for table in ("taxonomy_searchdocument_fts", "taxonomy_searchword_fts"):
                cursor.execute(f"INSERT INTO {table}({table}) VALUES ('rebuild')")


class PostgresBackend:
    """Weighted tsvector (title A, terms B, body C), websearch syntax, pg_trgm for typos."""

    config = CONFIG
    # A new document's vector, written with its row from one parameter per column of
    # ``new_vector_fields``, so that no row is written twice: ``_vector`` in plain SQL.
    new_vector = " || ".join(
        f"setweight(to_tsvector('{CONFIG}'::regconfig, COALESCE(%s, '')), '{weight}')"
        for _, weight in WEIGHTED
    )
    new_vector_fields = tuple(column for column, _ in WEIGHTED)

    def _query(self, query: str) -> SearchQuery:
        return SearchQuery(engine_query(query), search_type="websearch", config=self.config)

    def matching(self, query: str, words: list[str]):
        return SearchDocument.objects.filter(vector=self._query(query))

    def score(self, query: str):
        return SearchRank(F("vector"), self._query(query)) * kind_boost()

    def closest_word(self, word: str) -> str | None:
        candidates = (
            SearchWord.objects.filter(word__trigram_similar=word)
            .annotate(similarity=TrigramSimilarity("word", word))
            .order_by("-similarity", "word")
            .values_list("word", flat=True)[:5]
        )
        return _best(word, list(candidates))

    def _vector(self):
        vectors = [
            SearchVector(column, weight=weight, config=self.config) for column, weight in WEIGHTED
        ]
        return reduce(operator.add, vectors)

    def _set_vectors(self, documents, lookup: str, values: list[int]) -> None:
        for start in range(0, len(values), 5000):
            chunk = values[start : start + 5000]
            documents.filter(**{lookup: chunk}).update(vector=self._vector())

    def index_new(self, kind: str, object_ids: list[int]) -> None:
        """New documents were written with their vectors (``new_vector``)."""

    def refresh(self, pks) -> None:
        self._set_vectors(SearchDocument.objects.all(), "pk__in", list(pks))

    def rebuild(self) -> None:
        """Every document's vector computed again (the word list needs no index of its own)."""
        SearchDocument.objects.update(vector=self._vector())


def _best(word: str, candidates: list[str]) -> str | None:
    """The candidate most like ``word`` (itself, if indexed), or None if none is close."""
    if word in candidates:
        return word
    scored = [(similarity(word, c), c) for c in candidates]
    close = [(score, c) for score, c in scored if score >= MIN_SIMILARITY]
    return max(close, key=lambda pair: (pair[0], -len(pair[1])))[1] if close else None


def current_backend() -> SqliteBackend | PostgresBackend:
    return PostgresBackend() if connection.vendor == "postgresql" else SqliteBackend()
