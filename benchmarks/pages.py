"""Every kind of public page, cold (the cache emptied before each request), at 1x, 10x and
100x the real notes, against the targets of issue 13 (p95 <= 150 ms at 10x, 300 ms at 100x).

    .venv/bin/python benchmarks/pages.py [SCALE ...]        # default: 1 10 100
    DATABASE_URL=postgres:///fieldnotes .venv/bin/python benchmarks/pages.py

Each scale is imported into a fresh test database (taxonomy.notes.synthetic's copies of the
real file; the biggest field keeps its 285 skill sets at every size), then each page is
requested ROUNDS times through Django's test client, in process: the server's work only.
Printed per page: p50, p95, queries and size, and the target beside p95.
"""

import gc
import os
import sys
import time
from pathlib import Path

from scaled import import_scaled
from timing import cold_get, percentile, verdict

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ROUNDS = 7
TARGETS = {10: 0.150, 100: 0.300}  # p95, seconds


def pages() -> list[tuple[str, str]]:
    """(label, url) of each kind of public page, the heaviest of its kind in the data."""
    from django.db.models import Count

    from postings.models import Company, Role
    from taxonomy.models import AskedTechnology, ResearchArea, Technology

    fields = ResearchArea.objects.annotate(n=Count("skill_sets")).order_by("-n", "pk")
    big, second = fields[0], fields[1]
    asked = (
        AskedTechnology.objects.counted().order_by("-demand").values_list("technology", flat=True)
    )
    technology = Technology.objects.get(pk=asked[0])
    company = Company.objects.annotate(n=Count("roles")).order_by("-n", "pk").first()
    role = Role.objects.annotate(n=Count("skill_sets__skills")).order_by("-n", "pk").first()
    return [
        ("home", "/"),
        ("biggest field", big.get_absolute_url()),
        ("technologies", "/technologies/"),
        ("top technology", technology.get_absolute_url()),
        ("compare fields", f"/compare/?a={big.slug}&b={second.slug}"),
        ("roles", "/roles/"),
        ("roles of a field", f"/roles/?field={big.slug}"),
        ("biggest role", role.get_absolute_url()),
        ("companies", "/companies/"),
        ("biggest company", company.get_absolute_url()),
        ("search", "/search/?q=python"),
    ]


def cold(client, url: str):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings = []
    for _ in range(ROUNDS):
        with CaptureQueriesContext(connection) as queries:
            took, response = cold_get(client, url)
        timings.append(took)
    return timings, len(queries), len(response.content)


def main() -> None:
    scales = [int(arg) for arg in sys.argv[1:]] or [1, 10, 100]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    from taxonomy.models import ResearchArea

    setup_test_environment()
    client = Client()
    for scale in scales:
        name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
        try:
            start = time.perf_counter()
            import_scaled(scale)
            took = time.perf_counter() - start
            # The import ran in this process, which a served site's workers never do: collect
            # its garbage now, or a collection of it lands in one page's timing.
            gc.collect()
            print(
                f"\n{connection.vendor}, {scale}x: {ResearchArea.objects.count():,} fields "
                f"(imported in {took:.0f} s); cold, {ROUNDS} rounds"
            )
            target = TARGETS.get(scale)
            for label, url in pages():
                timings, queries, size = cold(client, url)
                p95 = percentile(timings, 0.95)
                print(
                    f"  {label:<17} p50 {percentile(timings, 0.5) * 1000:6.0f} ms"
                    f"  p95 {p95 * 1000:6.0f} ms  {queries:3} queries {size / 1024:6.0f} KB"
                    f"{verdict(p95, target)}"
                )
        finally:
            connection.creation.destroy_test_db(name, verbosity=0)


if __name__ == "__main__":
    main()
