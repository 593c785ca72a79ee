"""Importing notes past the parser's bounds: one line naming the file and line, exit 1, and
nothing written; at the bounds, the rows are imported and their pages render."""

import io

import pytest
from django.core.management import CommandError, call_command

from postings.models import Company, Role
from taxonomy.models import NotesSource, ResearchArea, Skill, SkillSet, TaggedSkill, Technology
from taxonomy.notes.parser import MAX_DEPTH, MAX_LINE_LENGTH, MAX_NOTES_LENGTH

pytestmark = pytest.mark.django_db

GOOD = """# Verification
+ skill set:
\t- Staff Formal Verification Engineer
\t- Experience with SystemVerilog and Python
"""
# The line of 20,000 characters (with its newline) that takes the notes past the cap.
PASSING = MAX_NOTES_LENGTH // 20_000 + 1


def skill_chain(depth: int) -> str:
    """A role's skill set whose last skill is nested ``depth`` lines deep, on line depth + 3."""
    skills = ["\t" * level + f"- requirement {level}" for level in range(2, depth + 1)]
    return "\n".join(["# Deep field", "+ skill set:", "\t- Senior Deep Engineer", *skills]) + "\n"


def import_notes(*paths) -> str:
    out = io.StringIO()
    call_command("import_notes", *map(str, paths), stdout=out, stderr=io.StringIO())
    return out.getvalue()


def table_state():
    models = (NotesSource, ResearchArea, SkillSet, Skill, Role, Company, TaggedSkill, Technology)
    return {model.__name__: sorted(model.objects.values_list("pk", flat=True)) for model in models}


def refused(*paths) -> str:
    with pytest.raises(CommandError) as raised:
        import_notes(*paths)
    assert raised.value.returncode == 1
    message = str(raised.value)
    assert "\n" not in message
    return message


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            skill_chain(MAX_DEPTH + 1),
            MAX_DEPTH + 3,
            f"nested {MAX_DEPTH + 1} levels deep; at most {MAX_DEPTH} are allowed",
        ),
        (
            "# Field\nIntro.\n" + "[" * 10_000_000 + "\n",
            3,
            f"line is 10,000,000 characters long; at most {MAX_LINE_LENGTH:,} are allowed",
        ),
        (
            "# Field\nIntro.\n" + ("[" * 19_999 + "\n") * 250,  # one paragraph, 5 MB
            2 + PASSING,
            f"the notes of the field 'Field' reach {6 + PASSING * 20_000:,} characters here; "
            f"at most {MAX_NOTES_LENGTH:,} are allowed under one heading",
        ),
    ],
    ids=["too deep", "too long", "notes too long"],
)
def test_a_file_past_a_bound_is_refused_naming_file_and_line_and_nothing_is_written(
    tmp_path, text, line, message
):
    import_notes(write(tmp_path / "first.md", GOOD))
    before = table_state()
    folder = tmp_path / "notes"
    write(folder / "a-good.md", GOOD.replace("Verification", "Other field"))
    write(folder / "b-bad.md", text)
    assert refused(folder) == f"b-bad.md:{line}: {message}"
    assert table_state() == before


def test_a_dry_run_past_a_bound_is_refused_the_same_way(tmp_path):
    path = write(tmp_path / "deep.md", skill_chain(MAX_DEPTH + 1))
    with pytest.raises(CommandError) as raised:
        import_notes(path, "--dry-run")
    assert str(raised.value).startswith(f"deep.md:{MAX_DEPTH + 3}: nested ")


def test_a_skill_nested_as_deep_as_the_cap_is_imported_and_its_role_page_renders(client, tmp_path):
    assert "Imported deep.md." in import_notes(write(tmp_path / "deep.md", skill_chain(MAX_DEPTH)))
    role = Role.objects.get(title="Senior Deep Engineer")
    skills = Skill.objects.filter(skill_set__role=role)
    assert skills.count() == MAX_DEPTH
    deepest = skills.get(text=f"requirement {MAX_DEPTH}")
    depth, parent = 0, deepest.parent
    while parent is not None:
        depth, parent = depth + 1, parent.parent
    assert depth == MAX_DEPTH - 1  # and the skill set's label above them all
    html = client.get(role.get_absolute_url()).content.decode()
    assert html.count('<ul class="skills">') == MAX_DEPTH


def write(path, text: str):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
