"""End to end: a folder of real notes files, byte-for-byte exports, re-imports and pruning."""

import io
import shutil

import pytest
from django.core.management import CommandError, call_command

from postings.importing import import_posting
from postings.importing.plan import Overrides
from postings.models import Company, Role
from postings.services import save_role
from roadmaps.services import create_roadmap
from taxonomy.models import NotesSource, ResearchArea, Skill, SkillSet, TaggedSkill, Technology
from taxonomy.notes import importer
from taxonomy.notes.exporter import export_notes, export_source
from taxonomy.notes.importer import NotesFile, import_library, import_notes
from taxonomy.search.index import sync_index
from taxonomy.services import delete_curated
from tests.conftest import CORPUS, FIXTURES, corpus_files

pytestmark = pytest.mark.django_db

HISTORY = sorted((FIXTURES / "history").glob("*.md"))
SEED = FIXTURES / "notes.md"
CADDI = FIXTURES / "postings" / "caddi-machine-learning-engineer.md"


def command(*args) -> str:
    out = io.StringIO()
    call_command(*map(str, args), stdout=out, stderr=io.StringIO())
    return out.getvalue()


def rows_of(source: NotesSource) -> dict:
    """Every row a file holds, by primary key, with what an import writes into it."""
    areas = ResearchArea.objects.filter(notes_source=source)
    sets = SkillSet.objects.filter(notes_source=source)
    skills = Skill.objects.filter(skill_set__notes_source=source)
    return {
        "areas": sorted(areas.values_list("pk", "name", "notes", "import_digest")),
        "sets": sorted(sets.values_list("pk", "label", "role_id", "company_id", "import_digest")),
        "skills": sorted(skills.values_list("pk", "text", "import_digest")),
        "roles": sorted(
            Role.objects.filter(notes_source=source).values_list("pk", "title", "company_id")
        ),
        "tags": sorted(
            TaggedSkill.objects.filter(content_object__in=skills).values_list(
                "content_object_id", "tag_id"
            )
        ),
    }


def content_of(source: NotesSource) -> dict:
    """What a file holds, without primary keys: two imports of one text compare equal."""
    areas = ResearchArea.objects.filter(notes_source=source)
    skills = Skill.objects.filter(skill_set__notes_source=source)
    return {
        "areas": sorted(
            areas.values_list("name", "level", "position", "notes", "parent__name", "source_line")
        ),
        "sets": sorted(
            SkillSet.objects.filter(notes_source=source).values_list(
                "area__name",
                "position",
                "label",
                "anchor",
                "role__title",
                "company__name",
                "source_line",
            ),
            key=repr,
        ),
        "skills": sorted(
            skills.values_list(
                "skill_set__position", "skill_set__area__name", "position", "text", "source_line"
            ),
            key=repr,
        ),
        "roles": sorted(
            Role.objects.filter(notes_source=source).values_list(
                "title", "area__name", "company__name", "location", "source_line"
            ),
            key=repr,
        ),
        "tags": sorted(
            TaggedSkill.objects.filter(content_object__in=skills).values_list(
                "content_object__text", "tag__slug"
            )
        ),
    }


def test_the_corpus_and_the_seed_come_back_byte_for_byte(tmp_path):
    files = [*corpus_files(), NotesFile("notes.md", SEED.read_text(), str(FIXTURES))]
    report = import_library(files=files, folders=[str(CORPUS)])
    assert len(report.files) == 47 and all(f.is_new for f in report.files)
    for file in files:
        assert export_source(NotesSource.objects.get(path=file.path)) == file.text, file.path
    # The command writes each file to its path below the folder it is given.
    command("export_notes", "--output", tmp_path)
    for file in files:
        assert (tmp_path / file.path).read_bytes() == file.text.encode(), file.path
    assert (tmp_path / "other-info" / "soft-skills.md").read_bytes()[-1:] != b"\n"


def test_every_history_version_replays_over_the_seed_byte_for_byte(shared):
    versions = sorted((shared / "corpus" / "eda-ai-ml-history").glob("*.md"))
    assert len(versions) == 11
    import_notes(text=SEED.read_text(), source_name="notes.md")
    for version in versions:
        text = version.read_text()
        report = import_notes(text=text, source_name="notes.md")
        assert report.changed and not report.kept, version.name
        assert export_notes("notes.md") == text, version.name
        # The import brought the documents it could have changed up to date: all of them.
        assert sync_index() == 0, version.name


def test_a_folder_of_files_is_grouped_by_folder_and_each_file_is_its_own(tmp_path):
    import_library(files=corpus_files(), folders=[str(CORPUS)])
    vlsi = NotesSource.objects.get(
        path="semiconductor-industry/vlsi-design-digital-n-mixed-signal.md"
    )
    assert vlsi.folder == "semiconductor-industry"
    top = ResearchArea.objects.filter(notes_source=vlsi, parent=None).first()
    assert top.name == "Computer Architecture"
    before = {s.path: rows_of(s) for s in NotesSource.objects.all()}

    # One more file, alone: nothing of the folder changes.
    extra = "# Robotics\n+ skill set:\n\t- Senior Robotics Engineer\n\t- ROS and C++\n"
    import_notes(text=extra, source_name="robotics.md")
    assert {s.path: rows_of(s) for s in NotesSource.objects.exclude(path="robotics.md")} == before
    assert Role.objects.get(title="Senior Robotics Engineer").notes_source.path == "robotics.md"

    # One file of the folder, re-imported on its own by its name below the folder (--base).
    changed = tmp_path / "semiconductor-industry" / vlsi.path.rpartition("/")[2]
    changed.parent.mkdir()
    changed.write_text((CORPUS / vlsi.path).read_text() + "\nA new closing line.\n")
    output = command("import_notes", changed, "--base", tmp_path)
    assert f"Imported {vlsi.path}." in output
    assert NotesSource.objects.count() == 47
    after = {s.path: rows_of(s) for s in NotesSource.objects.exclude(path="robotics.md")}
    assert {p: r for p, r in after.items() if p != vlsi.path} == {
        p: r for p, r in before.items() if p != vlsi.path
    }
    last = ResearchArea.objects.filter(notes_source=vlsi).order_by("position").last()
    assert last.notes.endswith("A new closing line.")


def test_an_unchanged_folder_is_skipped_but_a_new_vocabulary_retags_it():
    import_library(files=corpus_files(), folders=[str(CORPUS)])
    again = import_library(files=corpus_files(), folders=[str(CORPUS)])
    assert all(f.skipped for f in again.files) and not again.changed

    # A quantum chemistry package one posting of the corpus names, not in the vocabulary.
    assert not Technology.objects.filter(name__iexact="Psi4").exists()
    Technology.objects.create(name="Psi4", slug="psi4", category="tool")
    retagged = import_library(files=corpus_files(), folders=[str(CORPUS)])
    assert not any(f.skipped for f in retagged.files)
    assert retagged.totals()["technology tags"].created > 0
    assert Skill.objects.filter(tags__slug="psi4").exists()
    assert all(f.skipped for f in import_library(files=corpus_files()).files)


def test_an_unchanged_file_is_read_again_when_the_rules_reading_it_change(monkeypatch):
    files = corpus_files(CORPUS / "semi-technical-roles")
    import_library(files=files)
    assert all(f.skipped for f in import_library(files=files).files)
    monkeypatch.setattr(importer, "rules_fingerprint", lambda: "the rules of a newer release")
    again = import_library(files=files)
    assert not any(f.skipped for f in again.files) and not again.changed
    assert all(f.skipped for f in import_library(files=files).files)


def test_a_file_edited_in_the_admin_is_read_again_and_its_edit_kept():
    import_library(files=corpus_files(), folders=[str(CORPUS)])
    role = Role.objects.filter(notes_source__path__startswith="semiconductor-industry/").first()
    role.title = "Renamed by a curator"
    save_role(role=role)
    report = import_library(files=corpus_files(), folders=[str(CORPUS)])
    assert [f.source_name for f in report.files if not f.skipped] == [role.notes_source.path]
    assert Role.objects.get(pk=role.pk).title == "Renamed by a curator"
    assert any("Renamed by a curator" in entry for f in report.files for entry in f.kept)


def test_gone_files_are_listed_and_pruned_only_when_asked(tmp_path):
    folder = tmp_path / "notes"
    shutil.copytree(CORPUS / "semi-technical-roles", folder / "semi-technical-roles")
    command("import_notes", folder)
    gone = NotesSource.objects.get(path="semi-technical-roles/tech-management.md")
    curated = SkillSet.objects.filter(notes_source=gone, is_placeholder=False).first()
    curated.label = "skill set for a curated posting"
    curated.save()
    kept_rows = rows_of(gone)
    (folder / gone.path).unlink()

    output = command("import_notes", folder)
    assert "gone from the folder (1" in output and gone.path in output
    assert rows_of(gone) == kept_rows

    dry = command("import_notes", folder, "--prune", "--dry-run")
    assert "pruned, their files being gone (1)" in dry and "Dry run" in dry
    assert NotesSource.objects.filter(pk=gone.pk).exists() and rows_of(gone) == kept_rows

    command("import_notes", folder, "--prune")
    assert not NotesSource.objects.filter(pk=gone.pk).exists()
    # The set edited by a curator stays, with its field; the rest of the file is gone.
    assert list(SkillSet.objects.filter(area__source_file=gone.path)) == [curated]
    assert NotesSource.objects.count() == 6
    with pytest.raises(CommandError, match="--prune needs a folder"):
        command("import_notes", folder / "semi-technical-roles" / "technical-writing.md", "--prune")


def test_a_notes_reimport_keeps_the_tags_of_imported_postings():
    import_notes(text=SEED.read_text(), source_name="notes.md")
    import_posting(text=CADDI.read_text(), source_name=CADDI.name)
    posting_tags = sorted(
        TaggedSkill.objects.filter(
            content_object__skill_set__role__posting__isnull=False
        ).values_list("content_object_id", "tag_id")
    )
    assert len(posting_tags) > 10
    import_notes(text=HISTORY[0].read_text(), source_name="notes.md")
    assert (
        sorted(
            TaggedSkill.objects.filter(
                content_object__skill_set__role__posting__isnull=False
            ).values_list("content_object_id", "tag_id")
        )
        == posting_tags
    )


def test_editing_a_role_line_and_reverting_it_leaves_the_original_rows():
    original = SEED.read_text()
    line = "\t- NLP/ML Lead at SciSpace (Formerly Typeset)\n"
    import_notes(text=original, source_name="notes.md")
    source = NotesSource.objects.get()
    role = Role.objects.get(title="NLP/ML Lead")
    user = create_user()
    roadmap = create_roadmap(owner=user, title="Lead", roles=[role])
    before = rows_of(source)

    # Retitled, still at SciSpace (a line that no longer names it would make the employer
    # the one its text states, Typeset, and leave SciSpace unused, so deleted).
    edited = import_notes(
        text=original.replace(line, line.replace("Lead at", "Lead rev2 at")), source_name="notes.md"
    )
    assert not edited.kept
    renamed = Role.objects.get(pk=role.pk)  # the same role, retitled: URL and targets kept
    assert renamed.title == "NLP/ML Lead rev2"
    assert renamed.skill_sets.count() == 1
    assert list(roadmap.roles.all()) == [renamed]

    reverted = import_notes(text=original, source_name="notes.md")
    assert not reverted.kept
    assert rows_of(source) == before
    assert export_notes() == original


def test_replaying_versions_ends_in_the_rows_of_a_fresh_import_and_keeps_curation():
    import_notes(text=SEED.read_text(), source_name="notes.md")
    import_posting(text=CADDI.read_text(), source_name=CADDI.name)
    posting_tags = TaggedSkill.objects.filter(
        content_object__skill_set__role__posting__isnull=False
    )
    tag_count = posting_tags.count()
    role = Role.objects.get(title="MLOps Engineer - Deep Learning & HPC")
    role.title = "MLOps Engineer (curated)"
    save_role(role=role)

    for version in HISTORY:
        import_notes(text=version.read_text(), source_name="notes.md")
        assert sync_index() == 0, version.name
    assert Role.objects.get(pk=role.pk).title == "MLOps Engineer (curated)"
    assert posting_tags.count() == tag_count
    replayed = content_of(NotesSource.objects.get(path="notes.md"))

    import_notes(text=HISTORY[-1].read_text(), source_name="fresh.md")
    fresh = content_of(NotesSource.objects.get(path="fresh.md"))
    # Apart from the curator's title, the replayed rows are those of the fresh import.
    curated = [r for r in replayed["roles"] if r[0] == "MLOps Engineer (curated)"]
    assert len(curated) == 1
    replayed["roles"] = sorted(
        [("MLOps Engineer - Deep Learning & HPC", *curated[0][1:])]
        + [r for r in replayed["roles"] if r not in curated],
        key=repr,
    )
    replayed["sets"] = sorted(
        [
            (*s[:4], "MLOps Engineer - Deep Learning & HPC", *s[5:])
            if s[4] == "MLOps Engineer (curated)"
            else s
            for s in replayed["sets"]
        ],
        key=repr,
    )
    assert replayed == fresh


def test_a_file_with_no_heading_imports_under_a_field_named_after_it():
    text = "- Arrays and strings\n\t- two pointers\n- Graphs\n"
    import_notes(text=text, source_name="interview-prep.md")
    area = ResearchArea.objects.get()
    assert (area.name, area.level) == ("Interview prep", 0)
    assert export_notes() == text


def test_export_names_the_file_when_there_are_several(tmp_path):
    import_notes(text="# A\n", source_name="a.md")
    import_notes(text="# B\n", source_name="b.md")
    for args in ([], ["--output", tmp_path / "one.md"]):
        with pytest.raises(CommandError, match="there are 2 notes files"):
            command("export_notes", *args)
    assert command("export_notes", "--source", "b.md") == "# B\n"
    with pytest.raises(CommandError, match=r"nope\.md: no such notes file"):
        command("export_notes", "--source", "nope.md")
    command("export_notes", "--source", "a.md", "--output", tmp_path / "a-copy.md")
    assert (tmp_path / "a-copy.md").read_text() == "# A\n"


def test_a_dry_run_of_a_folder_writes_nothing():
    report = import_library(files=corpus_files(), folders=[str(CORPUS)], dry_run=True)
    assert report.totals()["skills"].created > 1000
    assert not NotesSource.objects.exists() and not Company.objects.exists()


def create_user():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_user("ana", password="correct-horse-battery")


def test_a_line_with_curated_technologies_does_not_lend_them_to_its_twin():
    text = "# A\n+ skill set:\n\t- Python and Docker\n"
    import_notes(text=text, source_name="a.md")
    curated = Skill.objects.get()
    curated.tags.set(["kubernetes"])  # a curator's tags: the row is now edited
    twin = text + "+ skill set:\n\t- Python and Docker\n"
    import_notes(text=twin, source_name="a.md")
    tags = {s.pk: sorted(s.tags.values_list("slug", flat=True)) for s in Skill.objects.all()}
    assert tags.pop(curated.pk) == ["kubernetes"]
    assert list(tags.values()) == [["docker", "python"]]


def test_a_posting_moved_under_another_field_keeps_its_rows_and_its_role():
    posting = "+ skill set:\n\t- Staff Compiler Engineer\n\t- LLVM and MLIR\n\t\t* C++\n"
    before = f"# Compilers\n{posting}# Machine learning\nNotes.\n"
    after = (
        "# Compilers\nNothing here now.\n# Machine learning\nNotes.\n## ML compilers\n" + posting
    )
    import_notes(text=before, source_name="notes.md")
    role = Role.objects.get()
    skills = sorted(Skill.objects.values_list("pk", "text"))
    skill_set = SkillSet.objects.get()

    report = import_notes(text=after, source_name="notes.md")

    assert report.tallies["skill sets"].deleted == report.tallies["skill sets"].created == 0
    moved = SkillSet.objects.get()
    assert (moved.pk, moved.area.name) == (skill_set.pk, "ML compilers")
    assert sorted(Skill.objects.values_list("pk", "text")) == skills
    assert Role.objects.get().pk == role.pk and Role.objects.get().area.name == "ML compilers"
    assert export_notes() == after


def test_companies_whose_names_slugify_alike_in_two_files_of_one_import_get_their_own_slugs():
    listing = "# {0} field\nList of {0} companies:\n+ [{1}](https://{2}.example.com/)\n"
    import_library(
        files=[
            NotesFile("a.md", listing.format("A", "Acme Inc.", "a")),
            NotesFile("b.md", listing.format("B", "Acme, Inc", "b")),
        ]
    )
    slugs = sorted(Company.objects.values_list("slug", flat=True))
    assert len(slugs) == 2 and len(set(slugs)) == 2


def test_lines_inserted_above_move_the_files_rows_and_no_others():
    text = "# Field\n\n## EDA\n\n- skill set:\n\t- Verilog\n\t- SystemVerilog\n"
    import_notes(text=text, source_name="notes.md")
    area = ResearchArea.objects.get(name="EDA")
    imported = SkillSet.objects.get(notes_source__path="notes.md")
    curated = SkillSet.objects.create(area=area, label="made in the admin", source_line=40)
    Skill.objects.create(skill_set=curated, text="Perl", source_line=41)
    Skill.objects.create(skill_set=imported, text="Tcl", position=9, source_line=42)

    report = import_notes(text="# Notes\nintro\n\n" + text, source_name="notes.md")

    assert report.tallies["skills"].unchanged == 2 and report.tallies["skills"].moved == 0
    lines = dict(Skill.objects.values_list("text", "source_line"))
    assert lines == {"Verilog": 9, "SystemVerilog": 10, "Perl": 41, "Tcl": 42}
    assert SkillSet.objects.get(pk=curated.pk).source_line == 40
    assert SkillSet.objects.get(pk=imported.pk).source_line == 8
    assert export_notes("notes.md").startswith("# Notes\nintro\n\n# Field\n")


@pytest.mark.parametrize(
    "edit",
    [
        ("## EDA", "## EDA tools"),  # a field renamed
        ("## EDA", "### EDA"),  # a field moved under another
        ("Verification Engineer", "Senior Verification Engineer"),  # a role retitled
        ("\t- Verilog\n", "\t- Verilog\n\t- UVM\n"),  # a line added
        ("- skill set:\n\t- Tcl scripting\n", ""),  # a skill set deleted
        ("# Chips", "# Semiconductors"),  # the top-level field renamed
    ],
)
def test_a_reimport_leaves_no_search_document_behind_the_data(edit):
    text = (
        "# Chips\n\n## Design\n\n- skill set:\n\t- Tcl scripting\n\n"
        "## EDA\n\n- skill set:\n\t- Verification Engineer\n\t- Verilog\n"
    )
    import_notes(text=text, source_name="notes.md")
    # A posting filed under a field of the notes: its lines show that field.
    eda = Overrides(area=ResearchArea.objects.get(name="EDA").slug)
    import_posting(text=CADDI.read_text(), source_name=CADDI.name, overrides=eda)
    assert sync_index() == 0

    import_notes(text=text.replace(*edit), source_name="notes.md")

    assert sync_index() == 0


def test_a_line_deleted_in_the_admin_comes_back_with_the_next_import_of_a_changed_file():
    text = "# Field\n## EDA\n- skill set:\n\t- Verilog\n\t- SystemVerilog\n"
    import_notes(text=text, source_name="notes.md")
    delete_curated(queryset=Skill.objects.filter(text="Verilog"))

    import_notes(text=text + "## Flows\n- skill set:\n\t- Tcl\n", source_name="notes.md")

    assert sorted(Skill.objects.values_list("text", flat=True)) == [
        "SystemVerilog",
        "Tcl",
        "Verilog",
    ]
    assert export_notes("notes.md").startswith(text)


def _seed_and_modular() -> list[NotesFile]:
    """The seed, whose "Mojo Kernel Engineer" (notes.md:5808) is Modular's, and the later
    file that makes Modular ("At Modular, we …", compiler-design-n-prog-analy.md:878)."""
    compilers = CORPUS / "higher-end-roles" / "compiler-design-n-prog-analy.md"
    return [
        NotesFile("notes.md", SEED.read_text(encoding="utf-8")),
        NotesFile(compilers.relative_to(CORPUS).as_posix(), compilers.read_text(encoding="utf-8")),
    ]


def _mojo_kernel_engineer() -> tuple[SkillSet, Role]:
    skill_set = SkillSet.objects.get(notes_source__path="notes.md", source_line=5808)
    return skill_set, skill_set.role


def test_a_company_a_later_file_makes_is_the_employer_in_an_earlier_file():
    import_library(files=_seed_and_modular())
    skill_set, role = _mojo_kernel_engineer()
    assert role.title == "Mojo Kernel Engineer"
    assert skill_set.company.name == role.company.name == "Modular"


def test_a_name_one_file_states_is_the_company_another_lists_with_its_website():
    # The seed lists "[Flex Logix Technologies, Inc.](https://flex-logix.com/)" (notes.md:388);
    # vlsi-verification-testing-n-validation.md:394 says "Flex Logix is looking for …".
    verification = CORPUS / "semiconductor-industry" / "vlsi-verification-testing-n-validation.md"
    path = verification.relative_to(CORPUS).as_posix()
    import_library(
        files=[
            NotesFile("notes.md", SEED.read_text(encoding="utf-8")),
            NotesFile(path, verification.read_text(encoding="utf-8")),
        ]
    )
    skill_set = SkillSet.objects.get(notes_source__path=path, source_line=393)
    assert skill_set.company.name == "Flex Logix Technologies, Inc."
    assert not Company.objects.filter(name="Flex Logix").exists()
