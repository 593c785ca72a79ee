"""The gap view: what the targets ask for and is not done, what the most target roles
require first."""

import re

import pytest

from roadmaps.demand import target_demand, target_roles
from roadmaps.services import create_roadmap, set_progress
from taxonomy.models import ResearchArea, Technology

pytestmark = pytest.mark.django_db

# Three skill sets without a role ask for Communication and Python; two roles require SQL,
# one of them Airflow too.
NOTES = """# Data
## Pipelines
+ skill set:
\t- Data Engineer
\t- Airflow and SQL
+ skill set:
\t- Analytics Engineer
\t- SQL
+ skill set:
\t- Communication and Python
+ skill set:
\t- Communication and Python
+ skill set:
\t- Communication and Python, Airflow is a plus
"""


@pytest.fixture
def roadmap(import_text, people):
    import_text(NOTES)
    pipelines = ResearchArea.objects.get(slug="pipelines")
    return create_roadmap(owner=people[0], title="Pipelines", areas=[pipelines])


def gap_rows(client, roadmap) -> list[tuple[str, str]]:
    client.force_login(roadmap.owner)
    page = client.get(f"{roadmap.get_absolute_url()}gap/").content.decode()
    return re.findall(
        r'<td><a href="/technologies/([\w-]+)/">.*?</a></td>\s*<td class="requiring">(.*?)</td>',
        page,
    )


def test_the_demand_counts_target_roles_requiring_each_technology(roadmap):
    demand = target_demand(areas=roadmap.areas.all(), roles=[])
    named = demand.technologies()
    by_slug = {named[pk].slug: n for pk, n in demand.roles_requiring.items()}
    assert by_slug == {"sql": 2, "apache-airflow": 1}
    assert demand.role_count == 2
    # The fit page lists the same target roles.
    assert target_roles(areas=roadmap.areas.all(), roles=[]).count() == 2
    named = demand.technologies()
    ranked = [named[row.technology].slug for row in demand.ranked]
    assert ranked[:2] == ["communication", "python"]  # asked for most, by sets without a role


def test_what_the_most_target_roles_require_comes_first_then_the_plans_order(
    client, roadmap, people
):
    rows = gap_rows(client, roadmap)
    assert [slug for slug, _ in rows] == ["sql", "apache-airflow", "communication", "python"]
    assert rows[0][1] == "<strong>2</strong> of 2"
    assert rows[2][1] == '<span class="muted">none</span>'


def test_skipped_comes_last_and_done_is_gone_whatever_it_unlocks(client, roadmap, people):
    ana = people[0]
    set_progress(user=ana, technology=Technology.objects.get(slug="sql"), status="skipped")
    set_progress(user=ana, technology=Technology.objects.get(slug="python"), status="working")
    rows = gap_rows(client, roadmap)
    assert [slug for slug, _ in rows] == ["apache-airflow", "communication", "sql"]


def test_each_technology_names_five_roles_asking_by_title_and_counts_the_rest(
    client, import_text, people
):
    titles = ["Zeta Engineer", "Alpha Engineer", "Eta Engineer", "Beta Engineer"]
    titles += ["Gamma Engineer", "Delta Engineer", "Epsilon Engineer"]
    import_text("# Data\n" + "".join(f"+ skill set:\n\t- {t}\n\t- SQL\n" for t in titles))
    roadmap = create_roadmap(owner=people[0], title="Data", areas=ResearchArea.objects.all())
    client.force_login(people[0])
    page = client.get(f"{roadmap.get_absolute_url()}gap/").content.decode()
    named = re.findall(r'<a href="/roles/[\w-]+/">(\w+) Engineer</a>', page)
    assert named == ["Alpha", "Beta", "Delta", "Epsilon", "Eta"]
    assert "and 2 more" in page
