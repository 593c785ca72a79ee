"""The field tree in the database: every area below some fields, as one subquery."""

import pytest

from taxonomy.models import ResearchArea
from taxonomy.tree import subtree_ids

pytestmark = pytest.mark.django_db


def test_a_field_counts_every_level_below_it_and_a_cycle_does_not_stop_the_count(import_text):
    import_text("# A\n## B\n### C\n#### D\n# E\n")
    areas = {area.slug: area for area in ResearchArea.objects.all()}
    below_b = ResearchArea.objects.filter(pk__in=subtree_ids([areas["b"].pk]))
    assert sorted(below_b.values_list("slug", flat=True)) == ["b", "c", "d"]
    ResearchArea.objects.filter(pk=areas["b"].pk).update(parent=areas["d"])  # a curator's loop
    both = ResearchArea.objects.filter(pk__in=subtree_ids([areas["c"].pk, areas["e"].pk]))
    assert sorted(both.values_list("slug", flat=True)) == ["b", "c", "d", "e"]
