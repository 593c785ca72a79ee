from taxonomy.search.text import clean_query, highlight, plain_text, similarity, terms


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
    assert highlight("pytorch", ["py"]) == "<mark>pytorch</mark>"


def test_highlight_cuts_a_window_around_the_first_match():
    text = "lorem " * 100 + "needle " + "ipsum " * 100
    snippet = highlight(text, ["needle"], width=80)
    assert snippet.startswith("… ") and snippet.endswith(" …")
    assert "<mark>needle</mark>" in snippet and len(snippet) < 120
