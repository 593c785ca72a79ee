"""The API's addresses: every answer revalidates against the data version, and an address
under ``/api/v1/`` that names nothing answers a JSON 404, not the site's HTML page."""

from django.http import JsonResponse
from django.urls import path
from django.views.decorators.http import condition

from api.v1 import api
from taxonomy.models import DataVersion


def _version(request, *args, **kwargs):
    """The data version and whose answer it is (a signed-in person's own roadmaps differ)."""
    if not hasattr(request, "_data_version"):
        row = DataVersion.objects.filter(pk=1).values_list("token", "changed").first()
        request._data_version = row or ("", None)
    return request._data_version


def _etag(request, *args, **kwargs) -> str:
    token, _ = _version(request)
    return f"{token or 'empty'}-{request.user.pk or 0}"


def _last_modified(request, *args, **kwargs):
    return _version(request)[1]


def _revalidated(urls):
    patterns, app_name, namespace = urls
    for pattern in patterns:
        pattern.callback = condition(etag_func=_etag, last_modified_func=_last_modified)(
            pattern.callback
        )
    return patterns, app_name, namespace


def not_found(request, rest):
    return JsonResponse({"detail": f"No such address: /api/v1/{rest}"}, status=404)


urlpatterns = [
    path("api/v1/", _revalidated(api.urls)),
    path("api/v1/<path:rest>", not_found),
]
