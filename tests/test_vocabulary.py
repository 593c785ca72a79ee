import pytest

from taxonomy.models import Technology
from taxonomy.vocabulary import row_digest, sync_vocabulary, technology_matcher

pytestmark = pytest.mark.django_db

GO = {"name": "Go", "slug": "go", "category": "language", "aliases": ["Golang"], "match_case": True}


def test_a_new_version_of_an_entry_updates_the_row_it_wrote():
    sync_vocabulary([GO])
    sync_vocabulary([{**GO, "aliases": ["Golang", "Go language"], "unless": ["go-to"]}])
    row = Technology.objects.get(slug="go")
    assert row.aliases == ["Golang", "Go language"]
    assert row.unless == ["go-to"]
    assert row_digest(row) == row.vocabulary_digest


def test_a_row_edited_by_hand_keeps_the_edit_over_a_new_version():
    sync_vocabulary([GO])
    row = Technology.objects.get(slug="go")
    row.aliases = ["Golang", "golang 1.22"]
    row.save()
    sync_vocabulary([{**GO, "aliases": ["Golang", "Go language"]}])
    assert Technology.objects.get(slug="go").aliases == ["Golang", "golang 1.22"]


def test_new_entries_are_added_and_the_matcher_uses_their_context_words():
    added = sync_vocabulary(
        [
            GO,
            {
                "name": "Computer vision",
                "slug": "computer-vision",
                "category": "ml-method",
                "aliases": ["CV"],
                "match_case": True,
                "unless": ["your cv"],
            },
        ]
    )
    assert added == 2
    matcher = technology_matcher()
    assert matcher.find("Golang and computer vision") == ["go", "computer-vision"]
    assert matcher.find("Send your CV") == []
