"""lib/charts.py: bars scaled to the largest; steps held until they change; text for both."""

from datetime import date, timedelta

from lib.charts import (
    BAR_SPACE,
    LABEL_WIDTH,
    ROW_HEIGHT,
    STEP_LEFT,
    STEP_WIDTH,
    bar_chart,
    step_chart,
)


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


def test_a_step_chart_holds_each_count_until_it_changes_and_runs_to_the_end():
    series = [(date(2026, 11, 1), 1), (date(2026, 11, 3), 3), (date(2026, 11, 5), 2)]
    chart = step_chart(series, end=date(2026, 11, 9), top=4)
    [(x1, y1), (x2, y2), (x3, y3)] = chart.dots
    assert x1 == STEP_LEFT and x1 < x2 < x3 < STEP_WIDTH
    assert y2 < y3 < y1  # three is higher than two, higher than one
    assert chart.path == f"M{x1} {y1} H{x2} V{y2} H{x3} V{y3} H{STEP_WIDTH - 8}"
    assert chart.description == "1 on 2026-11-01; 3 on 2026-11-03; 2 on 2026-11-05"
    assert (chart.first, chart.last, chart.top) == (date(2026, 11, 1), date(2026, 11, 9), 4)


def test_a_count_above_the_scale_widens_it_and_a_single_day_still_draws():
    chart = step_chart([(date(2026, 11, 9), 7)], end=date(2026, 11, 9), top=3)
    assert chart.top == 7 and chart.dots[0][1] == 8  # the top of the plot


def test_a_long_history_is_described_by_its_first_and_last_days_only():
    series = [(date(2026, 1, 1) + timedelta(days=n), n) for n in range(100)]
    chart = step_chart(series, end=date(2026, 12, 31), top=100)
    assert chart.description.startswith("0 on 2026-01-01; … 70 on 2026-03-12")
    assert chart.description.count(" on ") == 31


def test_no_series_draws_no_chart():
    assert step_chart([], end=date(2026, 11, 9), top=3) is None
