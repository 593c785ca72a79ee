"""``manage.py roadmap create`` and ``roadmap export``, for scripting."""

import io
import json
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

from roadmaps.models import Roadmap

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("roadmap", *args, stdout=out)
    return out.getvalue()


def test_create_ranks_a_plan_for_fields_and_roles_and_reports_it(toy_notes, people):
    output = run(
        "create",
        "--owner=ana",
        "--title=Platform",
        "--area=mlops",
        "--role=senior-platform-engineer",
        "--public",
    )
    roadmap = Roadmap.objects.get()
    assert (roadmap.slug, roadmap.is_public, roadmap.owner.username) == ("platform", True, "ana")
    assert [a.slug for a in roadmap.areas.all()] == ["mlops"]
    assert "Created roadmap 'Platform' (/roadmaps/platform/), public, 6 steps." in output
    assert "  Now (2): Docker, Kubernetes" in output
    assert "  Later (2): MLflow, Terraform" in output


def test_dry_run_shows_the_plan_and_writes_nothing(toy_notes, people):
    output = run("create", "--owner=ana", "--title=Try", "--area=web", "--dry-run")
    assert "Would create roadmap 'Try'" in output
    assert "Dry run: nothing was written." in output
    assert not Roadmap.objects.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--owner=nobody", "--title=T", "--area=web"], "No user named 'nobody'."),
        (["--owner=ana", "--title=T", "--area=nowhere"], "No field with the slug 'nowhere'."),
        (["--owner=ana", "--title=T", "--role=nobody"], "No role with the slug 'nobody'."),
        (["--owner=ana", "--title= ", "--area=web"], "Give the roadmap a title."),
    ],
)
def test_bad_input_is_one_clear_error_with_exit_code_1(toy_notes, people, args, message):
    with pytest.raises(CommandError, match=message) as error:
        run("create", *args)
    assert error.value.returncode == 1
    assert not Roadmap.objects.exists()


def test_a_missing_target_exits_1_with_one_line_and_no_traceback():
    result = subprocess.run(
        [sys.executable, "manage.py", "roadmap", "create", "--owner=ana", "--title=T"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "CommandError: Give at least one --area or --role to plan for."
    ]


def test_export_writes_markdown_or_json_to_stdout_or_a_file(toy_notes, people, tmp_path):
    run("create", "--owner=ana", "--title=Plan", "--area=mlops")
    assert run("export", "plan").startswith("#\tPlan\n")
    data = json.loads(run("export", "plan", "--format=json"))
    assert data["steps"][0]["technology"]["name"] == "Docker"
    target = tmp_path / "plan.json"
    assert run("export", "plan", "--format=json", f"--output={target}").strip() == (
        f"Wrote {target}."
    )
    assert json.loads(target.read_text(encoding="utf-8")) == data
    with pytest.raises(CommandError, match=r"No roadmap with the slug 'other'\."):
        run("export", "other")
    with pytest.raises(CommandError, match=r"plan\.md: No such file or directory"):
        run("export", "plan", f"--output={tmp_path / 'missing' / 'plan.md'}")
