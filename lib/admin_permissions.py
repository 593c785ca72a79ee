"""Permissions for the admin's own pages (the views a ModelAdmin adds in ``get_urls``).

The admin checks permissions in its standard views only; ``admin_view`` lets in any active
staff user. So each custom view names the permissions it needs, refuses everyone else with
``require_permissions`` (403) and shows its link only where ``has_permissions`` is true.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied


def has_permissions(request, permissions: Iterable[str]) -> bool:
    """Whether the user holds every one of ``permissions`` ("app_label.codename")."""
    return request.user.has_perms(permissions)


def require_permissions(request, permissions: Iterable[str]) -> None:
    """Raise ``PermissionDenied`` (403) unless the user holds every one of ``permissions``."""
    if not has_permissions(request, permissions):
        raise PermissionDenied
