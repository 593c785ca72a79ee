"""Saved postings have the notes' bounds: nesting depth and line length, refused with the
file and line, nothing written."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from postings.models import Posting, Role
from postings.parsing import PostingSyntaxError, parse_posting
from taxonomy.models import Skill
from taxonomy.notes.parser import MAX_DEPTH, MAX_LINE_LENGTH, MAX_NOTES_LENGTH


def posting(items: int) -> str:
    """Requirements nested each under the one before; item ``k`` is on line ``k + 4``."""
    bullets = ["  " * level + f"- requirement {level}" for level in range(items)]
    return "\n".join(["# Deep Posting Engineer", "", "## Requirements", *bullets]) + "\n"


def test_an_item_nested_as_deep_as_the_cap_is_read():
    (role,) = parse_posting(posting(MAX_DEPTH + 1)).roles
    (section,) = role.sections
    depth, item = 0, section.items[0]
    while item.children:
        depth, item = depth + 1, item.children[0]
    assert (depth, item.text) == (MAX_DEPTH, f"requirement {MAX_DEPTH}")


def test_an_item_nested_deeper_than_the_cap_is_refused_naming_its_line():
    with pytest.raises(PostingSyntaxError) as raised:
        parse_posting(posting(1000))
    assert raised.value.line == MAX_DEPTH + 5
    assert raised.value.message == (
        f"nested {MAX_DEPTH + 1} levels deep; at most {MAX_DEPTH} are allowed"
    )


def test_a_line_carrying_on_the_deepest_bullet_counts_as_nested_under_it():
    text = posting(MAX_DEPTH + 1) + "  " * MAX_DEPTH + "and more words\n"
    with pytest.raises(PostingSyntaxError) as raised:
        parse_posting(text)
    assert raised.value.line == MAX_DEPTH + 5


def test_a_line_longer_than_the_cap_is_refused_naming_its_line():
    with pytest.raises(PostingSyntaxError) as raised:
        parse_posting(posting(2) + "- " + "[" * MAX_LINE_LENGTH + "\n")
    assert raised.value.line == 6
    assert raised.value.message.startswith(f"line is {MAX_LINE_LENGTH + 2:,} characters long")


def test_a_sentence_wrapped_over_lines_past_the_line_cap_is_refused_where_it_passes():
    wrapped = ["words that carry the sentence on " * 300] * 5  # 9,900 characters each
    text = posting(1) + "\n" + "\n".join(line.strip() for line in wrapped) + "\n"
    with pytest.raises(PostingSyntaxError) as raised:
        parse_posting(text)
    assert raised.value.line == 8  # the third line of the sentence passes 20,000
    assert raised.value.message.startswith("a sentence wrapped over several lines reaches 29,")


def about(characters: int) -> str:
    """A posting whose company introduction is ``characters`` long, in sentences of lines."""
    line = "We build tools. " * 600
    lines = [line.strip()] * (characters // len(line) + 1)
    return posting(2) + "\n## About us\n" + "\n".join(lines) + "\n"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "message"),
    [
        (posting(100), f"deep.md:{MAX_DEPTH + 5}: nested {MAX_DEPTH + 1} levels deep"),
        ("# Engineer\n\n## Requirements\n- " + "[" * 5_000_000 + "\n", "deep.md:4: line is 5,"),
        (
            about(MAX_NOTES_LENGTH),
            "deep.md: the description of the role 'Deep Posting Engineer' is 25",
        ),
    ],
    ids=["too deep", "too long", "description too long"],
)
def test_the_command_refuses_it_in_one_line_and_writes_nothing(
    import_text, tmp_path, text, message
):
    import_text("# Machine Learning\n\nNotes.\n")
    path = tmp_path / "deep.md"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CommandError) as raised:
        call_command("import_posting", str(path), "--area", "machine-learning", stdout=StringIO())
    assert raised.value.returncode == 1
    assert str(raised.value).startswith(message) and "\n" not in str(raised.value)
    assert not Posting.objects.exists() and not Role.objects.exists()
    assert not Skill.objects.exists()
