import pytest

from taxonomy.notes import markdown
from taxonomy.notes.markdown import MarkdownCoverageError, render_markdown


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
        render_markdown(deep)
