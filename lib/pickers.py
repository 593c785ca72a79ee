"""Pick one row by what a person typed: a text box instead of a ``<select>`` of every row.

The text is resolved on the server, so a picker works without JavaScript and a page never
lists more than a few rows, whatever the size of the data. The rules, best first:

1. the row whose slug is the text;
2. the row whose name is the text, in any case;
3. the row whose name starts with it;
4. the row whose name holds it.

The first rule that some row meets decides: one row is the pick; several are candidates to
choose from (at most ``CANDIDATES``); none at all means the name is unknown. Each pick, and
each list of suggestions, is one query.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Case, Model, Q, QuerySet, Value, When

CANDIDATES = 8
SUGGESTIONS = 10
MAX_TEXT = 200


def typed(text: str) -> str:
    """What a person typed into a name box, as a query may hold it: at most ``MAX_TEXT``
    characters, trimmed, without NUL (which PostgreSQL refuses in any string)."""
    return text.replace("\x00", "").strip()[:MAX_TEXT]


def complaints(picks: dict[str, Pick], *, required: bool = False) -> list[str]:
    """``Pick.complaint`` of each parameter's pick that has one, in the parameters' order."""
    found = (pick.complaint(param, required=required) for param, pick in picks.items())
    return [complaint for complaint in found if complaint]


@dataclass(frozen=True, slots=True)
class Candidate:
    slug: str
    label: str


@dataclass(frozen=True)
class Picker:
    """How to find rows of one kind by name: ``rows`` need a ``slug`` and the ``name`` field."""

    noun: str  # "field": "No field named …"
    plural: str  # "fields": "… matches several fields"; also the suggestions' address
    rows: QuerySet
    name: str = "name"
    describe: Callable[[Model], str] = str  # a candidate's label

    def pick(self, text: str) -> Pick:
        text = typed(text)
        if not text:
            return Pick(self, "")
        rows = self._ranked(text, CANDIDATES + 1)
        best = [row for row in rows if row.pick_rank == rows[0].pick_rank]
        if len(best) == 1:
            return Pick(self, text, found=best[0])
        shown = best[:CANDIDATES]
        return Pick(self, text, candidates=self._candidates(shown), more=len(best) > len(shown))

    def suggest(self, text: str) -> list[Candidate]:
        """The best matches of ``text`` by the same rules, for a type-ahead list."""
        text = typed(text)
        return self._candidates(self._ranked(text, SUGGESTIONS)) if text else []

    def _ranked(self, text: str, limit: int) -> list[Model]:
        name = self.name
        rank = Case(
            When(slug=text, then=Value(0)),
            When(**{f"{name}__iexact": text}, then=Value(1)),
            When(**{f"{name}__istartswith": text}, then=Value(2)),
            default=Value(3),
        )
        matching = self.rows.filter(Q(slug=text) | Q(**{f"{name}__icontains": text}))
        return list(matching.annotate(pick_rank=rank).order_by("pick_rank", name, "pk")[:limit])

    def _candidates(self, rows: list[Model]) -> list[Candidate]:
        return [Candidate(row.slug, self.describe(row)) for row in rows]


@dataclass(frozen=True)
class Pick:
    """What became of one picker's text: the row ``found``, or ``candidates`` (``more``
    when there were others than those), or neither (an unknown name, or no text)."""

    picker: Picker
    text: str
    found: Model | None = None
    candidates: list[Candidate] = field(default_factory=list)
    more: bool = False

    @property
    def value(self) -> str:
        """What the text box shows again: the name of the row found, else the text."""
        return getattr(self.found, self.picker.name) if self.found else self.text

    @property
    def unknown(self) -> bool:
        return bool(self.text) and self.found is None and not self.candidates

    @property
    def problem(self) -> bool:
        """Text was given but picks no row: a filter must then match nothing, not all."""
        return bool(self.text) and self.found is None

    def complaint(self, param: str, *, required: bool = False) -> str:
        """One line on why the text of ``param`` picks no row ("" when it picks one, or
        when there is no text and none is ``required``): the API's 400s and the CSV
        downloads' say it so."""
        if required and not self.text:
            return f"{param}: give a {self.picker.noun}"
        if self.unknown:
            return f"{param}: no {self.picker.noun} named “{self.text}”"
        if self.problem:
            slugs = ", ".join(candidate.slug for candidate in self.candidates)
            more = " and more" if self.more else ""
            return f"{param}: “{self.text}” names several, give a slug: {slugs}{more}"
        return ""
