"""The notes parser's bounds: how deep a line may be nested, and how long it may be."""

import pytest

from taxonomy.notes.parser import (
    MAX_DEPTH,
    MAX_LINE_LENGTH,
    MAX_NOTES_LENGTH,
    NotesSyntaxError,
    parse_notes,
)


def skill_chain(depth: int, indent: str = "\t") -> str:
    """A skill set whose last skill is nested ``depth`` lines deep (under the label and the
    skills above it); the skill nested ``k`` deep is on line ``k + 2``."""
    skills = [indent * level + f"- level {level}" for level in range(1, depth + 1)]
    return "\n".join(["# Field", "+ skill set:", *skills]) + "\n"


def refusal(text: str) -> NotesSyntaxError:
    with pytest.raises(NotesSyntaxError) as raised:
        parse_notes(text)
    return raised.value


def test_a_skill_nested_as_deep_as_the_cap_is_accepted():
    (area,) = parse_notes(skill_chain(MAX_DEPTH)).areas
    (skill_set,) = area.skill_sets
    assert len(skill_set.skills) == MAX_DEPTH
    assert skill_set.skills[-1].depth == MAX_DEPTH - 1  # the label is one of its ancestors


def test_a_skill_nested_deeper_than_the_cap_is_refused_naming_its_line():
    error = refusal(skill_chain(MAX_DEPTH + 10))
    assert error.line == MAX_DEPTH + 3
    assert error.message == f"nested {MAX_DEPTH + 1} levels deep; at most {MAX_DEPTH} are allowed"


def test_nesting_is_counted_in_levels_whatever_the_indentation_width():
    assert refusal(skill_chain(MAX_DEPTH + 1, indent=" ")).line == MAX_DEPTH + 3
    assert refusal(skill_chain(MAX_DEPTH + 1, indent="  ")).line == MAX_DEPTH + 3


def test_skill_sets_nested_a_thousand_deep_are_refused_not_a_recursion_error():
    labels = ["\t" * level + "+ skill set:" for level in range(1000)]  # level k on line k + 2
    error = refusal("\n".join(["# Field", *labels]) + "\n")
    assert error.line == MAX_DEPTH + 3


def test_notes_bullets_outside_skill_sets_are_bounded_too():
    bullets = ["\t" * level + f"- note {level}" for level in range(MAX_DEPTH + 2)]  # on k + 2
    assert refusal("\n".join(["# Field", *bullets]) + "\n").line == MAX_DEPTH + 3
    parse_notes("\n".join(["# Field", *bullets[: MAX_DEPTH + 1]]) + "\n")


def test_a_heading_starts_the_count_again():
    chain = skill_chain(MAX_DEPTH)
    document = parse_notes(chain + chain.replace("# Field", "# Other field"))
    assert [len(area.skill_sets[0].skills) for area in document.areas] == [MAX_DEPTH] * 2


def test_a_line_as_long_as_the_cap_is_accepted():
    (area,) = parse_notes("# Field\n+ skill set:\n\t- " + "[" * (MAX_LINE_LENGTH - 3) + "\n").areas
    assert len(area.skill_sets[0].skills[0].line.raw) == MAX_LINE_LENGTH


def test_a_line_longer_than_the_cap_is_refused_naming_its_line_and_length():
    error = refusal("# Field\nIntro.\n" + "[" * (MAX_LINE_LENGTH + 1) + "\nMore.\n")
    assert error.line == 3
    assert error.message == (
        f"line is {MAX_LINE_LENGTH + 1:,} characters long; at most {MAX_LINE_LENGTH:,} are allowed"
    )


def test_a_blank_line_of_spaces_longer_than_the_cap_is_refused_too():
    assert refusal("# Field\n" + " " * (MAX_LINE_LENGTH + 1) + "\n").line == 2


def notes_of(length: int, line_length: int = 10_000) -> str:
    """A field whose notes (intro line included) are ``length`` characters, in lines of
    ``line_length`` "[" (one paragraph: Markdown renders it as one)."""
    lines, left = ["Intro."], length - len("Intro.")
    while left > 0:
        line = "[" * min(line_length, left - 1)
        lines.append(line)
        left -= len(line) + 1
    return "# Field\n" + "\n".join(lines) + "\n"


def test_a_field_whose_notes_are_as_long_as_the_cap_is_accepted():
    (area,) = parse_notes(notes_of(MAX_NOTES_LENGTH)).areas
    assert len(area.notes_source) == MAX_NOTES_LENGTH


def test_a_field_whose_notes_pass_the_cap_is_refused_at_the_line_that_passes_it():
    text = notes_of(MAX_NOTES_LENGTH + 1) + "## Next field\nMore.\n"
    error = refusal(text)
    assert error.line == text.count("\n") - 2  # the last line of the field's notes
    assert error.message == (
        f"the notes of the field 'Field' reach {MAX_NOTES_LENGTH + 1:,} characters here; "
        f"at most {MAX_NOTES_LENGTH:,} are allowed under one heading"
    )


def test_every_real_notes_file_is_within_the_bounds(shared):
    files = [*sorted((shared / "corpus").rglob("*.md")), shared / "seeds" / "notes.md"]
    assert len(files) >= 58
    for path in files:
        parse_notes(path.read_text(encoding="utf-8"), preamble_name=path.name)
