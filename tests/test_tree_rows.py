"""lib.tree_rows: a tree as flat rows whose open and close marks nest it by markup alone."""

from dataclasses import dataclass

from lib.tree_rows import tree_rows


@dataclass
class Item:
    pk: int
    parent_id: int | None


def markup(rows) -> str:
    """The lists the rows stand for, written as a template would."""
    out = []
    for row in rows:
        out.append("<ul>" * row.opens + f"<li>{row.item.pk}")
        if not row.has_children:
            out.append("</li>")
            out += ["</ul></li>" if nested else "</ul>" for nested in row.closes]
    return "".join(out)


def test_rows_come_in_tree_order_with_depths():
    items = [Item(1, None), Item(4, None), Item(2, 1), Item(3, 2), Item(5, 1)]
    rows = tree_rows(items)
    assert [(row.item.pk, row.depth) for row in rows] == [(1, 0), (2, 1), (3, 2), (5, 1), (4, 0)]


def test_the_marks_open_and_close_every_list():
    items = [Item(1, None), Item(2, 1), Item(3, 2), Item(4, None)]
    assert markup(tree_rows(items)) == (
        "<ul><li>1<ul><li>2<ul><li>3</li></ul></li></ul></li><li>4</li></ul>"
    )


def test_a_thousand_levels_need_no_recursion():
    items = [Item(n, n - 1 if n else None) for n in range(1000)]
    html = markup(tree_rows(items))
    assert html.count("<ul>") == html.count("</ul>") == 1000


def test_an_item_whose_parent_is_not_given_is_a_root_and_a_cycle_is_left_out():
    items = [Item(1, 99), Item(2, 3), Item(3, 2)]
    assert [row.item.pk for row in tree_rows(items)] == [1]


def test_no_items_no_rows():
    assert tree_rows([]) == []
