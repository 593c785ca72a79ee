import pytest

from taxonomy.notes.parser import parse_notes
from taxonomy.notes.synthetic import scale_notes


def test_each_copy_renames_headings_and_companies_and_keeps_every_other_line(real_notes_text):
    scaled = scale_notes(real_notes_text, 3, ["Synopsys"])
    document = parse_notes(scaled)
    names = [area.name for area in document.areas]
    assert len(names) == 3 * len(parse_notes(real_notes_text).areas)
    assert "Computer Vision" in names and "Computer Vision 3" in names
    assert "Synopsys 2" in scaled and "Synopsys 3" in scaled
    assert scaled.count("\tBLAH") == 3 * real_notes_text.count("\tBLAH")


def test_one_copy_is_the_notes_themselves():
    assert scale_notes("# A\n- x\n", 1) == "# A\n- x\n"
    with pytest.raises(ValueError):
        scale_notes("# A\n", 0)
