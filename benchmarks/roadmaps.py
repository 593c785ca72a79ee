"""Roadmaps at 1x, 10x and 100x the real notes: plan generation, re-rank, the gap view and
the fit page.

    .venv/bin/python benchmarks/roadmaps.py [--scales 1,10,100]   # make bench runs all three
    DATABASE_URL=postgres:///fieldnotes .venv/bin/python benchmarks/roadmaps.py

For each scale it imports the notes into a test database (10x and 100x replace them with
taxonomy.notes.synthetic's copies in the real file's grammar), gives a person fifteen known
technologies, and builds two roadmaps: MLOps, and every top-level field (every skill set).
Pages are requested in process through Django's test client, signed in as the owner, so the
figures are the server's work. A roadmap's demand is cached until the data changes: "cold"
is the first request after a change (an import), "warm" the p50/p95 of the requests after
it. Printed beside each figure: its target (p95 <= 150 ms at 10x, 300 ms at 100x) and the
number of queries, which must not grow with the data.
"""

import argparse
import os
import sys
import time
from pathlib import Path

from scaled import as_a_served_worker, import_scaled
from timing import percentile, timed, verdict

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MLOPS = "mlops-or-ml-ops-modelops-aiops"
KNOWN = [
    "python", "docker", "kubernetes", "sql", "linux", "git", "pytorch", "aws", "bash",
    "machine-learning", "deep-learning", "communication", "c-plus-plus", "java", "tensorflow",
]  # fmt: skip
ROUNDS = 20
TARGET_P95 = {10: 0.150, 100: 0.300}


def request(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        took, response = timed(client.get, url)
    assert response.status_code == 200, (url, response.status_code)
    return took, len(queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,10,100", help="comma-separated, e.g. 1,10")
    scales = [int(s) for s in parser.parse_args().scales.split(",")]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    print(f"Database: {connection.vendor}")
    name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        for scale in scales:
            run(scale)
    finally:
        connection.creation.destroy_test_db(name, verbosity=0)


def run(scale: int) -> None:
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.test import Client

    from postings.models import Role
    from roadmaps.models import Roadmap
    from roadmaps.services import create_roadmap, move_step, rerank_roadmap, set_levels
    from taxonomy.models import DataVersion, ResearchArea, SkillSet, Technology

    cache.clear()
    start = time.perf_counter()
    import_scaled(scale)
    print(
        f"\n{scale}x: {SkillSet.objects.count():,} skill sets, {Role.objects.count():,} roles "
        f"(imported in {time.perf_counter() - start:.0f} s)"
    )
    as_a_served_worker()
    Roadmap.objects.all().delete()
    owner, _ = get_user_model().objects.get_or_create(username="bench")
    set_levels(user=owner, levels={t: "working" for t in Technology.objects.filter(slug__in=KNOWN)})
    client = Client()
    client.force_login(owner)
    target = TARGET_P95.get(scale)
    for label, areas in (
        ("MLOps", ResearchArea.objects.filter(slug=MLOPS)),
        ("all fields", ResearchArea.objects.roots()),
    ):
        DataVersion.objects.bump()  # as an import does: nothing cached
        generated, roadmap = timed(create_roadmap, owner=owner, title=f"Bench {label}", areas=areas)
        again, _ = timed(create_roadmap, owner=owner, title=f"Bench {label} again", areas=areas)
        print(
            f"  {label}: plan generated in {generated * 1000:7.1f} ms cold, "
            f"{again * 1000:6.1f} ms warm; {roadmap.steps.count()} steps"
        )
        # The owner moves two steps by hand, then the data changes and the plan is re-ranked.
        for step in roadmap.steps.order_by("-stage", "-position")[:2]:
            move_step(step=step, stage=0, position=0)
        DataVersion.objects.bump()
        cold, result = timed(rerank_roadmap, roadmap=roadmap)
        warm, _ = timed(rerank_roadmap, roadmap=roadmap)
        print(
            f"    re-rank   cold {cold * 1000:7.1f} ms, warm {warm * 1000:6.1f} ms; "
            f"{result.summary()}"
        )
        base = roadmap.get_absolute_url()
        for page, url in (
            ("gap view", f"{base}gap/"),
            ("fit page", f"/roadmaps/fit/?roadmap={roadmap.slug}"),
        ):
            DataVersion.objects.bump()
            cold, _ = request(client, url)
            timings, queries = zip(*(request(client, url) for _ in range(ROUNDS)), strict=True)
            p95 = percentile(timings, 0.95)
            print(
                f"    {page:<9} cold {cold * 1000:7.1f} ms, warm p50 "
                f"{percentile(timings, 0.5) * 1000:7.1f} ms p95 {p95 * 1000:7.1f} ms, "
                f"{max(queries)} queries{verdict(p95, target)}"
            )
    timings, queries = zip(*(request(client, "/roadmaps/fit/") for _ in range(3)), strict=True)
    print(
        f"  fit to every role: p50 {percentile(timings, 0.5) * 1000:7.1f} ms, "
        f"{max(queries)} queries"
    )


if __name__ == "__main__":
    main()
