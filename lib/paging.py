"""Pagination shared by the public pages: a bad ?page= shows the nearest page, never a 404,
and the page says which page was asked for and not found (``page.missing``)."""

from django.core.paginator import Page, Paginator

PER_PAGE = 25


def paginate(
    request, object_list, per_page: int = PER_PAGE, name: str = "page", default: int = 1
) -> Page:
    """The page ``?<name>=`` asks for, or page ``default`` when it asks for none."""
    asked = request.GET.get(name, "")
    page = Paginator(object_list, per_page).get_page(asked or default)
    page.missing = "" if asked in ("", str(page.number)) else asked
    return page
