"""API tokens: a person makes one at /accounts/tokens/ (its key shown once, only a digest
kept), a script reads the API as them with ``Authorization: Bearer``, and a revoked or
unknown key is a 401, never a quiet anonymous answer."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from api.models import ApiToken
from api.services import MAX_TOKENS, create_token, revoke_token, user_of
from taxonomy.models import Technology
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db


def bearer(key: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_a_token_reads_its_persons_private_roadmaps_and_levels(client, roadmaps, people):
    from roadmaps.services import set_levels

    ana, bob = people
    private, public = roadmaps
    set_levels(user=ana, levels={Technology.objects.get(slug="python"): "expert"})
    _, key = create_token(user=ana, name="notebook")
    mine = client.get("/api/v1/roadmaps", **bearer(key)).json()
    assert {item["slug"] for item in mine["items"]} == {private.slug, public.slug}
    assert client.get(f"/api/v1/roadmaps/{private.slug}", **bearer(key)).status_code == 200
    levels = client.get("/api/v1/progress", **bearer(key)).json()["items"]
    assert [(row["technology"]["slug"], row["level"]) for row in levels] == [("python", "expert")]
    _, bobs = create_token(user=bob, name="bob's")
    assert client.get(f"/api/v1/roadmaps/{private.slug}", **bearer(bobs)).status_code == 404
    assert client.get("/api/v1/progress", **bearer(bobs)).json()["items"] == []


@pytest.mark.parametrize(
    "header",
    ["Bearer fn_nosuchkey", "Bearer ", "Basic YW5hOnB3", "Bearer " + "fn_" + "x" * 5000, "fn_"],
)
def test_an_unknown_or_malformed_key_is_a_401_even_where_no_sign_in_is_needed(
    client, toy_notes, header
):
    response = client.get("/api/v1/fields", HTTP_AUTHORIZATION=header)
    assert response.status_code == 401
    assert response.json()["detail"].startswith("Unknown or revoked token")


def test_a_revoked_token_opens_nothing_and_the_key_is_never_stored(client, people, db):
    ana = people[0]
    token, key = create_token(user=ana, name="laptop")
    assert key.startswith("fn_") and len(key) > 40
    assert key not in (token.digest, token.prefix) and key.startswith(token.prefix)
    assert user_of(key) == ana
    revoke_token(token=token)
    assert user_of(key) is None
    assert client.get("/api/v1/progress", **bearer(key)).status_code == 401


def test_a_token_of_an_inactive_person_opens_nothing(people):
    ana = people[0]
    _, key = create_token(user=ana, name="old")
    ana.is_active = False
    ana.save()
    assert user_of(key) is None


def test_last_use_is_noted_at_most_once_an_hour(people, django_assert_num_queries):
    token, key = create_token(user=people[0], name="cron")
    with django_assert_num_queries(2):  # the lookup and the note
        user_of(key)
    with django_assert_num_queries(1):
        user_of(key)
    ApiToken.objects.filter(pk=token.pk).update(last_used=timezone.now() - timedelta(hours=2))
    with django_assert_num_queries(2):
        user_of(key)


def test_a_person_holds_a_bounded_number_of_named_tokens(people):
    ana = people[0]
    with pytest.raises(ValidationError, match="name"):
        create_token(user=ana, name="   ")
    for number in range(MAX_TOKENS):
        create_token(user=ana, name=f"token {number}")
    with pytest.raises(ValidationError, match="revoke one first"):
        create_token(user=ana, name="one more")


def test_the_tokens_page_shows_a_new_key_once_and_revokes_only_ones_own(client, people):
    ana, bob = people
    assert client.get("/accounts/tokens/").status_code == 302  # to sign in
    page = signed_in(client, ana)
    made = page.post("/accounts/tokens/", {"name": "  my   notebook "})
    assert made.status_code == 200 and made["Cache-Control"] == "no-store"
    token = ApiToken.objects.get(user=ana)
    assert token.name == "my notebook"
    html = made.content.decode()
    key = html.split('<code class="token-key">')[1].split("</code>")[0]
    assert user_of(key) == ana
    again = page.get("/accounts/tokens/").content.decode()
    assert key not in again and f"{token.prefix}…" in again
    bobs, _ = create_token(user=bob, name="bob's")
    assert page.post("/accounts/tokens/", {"revoke": bobs.pk}).status_code == 404
    assert page.post("/accounts/tokens/", {"revoke": "x"}).status_code == 404
    revoked = page.post("/accounts/tokens/", {"revoke": token.pk}, follow=True)
    assert "Revoked my notebook" in revoked.content.decode()
    assert list(ApiToken.objects.values_list("name", flat=True)) == ["bob's"]


def test_answers_to_a_token_vary_by_authorization(client, people, toy_notes):
    _, key = create_token(user=people[0], name="n")
    response = client.get("/api/v1/roadmaps", **bearer(key))
    assert "Authorization" in response["Vary"]


def test_the_openapi_document_names_the_session_and_the_token(client, db):
    document = client.get("/api/v1/openapi.json").json()
    schemes = document["components"]["securitySchemes"]
    assert {scheme["type"] for scheme in schemes.values()} == {"apiKey", "http"}
    security = document["paths"]["/api/v1/progress"]["get"]["security"]
    assert len(security) == 2
