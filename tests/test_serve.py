"""`make serve`: the site under gunicorn with production settings, and `check --deploy`.

These start real processes (migrate, import_notes, collectstatic, gunicorn) on a temporary
SQLite database and static folder, and talk to the server over loopback.
"""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent

# What the README's "Serving it for real" section tells a deployment behind a TLS proxy to set.
PRODUCTION_BEHIND_TLS = {
    "FIELDNOTES_ENV": "production",
    "DJANGO_SECRET_KEY": "k" * 20 + "-a-test-key-of-fifty-characters-",
    "DJANGO_ALLOWED_HOSTS": "fieldnotes.example.org",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://fieldnotes.example.org",
    "DJANGO_SECURE_PROXY_SSL_HEADER": "X-Forwarded-Proto",
    "DJANGO_SECURE_HSTS_SECONDS": "31536000",
    "DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS": "1",
    "DJANGO_SECURE_HSTS_PRELOAD": "1",
}


def manage(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_gunicorn_freezes_the_loaded_app_before_forking_a_worker():
    import gc

    from config import gunicorn

    assert gc.get_freeze_count() == 0
    try:
        gunicorn.pre_fork(server=None, worker=None)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_check_deploy_is_clean_with_the_documented_production_environment():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_BEHIND_TLS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_without_tls_options_are_named_by_check_deploy():
    env = {**PRODUCTION_BEHIND_TLS, "DJANGO_SECURE_HSTS_SECONDS": "0"}
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode != 0
    assert "security.W004" in result.stderr


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str) -> tuple[int, dict, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


@pytest.fixture(scope="module")
def serve_folder(tmp_path_factory) -> Path:
    """The served site's database, static files and cache."""
    return tmp_path_factory.mktemp("serve")


@pytest.fixture(scope="module")
def served(serve_folder):
    folder = serve_folder
    port = free_port()
    env = {
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "DJANGO_STATIC_ROOT": str(folder / "static"),
        "FIELDNOTES_CACHE_DIR": str(folder / "cache"),
        "DJANGO_SECRET_KEY": PRODUCTION_BEHIND_TLS["DJANGO_SECRET_KEY"],
        "PORT": str(port),
        "WEB_CONCURRENCY": "2",
    }
    production = {**env, "FIELDNOTES_ENV": "production", "DJANGO_ALLOWED_HOSTS": "127.0.0.1"}
    for step in (("migrate", "--noinput"), ("import_notes", "fixtures/notes.md")):
        result = manage(*step, env=production)
        assert result.returncode == 0, result.stderr
    server = subprocess.Popen(
        ["make", "--no-print-directory", "serve"],
        cwd=BASE_DIR,
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and server.poll() is None:
            try:
                get(base + "/")
                break
            except OSError:
                time.sleep(0.5)
        assert server.poll() is None, server.stdout.read().decode()
        yield base
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def test_make_serve_answers_under_gunicorn_with_debug_off_and_hashed_static_files(served):
    status, headers, page = get(served + "/")
    assert status == 200
    assert headers["Server"].startswith("gunicorn")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "Content-Security-Policy" in headers
    [stylesheet] = [
        part.split('"')[0] for part in page.split('href="')[1:] if ".css" in part.split('"')[0]
    ]
    assert stylesheet.startswith("/static/css/site.") and stylesheet != "/static/css/site.css"
    status, headers, css = get(served + stylesheet)
    assert status == 200 and "max-age=315360000" in headers["Cache-Control"]
    assert "--muted" in css


def test_make_serve_answers_an_unknown_page_with_the_styled_404(served):
    status, _, page = get(served + "/fields/no-such-field/")
    assert status == 404
    assert "<h1>Page not found</h1>" in page
    assert "/static/css/site." in page
    assert "Traceback" not in page


def test_make_serve_serves_a_field_page_of_the_imported_notes(served):
    status, _, page = get(served + "/search/?q=mlops")
    assert status == 200
    assert "MLOps" in page


def test_make_serve_keeps_pages_in_a_cache_its_workers_share(served, serve_folder):
    assert get(served + "/technologies/")[0] == 200
    assert any((serve_folder / "cache").glob("*.djcache"))
