import io

import pytest
from django.core.management import call_command

from taxonomy.models import ResearchArea, Skill, SkillSet
from taxonomy.notes.exporter import export_notes


def nonblank(text):
    return [line for line in text.split("\n") if line.strip()]


@pytest.mark.django_db
def test_export_of_the_real_notes_matches_the_source(real_notes, real_notes_text):
    exported = export_notes()
    assert nonblank(exported) == nonblank(real_notes_text)
    assert exported == real_notes_text  # even the blank lines come back


@pytest.mark.django_db
def test_reimporting_the_export_changes_nothing(real_notes, import_text):
    report = import_text(export_notes())
    assert not report.changed


@pytest.mark.django_db
def test_export_command_writes_only_the_notes_to_stdout(real_notes, real_notes_text):
    stdout = io.StringIO()
    call_command("export_notes", stdout=stdout)
    assert stdout.getvalue() == real_notes_text


@pytest.mark.django_db
def test_export_command_writes_a_file(import_text, tmp_path):
    import_text("# A\n+ skill set:\n\t- one\n")
    call_command("export_notes", "--output", str(tmp_path / "out.md"), stderr=io.StringIO())
    assert (tmp_path / "out.md").read_text() == "# A\n+ skill set:\n\t- one\n"


@pytest.mark.django_db
def test_edits_and_new_rows_are_exported_with_the_notes_indentation(import_text):
    import_text("#\tA\n+ skill set:\n\t- one  \n\t\t* two\n")
    one = Skill.objects.get(text="one")
    one.text = "one, edited"
    one.save()
    Skill.objects.create(skill_set=one.skill_set, parent=one, position=5, text="three")
    area = ResearchArea.objects.get()
    area.name = "A, renamed"
    area.save()
    extra = SkillSet.objects.create(area=area, label="tech stack", position=9, anchor=99)
    Skill.objects.create(skill_set=extra, position=0, text="Kubernetes")

    assert export_notes() == (
        "#\tA, renamed\n+ skill set:\n\t- one, edited\n\t\t* two\n\t\t* three\n"
        "+ tech stack:\n\t- Kubernetes\n"
    )


@pytest.mark.parametrize(
    "text",
    [
        "# Field\n\n## EDA\n\n- skill set:\n\t- Verilog\n",
        "# Field\n\n\n## EDA\n- skill set:\n\t- Verilog\n\n",
        "Intro\n\n# Field\n\n",
    ],
)
def test_empty_lines_between_headings_and_lists_come_back(import_text, text):
    import_text(text)
    assert export_notes() == text
