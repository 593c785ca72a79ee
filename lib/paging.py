"""Pagination shared by the public pages: a bad ?page= shows the nearest page, never a 404,
and the page says which page was asked for and not found (``page.missing``).

``paginate`` counts the whole list, for lists whose length a page shows; ``window`` does not,
for lists that grow with the data and that only a page at a time of is ever read."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator

PER_PAGE = 25
# ``window`` shows the first page for a ?page= longer than this, rather than asking the
# database to skip billions of rows to find nothing.
MAX_PAGE_DIGITS = 6


def paginate(
    request, object_list, per_page: int = PER_PAGE, name: str = "page", default: int = 1
) -> Page:
    """The page ``?<name>=`` asks for, or page ``default`` when it asks for none."""
    asked = request.GET.get(name, "")
    page = Paginator(object_list, per_page).get_page(asked or default)
    page.missing = "" if asked in ("", str(page.number)) else asked
    return page


@dataclass(slots=True)
class Window:
    """A page of a list that is not counted: it knows only whether another page follows.
    The pager template reads it as it reads a ``Page`` (``paginator`` is None)."""

    object_list: list
    number: int
    has_next: bool
    missing: str = ""
    paginator: None = field(default=None, init=False)

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self) -> int:
        return len(self.object_list)

    def has_previous(self) -> bool:
        return self.number > 1

    def has_other_pages(self) -> bool:
        return self.has_next or self.has_previous()

    def previous_page_number(self) -> int:
        return self.number - 1

    def next_page_number(self) -> int:
        return self.number + 1


def window(request, queryset, per_page: int = PER_PAGE, name: str = "page") -> Window:
    """The page ``?<name>=`` asks for of ``queryset`` (ordered), read with one query of
    ``per_page + 1`` rows and never counted; a page past the end shows the first."""
    asked = request.GET.get(name, "")
    wanted = int(asked) if asked.isdecimal() and len(asked) <= MAX_PAGE_DIGITS else 1
    shown = _rows(queryset, max(wanted, 1), per_page)
    if not shown.object_list and shown.number > 1:
        shown = _rows(queryset, 1, per_page)
    shown.missing = "" if asked in ("", str(shown.number)) else asked
    return shown


def _rows(queryset, number: int, per_page: int) -> Window:
    start = (number - 1) * per_page
    rows = list(queryset[start : start + per_page + 1])
    return Window(rows[:per_page], number, has_next=len(rows) > per_page)
