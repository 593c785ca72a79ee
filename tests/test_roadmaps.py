"""Generating roadmaps from the database, editing their steps, and progress shared by a person.

The toy notes (tests/conftest.py TOY_NOTES) give four fields with public skill sets (MLOps,
Model serving, Web, Chips: F = 4). A roadmap for MLOps counts MLOps and its sub-field Model
serving: four skill sets, so every technology asked for has support (15% of 4 is under 1).
Score = demand x (1 + ln((F + 1) / fields asking) / ln(F + 1) / 4):

    technology     sets (required)   demand   fields   score
    Kubernetes     3 (3)             3.0      2        3.0 x (1 + 0.569 / 4) = 3.427
    Python         2 (2)             2.0      3        2.0 x (1 + 0.317 / 4) = 2.159
    Communication  2 (2)             2.0      4        2.0 x (1 + 0.139 / 4) = 2.069
    MLflow         2 (1: "a plus")   1.5      1        1.5 x (1 + 1 / 4)     = 1.875
    Docker         1 (1)             1.0      1        1.0 x (1 + 1 / 4)     = 1.250
    Terraform      1 (0: nested)     0.5      1        0.5 x (1 + 1 / 4)     = 0.625

Docker is a prerequisite of Kubernetes in the vocabulary, so it moves up to just before it.
Six steps: two now, two next, two later.
"""

import itertools
import math

import pytest
from django.core.exceptions import ValidationError

from postings.models import Role
from roadmaps.demand import target_demand, target_skill_sets
from roadmaps.models import Roadmap, RoadmapStep, SkillProgress
from roadmaps.reading import read_plan
from roadmaps.services import (
    add_step,
    create_roadmap,
    delete_roadmap,
    move_step,
    remove_step,
    set_levels,
    set_progress,
    set_step_note,
)
from taxonomy.models import ResearchArea, Technology
from taxonomy.tree import AreaTree, field_counts

pytestmark = pytest.mark.django_db
Stage = RoadmapStep.Stage
Status = SkillProgress.Status

EXPECTED = ["Docker", "Kubernetes", "Python", "Communication", "MLflow", "Terraform"]


def area(slug: str) -> ResearchArea:
    return ResearchArea.objects.get(slug=slug)


def plan_names(roadmap: Roadmap) -> list[tuple[int, str]]:
    steps = roadmap.steps.select_related("technology").order_by("stage", "position")
    return [(step.stage, step.technology.name) for step in steps]


def mlops_roadmap(owner, **options) -> Roadmap:
    return create_roadmap(owner=owner, title="MLOps plan", areas=[area("mlops")], **options)


def test_the_toy_ranking_matches_the_hand_computed_order_and_scores(toy_notes, people):
    roadmap = mlops_roadmap(people[0])

    assert plan_names(roadmap) == [
        (Stage.NOW, "Docker"),
        (Stage.NOW, "Kubernetes"),
        (Stage.NEXT, "Python"),
        (Stage.NEXT, "Communication"),
        (Stage.LATER, "MLflow"),
        (Stage.LATER, "Terraform"),
    ]

    def lift(fields: int) -> float:
        return 1 + math.log(5 / fields) / math.log(5) / 4

    scores = dict(roadmap.steps.values_list("technology__name", "score"))
    assert scores == pytest.approx(
        {
            "Kubernetes": 3 * lift(2),
            "Python": 2 * lift(3),
            "Communication": 2 * lift(4),
            "MLflow": 1.5 * lift(1),
            "Docker": lift(1),
            "Terraform": 0.5 * lift(1),
        }
    )
    assert list(roadmap.steps.filter(stage=Stage.NOW).values_list("position", flat=True)) == [
        0,
        1,
    ]


def test_each_step_says_why_it_is_there(toy_notes, people):
    plan = read_plan(Roadmap.objects.for_reading().get(pk=mlops_roadmap(people[0]).pk))
    why = {item.step.technology.name: item.why for item in plan.steps}
    assert why["Kubernetes"] == "asked for in 3 of 4 MLOps skill sets (3 as a requirement)"
    assert why["MLflow"] == "asked for in 2 of 4 MLOps skill sets (1 as a requirement)"
    assert why["Terraform"] == "asked for in 1 of 4 MLOps skill sets (0 as a requirement)"
    communication = next(i for i in plan.steps if i.step.technology.name == "Communication")
    assert communication.step.spread() == "asked for in 4 of 4 fields"


def test_what_only_the_targets_ask_for_never_passes_what_they_ask_for_more(toy_notes, people):
    demand = target_demand(areas=[area("mlops")], roles=[])
    named = demand.technologies()
    by_name = {named[r.technology].name: r for r in demand.ranked}
    # Communication is asked for in every field, MLflow only in MLOps...
    assert by_name["Communication"].specificity < by_name["MLflow"].specificity
    # ...but MLOps asks for Communication more, and specificity only lifts demand a little.
    assert by_name["Communication"].demand > by_name["MLflow"].demand
    order = [named[r.technology].name for r in demand.ranked]
    assert order.index("Communication") < order.index("MLflow")


def test_a_step_says_what_to_learn_before_it(toy_notes, people):
    plan = read_plan(Roadmap.objects.for_reading().get(pk=mlops_roadmap(people[0]).pk))
    after = {item.step.technology.name: item.after_names for item in plan.steps}
    # Kubernetes needs Linux and Docker; only Docker is in this plan.
    assert after["Kubernetes"] == "Docker"
    assert after["Docker"] == after["Python"] == ""


def test_a_field_counts_its_sub_fields_and_a_role_counts_its_own_skill_sets(toy_notes, people):
    mlops = mlops_roadmap(people[0])
    # Model serving's one skill set is the fourth MLOps one, and the third asking for Kubernetes.
    assert mlops.steps.get(technology__name="Kubernetes").asked_in == 3
    serving = create_roadmap(owner=people[0], title="Serving", areas=[area("model-serving")])
    assert plan_names(serving) == [(Stage.NOW, "Kubernetes"), (Stage.NEXT, "Communication")]

    role = Role.objects.get(slug="senior-platform-engineer")
    by_role = create_roadmap(owner=people[0], title="Role", roles=[role])
    # Kubernetes 1 x 1.142, Python 1 x 1.079, MLflow ("a plus") 0.5 x 1.25 = 0.625
    assert [name for _, name in plan_names(by_role)] == ["Kubernetes", "Python", "MLflow"]
    assert by_role.steps.get(technology__name="MLflow").out_of == 1


def test_nothing_is_planned_that_no_target_skill_set_asks_for(toy_notes, people):
    roadmap = create_roadmap(owner=people[0], title="Web", areas=[area("web")])
    assert {name for _, name in plan_names(roadmap)} == {"Python", "JavaScript", "Communication"}


def test_a_roadmap_needs_a_target_and_a_title(toy_notes, people):
    with pytest.raises(ValidationError, match="at least one field or role"):
        create_roadmap(owner=people[0], title="Empty")
    with pytest.raises(ValidationError, match="title"):
        create_roadmap(owner=people[0], title="  ", areas=[area("web")])
    assert not Roadmap.objects.exists()


def test_plans_are_capped_and_slugs_are_unique_and_never_a_page_name(toy_notes, people):
    first = mlops_roadmap(people[0], max_steps=3)
    second = mlops_roadmap(people[1])
    assert first.steps.count() == 3
    assert [name for _, name in plan_names(first)] == EXPECTED[:3]
    assert (first.slug, second.slug) == ("mlops-plan", "mlops-plan-2")
    assert create_roadmap(owner=people[0], title="New", areas=[area("web")]).slug == "new-2"


def test_steps_move_within_and_between_stages_and_positions_stay_contiguous(toy_notes, people):
    roadmap = mlops_roadmap(people[0])
    python = roadmap.steps.get(technology__name="Python")

    move_step(step=python, stage=Stage.NOW, position=0)
    assert plan_names(roadmap)[:3] == [
        (Stage.NOW, "Python"),
        (Stage.NOW, "Docker"),
        (Stage.NOW, "Kubernetes"),
    ]

    move_step(step=python, stage=Stage.LATER, position=1)
    assert [name for stage, name in plan_names(roadmap) if stage == Stage.LATER] == [
        "MLflow",
        "Python",
        "Terraform",
    ]
    with pytest.raises(ValidationError, match="no stage 7"):
        move_step(step=python, stage=7, position=0)
    for stage in Stage.values:
        positions = list(
            roadmap.steps.filter(stage=stage)
            .order_by("position")
            .values_list("position", flat=True)
        )
        assert positions == list(range(len(positions)))


def test_steps_are_removed_added_with_their_figures_and_annotated(toy_notes, people):
    roadmap = mlops_roadmap(people[0])
    remove_step(step=roadmap.steps.get(technology__name="Kubernetes"))
    assert roadmap.steps.get(technology__name="MLflow").position == 0

    kubernetes = Technology.objects.get(name="Kubernetes")
    step = add_step(roadmap=roadmap, technology=kubernetes, stage=Stage.NEXT)
    assert (step.position, step.asked_in, step.required_in, step.out_of) == (2, 3, 3, 4)
    javascript = add_step(roadmap=roadmap, technology=Technology.objects.get(name="JavaScript"))
    assert javascript.asked_in == 0
    assert javascript.why("MLOps") == "added by hand; no MLOps skill set asks for it"
    with pytest.raises(ValidationError, match="already"):
        add_step(roadmap=roadmap, technology=kubernetes)

    set_step_note(step=step, note="  Start with the CKAD course.  ")
    step.refresh_from_db()
    assert step.note == "Start with the CKAD course."


def test_levels_are_kept_per_person_and_show_in_every_roadmap_of_theirs(toy_notes, people):
    ana, bob = people
    first = mlops_roadmap(ana)
    second = create_roadmap(owner=ana, title="Serving", areas=[area("model-serving")])
    bobs = mlops_roadmap(bob)
    kubernetes = Technology.objects.get(name="Kubernetes")

    set_progress(user=ana, technology=kubernetes, status=Status.EXPERT)
    set_levels(
        user=ana,
        levels={
            Technology.objects.get(name="Python"): Status.WORKING,
            Technology.objects.get(name="MLflow"): Status.LEARNING,
            Technology.objects.get(name="Docker"): Status.SKIPPED,
        },
    )

    def status_of(roadmap, name="Kubernetes"):
        plan = read_plan(Roadmap.objects.for_reading().get(pk=roadmap.pk))
        return next(i.status for i in plan.steps if i.step.technology.name == name), plan

    assert status_of(first)[0] == Status.EXPERT
    assert status_of(second)[0] == Status.EXPERT
    assert status_of(bobs)[0] == Status.NONE
    # Working and expert are done; learning is not; skipped is not to be learned.
    _, plan = status_of(first)
    assert (plan.done, plan.skipped, plan.to_learn, plan.percent) == (2, 1, 5, 40)

    set_progress(user=ana, technology=kubernetes, status=Status.LEARNING)
    assert SkillProgress.objects.filter(user=ana).count() == 4
    assert status_of(second)[0] == Status.LEARNING
    with pytest.raises(ValidationError):
        set_progress(user=ana, technology=kubernetes, status="mastered")


def test_deleting_a_roadmap_keeps_the_progress_its_owner_shares_with_others(toy_notes, people):
    roadmap = mlops_roadmap(people[0])
    mlflow = Technology.objects.get(name="MLflow")
    set_progress(user=people[0], technology=mlflow, status="working")
    delete_roadmap(roadmap=roadmap)
    assert not RoadmapStep.objects.exists()
    assert SkillProgress.objects.filter(user=people[0], status="working").count() == 1


def test_for_the_real_notes_an_mlops_roadmap_learns_python_docker_and_kubernetes_now(
    real_notes, people
):
    mlops = area("mlops-or-ml-ops-modelops-aiops")
    roadmap = create_roadmap(owner=people[0], title="MLOps", areas=[mlops])
    names = plan_names(roadmap)
    now = [name for stage, name in names if stage == Stage.NOW]
    assert {"Python", "Docker", "Kubernetes"} <= set(now)
    assert now.index("Linux") < now.index("Docker") < now.index("Kubernetes")
    # Tools two of eighteen MLOps skill sets ask for, however specific, wait until later.
    soon = {name for stage, name in names if stage != Stage.LATER}
    assert not soon & {"PowerShell", "Slurm", "Ethernet", "3D reconstruction"}

    # Every planned technology is asked for by a public MLOps skill set (field or sub-field).
    subtree = AreaTree.load().subtree(mlops.pk)
    for step in roadmap.steps.select_related("technology"):
        assert step.asked_in > 0
        assert step.technology.tagged_skills.filter(
            content_object__is_placeholder=False,
            content_object__skill_set__is_placeholder=False,
            content_object__skill_set__area__in=subtree,
        ).exists(), step.technology.name


# An independent, expert-made plan for the same field: the sections of Marvelous MLOps'
# "MLOps Roadmap 2024" (github.com/marvelousmlops/mlops-roadmap-2024), in its order:
# 1 programming, 2 containers, 3 machine learning, 4 MLOps principles, 5 MLOps components,
# 6 infrastructure as code. Its technologies by the vocabulary's slugs:
EXPERT_MLOPS_SECTIONS = {
    **dict.fromkeys(["python", "bash", "shell-scripting", "linux"], 1),
    **dict.fromkeys(["docker", "kubernetes"], 2),
    **dict.fromkeys(["machine-learning", "deep-learning"], 3),
    "mlops": 4,
    **dict.fromkeys(
        [
            "git",
            "ci-cd",
            "github-actions",
            "apache-airflow",
            "mlflow",
            "experiment-tracking",
            "dvc",
            "model-serving",
            "fastapi",
            "kubeflow",
            "kserve",
            "model-monitoring",
            "prometheus",
            "grafana",
        ],
        5,
    ),
    **dict.fromkeys(["terraform", "infrastructure-as-code"], 6),
}


def test_the_real_mlops_plan_puts_stages_in_the_order_an_expert_roadmap_does(real_notes, people):
    mlops = area("mlops-or-ml-ops-modelops-aiops")
    roadmap = create_roadmap(owner=people[0], title="MLOps", areas=[mlops])
    stage_of = dict(roadmap.steps.values_list("technology__slug", "stage"))
    shared = [slug for slug in EXPERT_MLOPS_SECTIONS if slug in stage_of]
    # Pairs the expert puts in different sections and the plan in different stages.
    pairs = [
        (first, second)
        for first, second in itertools.combinations(shared, 2)
        if EXPERT_MLOPS_SECTIONS[first] != EXPERT_MLOPS_SECTIONS[second]
        and stage_of[first] != stage_of[second]
    ]
    agree = sum(
        (EXPERT_MLOPS_SECTIONS[a] < EXPERT_MLOPS_SECTIONS[b]) == (stage_of[a] < stage_of[b])
        for a, b in pairs
    )
    assert len(shared) >= 12
    assert agree / len(pairs) >= 0.8, f"{agree} of {len(pairs)} pairs in the expert's order"


def test_a_technology_asked_for_only_in_an_optional_clause_counts_as_preferred(import_text):
    import_text(
        "# MLOps\n+ skill set:\n\t- Must be fluent in Python, Docker is a plus\n"
        "+ skill set:\n\t- Docker and Python\n"
    )
    mlops = ResearchArea.objects.get(slug="mlops")
    demand = target_demand(areas=[mlops], roles=[])
    named = demand.technologies()
    by_name = {named[r.technology].name: r for r in demand.ranked}

    assert (by_name["Python"].asked_in, by_name["Python"].required_in) == (2, 2)
    assert (by_name["Docker"].asked_in, by_name["Docker"].required_in) == (2, 1)


def test_a_skill_set_asking_twice_counts_once_and_as_a_requirement_if_either_line_requires(
    import_text,
):
    import_text("# MLOps\n+ skill set:\n\t- Go is a plus\n\t- Go\n\t- Strong Go\n")
    demand = target_demand(areas=[ResearchArea.objects.get(slug="mlops")], roles=[])
    [ranked] = demand.ranked
    assert demand.technologies()[ranked.technology].name == "Go"
    assert (ranked.asked_in, ranked.required_in, ranked.out_of) == (1, 1, 1)


def test_a_target_field_plans_over_the_skill_sets_the_picker_counts_for_it(real_notes):
    eda = ResearchArea.objects.get(slug="eda-electronic-design-automation")
    sets = target_skill_sets(areas=[eda], roles=[])
    assert sets.count() == field_counts()[eda.pk].skill_sets
    assert sets.filter(area__slug="system-technology-co-optimization-stco").exists()  # filed
