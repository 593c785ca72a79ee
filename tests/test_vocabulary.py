import pytest
from django.core.exceptions import ValidationError

from taxonomy.models import Technology
from taxonomy.notes.plan import fingerprint
from taxonomy.vocabulary import load_vocabulary, row_digest, sync_vocabulary, technology_matcher

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


def test_a_row_written_before_prerequisites_existed_takes_the_new_version():
    # Fingerprinted as the vocabulary did before the prerequisites field.
    before = fingerprint("vocabulary entry", ["Go", "language", ["Golang"], True, [], [], False])
    Technology.objects.create(
        slug="go",
        name="Go",
        category="language",
        aliases=["Golang"],
        match_case=True,
        vocabulary_digest=before,
    )
    assert row_digest(Technology.objects.get(slug="go")) == before
    sync_vocabulary([{**GO, "prerequisites": ["c"]}])
    assert Technology.objects.get(slug="go").prerequisites == ["c"]


def test_the_prerequisite_map_names_known_technologies_and_never_loops():
    entries = load_vocabulary()
    firsts = {entry["slug"]: entry.get("prerequisites", []) for entry in entries}
    assert sum(bool(slugs) for slugs in firsts.values()) >= 40
    assert {slug for slugs in firsts.values() for slug in slugs} <= firsts.keys()

    def reaches_itself(start: str) -> bool:
        seen, todo = set(), list(firsts[start])
        while todo:
            slug = todo.pop()
            if slug == start:
                return True
            if slug not in seen:
                seen.add(slug)
                todo.extend(firsts[slug])
        return False

    assert not [slug for slug in firsts if reaches_itself(slug)]
    assert firsts["kubernetes"] == ["linux", "docker"]


def test_prerequisites_edited_by_hand_must_name_other_technologies():
    sync_vocabulary([GO, {"name": "C", "slug": "c", "category": "language"}])
    go = Technology.objects.get(slug="go")
    go.prerequisites = ["c"]
    go.full_clean()
    for wrong, message in [
        (["cobol"], "'cobol' is not another technology's slug."),
        (["go"], "'go' is not another technology's slug."),
        ("c", "Give a list of technology slugs."),
    ]:
        go.prerequisites = wrong
        with pytest.raises(ValidationError, match=message):
            go.full_clean()


def test_every_category_of_the_vocabulary_has_a_label():
    categories = {entry.get("category", "") for entry in load_vocabulary()} - {""}
    assert categories <= set(Technology.Category.values)
