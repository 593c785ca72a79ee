"""Pagination shared by the public pages: a bad ?page= shows the nearest page, never a 404."""

from django.core.paginator import Page, Paginator

PER_PAGE = 25


def paginate(request, object_list, per_page: int = PER_PAGE, name: str = "page") -> Page:
    return Paginator(object_list, per_page).get_page(request.GET.get(name))
