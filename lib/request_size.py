"""A bound on how much any request may send, checked before anything reads the body.

Every view accepts ``settings.MAX_REQUEST_BYTES`` (small: forms of text) unless it is
decorated with ``accepts_up_to``, as the admin's upload views are. A larger request is
answered 413 at once, from its ``Content-Length``, so a 1 GB POST to the sign-in page costs
nothing. (Django reads no more than ``Content-Length`` bytes, so a body sent without one is
never read.)
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponse


def accepts_up_to(max_bytes: int):
    """Let the decorated view receive requests of up to ``max_bytes``."""

    def decorate(view):
        view.max_request_bytes = max_bytes
        return view

    return decorate


def _content_length(request) -> int:
    try:
        return max(0, int(request.META.get("CONTENT_LENGTH") or 0))
    except ValueError:
        return 0


class RequestSizeMiddleware:
    """Answer 413 to a request larger than its view accepts. List it before any middleware
    that reads the body (CSRF reads the form of a POST)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        limit = getattr(view_func, "max_request_bytes", settings.MAX_REQUEST_BYTES)
        size = _content_length(request)
        if size > limit:
            return HttpResponse(
                f"This request sends {size:,} bytes; this page accepts at most {limit:,}.\n",
                status=413,
                content_type="text/plain; charset=utf-8",
            )
        return None
