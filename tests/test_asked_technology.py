"""What each skill set asks for (``AskedTechnology``) stays equal to what its lines and tags
say, after every kind of write: imports, admin edits, deletions, postings, retagging."""

from collections import Counter
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from postings.importing.service import delete_posting, import_posting
from postings.models import Posting
from taxonomy.demand import ASKING_KINDS, refresh_asks, technology_demand
from taxonomy.models import AskedTechnology, ResearchArea, Skill, SkillSet, Technology
from taxonomy.services import delete_curated, save_skill_set, save_skills
from tests.conftest import TOY_NOTES, migrate_to, migrate_to_latest

pytestmark = pytest.mark.django_db

POSTING = Path(__file__).resolve().parent.parent / "fixtures" / "postings"


def stored() -> tuple[set[tuple[int, int, int]], dict[int, int]]:
    """The rows, and each asked-for technology's stored demand."""
    rows = set(AskedTechnology.objects.values_list("skill_set", "technology", "area"))
    return rows, dict(Technology.objects.filter(demand__gt=0).values_list("pk", "demand"))


def worked_out() -> tuple[set[tuple[int, int, int]], dict[int, int]]:
    """The rows the data calls for, read line by line in Python, and the demand they make."""
    lines = (
        Skill.objects.public()
        .filter(kind__in=ASKING_KINDS)
        .select_related("skill_set")
        .prefetch_related("tags")
    )
    rows = {
        (line.skill_set_id, tag.pk, line.skill_set.area_id)
        for line in lines
        for tag in line.tags.all()
    }
    return rows, dict(Counter(technology for _, technology, _ in rows))


def demand_of(slug: str) -> int:
    counted = {d.technology.slug: d.count for d in technology_demand()}
    return counted.get(slug, 0)


def set_asking(text: str) -> SkillSet:
    return Skill.objects.get(text=text).skill_set


def test_an_import_records_each_set_once_per_technology_it_asks_for(toy_notes):
    assert stored() == worked_out()
    # Kubernetes: two MLOps sets and the serving one; Python: two MLOps, two Web, Chips.
    assert demand_of("kubernetes") == 3
    assert demand_of("python") == 5
    placeholder = SkillSet.objects.get(is_placeholder=True)
    assert not AskedTechnology.objects.filter(skill_set=placeholder).exists()


def test_a_line_taken_out_of_a_set_on_reimport_is_no_longer_asked(import_text, toy_notes):
    import_text(TOY_NOTES.replace("\t- Kubernetes and Docker\n", "\t- Docker\n"))
    assert stored() == worked_out()
    assert demand_of("kubernetes") == 2


def test_a_line_deleted_from_a_set_on_reimport_no_longer_counts(import_text, toy_notes):
    assert demand_of("mlflow") == 2
    import_text(TOY_NOTES.replace("\t- MLflow is a plus\n", ""))
    assert stored() == worked_out()
    assert demand_of("mlflow") == 1


def test_a_set_taken_out_of_the_notes_takes_its_rows_along(import_text, toy_notes):
    import_text(TOY_NOTES.replace("+ skill set:\n\t- Kubernetes and communication\n", ""))
    assert stored() == worked_out()
    assert demand_of("kubernetes") == 2


def test_technologies_edited_in_the_admin_count_at_once(admin_client, toy_notes):
    line = Skill.objects.get(text="Kubernetes and Docker")
    url = reverse("admin:taxonomy_skill_change", args=[line.pk])
    form = {
        "skill_set": line.skill_set_id,
        "position": line.position,
        "text": line.text,
        "kind": line.kind,
        "tags": "Docker, Rust",
    }
    response = admin_client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert stored() == worked_out()
    assert demand_of("kubernetes") == 2
    assert demand_of("rust") == 1


def test_lines_deleted_in_the_admin_no_longer_count(toy_notes):
    line = Skill.objects.get(text="Kubernetes and Docker")
    save_skills(skills=[], deleted=[line])
    assert stored() == worked_out()
    assert demand_of("kubernetes") == 2 and demand_of("docker") == 0


def test_a_set_moved_to_another_field_counts_there(toy_notes):
    skill_set = set_asking("Kubernetes and communication")
    web = ResearchArea.objects.get(slug="web")
    skill_set.area = web
    save_skill_set(skill_set=skill_set)
    assert stored() == worked_out()
    web_demand = {d.technology.slug: d.count for d in technology_demand(areas=[web.pk])}
    assert web_demand["kubernetes"] == 1


def test_a_set_marked_a_placeholder_asks_for_nothing(toy_notes):
    skill_set = set_asking("Kubernetes and Docker")
    skill_set.is_placeholder = True
    save_skill_set(skill_set=skill_set)
    assert stored() == worked_out()
    assert not AskedTechnology.objects.filter(skill_set=skill_set).exists()


def test_deleting_a_technology_or_a_field_takes_its_rows_along(toy_notes):
    delete_curated(queryset=Technology.objects.filter(slug="kubernetes"))
    assert stored() == worked_out()
    delete_curated(queryset=ResearchArea.objects.filter(slug="mlops"))
    assert stored() == worked_out()
    assert demand_of("mlflow") == 0


def test_a_posting_imported_and_deleted_counts_and_then_does_not(toy_notes):
    before = stored()
    text = (POSTING / "machine-learning-engineer.txt").read_text(encoding="utf-8")
    import_posting(text=text, source_name="machine-learning-engineer.txt")
    assert stored() == worked_out() != before
    delete_posting(posting=Posting.objects.get())
    assert stored() == worked_out() == before


def test_retagging_after_a_new_technology_counts_the_lines_it_tags(import_text):
    import_text(TOY_NOTES + "## Systems\n+ skill set:\n\t- Quokkaflow and Python\n")
    Technology.objects.create(name="Quokkaflow", slug="quokkaflow", category="tool")
    call_command("retag_skills", stdout=StringIO())
    assert stored() == worked_out()
    assert demand_of("quokkaflow") == 1


def test_refreshing_everything_gives_the_same_rows(toy_notes):
    rows = stored()
    AskedTechnology.objects.all().delete()
    Technology.objects.update(demand=0)
    refresh_asks()
    assert stored() == rows


@pytest.mark.django_db(transaction=True)
def test_the_migration_counts_the_data_already_there(import_text):
    import_text(TOY_NOTES)
    rows = stored()
    assert rows
    migrate_to([("taxonomy", "0012_data_version")])
    migrate_to([("taxonomy", "0013_asked_technology")])
    migrate_to_latest()
    assert stored() == rows


def test_a_technology_page_lists_the_roles_that_ask_for_it_not_those_that_name_it(
    client, import_text
):
    import_text(
        "# Cloud\n+ skill set:\n\t- Senior Platform Engineer\n"
        "\t- Acme is the leading provider of managed Kubernetes for banks.\n"
        "\t- Python and SQL\n"
        "+ skill set:\n\t- Site Reliability Engineer\n\t- Kubernetes and Go\n"
    )
    assert Skill.objects.get(text__startswith="Acme").kind == "about"
    html = client.get("/technologies/kubernetes/").content.decode()
    roles = html[html.index('id="roles-heading"') : html.index('id="lines-heading"')]
    assert "Site Reliability Engineer" in roles
    assert "Senior Platform Engineer" not in roles
    # The company's line still mentions it, and is listed among the lines.
    assert "managed Kubernetes for banks" in html[html.index('id="lines-heading"') :]
