"""A roadmap written out as Markdown that import_notes reads, and as JSON."""

import json

import pytest
from django.utils import timezone

from roadmaps.export import escape, to_data, to_markdown
from roadmaps.models import Roadmap
from roadmaps.reading import read_plan
from roadmaps.services import create_roadmap, set_progress, set_step_note
from taxonomy.models import ResearchArea, Technology
from taxonomy.notes.parser import account_for_every_line, parse_notes, split_lines

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate().isoformat()


@pytest.fixture
def plan(toy_notes, people):
    ana = people[0]
    roadmap = create_roadmap(
        owner=ana,
        title="MLOps *first* plan",
        areas=[ResearchArea.objects.get(slug="mlops")],
        description="Aim: a platform job by **spring**.",
    )
    kubernetes = Technology.objects.get(name="Kubernetes")
    set_progress(user=ana, technology=kubernetes, status="expert")
    set_step_note(
        step=roadmap.steps.get(technology=kubernetes),
        note="Course: [CKAD](https://example.com)\n\n# not a heading",
    )
    return read_plan(Roadmap.objects.for_reading().get(pk=roadmap.pk))


def test_markdown_export_has_a_heading_and_nested_bullets_by_stage(plan):
    text = to_markdown(plan)
    lines = text.splitlines()
    assert lines[0] == "#\tMLOps *first* plan"
    assert "Aim: a platform job by **spring**." in lines
    assert lines.index("+ Now") < lines.index("+ Next") < lines.index("+ Later")
    assert (
        f"\t- Kubernetes (expert since {TODAY}): asked for in 3 of 4 MLOps skill sets "
        "(3 as a requirement); after Docker" in lines
    )
    assert "\t\t* Course: \\[CKAD\\](https://example.com)" in lines
    assert "\t\t* \\# not a heading" in lines
    assert "\t- Communication (not started): " in text
    assert ": 1 of 6 steps done." in text


def test_markdown_export_is_read_by_import_notes_with_every_line_accounted_for(plan, import_text):
    text = to_markdown(plan)
    document = parse_notes(text)
    assert account_for_every_line(document, split_lines(text)) == len(
        [line for line in text.splitlines() if line.strip()]
    )

    import_text(text)
    [area] = ResearchArea.objects.all()
    assert area.name == "MLOps *first* plan"
    assert f"Kubernetes (expert since {TODAY})" in area.notes
    assert "<strong>spring</strong>" in area.notes_html
    assert "[CKAD]" in area.notes_html  # escaped: shown as written, not as a link


def test_json_export_has_targets_steps_statuses_and_figures(plan):
    data = json.loads(json.dumps(to_data(plan)))
    assert data["title"] == "MLOps *first* plan"
    assert data["owner"] == "ana"
    assert data["public"] is False
    assert data["targets"] == {"fields": [{"name": "MLOps", "slug": "mlops"}], "roles": []}
    assert data["progress"] == {
        "done": 1,
        "steps": 6,
        "done_by_day": [{"day": TODAY, "done": 1}],
    }
    docker, kubernetes = data["steps"][:2]
    assert (docker["technology"]["name"], docker["after"]) == ("Docker", [])
    assert kubernetes["stage"] == "now"
    assert kubernetes["technology"] == {
        "name": "Kubernetes",
        "slug": "kubernetes",
        "category": "devops",
    }
    assert (kubernetes["status"], kubernetes["since"]) == ("expert", TODAY)
    assert docker["since"] is None
    assert kubernetes["why"] == "asked for in 3 of 4 MLOps skill sets (3 as a requirement)"
    assert kubernetes["after"] == ["docker"]
    assert kubernetes["figures"]["asked_in"] == 3
    assert kubernetes["figures"]["field_count"] == 4
    assert [s["technology"]["name"] for s in data["steps"]][-1] == "Terraform"


def test_exports_download_with_a_file_name(client, plan, people):
    client.force_login(people[0])
    base = plan.roadmap.get_absolute_url()
    markdown = client.get(f"{base}export.md")
    assert markdown["Content-Type"] == "text/markdown; charset=utf-8"
    assert markdown["Content-Disposition"] == 'attachment; filename="mlops-first-plan.md"'
    assert json.loads(client.get(f"{base}export.json").content)["slug"] == "mlops-first-plan"


def test_escape_keeps_names_as_written():
    assert escape("C++ and C#") == "C++ and C\\#"
    assert (
        escape("a_b *c* [d] <e> `f` g|h \\i") == "a\\_b \\*c\\* \\[d\\] \\<e\\> \\`f\\` g\\|h \\\\i"
    )
