"""Making, using and revoking API tokens. A key is ``fn_`` and 40 random characters; the
database keeps its SHA-256 digest, so a leaked database leaks no key."""

import hashlib
import secrets
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from api.models import ApiToken

KEY_START = "fn_"
MAX_TOKENS = 20  # a person's; more is a leak waiting to happen, not a need
MAX_KEY = 100  # longer text in a header is no key of ours: refused before hashing
# ``last_used`` is written at most this often, so reading the API does not write per request.
LAST_USED_EVERY = timedelta(hours=1)


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def create_token(*, user, name: str) -> tuple[ApiToken, str]:
    """A new token of ``user`` named ``name``, and its key (which is never shown again)."""
    name = " ".join(name.split())
    if not name:
        raise ValidationError("Give the token a name, to tell it apart.")
    # Locks the person's row: two requests at once cannot both pass the count.
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    if ApiToken.objects.of(user).count() >= MAX_TOKENS:
        raise ValidationError(f"You have {MAX_TOKENS} tokens already; revoke one first.")
    key = KEY_START + secrets.token_urlsafe(30)
    token = ApiToken.objects.create(
        user=user, name=name[:100], digest=_digest(key), prefix=key[: len(KEY_START) + 5]
    )
    return token, key


@transaction.atomic
def revoke_token(*, token: ApiToken) -> None:
    token.delete()


def user_of(key: str):
    """The person whose token ``key`` is (noting its use), or None: one query, and a write
    at most once per ``LAST_USED_EVERY``."""
    if not key.startswith(KEY_START) or len(key) > MAX_KEY:
        return None
    token = ApiToken.objects.select_related("user").filter(digest=_digest(key)).first()
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used is None or now - token.last_used >= LAST_USED_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used=now)
    return token.user
