import time

import pytest

from taxonomy.notes import markdown
from taxonomy.notes.markdown import (
    MarkdownCoverageError,
    contents_of,
    render_inline,
    render_markdown,
)
from tests.conftest import heading_levels


def test_raw_html_is_escaped():
    assert "<b>" not in render_markdown("<b>bold</b> and <script>x()</script>")


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "ftp://x.org/f"])
def test_only_http_https_and_mailto_links_are_rendered(url):
    html = render_markdown(f"[click]({url}) [ok](https://example.org) [mail](mailto:a@b.org)")
    assert 'href="https://example.org"' in html and 'href="mailto:a@b.org"' in html
    assert f'href="{url}"' not in html


def test_placeholder_lines_stay_out_of_the_html():
    html = render_markdown("+ real item\n+ BLAH.\n+ [NAME](URL)\n+ BLAH")
    assert "real item" in html and "BLAH" not in html and "NAME" not in html


def test_ten_levels_of_nesting_render_completely():
    deep = "\n".join("\t" * depth + "+-*"[depth % 3] + f" level {depth}" for depth in range(11))
    html = render_markdown(deep + "\nafter the list")
    assert "level 10" in html and "after the list" in html


def test_a_renderer_that_drops_text_is_caught(monkeypatch):
    deep = "\n".join("\t" * depth + f"- level {depth}" for depth in range(11)) + "\nafter"
    monkeypatch.setitem(markdown._MD.options, "maxNesting", 20)
    with pytest.raises(MarkdownCoverageError):
        render_markdown(deep, strict=True)


def test_source_that_would_lose_text_is_shown_whole_as_text(monkeypatch):
    deep = "\n".join("\t" * depth + f"- level {depth}" for depth in range(11)) + "\n<after>"
    monkeypatch.setitem(markdown._MD.options, "maxNesting", 20)
    html = render_markdown(deep)
    assert html.startswith('<pre class="as-text">')
    assert "level 10" in html and "&lt;after&gt;" in html and "<after>" not in html


def test_a_setext_underline_in_a_list_item_counts_as_rendered():
    # 2024-07-08 of the real notes: an empty item under a job title makes it a heading.
    source = "+ HPC Engineer, Machine Learning Infrastructure - US Remote\n\t- \n+ next"
    html = render_markdown(source, strict=True)
    assert '<h3 id="section-hpc-engineer-machine-learning' in html and "next" in html


def test_render_inline_fast_path_matches_markdown_it_on_every_real_skill_line(real_notes_text):
    from taxonomy.notes.markdown import _MD, render_inline
    from taxonomy.notes.parser import parse_notes

    lines = [
        skill.text
        for area in parse_notes(real_notes_text).areas
        for skill_set in area.all_skill_sets()
        for skill in skill_set.skills
    ]
    lines += ['a "quoted" thing', "it's", "x  y", "C++ & Python", "tab\there", "한국어", " pad "]
    lines += ["***bold***", "[x](javascript:alert(1))", "<b>raw</b>", "`code`", "a\\*b"]
    for line in lines:
        assert render_inline(line) == _MD.renderInline(line), line


def test_unclosed_brackets_cost_a_bounded_amount_of_work_each(monkeypatch):
    # Each unclosed "[" searches the rest of its paragraph once per nesting level; inline
    # parsing stops at MAX_INLINE_NESTING levels, so the work per "[" stays bounded while
    # lists can still nest ten levels deep.
    parser = type(markdown._INLINE_MD.inline)
    calls = 0
    skip_token = parser.skipToken

    def counted(self, state):
        nonlocal calls
        calls += 1
        return skip_token(self, state)

    monkeypatch.setattr(parser, "skipToken", counted)
    render_markdown("[" * 2_000)
    assert calls <= 2 * 20 * 2_000


def test_links_and_emphasis_still_nest_inside_each_other():
    html = render_markdown("*a [b **c**](https://x.y) d*")
    assert html == '<p><em>a <a href="https://x.y">b <strong>c</strong></a> d</em></p>\n'


@pytest.mark.parametrize("render", [render_markdown, render_inline])
def test_bare_http_https_and_www_addresses_become_links_without_the_sentences_punctuation(
    render,
):
    html = render(
        "See https://en.wikipedia.org/wiki/Foo_(bar), www.semi.org/en. and (http://x.org/jobs)."
    )
    assert (
        '<a href="https://en.wikipedia.org/wiki/Foo_(bar)">https://en.wikipedia.org/wiki/Foo_(bar)</a>,'
        in html
    )
    assert '<a href="http://www.semi.org/en">www.semi.org/en</a>.' in html
    assert '(<a href="http://x.org/jobs">http://x.org/jobs</a>).' in html


def test_addresses_in_links_code_and_other_schemes_are_left_as_they_are():
    html = render_markdown(
        "[site](https://a.org/x) `https://code.org` <https://auto.org> "
        "ftp://x.org javascript://x.org https:// www."
    )
    assert html.count("<a ") == 2  # the link and the autolink, each once
    assert "<code>https://code.org</code>" in html
    assert "ftp://x.org" in html and 'href="ftp' not in html and 'href="javascript' not in html


def test_linking_bare_addresses_costs_linear_time_on_hostile_lines():
    line = "https://x.org/" + ")" * 20_000 + " " + "www.a " * 3_000 + "(https://" * 2_000
    started = time.perf_counter()
    html = render_markdown(line)
    assert time.perf_counter() - started < 2
    assert html.count("<a ") == 1 + 3_000 + 1  # the last run of "(https://" is one address


def test_headings_get_unique_ids_that_the_contents_list_reads():
    html = render_markdown(
        "## Skill Sets for *X* <b>\ntext\n## Skill Sets for X\n### \u00c9t\u00e9\n"
    )
    assert contents_of(html) == [
        ("section-skill-sets-for-x-b", "Skill Sets for X &lt;b&gt;"),
        ("section-skill-sets-for-x", "Skill Sets for X"),
        ("section-\u00e9t\u00e9", "\u00c9t\u00e9"),
    ]


def test_headings_start_at_h3_below_a_page_s_own_and_never_skip_a_level():
    assert heading_levels(render_markdown("#### A\ntext\n##### B\n#### C")) == [3, 4, 3]
    assert heading_levels(render_markdown("# A\n### B\n###### C\n## D")) == [3, 4, 5, 4]
    assert heading_levels(render_markdown("### A\n# B\n## C")) == [3, 3, 4]
    assert heading_levels(render_markdown("# 1\n## 2\n### 3\n#### 4\n##### 5")) == [3, 4, 5, 6, 6]
    assert heading_levels(render_markdown("#### A\n# B", top_heading=2)) == [2, 2]
    assert render_markdown("#### A").endswith("</h3>\n")  # the closing tag follows
