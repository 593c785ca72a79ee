"""Every kind of public page, cold (the cache emptied before each request), at 1x, 10x and
100x the real notes, against the targets of issue 13 (p95 <= 150 ms at 10x, 300 ms at 100x).

    .venv/bin/python benchmarks/pages.py [SCALE ...]        # default: 1 10 100
    DATABASE_URL=postgres:///fieldnotes .venv/bin/python benchmarks/pages.py

Each scale is imported into a fresh test database (taxonomy.notes.synthetic's copies of the
real file; the biggest field keeps its 285 skill sets at every size), then each page is
requested ROUNDS times through Django's test client, in process: the server's work only.
Printed per page: p50, p95, queries and size, and the target beside p95.
"""

import os
import sys
from pathlib import Path

from scaled import scaled_database
from timing import cold_get, table_row

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
        with scaled_database(scale) as took:
            print(
                f"\n{connection.vendor}, {scale}x: {ResearchArea.objects.count():,} fields "
                f"(imported in {took:.0f} s); cold, {ROUNDS} rounds"
            )
            target = TARGETS.get(scale)
            for label, url in pages():
                timings, queries, size = cold(client, url)
                print(table_row(label, timings, queries, size, target))


if __name__ == "__main__":
    main()
