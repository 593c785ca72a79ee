"""lib/charts.py: bars scaled to the largest, in rows, with a text description."""

from lib.charts import BAR_SPACE, LABEL_WIDTH, ROW_HEIGHT, bar_chart


def test_bars_are_scaled_to_the_largest_count():
    chart = bar_chart([("Python", 40, "/p"), ("Go", 10, "/g")])
    assert [bar.width for bar in chart.bars] == [BAR_SPACE, BAR_SPACE // 4]
    assert [bar.y for bar in chart.bars] == [0, ROW_HEIGHT]
    assert chart.height == 2 * ROW_HEIGHT
    assert chart.bars[1].count_x > LABEL_WIDTH + chart.bars[1].width


def test_a_zero_count_still_shows_a_sliver():
    chart = bar_chart([("Python", 0, "/p")])
    assert chart.bars[0].width == 2


def test_the_description_reads_every_bar():
    chart = bar_chart([("Python", 3, "/p"), ("Go", 1, "/g")])
    assert chart.description == "Python: 3; Go: 1"


def test_no_items_make_an_empty_chart():
    assert bar_chart([]).bars == [] and bar_chart([]).height == 0
