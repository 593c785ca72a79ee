"""The API's addresses. It answers GET and HEAD only. A request with ``Authorization:
Bearer <key>`` reads as the key's person (an unknown or revoked key is a 401, never a
silent anonymous answer). Every answer can be revalidated: the browsable data's by the data
version, without computing it again; a person's own (their roadmaps, their levels) by a
hash of the answer, since their edits do not change the data version. An address under
``/api/v1/`` that names nothing answers a JSON 404, not the site's HTML page."""

from functools import wraps

from django.http import JsonResponse
from django.middleware.http import ConditionalGetMiddleware
from django.urls import path
from django.utils.cache import patch_vary_headers
from django.utils.decorators import decorator_from_middleware
from django.views.decorators.http import condition

from api.services import user_of
from api.v1 import PERSONAL, api
from taxonomy.models import DataVersion


def read_only(view):
    """``view`` as the API answers every request: GET or HEAD only (anything else is a JSON
    405), and as the person whose key the request bears, if it bears one."""

    @wraps(view)
    def answer(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            detail = f"The API only reads: use GET, not {request.method[:20]}."
            response = JsonResponse({"detail": detail}, status=405)
            response["Allow"] = "GET, HEAD"
            return response
        request.method = "GET"  # a HEAD is answered as a GET; the server drops the body
        if header := request.headers.get("Authorization", ""):
            scheme, _, key = header.partition(" ")
            user = user_of(key.strip()) if scheme.lower() == "bearer" else None
            if user is None:
                detail = "Unknown or revoked token: send Authorization: Bearer and a key."
                return JsonResponse({"detail": detail}, status=401)
            request.user = user
        response = view(request, *args, **kwargs)
        patch_vary_headers(response, ["Authorization"])
        return response

    return answer


def _version(request, *args, **kwargs):
    if not hasattr(request, "_data_version"):
        row = DataVersion.objects.filter(pk=1).values_list("token", "changed").first()
        request._data_version = row or ("", None)
    return request._data_version


def _etag(request, *args, **kwargs) -> str:
    return _version(request)[0] or "empty"


def _last_modified(request, *args, **kwargs):
    return _version(request)[1]


by_data_version = condition(etag_func=_etag, last_modified_func=_last_modified)
by_content = decorator_from_middleware(ConditionalGetMiddleware)


def _revalidated(urls):
    patterns, app_name, namespace = urls
    for pattern in patterns:
        revalidate = by_content if pattern.name in PERSONAL else by_data_version
        pattern.callback = read_only(revalidate(pattern.callback))
    return patterns, app_name, namespace


def not_found(request, rest):
    return JsonResponse({"detail": f"No such address: /api/v1/{rest}"}, status=404)


urlpatterns = [
    path("api/v1/", _revalidated(api.urls)),
    path("api/v1/<path:rest>", read_only(not_found)),
]
