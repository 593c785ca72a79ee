import pytest

from taxonomy.notes.parser import (
    Layout,
    column_of,
    line_parts,
    notes_lines,
    notes_text,
    parse_notes,
    read_lines,
)

SAMPLE = """# Field
Intro paragraph.
+ concept
\t- detail
Skill sets for the field:
+ skill set:
\t- Staff Engineer
\t- Python and C++
\t\t* pybind11
+ sibling concept
## Notes about Field
more notes
## Sub-field
+ skill set for machine learning architect:
\t- BLAH.
"""


def areas_by_name(text):
    return {area.name: area for area in parse_notes(text).areas}


def test_headings_make_the_tree_and_sections_stay_in_their_area():
    areas = areas_by_name(SAMPLE)
    assert list(areas) == ["Field", "Sub-field"]
    assert areas["Sub-field"].parent is areas["Field"]
    assert "## Notes about Field" in areas["Field"].notes_source


def test_skill_set_collects_the_bullets_below_it_with_their_nesting():
    (skill_set,) = areas_by_name(SAMPLE)["Field"].skill_sets
    assert skill_set.label == "skill set"
    assert [s.text for s in skill_set.skills] == ["Staff Engineer", "Python and C++", "pybind11"]
    assert [s.parent for s in skill_set.skills] == [None, None, 1]
    assert skill_set.context == "Skill sets for the field:"


def test_a_sibling_bullet_ends_the_skill_set_and_returns_to_the_notes():
    field = areas_by_name(SAMPLE)["Field"]
    assert "+ sibling concept" in field.notes_source
    assert "Staff Engineer" not in field.notes_source


def test_placeholder_skill_set_is_flagged():
    (skill_set,) = areas_by_name(SAMPLE)["Sub-field"].skill_sets
    assert skill_set.label == "skill set for machine learning architect"
    assert skill_set.is_placeholder


@pytest.mark.parametrize(
    "indent",
    ["\t", "    ", "  ", " \t"],
    ids=["tab", "four-spaces", "two-spaces", "space-before-tab"],
)
def test_indentation_styles_parse_alike(indent):
    text = f"# A\n+ skill set:\n{indent}- one\n{indent}{indent}* two\n{indent}- three\n"
    (skill_set,) = parse_notes(text).areas[0].skill_sets
    assert [(s.text, s.parent) for s in skill_set.skills] == [
        ("one", None),
        ("two", 0),
        ("three", None),
    ]


def test_crlf_and_bom_parse_like_plain_lf():
    plain = parse_notes(SAMPLE)
    windows = parse_notes("\ufeff" + SAMPLE.replace("\n", "\r\n"))
    assert [a.name for a in windows.areas] == [a.name for a in plain.areas]
    assert [a.notes_source for a in windows.areas] == [a.notes_source for a in plain.areas]


def test_a_skill_set_label_inside_a_skill_set_opens_a_nested_set():
    text = "# A\n+ skill set:\n\t- Build things\n\t- Tech Stack:\n\t\t* Scala\n\t- After\n"
    (outer,) = parse_notes(text).areas[0].skill_sets
    (inner,) = outer.nested
    assert [s.text for s in outer.skills] == ["Build things", "After"]
    assert inner.anchor == 1
    assert [s.text for s in inner.skills] == ["Scala"]


def test_text_before_the_first_heading_files_under_a_field_with_no_heading():
    document = parse_notes("\n\nstray text\n+ skill set:\n\t- Python\n# A\n", preamble_name="Prep")
    preamble, heading = document.areas
    assert (preamble.name, preamble.level, preamble.parent) == ("Prep", 0, None)
    assert [line.raw for line in preamble.notes] == ["", "", "stray text"]
    assert [s.text for s in preamble.skill_sets[0].skills] == ["Python"]
    assert (heading.name, heading.level, heading.parent) == ("A", 1, None)


def test_a_file_with_no_heading_at_all_is_one_field():
    (area,) = parse_notes("- What is a hash map?\n\t- buckets\n", preamble_name="Prep").areas
    assert area.name == "Prep" and len(area.notes) == 2


def test_blank_lines_keep_their_whitespace_and_follow_their_row():
    text = "# A\n+ skill set:\n\t- one\n \t\n\n\t- two\n\n\n"
    document = parse_notes(text)
    (skill_set,) = document.areas[0].skill_sets
    assert [s.blank_before for s in skill_set.skills] == [[], [" \t", ""]]
    assert [line.raw for line in document.areas[0].notes] == ["", ""]  # after the set, at EOF


@pytest.mark.parametrize(
    "text",
    [
        "# A\n- x\n",
        "# A\n- x",
        "\ufeff# A\r\n- x\r\n",
        "# A\r\n- x\n- y\r\n",
        "\n\n# A\n\t-Qualifications:  \n",
        "# A\r- x\r",
    ],
    ids=["lf", "no-final-newline", "bom-crlf", "mixed", "leading-blanks", "cr"],
)
def test_layout_joins_the_lines_back_into_the_same_text(text):
    lines, layout = read_lines(text)
    assert layout.join([line.raw for line in lines]) == text
    assert Layout.from_json(layout.as_json()) == layout


def test_line_parts_keep_a_line_without_a_marker_as_it_is():
    assert line_parts("\t-Qualifications:  ") == ("\t", "-Qualifications:")
    assert line_parts("\t- text ") == ("\t- ", "text")
    assert line_parts("  plain") == ("  ", "plain")


def test_tab_stops_are_four_columns():
    assert column_of("\t") == column_of(" \t") == column_of("    ") == 4


def test_real_file_is_fully_accounted_for(real_notes_text):
    document = parse_notes(real_notes_text)
    sets = [s for area in document.areas for s in area.all_skill_sets()]
    assert len(document.areas) == 88
    assert len(sets) == 1237
    assert sum(s.is_placeholder for s in sets) == 906
    assert sum(len(s.skills) for s in sets) == 5256
    assert document.nonblank_count == sum(1 for line in real_notes_text.split("\n") if line.strip())


@pytest.mark.parametrize("lines", [[], [""], [" \t", ""], ["", "", "\t"]])
def test_blank_lines_are_stored_so_that_none_one_and_many_read_back_apart(lines):
    from taxonomy.notes.parser import blank_lines_of, blank_lines_text

    assert blank_lines_of(blank_lines_text(lines)) == lines


@pytest.mark.parametrize(
    "lines", [[], [""], ["", ""], ["\t"], ["a"], ["a", ""], ["", "a"], ["", "", "a", "", ""]]
)
def test_notes_are_stored_so_that_no_empty_line_is_lost(lines):
    assert notes_lines(notes_text(lines)) == lines
