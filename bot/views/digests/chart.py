"""The digest chart: one PNG a phone can read, drawn with matplotlib's object API into memory.

Episodes per day as bars split by place, each medication change as a labelled line, and under
them one lane per medicine: its dose as shaded spans, doses missed and skipped marked. No
pyplot and no global settings: every font and size is given here, so the same figures always
give the same bytes.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import matplotlib
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from bot.services.digests.episodes import PLACES
from bot.services.digests.figures import Figures
from bot.services.digests.medicines import DoseLine, Effect
from bot.services.digests.period import Period
from bot.texts import t
from bot.views.dates import format_day
from bot.views.digests.words import day_month, short
from bot.views.medications.changes import dose

FONT = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
BOLD = FONT.with_name("DejaVuSans-Bold.ttf")
WIDTH = 6.0  # inches; at 180 dpi, 1080 pixels: a phone's width
DPI = 180
BARS_HEIGHT, LANE_HEIGHT, MARGINS = 3.4, 0.42, 1.5
MAX_LANES = 6
NAME_LIMIT = 14
COLORS = dict(zip(PLACES, ("#0072B2", "#E69F00", "#009E73", "#AAAAAA"), strict=True))
LANE, CHANGE, MISSED, SKIPPED = "#7B5EA7", "#444444", "#D55E00", "#CC79A7"
LONG = 120  # days: past this, a bar is thinner than a hatch, and the dates need their year
# For paper printed in black and white: greys a printer keeps apart, and a hatch per place
# (greys alone for a long period).
PRINT = dict(
    zip(
        PLACES,
        (("#404040", ""), ("#FFFFFF", "////"), ("#A0A0A0", ""), ("#FFFFFF", "..")),
        strict=True,
    )
)
PRINT_LONG = dict(zip(PLACES, ("#202020", "#6E6E6E", "#A8A8A8", "#DADADA"), strict=True))


def _font(size: float, bold: bool = False) -> FontProperties:
    return FontProperties(fname=BOLD if bold else FONT, size=size)


def _x(period: Period, moment: datetime) -> float:
    """Days since the period began, on the child's clock."""
    return (period.local(moment) - period.local(period.start)) / timedelta(days=1)


def _day_ticks(ax: Axes, period: Period, language: str | None) -> None:
    step = 1 if period.days <= 14 else 7 if period.days <= 28 else 14
    if period.days > LONG:  # an export's long period: about eight dates, with their year
        step = -(-period.days // 8)
    days = period.dates()[::step]
    labels = [
        format_day(day, "month_year", language) if period.days > LONG else day_month(day, language)
        for day in days
    ]
    ax.set_xticks([i * step + 0.5 for i in range(len(days))], labels, fontproperties=_font(8))
    ax.set_xlim(0, period.days)


def _fill(place: str, for_print: bool, days: int) -> dict[str, object]:
    """How a place's bars are filled: its colour, or for print a grey (and a hatch)."""
    if not for_print:
        return {"facecolors": COLORS[place], "linewidths": 0}
    if days > LONG:
        return {"facecolors": PRINT_LONG[place], "linewidths": 0}
    face, hatch = PRINT[place]
    return {"facecolors": face, "hatch": hatch, "edgecolors": "#000000", "linewidths": 0.4}


def _swatch(place: str, for_print: bool, days: int) -> dict[str, object]:
    """The legend's patch for a place, filled as its bars are."""
    if not for_print:
        return {"color": COLORS[place]}
    if days > LONG:
        return {"facecolor": PRINT_LONG[place], "edgecolor": "#000000"}
    face, hatch = PRINT[place]
    return {"facecolor": face, "hatch": hatch, "edgecolor": "#000000"}


def _bars(ax: Axes, figures: Figures, language: str | None, for_print: bool = False) -> None:
    period, bottom = figures.period, [0] * figures.period.days
    for n, place in enumerate(PLACES):
        # One collection of the days' rectangles: a patch per bar would cost a tenth of a second.
        boxes = []
        for i, day in enumerate(figures.days):
            if height := day.places[n]:
                low, high, left = bottom[i], bottom[i] + height, i + 0.1
                boxes.append([(left, low), (left + 0.8, low), (left + 0.8, high), (left, high)])
                bottom[i] = high
        ax.add_collection(PolyCollection(boxes, **_fill(place, for_print, period.days)))
    top = max([3, *bottom])
    step = max(1, -(-top // 4))
    ticks = list(range(0, top + step, step))
    ax.set_yticks(ticks, [str(tick) for tick in ticks], fontproperties=_font(8))
    ax.set_ylim(0, ticks[-1] * 1.35)  # room above the bars for the change labels
    ax.set_ylabel(t("digest.chart.episodes", language), fontproperties=_font(9))
    if not any(bottom):
        ax.text(
            period.days / 2,
            ticks[-1] / 2,
            t("digest.chart.no_episodes", language),
            ha="center",
            va="center",
            fontproperties=_font(10),
            color="#666666",
        )
    ax.grid(axis="y", color="#DDDDDD", linewidth=0.6)
    ax.set_axisbelow(True)


def _change_label(effect: Effect, language: str | None) -> str:
    name = short(effect.medication, NAME_LIMIT)
    if effect.after is None:
        return t("digest.chart.stopped", language, name=name)
    return f"{name} {dose(effect.after.amount, effect.after.unit)}"


def _changes(axes: list[Axes], figures: Figures, language: str | None) -> None:
    period = figures.period
    for effect in figures.changes:
        if not period.contains(effect.at):
            continue
        x = _x(period, effect.at)
        for ax in axes:
            ax.axvline(x, color=CHANGE, linewidth=1.1, linestyle=(0, (4, 2)))
        top = axes[0].get_ylim()[1]
        axes[0].text(
            x + 0.15,
            top * 0.97,
            _change_label(effect, language),
            rotation=90,
            ha="left",
            va="top",
            fontproperties=_font(7.5),
            color=CHANGE,
            parse_math=False,
            bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.85, "pad": 1},
        )


def _lane(ax: Axes, lane: int, line: DoseLine, period: Period) -> None:
    most = max((span.dosing.amount for span in line.spans), default=Decimal(1)) or Decimal(1)
    for span in line.spans:
        start, end = _x(period, span.start), _x(period, span.end)
        shade = 0.25 + 0.6 * float(span.dosing.amount / most)
        ax.broken_barh(
            [(start, end - start)], (lane - 0.32, 0.64), facecolor=LANE, alpha=shade, linewidth=0
        )
        if end - start >= period.days / 8:
            ax.text(
                start + 0.2,
                lane,
                dose(span.dosing.amount, span.dosing.unit),
                va="center",
                fontproperties=_font(7.5),
                color="white",
                parse_math=False,
            )
    for moments, marker, color in ((line.missed, "x", MISSED), (line.skipped, "o", SKIPPED)):
        if moments:
            ax.plot(
                [_x(period, m) for m in moments],
                [lane] * len(moments),
                linestyle="none",
                marker=marker,
                markersize=6,
                markeredgewidth=1.6,
                color=color,
                markerfacecolor="none",
            )


def _doses(ax: Axes, figures: Figures, language: str | None) -> None:
    lines = figures.doses[:MAX_LANES]
    for lane, line in enumerate(lines):
        _lane(ax, lane, line, figures.period)
    names = [short(line.medication, NAME_LIMIT) for line in lines]
    ax.set_yticks(range(len(lines)), names, fontproperties=_font(8), parse_math=False)
    ax.set_ylim(len(lines) - 0.5, -0.5) if lines else ax.set_yticks([])
    if not lines:
        ax.text(
            figures.period.days / 2,
            0.5,
            t("digest.chart.no_medicines", language),
            ha="center",
            va="center",
            fontproperties=_font(9),
            color="#666666",
        )


def _legend(ax: Axes, language: str | None, for_print: bool = False, days: int = 0) -> None:
    handles = [
        Patch(**_swatch(place, for_print, days), label=t(f"digest.chart.place.{place}", language))
        for place in PLACES
    ]
    handles += [
        Line2D(
            [], [], color=CHANGE, linestyle=(0, (4, 2)), label=t("digest.chart.change", language)
        ),
        Line2D(
            [],
            [],
            color=MISSED,
            marker="x",
            linestyle="none",
            markeredgewidth=1.6,
            label=t("digest.chart.missed", language),
        ),
        Line2D(
            [],
            [],
            color=SKIPPED,
            marker="o",
            markerfacecolor="none",
            linestyle="none",
            markeredgewidth=1.6,
            label=t("digest.chart.skipped", language),
        ),
    ]
    ax.legend(
        handles=handles,
        prop=_font(7.5),
        ncol=4,
        loc="lower left",
        frameon=False,
        bbox_to_anchor=(0, 1.0),
        borderaxespad=0.3,
        handlelength=1.6,
        columnspacing=1.0,
    )


def chart(figures: Figures, language: str | None = None, *, for_print: bool = False) -> bytes:
    """The digest chart as PNG bytes; ``for_print``: readable on paper in black and white."""
    lanes = max(1, min(len(figures.doses), MAX_LANES))
    height = BARS_HEIGHT + LANE_HEIGHT * lanes + MARGINS
    figure = Figure(figsize=(WIDTH, height), dpi=DPI, facecolor="white")
    FigureCanvasAgg(figure)
    grid = figure.add_gridspec(
        2,
        1,
        height_ratios=(BARS_HEIGHT, LANE_HEIGHT * lanes + 0.2),
        hspace=0.12,
        left=0.19,
        right=0.97,
        top=1 - 0.95 / height,
        bottom=0.4 / height,
    )
    bars = figure.add_subplot(grid[0])
    doses = figure.add_subplot(grid[1], sharex=bars)
    period = figures.period
    title = t(
        "digest.chart.title",
        language,
        child=figures.child.name,
        first=day_month(period.first, language)
        + (f" {period.first.year}" if period.days > LONG else ""),
        last=f"{day_month(period.last, language)} {period.last.year}",
    )
    figure.text(
        0.02,
        1 - 0.12 / height,
        title,
        ha="left",
        va="top",
        fontproperties=_font(11, True),
        parse_math=False,
    )
    _bars(bars, figures, language, for_print)
    _legend(bars, language, for_print, period.days)
    _doses(doses, figures, language)
    _changes([bars, doses], figures, language)
    _day_ticks(doses, period, language)
    bars.tick_params(axis="x", labelbottom=False, length=0)
    for ax in (bars, doses):
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    out = BytesIO()
    figure.savefig(out, format="png", dpi=DPI, metadata={"Software": None})
    return out.getvalue()
