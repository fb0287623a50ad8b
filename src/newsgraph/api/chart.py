"""Mentions over time as an inline SVG bar chart, drawn on the server (no JavaScript library).

Days with no mention are drawn as gaps so that time reads evenly; a long span is
grouped by month so that bars stay wide enough to see and hover.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache

from markupsafe import Markup, escape

from newsgraph.store.aggregates import Count

WIDTH, HEIGHT, PAD, AXIS = 640, 170, 6, 24
MAX_DAYS = 92
# A few bars stay bar-shaped instead of filling the width.
MAX_STEP = 48
LABEL_WIDTH = 85


@lru_cache(maxsize=16_384)
def _parse(day: str) -> date | None:
    """The calendar day a value starts with; remembered, as a store holds a few thousand days and a
    chart of ten years reads 3,650 of them."""
    try:
        return date.fromisoformat(day[:10])
    except (TypeError, ValueError):
        return None


def buckets(per_day: Iterable[tuple[str, int]]) -> list[tuple[str, int]]:
    """Counts per day (gaps filled with 0), or per month when the span is long."""
    counts: dict[date, int] = {}
    for day, count in per_day:
        if count > 0 and (parsed := _parse(day)) is not None:
            counts[parsed] = counts.get(parsed, 0) + count
    if not counts:
        return []
    first, last = min(counts), max(counts)
    if (last - first).days < MAX_DAYS:
        days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
        return [(d.isoformat(), counts.get(d, 0)) for d in days]
    # Counted by (year, month) and named once per month: a person named for ten years has thousands of days.
    by_month: dict[int, int] = {}
    for when, count in counts.items():
        key = when.year * 12 + when.month - 1
        by_month[key] = by_month[key] + count if key in by_month else count
    start, end = first.year * 12 + first.month - 1, last.year * 12 + last.month - 1
    return [(f"{key // 12:04d}-{key % 12 + 1:02d}", by_month.get(key, 0)) for key in range(start, end + 1)]


def mentions_chart(per_day: Iterable[tuple[str, int]]) -> Markup:
    """An accessible SVG: one bar per day or month, each with its count as a tooltip."""
    bars = buckets(per_day)
    if not bars:
        return Markup('<p class="muted">No dated mentions.</p>')
    return bar_chart(bars, "mentions", _unit(bars))


def bar_chart(bars: list[tuple[str, int]], noun: str, unit: str) -> Markup:
    """One bar per period (``unit``: day, week, month) with its count as a tooltip; ``noun`` says what is counted."""
    if not bars:
        return Markup(f'<p class="muted">No dated {escape(noun)}.</p>')
    peak = max(count for _, count in bars)
    step = min((WIDTH - 2 * PAD) / len(bars), MAX_STEP)
    plot = HEIGHT - AXIS - PAD
    total = sum(count for _, count in bars)
    summary = f"{total} {noun} from {bars[0][0]} to {bars[-1][0]}, at most {peak} in one {unit}"
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(summary)}" '
        'xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(summary)}</title>",
        f'<line class="axis" x1="{PAD}" y1="{PAD + plot}" x2="{WIDTH - PAD}" y2="{PAD + plot}"/>',
    ]
    for index, (label, count) in enumerate(bars):
        height = plot * count / peak if peak else 0
        x = PAD + index * step
        parts.append(
            f'<rect class="bar" x="{x + step * 0.1:.1f}" y="{PAD + plot - height:.1f}" '
            f'width="{max(step * 0.8, 1):.1f}" height="{height:.1f}">'
            f"<title>{escape(label)}: {count}</title></rect>"
        )
    baseline = HEIGHT - 8
    parts.append(f'<text x="{PAD}" y="{baseline}" class="tick">{escape(bars[0][0])}</text>')
    right = PAD + len(bars) * step
    if len(bars) > 1 and right - PAD < 2 * LABEL_WIDTH:
        parts[-1] = f'<text x="{PAD}" y="{baseline}" class="tick">{escape(bars[0][0])} to {escape(bars[-1][0])}</text>'
    elif len(bars) > 1:
        parts.append(f'<text x="{right:.1f}" y="{baseline}" class="tick end">{escape(bars[-1][0])}</text>')
    parts.append(f'<text x="{WIDTH - PAD}" y="{PAD + 12}" class="tick end">max {peak}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def count_rows(counts: Iterable[Count]) -> Markup:
    """The rows of the table beside a chart: one per period with a count. Drawn here rather than in the
    template, as the chart is: a ten-year timeline has 120 rows, each two escapes there."""
    return Markup("".join(f"<tr><td>{escape(c.label)}</td><td>{c.count:,}</td></tr>" for c in counts if c.count))


def _unit(bars: list[tuple[str, int]]) -> str:
    return "month" if len(bars[0][0]) == 7 else "day"
