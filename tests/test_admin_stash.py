"""lib/admin_stash.py: an upload waits between preview and confirmation, byte for byte."""

from django.test import RequestFactory

from lib.admin_stash import forget, stash, unstash


def request_with_session():
    request = RequestFactory().get("/")
    request.session = {}
    return request


def test_the_text_comes_back_exactly_and_then_is_forgotten():
    request = request_with_session()
    text = "\ufeff# A\r\n- x\r- y\n"
    stash(request, "k", "a.md", text, {"area": "x"})
    assert unstash(request, "k") == ("a.md", text, {"area": "x"})
    forget(request, "k")
    assert unstash(request, "k") is None


def test_a_new_stash_replaces_the_old_one():
    request = request_with_session()
    stash(request, "k", "a.md", "one")
    stash(request, "k", "b.md", "two")
    assert unstash(request, "k")[:2] == ("b.md", "two")
