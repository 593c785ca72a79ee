import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from taxonomy.search.text import (
    clean_query,
    engine_query,
    highlight,
    name_key,
    plain_text,
    search_words,
    searchable,
    similarity,
    spellings,
    terms,
)


def test_queries_lose_control_characters_and_stay_short():
    assert clean_query("a\x00b\tc\n") == "a b c"
    assert len(clean_query("x" * 5000)) == 200


def test_terms_are_distinct_lower_case_words_without_operators():
    assert terms('"STCO" & (stco) | Foo-bar!') == ["stco", "foo", "bar"]
    assert terms("& | ! : * ( )") == []
    assert terms("쿠버네티스 Ansible을") == ["쿠버네티스", "ansible을"]


def test_plain_text_keeps_link_text_and_drops_markup():
    assert plain_text("***Bold*** [PyTorch](https://pytorch.org) `code`") == "Bold PyTorch code"


def test_similarity_matches_pg_trgm():
    assert similarity("pytorh", "pytorch") == 0.5
    assert similarity("word", "word") == 1.0
    assert similarity("abc", "xyz") == 0.0


def test_highlight_marks_word_starts_and_escapes():
    assert highlight("PyTorch & <torch>", ["torch"]) == "PyTorch &amp; &lt;<mark>torch</mark>&gt;"
    assert highlight("pytorch", ["pyt"]) == "<mark>pytorch</mark>"


def test_highlight_marks_a_word_shorter_than_three_letters_only_whole():
    assert highlight("R, Ruby and R&D", ["r"]) == "<mark>R</mark>, Ruby and R&amp;D"
    assert highlight("pytorch", ["py"]) == "pytorch"


def test_highlight_cuts_a_window_around_the_first_match():
    text = "lorem " * 100 + "needle " + "ipsum " * 100
    snippet = highlight(text, ["needle"], width=80)
    assert snippet.startswith("… ") and snippet.endswith(" …")
    assert "<mark>needle</mark>" in snippet and len(snippet) < 120


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("C++ and C#", ["cplusplus", "and", "csharp"]),
        (".NET, ASP.NET", ["dotnet", "aspnet"]),
        ("Node.js or NodeJS", ["nodejs", "or", "nodejs"]),
        ("CI/CD, R&D, AT&T", ["cicd", "randd", "atandt"]),
        ("Python/Java, Docker+K8s", ["python", "java", "docker", "k8s"]),
        ("5+ years, e.g. Python.", ["5", "years", "eg", "python"]),
        ("see https://x.org/C++ now", ["see", "now"]),
    ],
)
def test_names_spelt_with_symbols_are_one_word_each(text, words):
    assert search_words(text) == words


def test_a_name_and_a_query_compare_the_same_however_spelt():
    assert name_key("Node.js") == name_key("NodeJS") == name_key(" nodejs ") == "nodejs"
    assert name_key("C++") == name_key("c++") != name_key("C")
    assert name_key("EDA, Electronic Design Automation") == "eda electronic design automation"


def test_the_engines_read_symbol_names_as_keywords_and_keep_the_parts_of_dotted_ones():
    assert searchable("C++ and R&D") == "cplusplus and randd"
    assert searchable("C/C++, C++17") == "C cplusplus ccplusplus, cplusplus cplusplus17"
    assert searchable("ASP.NET, CI/CD") == "ASP.NET dotnet aspnet, CI CD cicd"
    assert searchable("Python and PyTorch") == "Python and PyTorch"


def test_a_keyword_right_before_a_link_is_read_apart_from_it():
    # Found by the property test below: the address "a://" is no word, "a#" is.
    assert searchable("a#a://") == "asharp a://"
    assert searchable("C#http://example.com") == "csharp http://example.com"


def test_a_query_keeps_its_operators_around_the_keywords():
    assert engine_query('"C++ developer" -C# or .NET') == '"cplusplus developer" -csharp or dotnet'


def test_highlight_marks_names_spelt_with_symbols_by_their_keywords():
    assert highlight("C, C++ and ASP.NET", ["cplusplus"]) == "C, <mark>C++</mark> and ASP.NET"
    assert highlight("ASP.NET and .NET", ["dotnet"]) == "ASP<mark>.NET</mark> and <mark>.NET</mark>"
    assert highlight("Node.js, NodeJS", ["nodejs"]) == "<mark>Node.js</mark>, <mark>NodeJS</mark>"
    assert highlight("C, C++ or C#", ["c"]) == "<mark>C</mark>, C++ or C#"


def test_plain_text_shows_escaped_characters_as_they_read():
    assert plain_text(r"C\# and C\+\+ \*not bold\*") == "C# and C++ *not bold*"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from("aBc1 +#&./_-é:"), max_size=30))
def test_every_word_a_query_makes_of_a_text_is_a_word_of_the_text_as_the_engines_read_it(text):
    read = re.findall(r"\w+", searchable(text).casefold())
    assert set(search_words(text)) <= {word.strip("_") for word in read}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("aBc1 _-é:,(ü\t"), max_size=30))
def test_a_text_of_plain_words_has_the_words_its_spellings_give(text):
    assert search_words(text) == [spelling.word for spelling in spellings(text)]
