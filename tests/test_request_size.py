"""lib/request_size.py: a request larger than its page accepts is answered 413 unread."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.urls import resolve, reverse

from lib.request_size import RequestSizeMiddleware, accepts_up_to
from taxonomy.admin_import import UPLOAD_BYTES

pytestmark = pytest.mark.django_db
GIGABYTE = str(1024**3)


def test_a_gigabyte_post_to_the_sign_in_page_is_refused_before_it_is_read(client):
    response = client.post("/accounts/login/", {"username": "ana"}, CONTENT_LENGTH=GIGABYTE)
    assert response.status_code == 413
    assert (
        f"sends {1024**3:,} bytes; this page accepts at most 1,048,576."
        in response.content.decode()
    )


def test_a_form_within_the_limit_goes_through(client, people):
    response = client.post(
        "/accounts/login/", {"username": "ana", "password": "correct-horse-battery"}
    )
    assert response.status_code == 302


def test_the_admin_import_accepts_a_notes_file_larger_than_a_form(admin_client):
    url = reverse("admin:taxonomy_researcharea_import")
    assert resolve(url).func.max_request_bytes == UPLOAD_BYTES
    big = SimpleUploadedFile("big.md", b"# A\n" + b"\x00" * (2 * 1024 * 1024))
    response = admin_client.post(url, {"notes": big})
    assert response.status_code == 200
    assert "contains NUL bytes" in response.content.decode()
    assert admin_client.post(url, {}, CONTENT_LENGTH=str(UPLOAD_BYTES + 1)).status_code == 413


def test_add_posting_accepts_a_posting_and_refuses_more_than_it_allows(admin_client):
    url = reverse("admin:postings_posting_add")
    limit = resolve(url).func.max_request_bytes
    assert limit > 1024 * 1024
    assert admin_client.post(url, {}, CONTENT_LENGTH=str(limit + 1)).status_code == 413


@pytest.mark.parametrize("length", ["", "-5", "lots"])
def test_a_missing_or_malformed_length_counts_as_nothing_sent(length):
    request = RequestFactory().post("/", CONTENT_LENGTH=length)
    view = accepts_up_to(0)(lambda request: None)
    assert RequestSizeMiddleware(lambda r: None).process_view(request, view, (), {}) is None
