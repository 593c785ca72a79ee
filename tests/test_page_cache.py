"""lib.page_cache: a public page is computed once per version of the data, for visitors
who all see the same page, and never kept when it is personal or not a success."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import TOY_NOTES, signed_in

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/fields/mlops/",
    "/technologies/",
    "/technologies/python/",
    "/roles/",
    "/search/?q=python",
]


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


@pytest.mark.parametrize("url", PAGES)
def test_a_second_visit_reads_only_the_data_version(client, toy_notes, url):
    first = client.get(url).content
    assert queries(client, url) == 1
    assert client.get(url).content == first


def test_an_import_shows_at_once(client, import_text, toy_notes):
    assert "Quantum" not in client.get("/").content.decode()
    import_text(TOY_NOTES + "# Quantum\n+ skill set:\n\t- Python\n")
    assert "Quantum" in client.get("/").content.decode()


def test_each_query_string_is_its_own_page(client, toy_notes):
    python = client.get("/search/?q=python").content
    kubernetes = client.get("/search/?q=kubernetes").content
    assert python != kubernetes


def test_signed_in_pages_are_never_kept(client, toy_notes, people):
    ana, _ = people
    signed_in(client, ana)
    client.get("/")
    assert queries(client, "/") > 1
    assert "ana" in client.get("/").content.decode()


def test_a_visitor_with_messages_waiting_is_not_served_a_kept_page(client, toy_notes):
    client.get("/")
    client.cookies["messages"] = "anything"
    assert queries(client, "/") > 1


def test_a_missing_page_is_not_kept(client, toy_notes):
    assert client.get("/fields/nope/").status_code == 404
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/fields/nope/").status_code == 404
    assert len(captured) > 1


def test_pages_are_kept_in_files_that_every_worker_shares():
    cache = settings.CACHES["default"]
    assert cache["BACKEND"].endswith("FileBasedCache")
