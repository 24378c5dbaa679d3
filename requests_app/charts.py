"""Server-side SVG bar charts: geometry computed here, drawn by templates/pages/_bar_chart.html.

Horizontal bars, so long force names and row labels fit on a phone; every chart is shown with
its data as a table too.
"""
from __future__ import annotations

from dataclasses import dataclass

WIDTH, LABEL_W, ROW_H, GAP = 640, 230, 26, 6


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    shown: str
    y: int
    width: float
    text_y: int
    text_x: float


@dataclass(frozen=True)
class BarChart:
    title: str
    unit: str
    bars: list[Bar]
    height: int
    label_w: int = LABEL_W
    width: int = WIDTH

    @property
    def plot_w(self) -> int:
        return self.width - self.label_w - 60


def _shown(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def bar_chart(items: list[tuple[str, float | None]], *, title: str, unit: str = "") -> BarChart:
    """Bars for the numeric items; labels are cut to 34 characters in the picture, not in the table."""
    numeric = [(label, float(v)) for label, v in items if isinstance(v, (int, float)) and not isinstance(v, bool)]
    top = max((v for _, v in numeric), default=0) or 1
    plot_w = WIDTH - LABEL_W - 60
    bars = []
    for i, (label, value) in enumerate(numeric):
        y = 10 + i * (ROW_H + GAP)
        width = max(value, 0) / top * plot_w
        short = label if len(label) <= 34 else label[:33] + "…"
        bars.append(Bar(short, value, _shown(value), y, round(width, 1), y + ROW_H * 2 // 3, round(LABEL_W + width + 6, 1)))
    return BarChart(title=title, unit=unit, bars=bars, height=20 + len(bars) * (ROW_H + GAP))
