"""Server-side timings of the public site on the real notes and on ten times as much.

    make bench                                   # SQLite
    DATABASE_URL=postgres:///fieldnotes make bench   # and PostgreSQL

For each scale it imports the notes into a fresh test database (1x: the real file; 10x:
taxonomy.notes.synthetic's copies in the real file's grammar), then requests pages through
Django's test client, in process, so the figures are the server's work: URL routing, views,
queries and templates, without network or browser. Every request finds the page cache empty
(``timing.cold_get``): the figures are what a page costs after the data changed. Printed:
p50 and p95 of search over a fixed list of queries, and of field pages over a fixed sample
of fields; then the roadmap target picker. benchmarks/pages.py times one page of each kind
at 100x; benchmarks/roadmaps.py times plan generation, the gap view and the fit page.
"""

import os
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

from scaled import as_a_served_worker, import_scaled
from timing import cold_get, percentile, verdict

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ROUNDS = 3
QUERIES = [
    "STCO", "formal verification", "pytorch", "pytorh", "kubernetes", "kubernetse",
    "python", "machine learning", "mlops", "computer vision", "nlp", "data engineering",
    "spark", "verilog", "systemverilog uvm", "tcl", "c++", "physical design",
    "static timing analysis", "synopsys", "cadence", "deep learning", "tensorflow", "docker",
    "aws", "sql", "statistics", "research scientist", "engineer", "senior", "llm",
    "transformer", "graph neural network", "compiler", "quantum", '"machine learning" -python',
    "experience", "phd", "쿠버네티스", "recommender systems",
]  # fmt: skip
FIELD_SAMPLE = 30
PICKER_QUERIES = ["ml", "mlops", "vision", "engineer", "verification engineer"]
TARGETS = {"search": 0.050, "field page": 0.150}  # p95 on 10x, seconds


def timed(client, urls):
    return [cold_get(client, url)[0] for _ in range(ROUNDS) for url in urls]


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    from taxonomy.models import ResearchArea, SearchDocument

    setup_test_environment()
    name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    print(f"Database: {connection.vendor} ({name})")
    client = Client()
    search_urls = ["/search/?" + urlencode({"q": q}) for q in QUERIES]
    try:
        for scale in (1, 10):
            start = time.perf_counter()
            import_scaled(scale)
            imported = time.perf_counter() - start
            as_a_served_worker()
            slugs = list(ResearchArea.objects.order_by("position").values_list("slug", flat=True))
            step = max(1, len(slugs) // FIELD_SAMPLE)
            field_urls = [f"/fields/{slug}/" for slug in slugs[::step][:FIELD_SAMPLE]]
            print(
                f"\n{scale}x: {len(slugs):,} fields, {SearchDocument.objects.count():,} search "
                f"documents (imported and indexed in {imported:.1f} s)"
            )
            for label, urls in (("search", search_urls), ("field page", field_urls)):
                timings = timed(client, urls)
                p50, p95 = percentile(timings, 0.5), percentile(timings, 0.95)
                print(
                    f"  {label:<10} {len(urls):>3} urls x {ROUNDS}: p50 {p50 * 1000:6.1f} ms"
                    f"  p95 {p95 * 1000:6.1f} ms"
                    f"{verdict(p95, TARGETS[label] if scale == 10 else None)}"
                )
            time_picker(client)
    finally:
        connection.creation.destroy_test_db(name, verbosity=0)


def time_picker(client) -> None:
    """The roadmap target picker, as a person types (benchmarks/roadmaps.py times the rest)."""
    from django.contrib.auth import get_user_model

    owner, _ = get_user_model().objects.get_or_create(username="bench")
    client.force_login(owner)
    timings = timed(client, ["/roadmaps/new/?" + urlencode({"q": q}) for q in PICKER_QUERIES])
    client.logout()
    print(
        f"  {'picker':<10} {len(PICKER_QUERIES):>3} urls x {ROUNDS}: p50 "
        f"{percentile(timings, 0.5) * 1000:6.1f} ms  max {max(timings) * 1000:6.1f} ms"
    )


if __name__ == "__main__":
    main()
