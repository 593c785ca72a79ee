import os
import subprocess
import sys

import pytest


def settings_with(**env):
    result = subprocess.run(
        [sys.executable, "-c", "import django; from django.conf import settings; settings.DEBUG"],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    return result.returncode, result.stderr


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DJANGO_DEBUG": "ture"}, "DJANGO_DEBUG='ture' is not a boolean"),
        ({"FIELDNOTES_ENV": "production"}, "needs DJANGO_SECRET_KEY"),
        ({"FIELDNOTES_ENV": "prod"}, "FIELDNOTES_ENV='prod' must be one of"),
        ({"DATABASE_URL": "mysql://x/y"}, "must point at SQLite or PostgreSQL"),
        ({"DJANGO_SECURE_HSTS_SECONDS": "a year"}, "'a year' must be a whole number"),
        ({"DJANGO_SECURE_HSTS_SECONDS": "-1"}, "'-1' must be a whole number, 0 or more"),
        ({"DJANGO_CSRF_TRUSTED_ORIGINS": "example.org"}, "needs its scheme, as https://"),
        ({"DJANGO_SECURE_PROXY_SSL_HEADER": "X-Forwarded-Proto: https"}, "is not a header"),
        ({"FIELDNOTES_CACHE_ENTRIES": "10"}, "'10' must be a whole number, 100 or more"),
    ],
)
def test_bad_settings_stop_start_up_loudly(env, message):
    code, stderr = settings_with(**env)
    assert code != 0
    assert message in stderr


def test_production_starts_with_a_real_key_and_hosts():
    code, stderr = settings_with(
        FIELDNOTES_ENV="production",
        DJANGO_SECRET_KEY="x" * 50,
        DJANGO_ALLOWED_HOSTS="fieldnotes.example.org",
    )
    assert code == 0, stderr
