"""Self sign-up: off unless the site turns it on, then a new person starts with what they know."""

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db
URL = "/accounts/signup/"
GOOD = {
    "username": "cleo",
    "password1": "tall-ferns-and-rivers",
    "password2": "tall-ferns-and-rivers",
}


def test_sign_up_is_off_by_default_and_the_page_does_not_exist(client, settings):
    assert settings.SIGNUP_OPEN is False
    assert client.get(URL).status_code == 404
    assert client.post(URL, GOOD).status_code == 404
    assert not get_user_model().objects.filter(username="cleo").exists()
    login = client.get("/accounts/login/").content.decode()
    assert "Accounts are made by a curator" in login and URL not in login


def test_when_on_a_person_creates_an_account_and_is_signed_in(client, settings):
    settings.SIGNUP_OPEN = True
    assert URL in client.get("/accounts/login/").content.decode()
    assert f'href="{URL}?next=/"' in client.get("/").content.decode()

    response = client.post(URL, GOOD)
    assert response["Location"] == "/roadmaps/known/"
    page = client.get("/roadmaps/known/").content.decode()
    assert "Signed in as <strong>cleo</strong>" in page
    assert "Welcome, cleo." in page
    assert get_user_model().objects.get(username="cleo").is_staff is False


def test_sign_up_goes_on_to_the_page_asked_for_but_never_off_the_site(client, settings):
    settings.SIGNUP_OPEN = True
    assert client.post(URL, GOOD | {"next": "/roadmaps/fit/"})["Location"] == "/roadmaps/fit/"
    client.logout()
    other = GOOD | {"username": "dan", "next": "https://evil.example/"}
    assert client.post(URL, other)["Location"] == "/roadmaps/known/"


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (GOOD | {"password2": "something-else-entirely"}, "match"),
        (GOOD | {"password1": "password", "password2": "password"}, "too common"),
        (GOOD | {"username": "ana"}, "already exists"),
        (GOOD | {"username": "no spaces allowed"}, "Enter a valid username"),
    ],
)
def test_a_bad_sign_up_says_why_and_creates_nobody(client, settings, people, data, error):
    settings.SIGNUP_OPEN = True
    before = get_user_model().objects.count()
    response = client.post(URL, data)
    assert response.status_code == 200
    assert error in response.content.decode()
    assert get_user_model().objects.count() == before


def test_a_signed_in_person_is_sent_to_their_roadmaps(client, settings, people):
    settings.SIGNUP_OPEN = True
    client.force_login(people[0])
    assert client.get(URL)["Location"] == "/roadmaps/"
