"""Sign-in throttling (django-axes): guessing a password stops after a few wrong ones."""

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

LIMIT = settings.AXES_FAILURE_LIMIT


def sign_in(client, url, password, username="ana"):
    return client.post(url, {"username": username, "password": password})


@pytest.mark.parametrize("url", [reverse("login"), reverse("admin:login")])
def test_after_the_failure_limit_even_the_right_password_is_refused_with_429(client, people, url):
    for _ in range(LIMIT - 1):
        assert sign_in(client, url, "wrong password").status_code == 200
    assert sign_in(client, url, "wrong password").status_code == 429
    response = sign_in(client, url, "correct-horse-battery")
    page = response.content.decode()
    assert response.status_code == 429
    assert "<h1>Too many attempts</h1>" in page
    assert f"failed {LIMIT} times" in page and "0:15:00" in page
    assert "_auth_user_id" not in client.session


def test_a_right_password_before_the_limit_signs_in_and_forgets_the_failures(client, people):
    for _ in range(LIMIT - 1):
        sign_in(client, reverse("login"), "wrong password")
    assert sign_in(client, reverse("login"), "correct-horse-battery").status_code == 302
    assert not AccessAttempt.objects.filter(username="ana").exists()


def test_one_account_locked_leaves_the_others_open(client, people):
    for _ in range(LIMIT):
        sign_in(client, reverse("login"), "wrong password")
    response = sign_in(client, reverse("login"), "correct-horse-battery", username="bob")
    assert response.status_code == 302


def test_a_curator_unlocking_the_account_lets_the_person_in_again(client, people):
    for _ in range(LIMIT):
        sign_in(client, reverse("login"), "wrong password")
    AccessAttempt.objects.filter(username="ana").delete()  # the admin's delete action
    assert sign_in(client, reverse("login"), "correct-horse-battery").status_code == 302
