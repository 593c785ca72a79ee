"""Errors are pages of the site: its layout, its stylesheet, a way back."""

import pytest
from django.test import RequestFactory
from django.views.defaults import server_error

from tests.conftest import signed_in

pytestmark = pytest.mark.django_db


def test_an_unknown_address_is_a_404_in_the_sites_layout_with_a_search_box(client):
    response = client.get("/no/such/page/")
    page = response.content.decode()
    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in page
    assert "<code>/no/such/page/</code>" in page
    assert 'href="/static/css/site.css"' in page
    assert 'id="not-found-q"' in page


def test_a_roadmap_of_someone_else_is_a_403_in_the_sites_layout(client, roadmaps, people):
    _, public = roadmaps
    response = signed_in(client, people[1]).get(f"{public.get_absolute_url()}rerank/")
    assert response.status_code == 403
    assert "<h1>Not allowed</h1>" in response.content.decode()
    assert "your account" in response.content.decode()


def test_the_500_page_renders_without_a_request_context_or_the_database(django_assert_num_queries):
    request = RequestFactory().get("/broken/")
    with django_assert_num_queries(0):
        response = server_error(request)
    page = response.content.decode()
    assert response.status_code == 500
    assert "<h1>Something went wrong</h1>" in page
    assert 'href="/static/css/site.css"' in page
