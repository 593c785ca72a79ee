"""The read API's main endpoints at 1x and 10x the real notes, against issue 15's target
(p95 <= 50 ms at 10x).

    .venv/bin/python benchmarks/api.py [SCALE ...]        # default: 1 10
    DATABASE_URL=postgres:///fieldnotes .venv/bin/python benchmarks/api.py

Each scale is imported into a fresh test database (taxonomy.notes.synthetic's copies of the
real file), then each endpoint is requested ROUNDS times through Django's test client, in
process (the server's work only), signed in as a person with one MLOps roadmap. The API
keeps no cache of its own: every request computes its answer. Printed per endpoint: p50,
p95, queries and size, the target beside p95; the first request's time; and a revalidation
(If-None-Match, a 304).
"""

import os
import sys
from pathlib import Path

from scaled import scaled_database
from timing import table_row, timed

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ROUNDS = 20
TARGETS = {10: 0.050}  # p95, seconds
MLOPS = "mlops-or-ml-ops-modelops-aiops"


def endpoints(roadmap) -> list[tuple[str, str]]:
    """(label, url) of the main endpoints, each at its heaviest in the data."""
    from django.db.models import Count

    from postings.models import Role

    role, second = Role.objects.annotate(n=Count("skill_sets__skills")).order_by("-n", "pk")[:2]
    return [
        ("fields", "/api/v1/fields"),
        ("one field", f"/api/v1/fields/{MLOPS}"),
        ("roles", "/api/v1/roles?page=3"),
        ("roles filtered", f"/api/v1/roles?field={MLOPS}&technology=python"),
        ("biggest role", f"/api/v1/roles/{role.slug}"),
        ("companies", "/api/v1/companies"),
        ("technologies", "/api/v1/technologies"),
        ("field demand", f"/api/v1/technologies?field={MLOPS}"),
        ("demand by field", "/api/v1/technologies/by-field"),
        ("search", "/api/v1/search?q=python"),
        ("compare fields", f"/api/v1/compare/fields?a={MLOPS}&b=computer-vision"),
        ("compare roles", f"/api/v1/compare/roles?a={role.slug}&b={second.slug}"),
        ("roadmaps", "/api/v1/roadmaps"),
        ("one roadmap", f"/api/v1/roadmaps/{roadmap.slug}"),
        ("progress", "/api/v1/progress"),
    ]


def measure(client, url: str):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings = []
    for _ in range(ROUNDS):
        with CaptureQueriesContext(connection) as queries:
            took, response = timed(client.get, url)
        assert response.status_code == 200, (url, response.status_code)
        timings.append(took)
    return timings, len(queries), response


def main() -> None:
    scales = [int(arg) for arg in sys.argv[1:]] or [1, 10]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    from roadmaps.services import create_roadmap, set_levels
    from taxonomy.models import ResearchArea, Technology

    setup_test_environment()
    for scale in scales:
        with scaled_database(scale) as took:
            owner, _ = get_user_model().objects.get_or_create(username="bench")
            set_levels(user=owner, levels={t: "working" for t in Technology.objects.all()[:40]})
            roadmap = create_roadmap(
                owner=owner, title="Bench", areas=ResearchArea.objects.filter(slug=MLOPS)
            )
            client = Client()
            client.force_login(owner)
            print(
                f"\n{connection.vendor}, {scale}x: {ResearchArea.objects.count():,} fields "
                f"(imported in {took:.0f} s); {ROUNDS} rounds, signed in"
            )
            target = TARGETS.get(scale)
            for label, url in endpoints(roadmap):
                timings, queries, response = measure(client, url)
                revalidated, again = timed(client.get, url, HTTP_IF_NONE_MATCH=response["ETag"])
                assert again.status_code == 304, (url, again.status_code)
                size = len(response.content)
                extra = f"  first {timings[0] * 1000:5.0f} ms  304 in {revalidated * 1000:4.1f} ms"
                print(table_row(label, timings, queries, size, target, extra))


if __name__ == "__main__":
    main()
