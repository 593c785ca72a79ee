"""A horizontal bar chart as plain numbers, for an inline SVG template (no JavaScript)."""

from __future__ import annotations

from dataclasses import dataclass

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
