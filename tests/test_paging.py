"""lib/paging.py: a bad ?page= shows the nearest page, never an error, and names the page
asked for."""

from django.test import RequestFactory

from lib.paging import paginate


def _page(query: str, items=range(60), **kwargs):
    return paginate(RequestFactory().get("/", query), list(items), per_page=25, **kwargs)


def test_the_first_page_when_none_is_asked_for():
    page = _page({})
    assert page.number == 1 and list(page) == list(range(25))


def test_a_page_past_the_end_shows_the_last():
    assert _page({"page": "99"}).number == 3


def test_a_page_that_is_not_a_number_shows_the_first():
    assert _page({"page": "x'--"}).number == 1


def test_a_named_pager_reads_its_own_parameter():
    assert _page({"page": "3", "mine": "2"}, name="mine").number == 2


def test_an_empty_list_gives_one_empty_page():
    page = _page({"page": "2"}, items=[])
    assert page.number == 1 and list(page) == []


def test_a_page_that_is_not_there_is_named_so_the_page_can_say_so():
    assert _page({"page": "99"}).missing == "99"
    assert _page({"page": "x'--"}).missing == "x'--"
    assert _page({"page": "2"}, items=[]).missing == "2"


def test_the_page_asked_for_or_none_asked_for_is_not_missing():
    assert _page({"page": "3"}).missing == ""
    assert _page({}).missing == ""


def test_a_default_page_is_shown_when_none_is_asked_for_and_yields_to_one_that_is():
    assert _page({}, default=3).number == 3
    assert _page({"page": "2"}, default=3).number == 2
    assert _page({}, default=3).missing == ""


def _window(query: dict, items=range(60)):
    from lib.paging import window

    return window(RequestFactory().get("/", query), list(items), per_page=25)


def test_a_window_knows_whether_another_page_follows_without_counting():
    first, last = _window({}), _window({"page": "3"})
    assert list(first) == list(range(25)) and first.has_next and not first.has_previous()
    assert list(last) == list(range(50, 60)) and not last.has_next and last.has_previous()
    assert first.paginator is None  # the pager shows no "of N"
    assert not _window({}, items=range(25)).has_other_pages()


def test_a_window_past_the_end_or_not_a_number_shows_the_first_and_says_so():
    for asked in ["4", "0", "x'--", "9" * 40]:
        shown = _window({"page": asked})
        assert (shown.number, shown.missing, shown.object_list[0]) == (1, asked, 0)
