"""Re-tagging the stored lines after the vocabulary changes, without the files."""

from io import StringIO

import pytest
from django.core.management import call_command

from postings.importing import import_posting
from postings.importing.plan import Overrides
from taxonomy.models import Skill, TaggedSkill, Technology
from taxonomy.notes.importer import import_notes
from taxonomy.search import search

pytestmark = pytest.mark.django_db

NOTES = "# Field\n+ skill set:\n\t- Experience with Quokkaflow and Python\n\t- Some Rust\n"


def tags_of(text: str) -> set[str]:
    return set(Skill.objects.get(text=text).tags.values_list("slug", flat=True))


def test_a_new_technology_tags_the_lines_of_notes_and_postings_that_name_it():
    import_notes(text=NOTES, source_name="notes.md")
    import_posting(
        text="# Data Engineer\n## Requirements\n- Quokkaflow pipelines\n- SQL\n",
        source_name="data-engineer.md",
        overrides=Overrides(area="field"),
    )
    assert tags_of("Experience with Quokkaflow and Python") == {"python"}

    Technology.objects.create(name="Quokkaflow", slug="quokkaflow", category="tool")
    out = StringIO()
    call_command("retag_skills", stdout=out)

    assert tags_of("Experience with Quokkaflow and Python") == {"python", "quokkaflow"}
    assert "quokkaflow" in tags_of("Quokkaflow pipelines")
    assert "Re-tagged 2 of" in out.getvalue()
    assert search("quokkaflow").total >= 2


def test_tags_edited_by_hand_are_kept_and_a_dry_run_writes_nothing():
    import_notes(text=NOTES, source_name="notes.md")
    rust = Skill.objects.get(text="Some Rust")
    rust.tags.set(["go"])  # curated: this line means Go here
    Technology.objects.create(name="Quokkaflow", slug="quokkaflow", category="tool")
    before = set(TaggedSkill.objects.values_list("content_object_id", "tag_id"))

    out = StringIO()
    call_command("retag_skills", "--dry-run", stdout=out)
    assert "Would re-tag 1 of" in out.getvalue()
    assert set(TaggedSkill.objects.values_list("content_object_id", "tag_id")) == before

    call_command("retag_skills", stdout=StringIO())
    assert tags_of("Some Rust") == {"go"}


def test_retagging_marks_what_a_line_names_only_as_optional():
    line = "Must be fluent in Python, Quokkaflow is a plus"
    import_notes(text=f"# Field\n+ skill set:\n\t- {line}\n", source_name="notes.md")
    Technology.objects.create(name="Quokkaflow", slug="quokkaflow", category="tool")
    TaggedSkill.objects.filter(tag__slug="python").update(optional=True)  # as if stale

    call_command("retag_skills", stdout=StringIO())

    assert dict(
        TaggedSkill.objects.filter(content_object__text=line).values_list("tag__slug", "optional")
    ) == {"python": False, "quokkaflow": True}
