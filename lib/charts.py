"""Charts as plain numbers for inline SVG templates (no JavaScript): a horizontal bar chart,
and a step chart of a count over days."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

ROW_HEIGHT = 26
BAR_HEIGHT = 18
LABEL_WIDTH = 190
BAR_SPACE = 260
COUNT_GAP = 6


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    count: int
    url: str
    y: int
    text_y: int
    width: int
    count_x: int


@dataclass(frozen=True, slots=True)
class BarChart:
    bars: list[Bar]
    width: int
    height: int
    label_width: int = LABEL_WIDTH
    bar_height: int = BAR_HEIGHT

    @property
    def description(self) -> str:
        return "; ".join(f"{bar.label}: {bar.count}" for bar in self.bars)


def bar_chart(items: list[tuple[str, int, str]]) -> BarChart:
    """``items`` are (label, count, url), largest first; bars are scaled to the largest."""
    largest = max((count for _, count, _ in items), default=0) or 1
    bars = []
    for index, (label, count, url) in enumerate(items):
        width = max(2, round(BAR_SPACE * count / largest))
        y = index * ROW_HEIGHT
        bars.append(
            Bar(
                label=label,
                count=count,
                url=url,
                y=y,
                text_y=y + BAR_HEIGHT - 5,
                width=width,
                count_x=LABEL_WIDTH + width + COUNT_GAP,
            )
        )
    return BarChart(bars=bars, width=LABEL_WIDTH + BAR_SPACE + 50, height=len(bars) * ROW_HEIGHT)


STEP_WIDTH = 480
STEP_HEIGHT = 120
STEP_LEFT = 36  # room for the count labels
STEP_BOTTOM = 20  # room for the date labels
STEP_DESCRIBED = 30  # the last days the text description names


@dataclass(frozen=True, slots=True)
class StepChart:
    path: str  # an SVG path: a flat line for each day a count holds, a rise or fall on change
    dots: list[tuple[int, int]]  # where the count changed
    first: date
    last: date
    top: int
    description: str
    width: int = STEP_WIDTH
    height: int = STEP_HEIGHT
    left: int = STEP_LEFT
    plot_bottom: int = STEP_HEIGHT - STEP_BOTTOM


def step_chart(series: list[tuple[date, int]], *, end: date, top: int) -> StepChart | None:
    """``series`` is (day, count from that day on), oldest first; drawn up to ``end`` on a
    scale from 0 to ``top`` (at least the largest count). None without a series."""
    if not series:
        return None
    first, top = series[0][0], max(top, *(count for _, count in series), 1)
    days = max((end - first).days, 1)
    right, bottom = STEP_WIDTH - 8, STEP_HEIGHT - STEP_BOTTOM

    def x(day: date) -> int:
        return STEP_LEFT + round((right - STEP_LEFT) * (day - first).days / days)

    def y(count: int) -> int:
        return bottom - round((bottom - 8) * count / top)

    dots = [(x(day), y(count)) for day, count in series]
    path = [f"M{dots[0][0]} {dots[0][1]}"]
    for dot_x, dot_y in dots[1:]:
        path.append(f"H{dot_x} V{dot_y}")
    path.append(f"H{x(end)}")
    described = series[-STEP_DESCRIBED:]
    description = "; ".join(f"{count} on {day:%Y-%m-%d}" for day, count in described)
    if len(series) > STEP_DESCRIBED:
        description = f"{series[0][1]} on {first:%Y-%m-%d}; … {description}"
    return StepChart(" ".join(path), dots, first, end, top, description)
