"""plain_text: imported Markdown (role titles, the line introducing a skill set) as text."""

import pytest

from taxonomy.notes.markdown import plain_text


@pytest.mark.parametrize(
    ("source", "text"),
    [
        (
            "***Machine Learning Scientist*** and ***Deep Learning Scientist*** roles:",
            "Machine Learning Scientist and Deep Learning Scientist roles:",
        ),
        (
            "Software Development Engineer [Dept: ***Machine Translation***]",
            "Software Development Engineer [Dept: Machine Translation]",
        ),
        (
            "*Information Technology Infrastructure Library, ITIL*:",
            "Information Technology Infrastructure Library, ITIL:",
        ),
        ("**bold *and italic* inside**", "bold and italic inside"),
        ("_one_ and __two__", "one and two"),
    ],
)
def test_emphasis_markers_are_dropped_and_their_text_kept(source, text):
    assert plain_text(source) == text


@pytest.mark.parametrize(
    "source",
    [
        "a * b * c",  # spaced asterisks are not emphasis
        "*unclosed emphasis",
        "***",
        "snake_case_name and C++/CUDA",  # underscores inside a word are not emphasis
        "Machine Learning Engineer (Seoul)",
        "",
    ],
)
def test_text_without_emphasis_is_unchanged(source):
    assert plain_text(source) == source


def test_asterisks_in_code_spans_and_escaped_ones_stay():
    assert plain_text("`*args` and \\*literal\\* stars") == "*args and *literal* stars"


def test_the_result_is_text_not_html():
    # Tags stay as typed, for the template to escape; nothing is rendered into markup.
    assert plain_text("***R&D*** <script>x</script>") == "R&D <script>x</script>"
