"""The field tree in the database: every area below some fields, as one subquery; what a
field spans and counts."""

import pytest

from postings.models import Role
from taxonomy.models import ResearchArea, SkillSet
from taxonomy.tree import AreaTree, FieldCounts, field_counts, subtree_ids

pytestmark = pytest.mark.django_db


def test_a_field_counts_every_level_below_it_and_a_cycle_does_not_stop_the_count(import_text):
    import_text("# A\n## B\n### C\n#### D\n# E\n")
    areas = {area.slug: area for area in ResearchArea.objects.all()}
    below_b = ResearchArea.objects.filter(pk__in=subtree_ids([areas["b"].pk]))
    assert sorted(below_b.values_list("slug", flat=True)) == ["b", "c", "d"]
    ResearchArea.objects.filter(pk=areas["b"].pk).update(parent=areas["d"])  # a curator's loop
    both = ResearchArea.objects.filter(pk__in=subtree_ids([areas["c"].pk, areas["e"].pk]))
    assert sorted(both.values_list("slug", flat=True)) == ["b", "c", "d", "e"]


FILED_NOTES = """# Chips
## EDA, Electronic Design Automation
### EDA tools
## Companies in the industry
### Machine Learning for EDA
### Timing
## Deep learning hardware
## Application engineers of EDA products
# Other file-level field
## EDA elsewhere
"""


def test_a_field_spans_its_subtree_and_the_later_sections_filed_under_it(import_text):
    import_text(FILED_NOTES)
    tree = AreaTree.load()
    eda = ResearchArea.objects.get(slug="eda-electronic-design-automation")
    names = {tree.nodes[pk].name for pk in tree.field(eda.pk)}
    assert names == {
        "EDA, Electronic Design Automation",
        "EDA tools",
        "Companies in the industry",  # a sub-heading names EDA
        "Machine Learning for EDA",
        "Timing",
        "Application engineers of EDA products",
    }
    assert [tree.nodes[pk].name for pk in tree.heads(eda.pk)][1:] == [
        "Companies in the industry",
        "Application engineers of EDA products",
    ]


def test_field_counts_count_the_roles_and_public_skill_sets_of_each_whole_field(real_notes):
    tree = AreaTree.load()
    counts = field_counts()
    pks = dict(ResearchArea.objects.values_list("slug", "pk"))
    for slug in ["eda-electronic-design-automation", "mlops-or-ml-ops-modelops-aiops"]:
        areas = tree.field(pks[slug])
        assert counts[pks[slug]] == FieldCounts(
            Role.objects.filter(area__in=areas).count(),
            SkillSet.objects.public().filter(area__in=areas).count(),
        )
    eda = counts[pks["eda-electronic-design-automation"]]
    assert eda.roles > 10  # STCO's, circuit simulation's … filed beside it in the notes


def test_field_counts_are_kept_at_every_write_and_read_without_counting(import_text):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from postings.services import save_role
    from taxonomy.models import FieldCount

    import_text(FILED_NOTES + "## Hiring\n+ skill set:\n\t- Senior Timing Engineer\n\t- STA\n")
    pks = dict(ResearchArea.objects.values_list("slug", "pk"))
    assert FieldCount.objects.count() == ResearchArea.objects.count()
    with CaptureQueriesContext(connection) as queries:
        counts = field_counts()
    assert len(queries) == 1
    hiring = counts[pks["hiring"]]
    assert hiring == FieldCounts(1, 1)

    role = Role.objects.get(title="Senior Timing Engineer")
    role.area_id = pks["timing"]
    save_role(role=role)  # moved: counted again in the same transaction
    counts = field_counts()
    assert counts[pks["hiring"]] == FieldCounts(0, 1)
    assert counts[pks["timing"]].roles == 1


def test_field_counts_are_counted_while_none_are_kept(import_text):
    from taxonomy.models import FieldCount

    import_text(FILED_NOTES)
    kept = field_counts()
    FieldCount.objects.all().delete()  # as just after the upgrade that made the table
    assert field_counts() == kept
