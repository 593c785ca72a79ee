"""A person's fit to roles: requirements known, weighted by the lines asking, and what is missing.

In the notes below, with ana knowing Kubernetes (expert) and Python (working) and learning
Terraform (which does not count yet):

    role                   requirements (lines)                  known    fit
    ML Platform Engineer   Kubernetes 2, Python 1, Go 1 = 4      3        75%, missing Go
    Data Engineer          Apache Spark 1, SQL 1, Python 1 = 3   1        33%, missing
                                                                          Apache Spark, SQL
Each role prefers one technology (Terraform, Apache Airflow) that ana does not know.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from postings.models import Role
from roadmaps.fit import known_by, requirements_of, role_fits
from roadmaps.services import create_roadmap, set_levels
from taxonomy.models import ResearchArea, Technology
from taxonomy.notes.synthetic import scale_notes

pytestmark = pytest.mark.django_db
URL = "/roadmaps/fit/"
NOTES = """# Platforms
## MLOps
+ skill set:
\t- ML Platform Engineer
\t- Kubernetes and Python
\t- Writing Kubernetes operators in Go
\t- Terraform is a plus
## Data
+ skill set:
\t- Data Engineer
\t- SQL and Apache Spark
\t- Python
\t- Apache Airflow is a plus
"""


@pytest.fixture
def ana(import_text, people):
    import_text(NOTES)
    ana = people[0]
    levels = {"kubernetes": "expert", "python": "working", "terraform": "learning"}
    set_levels(
        user=ana, levels={Technology.objects.get(slug=s): level for s, level in levels.items()}
    )
    return ana


def fit_of(user, title):
    role = Role.objects.get(title=title)
    return role_fits(user=user, roles=Role.objects.filter(pk=role.pk))[role.pk]


def test_fit_is_the_share_of_requirement_lines_known_with_the_heaviest_misses(ana):
    platform = fit_of(ana, "ML Platform Engineer")
    assert platform.percent == 75
    assert (platform.required_known, len(platform.required)) == (2, 3)
    assert (platform.preferred_known, len(platform.preferred)) == (0, 1)
    assert platform.missing == [("Go", "go")]

    data = fit_of(ana, "Data Engineer")
    assert data.score == pytest.approx(1 / 3)
    assert data.missing == [("Apache Spark", "apache-spark"), ("SQL", "sql")]


def test_the_fit_page_ranks_every_role_best_first(client, ana):
    client.force_login(ana)
    page = client.get(URL).content.decode()
    titles = re.findall(r'<td><a href="/roles/[\w-]+/">([^<]+)</a>', page)
    assert titles == ["ML Platform Engineer", "Data Engineer"]
    assert "<strong>75%</strong> of its requirements (2 of 3); 0 of 1 preferred" in page
    assert '<a href="/technologies/go/">Go</a>' in page


def test_the_fit_page_for_a_roadmap_lists_the_roles_of_its_targets(client, ana, people):
    mlops = ResearchArea.objects.get(slug="mlops")
    mine = create_roadmap(owner=ana, title="Mine", areas=[mlops])
    bobs_private = create_roadmap(owner=people[1], title="Bob's", areas=[mlops])
    bobs_public = create_roadmap(owner=people[1], title="Open", areas=[mlops], is_public=True)
    client.force_login(ana)
    for roadmap in (mine, bobs_public):
        page = client.get(URL, {"roadmap": roadmap.slug}).content.decode()
        assert re.findall(r'<td><a href="/roles/[\w-]+/">([^<]+)</a>', page) == [
            "ML Platform Engineer"
        ]
    assert client.get(URL, {"roadmap": bobs_private.slug}).status_code == 404
    assert client.get(URL, {"roadmap": "nowhere"}).status_code == 404


def test_fit_is_for_a_signed_in_person_only(client, ana):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    role = Role.objects.get(title="ML Platform Engineer")
    assert "Your fit" not in client.get(role.get_absolute_url()).content.decode()
    client.force_login(ana)
    panel = client.get(role.get_absolute_url()).content.decode()
    assert re.search(r"Your fit</h2>\s*<p><strong>75%</strong>", panel)


def test_fit_pages_run_the_same_queries_however_many_roles(client, import_text, people):
    client.force_login(people[0])

    def queries() -> dict[str, int]:
        role = Role.objects.order_by("pk").first()
        found = {}
        for url in (URL, role.get_absolute_url()):
            with CaptureQueriesContext(connection) as captured:
                assert client.get(url).status_code == 200
            found[url.split("/")[1]] = len(captured)
        return found

    import_text(NOTES)
    once = queries()
    import_text(scale_notes(NOTES, 3))
    assert Role.objects.count() > 2
    assert queries() == once


def test_the_scores_the_database_counts_are_the_fits_of_every_real_role(real_notes, people):
    ana = people[0]
    names = ["Python", "Docker", "Kubernetes", "SQL", "PyTorch", "Communication"]
    set_levels(user=ana, levels={Technology.objects.get(name=n): "working" for n in names})
    fits = role_fits(user=ana, roles=Role.objects.all())
    scores = requirements_of(Role.objects.all(), key="every role").scores(known_by(ana))
    expected = {pk: fit.score for pk, fit in fits.items() if fit.score is not None}
    assert len(expected) > 100
    assert scores.keys() == expected.keys()
    assert all(scores[pk] == pytest.approx(expected[pk]) for pk in expected)
