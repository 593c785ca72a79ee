"""A roadmap written out as Markdown that import_notes reads, and as JSON."""

import json
from datetime import UTC, datetime

import pytest

from roadmaps.export import escape, to_data, to_markdown
from roadmaps.fit import target_fit
from roadmaps.models import LevelChange, Roadmap
from roadmaps.reading import read_plan
from roadmaps.services import create_roadmap, set_progress, set_step_note
from taxonomy.models import ResearchArea, Technology
from taxonomy.notes.parser import account_for_every_line, parse_notes, split_lines

pytestmark = pytest.mark.django_db
# Levels are dated from their LevelChange; the fixture pins it, so no test depends on the clock
# (a run that crosses midnight once made "today" two different days).
REACHED = datetime(2026, 3, 1, 12, tzinfo=UTC)
REACHED_ON = REACHED.date().isoformat()


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
    LevelChange.objects.update(at=REACHED)
    set_step_note(
        step=roadmap.steps.get(technology=kubernetes),
        note="Course: [CKAD](https://example.com)\n\n# not a heading",
    )
    return read_plan(Roadmap.objects.for_reading().get(pk=roadmap.pk))


@pytest.fixture
def fit(plan):
    roadmap = plan.roadmap
    return target_fit(user=roadmap.owner, areas=roadmap.areas.all(), roles=roadmap.roles.all())


def test_markdown_export_has_a_heading_and_nested_bullets_by_stage(plan, fit):
    text = to_markdown(plan, fit)
    lines = text.splitlines()
    assert lines[0] == "#\tMLOps *first* plan"
    assert "Aim: a platform job by **spring**." in lines
    assert lines.index("+ Now") < lines.index("+ Next") < lines.index("+ Later")
    assert (
        f"\t- Kubernetes (expert since {REACHED_ON}): asked for in 3 of 4 MLOps skill sets "
        "(3 as a requirement); after Docker" in lines
    )
    assert "\t\t* Course: \\[CKAD\\](https://example.com)" in lines
    assert "\t\t* \\# not a heading" in lines
    assert "\t- Communication (not started): " in text
    assert ": 1 of 6 steps done." in text


def test_markdown_export_is_read_by_import_notes_with_every_line_accounted_for(
    plan, fit, import_text
):
    text = to_markdown(plan, fit)
    document = parse_notes(text)
    assert account_for_every_line(document, split_lines(text)) == len(
        [line for line in text.splitlines() if line.strip()]
    )

    import_text(text)
    [area] = ResearchArea.objects.all()
    assert area.name == "MLOps *first* plan"
    assert f"Kubernetes (expert since {REACHED_ON})" in area.notes
    assert "<strong>spring</strong>" in area.notes_html
    assert "[CKAD]" in area.notes_html  # escaped: shown as written, not as a link


def test_json_export_has_targets_steps_statuses_and_figures(plan, fit):
    data = json.loads(json.dumps(to_data(plan, fit)))
    assert data["title"] == "MLOps *first* plan"
    assert data["owner"] == "ana"
    assert data["public"] is False
    assert data["targets"] == {"fields": [{"name": "MLOps", "slug": "mlops"}], "roles": []}
    assert data["progress"] == {
        "done": 1,
        "steps": 6,
        "done_by_day": [{"day": REACHED_ON, "done": 1}],
    }
    docker, kubernetes = data["steps"][:2]
    assert (docker["technology"]["name"], docker["after"]) == ("Docker", [])
    assert kubernetes["stage"] == "now"
    assert kubernetes["technology"] == {
        "name": "Kubernetes",
        "slug": "kubernetes",
        "category": "devops",
    }
    assert (kubernetes["status"], kubernetes["since"]) == ("expert", REACHED_ON)
    assert docker["since"] is None
    assert kubernetes["why"] == "asked for in 3 of 4 MLOps skill sets (3 as a requirement)"
    assert kubernetes["after"] == ["docker"]
    assert kubernetes["figures"]["asked_in"] == 3
    assert kubernetes["figures"]["field_count"] == 4
    assert [s["technology"]["name"] for s in data["steps"]][-1] == "Terraform"


# The toy MLOps targets have one role, Senior Platform Engineer: it requires Kubernetes and
# Python and prefers MLflow. ana knows Kubernetes.
def test_markdown_export_ends_with_the_owners_fit_to_the_target_roles(plan, fit):
    lines = to_markdown(plan, fit).splitlines()
    assert lines[-2:] == [
        "+ Fit to the target roles: the 1 best of 1, by the share of each role's requirements "
        "known",
        "\t- Senior Platform Engineer: 50% of its requirements (1 of 2); 0 of 1 preferred; "
        "missing: Python",
    ]


def test_json_export_has_the_owners_fit_to_the_target_roles(plan, fit):
    assert to_data(plan, fit)["fit"] == {
        "roles_counted": 1,
        "best": [
            {
                "role": {
                    "title": "Senior Platform Engineer",
                    "slug": "senior-platform-engineer",
                    "company": None,
                    "url": "/roles/senior-platform-engineer/",
                },
                "score": 0.5,
                "requirements": {"known": 1, "of": 2},
                "preferences": {"known": 0, "of": 1},
                "missing": ["python"],
            }
        ],
    }


def test_exports_list_at_most_the_25_best_fitting_roles_best_first(import_text, people):
    ana = people[0]
    lines = "".join(f"+ skill set:\n\t- Engineer {n:02}\n\t- Go and Rust\n" for n in range(30))
    lines += "+ skill set:\n\t- Go Developer\n\t- Go\n"
    import_text(f"# Systems\n{lines}")
    set_progress(user=ana, technology=Technology.objects.get(name="Go"), status="working")
    roadmap = create_roadmap(owner=ana, title="Systems", areas=ResearchArea.objects.all())
    roadmap = Roadmap.objects.for_reading().get(pk=roadmap.pk)
    data = to_data(read_plan(roadmap), target_fit(user=ana, areas=[*roadmap.areas.all()], roles=[]))
    assert data["fit"]["roles_counted"] == 31
    best = data["fit"]["best"]
    assert len(best) == 25
    assert (best[0]["role"]["title"], best[0]["score"]) == ("Go Developer", 1.0)
    assert [row["role"]["title"] for row in best[1:3]] == ["Engineer 00", "Engineer 01"]


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
