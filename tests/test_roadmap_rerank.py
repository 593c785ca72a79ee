"""Re-ranking a roadmap after the notes change: what moved, what is new, what dropped, with
the owner's places and notes kept; its page, its permissions and its command."""

import io

import pytest
from django.core.management import CommandError, call_command

from roadmaps.models import Roadmap
from roadmaps.services import add_step, move_step, rerank_roadmap, set_step_note
from taxonomy.models import Technology
from tests.conftest import TOY_NOTES, signed_in

pytestmark = pytest.mark.django_db

# The toy MLOps plan is Now: Docker, Kubernetes; Next: Python, Communication;
# Later: MLflow, Terraform. In the changed notes nothing asks for MLflow any more, Airflow is
# new, and Docker is asked for twice more.
CHANGED = TOY_NOTES.replace("\t- MLflow is a plus\n", "\t- Docker is a plus\n").replace(
    "\t- Python and MLflow\n", "\t- Python and Docker and Airflow\n"
)
# Terraform required by every MLOps skill set: it climbs from Later to Now.
TERRAFORM_EVERYWHERE = TOY_NOTES.replace("\t- Kubernetes and ", "\t- Kubernetes, Terraform and ")
TERRAFORM_EVERYWHERE = TERRAFORM_EVERYWHERE.replace(
    "\t- Python and MLflow\n", "\t- Python, MLflow and Terraform\n"
)


def layout(roadmap: Roadmap) -> dict[str, list[str]]:
    steps = roadmap.steps.order_by("stage", "position").select_related("technology")
    stages: dict[str, list[str]] = {"Now": [], "Next": [], "Later": []}
    for step in steps:
        stages[step.get_stage_display()].append(step.technology.name)
    return stages


def names(pairs) -> list[str]:
    return [pair[0].name for pair in pairs]


def test_re_ranking_drops_what_nothing_asks_for_adds_what_is_new_and_updates_the_figures(
    roadmaps, import_text
):
    private, _ = roadmaps
    import_text(CHANGED)

    result = rerank_roadmap(roadmap=private)

    assert names(result.dropped) == ["MLflow"]
    assert result.dropped[0][1] == "no target skill set asks for it now"
    assert [(t.name, stage) for t, stage in result.added] == [("Apache Airflow", "Later")]
    assert layout(private) == {
        "Now": ["Docker", "Kubernetes"],
        "Next": ["Python", "Communication"],
        "Later": ["Apache Airflow", "Terraform"],
    }
    docker = private.steps.get(technology__name="Docker")
    assert (docker.asked_in, docker.required_in, docker.out_of) == (3, 2, 4)
    assert result.summary() == "1 new; 1 dropped; 1 with new figures."


def test_a_step_the_ranking_moves_changes_stage_and_the_move_is_reported(roadmaps, import_text):
    private, _ = roadmaps
    import_text(TERRAFORM_EVERYWHERE)

    result = rerank_roadmap(roadmap=private)

    assert ("Terraform", "Later", "Now") in [(t.name, old, new) for t, old, new in result.moved]
    assert layout(private)["Now"][0] == "Terraform"


def test_steps_the_owner_placed_keep_their_places_and_notes_stay(roadmaps, import_text):
    private, _ = roadmaps
    # The owner put Terraform first in Now by hand and noted Python.
    move_step(step=private.steps.get(technology__name="Terraform"), stage=0, position=0)
    set_step_note(step=private.steps.get(technology__name="Python"), note="Fluent Python, ch. 1-5")
    import_text(TERRAFORM_EVERYWHERE)

    rerank_roadmap(roadmap=private)

    assert layout(private)["Now"][0] == "Terraform"
    assert private.steps.get(technology__name="Python").note == "Fluent Python, ch. 1-5"


def test_a_step_out_of_the_plan_stays_when_the_owner_added_it_or_wrote_a_note_on_it(
    roadmaps, import_text
):
    private, _ = roadmaps
    set_step_note(step=private.steps.get(technology__name="MLflow"), note="We use it at work")
    add_step(roadmap=private, technology=Technology.objects.get(name="Verilog"), stage=1)
    import_text(CHANGED)

    result = rerank_roadmap(roadmap=private)

    assert result.dropped == []
    assert [(t.name, why) for t, why in result.kept] == [
        ("Verilog", "you placed it; no target skill set asks for it now"),
        ("MLflow", "it has your note; no target skill set asks for it now"),
    ]
    assert layout(private)["Next"] == ["Python", "Communication", "Verilog"]
    mlflow = private.steps.get(technology__name="MLflow")
    assert (mlflow.stage, mlflow.asked_in, mlflow.note) == (2, 0, "We use it at work")


def test_a_technology_ranked_past_the_plans_length_drops_with_its_rank(roadmaps, import_text):
    private, _ = roadmaps
    result = rerank_roadmap(roadmap=private, max_steps=5)
    assert [(t.name, why) for t, why in result.dropped] == [
        ("Terraform", "now ranked 6, past the plan's 5 steps")
    ]


def test_a_dry_run_reports_the_changes_and_writes_nothing(roadmaps, import_text):
    private, _ = roadmaps
    before, ranked_at = layout(private), private.ranked_at
    import_text(CHANGED)

    result = rerank_roadmap(roadmap=private, dry_run=True)

    assert names(result.dropped) == ["MLflow"] and result.changes
    private.refresh_from_db()
    assert (layout(private), private.ranked_at) == (before, ranked_at)


def test_re_ranking_unchanged_notes_changes_nothing_but_when_it_was_ranked(roadmaps):
    private, _ = roadmaps
    before, ranked_at = layout(private), private.ranked_at

    result = rerank_roadmap(roadmap=private)

    assert not result.changes
    assert result.summary() == "Nothing changes: the plan already follows the notes."
    private.refresh_from_db()
    assert layout(private) == before and private.ranked_at > ranked_at


def test_the_owner_is_told_on_the_roadmap_page_when_the_notes_changed_since_ranking(
    client, roadmaps, people, import_text
):
    _, public = roadmaps
    ana, bob = people
    owner = signed_in(client, ana)
    assert 'id="notes-changed"' not in owner.get(public.get_absolute_url()).content.decode()

    import_text(CHANGED)
    assert 'id="notes-changed"' in owner.get(public.get_absolute_url()).content.decode()
    other = signed_in(client, bob).get(public.get_absolute_url()).content.decode()
    assert 'id="notes-changed"' not in other

    rerank_roadmap(roadmap=public)
    page = signed_in(client, ana).get(public.get_absolute_url()).content.decode()
    assert 'id="notes-changed"' not in page


def test_the_owner_previews_the_changes_then_applies_them(client, roadmaps, people, import_text):
    private, _ = roadmaps
    import_text(CHANGED)
    client = signed_in(client, people[0])
    url = f"{private.get_absolute_url()}rerank/"

    preview = client.get(url).content.decode()
    assert "1 new; 1 dropped; 1 with new figures." in preview
    assert "MLflow</a>: no target skill set asks for it now" in preview
    assert "Apache Airflow</a>, in Later" in preview
    assert private.steps.filter(technology__name="MLflow").exists()

    response = client.post(url, follow=True)
    assert response.redirect_chain[-1][0] == private.get_absolute_url()
    assert "Re-ranked. 1 new; 1 dropped" in response.content.decode()
    assert not private.steps.filter(technology__name="MLflow").exists()


def test_only_the_owner_may_preview_or_re_rank(client, roadmaps, people, import_text):
    private, public = roadmaps
    import_text(CHANGED)
    before = layout(public)
    for method in ("get", "post"):
        assert getattr(client, method)(f"{public.get_absolute_url()}rerank/").status_code == 302
    bob = signed_in(client, people[1])
    for method in ("get", "post"):
        assert getattr(bob, method)(f"{public.get_absolute_url()}rerank/").status_code == 403
        assert getattr(bob, method)(f"{private.get_absolute_url()}rerank/").status_code == 404
    assert layout(public) == before


def test_a_copy_keeps_which_steps_were_placed_by_hand(roadmaps, people, import_text):
    from roadmaps.services import copy_roadmap

    _, public = roadmaps
    move_step(step=public.steps.get(technology__name="Terraform"), stage=0, position=0)
    copy = copy_roadmap(roadmap=public, owner=people[1])
    import_text(TERRAFORM_EVERYWHERE)
    rerank_roadmap(roadmap=copy)
    assert layout(copy)["Now"][0] == "Terraform"


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("roadmap", *args, stdout=out)
    return out.getvalue()


def test_the_rerank_command_reports_each_change_and_its_dry_run_writes_nothing(
    roadmaps, import_text
):
    private, _ = roadmaps
    import_text(CHANGED)
    before = layout(private)

    output = run("rerank", private.slug, "--dry-run")
    assert "Private plan (private-plan): 1 new; 1 dropped; 1 with new figures." in output
    assert "  dropped: MLflow, no target skill set asks for it now" in output
    assert "  new: Apache Airflow, in Later" in output
    assert "Dry run: nothing was written." in output
    assert layout(private) == before

    run("rerank", private.slug)
    assert "MLflow" not in layout(private)["Later"]


def test_the_rerank_command_fails_in_one_line_on_an_unknown_roadmap(db):
    with pytest.raises(CommandError, match=r"^No roadmap with the slug 'nope'\.$") as error:
        run("rerank", "nope")
    assert error.value.returncode == 1
