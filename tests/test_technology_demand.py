"""taxonomy.demand.technology_demand on the toy notes, counted by hand (tests/conftest.py).

MLOps and its sub-field Model serving have four skill sets: Kubernetes in three; Python,
MLflow and communication in two; Docker and Terraform in one. Web adds two sets and Chips
one (with Python and communication each); Chips' BLAH set is a placeholder.
"""

import pytest

from postings.models import Role
from taxonomy.demand import technology_demand
from taxonomy.models import ResearchArea
from taxonomy.tree import AreaTree

pytestmark = pytest.mark.django_db


def counted(demand):
    return [(d.technology.name, d.count) for d in demand]


def test_a_field_counts_the_skill_sets_of_its_sub_fields_most_first_then_by_name(toy_notes):
    mlops = ResearchArea.objects.get(slug="mlops")
    assert counted(technology_demand(areas=AreaTree.load().subtree(mlops.pk))) == [
        ("Kubernetes", 3),
        ("Communication", 2),
        ("MLflow", 2),
        ("Python", 2),
        ("Docker", 1),
        ("Terraform", 1),
    ]


def test_the_whole_data_counts_every_public_skill_set_and_stops_at_the_limit(toy_notes):
    assert counted(technology_demand(limit=3)) == [
        ("Communication", 5),
        ("Python", 5),
        ("Kubernetes", 3),
    ]


def test_a_role_counts_only_its_own_skill_sets(toy_notes):
    role = Role.objects.get(title="Senior Platform Engineer")
    assert counted(technology_demand(roles=[role.pk])) == [
        ("Kubernetes", 1),
        ("MLflow", 1),
        ("Python", 1),
    ]


def test_a_field_with_no_skill_sets_asks_for_nothing(toy_notes):
    platforms = ResearchArea.objects.get(slug="platforms")
    assert technology_demand(areas=[platforms.pk]) == []
