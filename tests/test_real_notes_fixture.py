"""The real notes are imported once per module and shared; each test still sees them whole."""

from types import SimpleNamespace

import pytest

from postings.models import Role
from taxonomy.models import SkillSet
from tests.conftest import pytest_collection_modifyitems

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("turn", ["first", "second"])
def test_each_test_sees_the_whole_import_whatever_the_one_before_deleted(real_notes, turn):
    assert Role.objects.count() == real_notes.tallies["roles"].created > 0
    assert SkillSet.objects.exists()
    Role.objects.all().delete()
    SkillSet.objects.all().delete()


def test_a_test_without_the_import_sees_none_of_it_though_it_comes_after_in_the_file():
    assert not Role.objects.exists()
    assert not SkillSet.objects.exists()


def test_a_transactional_test_cannot_ask_for_the_shared_import():
    marker = pytest.mark.django_db(transaction=True).mark
    item = SimpleNamespace(
        path="tests/test_x.py",
        nodeid="tests/test_x.py::test_y",
        fixturenames=["real_notes"],
        get_closest_marker=lambda name: marker,
    )
    with pytest.raises(pytest.UsageError, match="test_y: real_notes is shared in a transaction"):
        pytest_collection_modifyitems([item])
