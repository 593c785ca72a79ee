"""The data version: every write changes it, and what is cached under it is never stale."""

import pytest

from roadmaps.demand import target_demand
from taxonomy.models import DataVersion, ResearchArea
from tests.conftest import TOY_NOTES

pytestmark = pytest.mark.django_db


def test_every_import_and_only_a_change_moves_the_version(import_text):
    assert DataVersion.objects.token() == ""
    import_text(TOY_NOTES)
    first = DataVersion.objects.token()
    assert len(first) == 32
    import_text(TOY_NOTES + "+ skill set:\n\t- Rust\n")
    assert DataVersion.objects.token() not in ("", first)


def test_a_cached_value_is_computed_once_per_version():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert DataVersion.objects.cached("x", (1,), compute) == 1
    assert DataVersion.objects.cached("x", (1,), compute) == 1
    assert DataVersion.objects.cached("x", (2,), compute) == 2  # other parts, other value
    DataVersion.objects.bump()
    assert DataVersion.objects.cached("x", (1,), compute) == 3


def test_a_roadmaps_demand_follows_the_notes_as_they_change(import_text):
    import_text(TOY_NOTES)
    chips = ResearchArea.objects.get(slug="chips")
    before = target_demand(areas=[chips], roles=[])
    assert before.out_of == 1  # the other set is a placeholder ("BLAH.")
    import_text(TOY_NOTES + "+ skill set:\n\t- Rust and Verilog\n")
    after = target_demand(areas=[ResearchArea.objects.get(slug="chips")], roles=[])
    assert after.out_of == 2
    named = after.technologies()
    names = {named[row.technology].name: row.asked_in for row in after.ranked}
    assert names["Verilog"] == 2 and names["Rust"] == 1
