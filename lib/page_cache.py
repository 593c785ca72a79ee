"""Whole public pages kept in the cache for the present version of the data.

A page is computed once per change of the data (every write bumps ``DataVersion``), not
once per visit. Only what every visitor sees the same is kept: a GET from someone with no
session and no pending messages, answered 200 without setting a cookie or a CSRF token.
"""

from __future__ import annotations

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

from taxonomy.models import CACHE_SECONDS, DataVersion

MESSAGES_COOKIE = "messages"  # django.contrib.messages' cookie storage


def cached_page(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _same_for_everyone(request):
            return view(request, *args, **kwargs)
        path = request.get_full_path().encode()
        key = f"fieldnotes:page:{DataVersion.objects.token()}:{hashlib.sha256(path).hexdigest()}"
        kept = cache.get(key)
        if kept is not None:
            content, content_type = kept
            return HttpResponse(content, content_type=content_type)
        response = view(request, *args, **kwargs)
        if _keepable(request, response):
            cache.set(key, (response.content, response["Content-Type"]), CACHE_SECONDS)
        return response

    return wrapper


def _same_for_everyone(request) -> bool:
    cookies = request.COOKIES
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in cookies
        and MESSAGES_COOKIE not in cookies
    )


def _keepable(request, response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    )
