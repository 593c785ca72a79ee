"""The site under load as `make serve` runs it: gunicorn (config/gunicorn.py) with production
settings, on loopback only, against the targets of issue 13.

    .venv/bin/python benchmarks/load.py                                  # SQLite
    DATABASE_URL=postgres:///fieldnotes .venv/bin/python benchmarks/load.py  # PostgreSQL

It builds a throwaway database (a temporary SQLite file, or a database named
fieldnotes_load on the server DATABASE_URL names, dropped at the end), imports the sample
notes (fixtures/notes.md and fixtures/corpus), collects the static files and starts
gunicorn. Then, with CONNECTIONS connections each sending one request after another for
SECONDS seconds, it reports requests/s, p50, p99 and errors for each page, after WARM_UP
seconds of the same load have put it in the cache and woken every worker. Last, it
re-imports notes.md at 10x its size while the connections search, each request a search
nobody asked before (so none is served from the cache), and reports the same figures:
there must be no error.
"""

import asyncio
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

from timing import percentile

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CONNECTIONS = 16
SECONDS = 5
WARM_UP = 1  # seconds of load on each page before its timings count
TARGET_RPS, TARGET_P99 = 300, 0.100  # cached pages, at CONNECTIONS connections
PG_DATABASE = "fieldnotes_load"
SEARCHES = ["python", "kubernetes", "verilog", "machine learning", "pytorch", "sql", "eda"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def manage(*args: str, env: dict) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        timeout=1800,
    )


def postgres(url: str, sql: str) -> None:
    """Run ``sql`` on the maintenance database of the server ``url`` names."""
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(url)
    options = {key.lower(): config[key] for key in ("USER", "PASSWORD", "HOST", "PORT")}
    options = {key: value for key, value in options.items() if value}
    with psycopg.connect(dbname="postgres", autocommit=True, **options) as connection:
        connection.execute(sql)


async def fetch(port: int, path: str) -> int:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
    await writer.drain()
    head = await reader.read()
    writer.close()
    return int(head[9:12]) if head.startswith(b"HTTP/1.") else 0


async def load(port: int, paths, until) -> tuple[list[float], int]:
    """Requests from CONNECTIONS connections until ``until()``; ``paths(n)`` is the n-th
    request's path. Returns each request's seconds and the number that failed."""
    timings: list[float] = []
    errors = 0
    count = 0

    async def connection() -> None:
        nonlocal errors, count
        while not until():
            count += 1
            start = time.perf_counter()
            try:
                status = await fetch(port, paths(count))
            except OSError:
                status = 0
            timings.append(time.perf_counter() - start)
            errors += status != 200

    await asyncio.gather(*(connection() for _ in range(CONNECTIONS)))
    return timings, errors


def report(label: str, timings: list[float], errors: int, seconds: float, target: bool) -> None:
    rps = len(timings) / seconds
    p99 = percentile(timings, 0.99)
    verdict = ""
    if target:
        met = "met" if rps >= TARGET_RPS and p99 <= TARGET_P99 and not errors else "MISSED"
        verdict = f"  target >= {TARGET_RPS}/s, p99 <= {TARGET_P99 * 1000:.0f} ms: {met}"
    print(
        f"  {label:<22} {rps:6.0f} req/s  p50 {percentile(timings, 0.5) * 1000:6.1f} ms"
        f"  p99 {p99 * 1000:7.1f} ms  errors {errors}{verdict}"
    )


def main() -> None:
    url = os.environ.get("DATABASE_URL", "")
    folder = Path(tempfile.mkdtemp(prefix="fieldnotes-load-"))
    if url.startswith("postgres"):
        postgres(url, f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")
        postgres(url, f"CREATE DATABASE {PG_DATABASE}")
        database = url.rsplit("/", 1)[0] + f"/{PG_DATABASE}"
    else:
        database = f"sqlite:///{folder / 'db.sqlite3'}"
    port = free_port()
    env = {
        **os.environ,
        "FIELDNOTES_ENV": "production",
        "DJANGO_SECRET_KEY": "load-benchmark-" + "k" * 40,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_STATIC_ROOT": str(folder / "static"),
        "FIELDNOTES_CACHE_DIR": str(folder / "cache"),
        "DATABASE_URL": database,
        "PORT": str(port),
    }
    server = None
    try:
        manage("migrate", "--noinput", env=env)
        manage("import_notes", "fixtures/notes.md", "fixtures/corpus", env=env)
        manage("collectstatic", "--noinput", env=env)
        gunicorn = Path(sys.executable).parent / "gunicorn"
        server = subprocess.Popen(
            [str(gunicorn), "--config=python:config.gunicorn", "config.wsgi"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        run(port, env, folder)
    finally:
        if server is not None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=60)
        if url.startswith("postgres"):
            postgres(url, f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")


def run(port: int, env: dict, folder: Path) -> None:
    os.environ["DATABASE_URL"] = env["DATABASE_URL"]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.db import connections

    from postings.models import Company
    from taxonomy.models import ResearchArea, Technology
    from taxonomy.notes.synthetic import scale_notes

    deadline = time.monotonic() + 60
    while asyncio.run(_status(port, "/")) != 200:
        if time.monotonic() > deadline:
            raise SystemExit("gunicorn did not answer within 60 s")
        time.sleep(0.5)
    field = ResearchArea.objects.order_by("-level", "pk").first()
    pages = [
        ("home", "/"),
        ("a field page", field.get_absolute_url()),
        ("roles", "/roles/"),
        ("search", "/search/?q=python"),
        ("a technology", Technology.objects.get(slug="python").get_absolute_url()),
    ]
    print(
        f"gunicorn, production settings, {os.environ['DATABASE_URL'].split(':')[0]}; "
        f"{CONNECTIONS} connections, {SECONDS} s per page; pages already in the cache"
    )
    for label, path in pages:
        asyncio.run(load(port, lambda n, p=path: p, _after(WARM_UP)))  # not counted
        timings, errors = asyncio.run(load(port, lambda n, p=path: p, _after(SECONDS)))
        report(label, timings, errors, SECONDS, target=True)

    text = (ROOT / "fixtures" / "notes.md").read_text(encoding="utf-8")
    companies = list(Company.objects.values_list("name", flat=True))
    big = folder / "notes.md"
    big.write_text(scale_notes(text, 10, companies), encoding="utf-8")
    importer = subprocess.Popen(
        [sys.executable, "manage.py", "import_notes", str(big)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    start = time.monotonic()

    def search(n: int) -> str:
        return f"/search/?q={quote(SEARCHES[n % len(SEARCHES)])}&n={n}"

    timings, errors = asyncio.run(load(port, search, lambda: importer.poll() is not None))
    took = time.monotonic() - start
    _, stderr = importer.communicate(timeout=60)
    if importer.returncode != 0:
        raise SystemExit(f"the re-import failed: {stderr.decode()[-500:]}")
    connections.close_all()  # this process's own, so that the database can be dropped
    print(f"while notes.md is re-imported at 10x ({took:.0f} s), searches nobody made before:")
    report("search (uncached)", timings, errors, took, target=False)
    print(f"  errors must be 0: {'met' if errors == 0 else 'MISSED'}")


def _after(seconds: float):
    stop = time.monotonic() + seconds
    return lambda: time.monotonic() > stop


async def _status(port: int, path: str) -> int:
    try:
        return await fetch(port, path)
    except OSError:
        return 0


if __name__ == "__main__":
    main()
