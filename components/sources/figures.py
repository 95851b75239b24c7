"""Figures of the Sources page: the coverage matrices (side x speaker, side x issue) and the
publication strip. Pure plotly, frames in, figures out; data text in labels and hover is
HTML-escaped, because plotly renders some HTML tags in them.
"""

from __future__ import annotations

import html
import math

import pandas as pd
import plotly.graph_objects as go

from components.app.date_axis import DateStep, label_chars, period_axis, period_ticks
from components.app.figures import new_figure
from components.app.palette import (
    SIDE_COLOURS,
    UNKNOWN_COLOUR,
    mix,
    scale_colour,
    side_label,
    text_colour_on,
)
from components.app.text_safety import clip

# Sizes in pixels: one matrix row, the room above and below the grid.
ROW_HEIGHT_PX = 28
MATRIX_MARGIN_PX = 120
STRIP_ROW_HEIGHT_PX = 36
# Below the strip: the month labels' two lines and the month ticks.
STRIP_BOTTOM_PX = 56
STRIP_MARGIN_PX = 10 + STRIP_BOTTOM_PX
# A week of the strip holds a two-digit count in STRIP_COUNT_FONT_PX: 10 px wide in
# Chromium (measured), in a cell of 11 (a pixel of each week is the gap between cells).
# 12 px a week keeps the 55 weeks of the corpus (May 2021 to May 2022) inside a desktop's
# page, 820 px at 1280 with the sidebar open; at 18 px they ran past 1440 px's 980.
STRIP_WEEK_MIN_PX = 12
STRIP_COUNT_FONT_PX = 10
# LABEL_FONT's letters average about 6.5 px (an estimate of a label's width; 7 leaves room).
LABEL_CHAR_PX = 7
WEEK = pd.Timedelta(days=7)
# The strip's months, labelled "May" over "2021" in the middle of their weeks on show: on
# one line, "May 2021" (50 px) is as wide as a month of 12 px weeks.
MONTHS = DateStep("%b<br>%Y", months=1)
MONTH_LABEL_CHARS = label_chars("May<br>2021")
# A month's start is marked by a tick below the axis this long (the weeks' are 4 px).
MONTH_TICK_PX = 8
HALF_WEEK = pd.Timedelta(days=3, hours=12)
LABEL_FONT = {"size": 13, "color": "#31333F"}
# One blue from white to Okabe–Ito's: the count, read with the number in the cell.
COUNT_SCALE = [[0.0, "#EAF3FA"], [1.0, "#0072B2"]]
MATRIX_COUNT_FONT_PX = 12
# The trace of the cells' numbers, drawn over each heatmap (_cell_numbers).
CELL_NUMBERS = "Cell numbers"


def _side_columns(sides: list[str]) -> list[str]:
    return [html.escape(side_label(side)) for side in sides]


def _wrapped_side_columns(sides: list[str]) -> list[str]:
    """Side labels broken at their spaces, so a matrix's column heads stay horizontal."""
    return [label.replace(" ", "<br>") for label in _side_columns(sides)]


def coverage_matrix(
    frame: pd.DataFrame, row_id: str, row_label: str, value: str, sides: list[str], what: str
) -> go.Figure:
    """A heatmap: one row per ``row_id`` (labelled ``row_label``), one column per side, the
    ``value`` count in each cell (blank where none); rows by total, largest first."""
    totals = frame.groupby(row_id)[value].sum().sort_values(ascending=False, kind="stable")
    rows = totals.index.tolist()
    labels = frame.drop_duplicates(row_id).set_index(row_id)[row_label]
    cells = frame.set_index([row_id, "side"])[value]
    z, text, hover = [], [], []
    for row in rows:
        counts = [int(cells.get((row, side), 0)) for side in sides]
        z.append([count if count else None for count in counts])
        text.append([str(count) if count else "" for count in counts])
        name = html.escape(clip(str(labels.get(row, row))))
        hover.append(
            [
                f"{name}<br>{html.escape(side_label(side))} outlets: {count} {what}"
                for side, count in zip(sides, counts, strict=True)
            ]
        )
    y_labels = [html.escape(clip(str(labels.get(row, row)), 40)) for row in rows]
    heatmap = {
        "type": "heatmap",
        "z": z,
        "x": _wrapped_side_columns(sides),
        "y": y_labels,
        "hovertext": hover,
        "hoverinfo": "text",
        "colorscale": COUNT_SCALE,
        **_count_range(z),
        "showscale": False,
        "xgap": 2,
        "ygap": 2,
    }
    figure = new_figure(
        [heatmap, _cell_numbers(heatmap, text, MATRIX_COUNT_FONT_PX)],
        {
            "height": MATRIX_MARGIN_PX + ROW_HEIGHT_PX * max(len(rows), 1),
            "margin": {"l": 10, "r": 10, "t": 60, "b": 10},
            "xaxis": {"side": "top", "tickfont": LABEL_FONT, "tickangle": 0},
            "yaxis": {"autorange": "reversed", "tickfont": LABEL_FONT, "automargin": True},
            "plot_bgcolor": "white",
        },
    )
    return figure


def publication_strip_figure(weeks: pd.DataFrame, sides: list[str]) -> go.Figure:
    """One row per side, a cell per week (Monday to Sunday) from the first week with a story
    to the last, in the side's colour (darker for more): the number is the week's stories
    (copies of one story count once); hover gives its articles and its days.

    Weeks, not days: a day is 3 px wide on a desktop, and the numbers of neighbouring days
    ran together. A week is at least STRIP_WEEK_MIN_PX wide (strip_min_width_px), room for a
    two-digit number. One heatmap whose colour scale has a band per side: each row's values
    lie in its own band. (A heatmap per side would give each row its colour, but plotly.js
    fails to draw several one-row heatmaps on one category axis.)
    """
    mondays = _mondays(weeks)
    most = max(int(weeks["stories"].max()) if not weeks.empty else 1, 1)
    z, text, customdata = [], [], []
    for band, side in enumerate(sides):
        rows = weeks[weeks["side"] == side].set_index("week")
        stories = rows["stories"].reindex(mondays).fillna(0).astype(int)
        articles = rows["articles"].reindex(mondays).fillna(0).astype(int)
        days = rows["days"].reindex(mondays).fillna("")
        z.append([band + _shade(int(n), most) if n else None for n in stories])
        text.append([str(int(n)) if n else "" for n in stories])
        customdata.append(
            [
                [html.escape(side_label(side)), _week_label(monday), int(n), int(a), d]
                for monday, n, a, d in zip(mondays, stories, articles, days, strict=True)
            ]
        )
    heatmap = {
        "type": "heatmap",
        # Each cell centred on its week's middle (Thursday noon): it spans Monday to Sunday.
        "x": [(monday + HALF_WEEK).isoformat() for monday in mondays],
        "y": _wrapped_side_columns(sides),
        "z": z,
        "zmin": 0,
        "zmax": max(len(sides), 1),
        "customdata": customdata,
        "hovertemplate": (
            "%{customdata[0]} outlets, week of %{customdata[1]}<br>"
            "%{customdata[2]} stories (%{customdata[3]} articles)<br>"
            "%{customdata[4]}<extra></extra>"
        ),
        "colorscale": _banded_scale(sides),
        "showscale": False,
        "xgap": 1,
        "ygap": 4,
    }
    first, end = _strip_range(mondays)
    months = period_ticks(first, end, MONTHS, MONTH_LABEL_CHAR_SPAN)
    return new_figure(
        [heatmap, _cell_numbers(heatmap, text, STRIP_COUNT_FONT_PX)],
        {
            "height": STRIP_MARGIN_PX + STRIP_ROW_HEIGHT_PX * max(len(sides), 1),
            "margin": {"l": 10, "r": STRIP_RIGHT_MARGIN_PX, "t": 10, "b": STRIP_BOTTOM_PX},
            "xaxis": {
                "type": "date",
                "range": [first.isoformat(), end.isoformat()],
                # A label per month, in the middle of the month's weeks; a tick per week.
                **period_axis(months),
                "minor": {
                    "dtick": WEEK.total_seconds() * 1000,
                    "tick0": first.isoformat(),
                    "ticks": "outside",
                    "ticklen": 4,
                    "showgrid": False,
                },
                "tickfont": LABEL_FONT,
                "showgrid": False,
                "fixedrange": True,
            },
            # Where a month begins: a tick as long as plotly's major ticks were.
            "shapes": [_month_tick(day) for day in months.boundaries],
            "yaxis": {
                "type": "category",
                "categoryorder": "array",
                "categoryarray": _wrapped_side_columns(sides),
                "autorange": "reversed",
                "tickfont": LABEL_FONT,
                "automargin": True,
                "fixedrange": True,
            },
            "plot_bgcolor": "#F7F7F7",
        },
    )


def strip_min_width_px(weeks: pd.DataFrame, sides: list[str]) -> int:
    """How wide the strip must be drawn for each week to hold its number: the side names on
    the left (their longest line), STRIP_WEEK_MIN_PX a week, the margins. The page keeps the
    chart at least this wide and scrolls it sideways on a narrower screen."""
    lines = [line for label in _side_columns(sides) for line in label.split(" ")]
    names_px = LABEL_CHAR_PX * max((len(line) for line in lines), default=0) + 10
    first, end = _strip_range(_mondays(weeks))
    return (
        names_px
        + math.ceil(STRIP_WEEK_MIN_PX * ((end - first) / WEEK))
        + 10
        + STRIP_RIGHT_MARGIN_PX
    )


# At the narrowest the strip is drawn, the time one letter of a month's label covers.
MONTH_LABEL_CHAR_SPAN = WEEK / STRIP_WEEK_MIN_PX * LABEL_CHAR_PX
# A month's label is centred on the month's part of the strip, and an edge month's part is
# at least half as wide as its label (_strip_range): the margin holds the quarter of the
# last label that may reach past the strip (plotly hides a label that would cross the
# figure's edge).
STRIP_RIGHT_MARGIN_PX = LABEL_CHAR_PX * MONTH_LABEL_CHARS // 4 + 2


def _strip_range(mondays: pd.DatetimeIndex) -> tuple[pd.Timestamp, pd.Timestamp]:
    """From the first Monday to the last Sunday's end, reaching a few days further into an
    edge month whose part would be too short to hold half of its label: each month with a
    story keeps its label, which period_ticks drops for a sliver of a month."""
    if not len(mondays):
        return pd.Timestamp("2000-01-03"), pd.Timestamp("2000-01-03") + WEEK
    first, end = mondays[0], mondays[-1] + WEEK
    room = MONTH_LABEL_CHAR_SPAN * MONTH_LABEL_CHARS / 2
    next_month = (first.to_period("M") + 1).start_time
    last_month = (end - pd.Timedelta(days=1)).to_period("M").start_time
    return min(first, next_month - room), max(end, last_month + room)


def _month_tick(day: pd.Timestamp) -> dict:
    """A tick below the axis where a month begins (the axis's own ticks are the weeks')."""
    return {
        "type": "line",
        "xref": "x",
        "yref": "paper",
        "x0": day.isoformat(),
        "x1": day.isoformat(),
        "ysizemode": "pixel",
        "yanchor": 0,
        "y0": 0,
        "y1": -MONTH_TICK_PX,
        "line": {"color": "#444444", "width": 1},
    }


def _mondays(weeks: pd.DataFrame) -> pd.DatetimeIndex:
    """Every Monday from the first week of ``weeks`` to the last."""
    if weeks.empty:
        return pd.DatetimeIndex([])
    return pd.date_range(weeks["week"].min(), weeks["week"].max(), freq="7D")


def _week_label(monday: pd.Timestamp) -> str:
    """ "10–16 May 2021", "31 May – 6 Jun 2021", "27 Dec 2021 – 2 Jan 2022"."""
    sunday = monday + WEEK - pd.Timedelta(days=1)
    if monday.year != sunday.year:
        return f"{monday.day} {monday:%b %Y} – {sunday.day} {sunday:%b %Y}"
    if monday.month != sunday.month:
        return f"{monday.day} {monday:%b} – {sunday.day} {sunday:%b %Y}"
    return f"{monday.day}–{sunday.day} {sunday:%b %Y}"


# Where in its side's band a week's colour lies: a week with one story is already well
# visible, the busiest week takes the side's full colour.
LIGHTEST_SHADE = 0.35


def _shade(stories: int, most: int) -> float:
    """A value in [LIGHTEST_SHADE, 1) of the band, growing with the week's stories."""
    return LIGHTEST_SHADE + (1 - LIGHTEST_SHADE) * (stories / most) * 0.999


def _banded_scale(sides: list[str]) -> list[list]:
    """A colour scale with one band per side: from a pale tint to the side's colour."""
    scale: list[list] = []
    count = max(len(sides), 1)
    for band, side in enumerate(sides):
        colour = SIDE_COLOURS.get(side, UNKNOWN_COLOUR)
        scale.append([band / count, "#FFFFFF"])
        scale.append([(band + LIGHTEST_SHADE) / count, mix(colour, "#FFFFFF", 0.45)])
        scale.append([(band + 1) / count - 1e-9 if band + 1 < count else 1.0, colour])
    return scale


def _count_range(z: list[list[int | None]]) -> dict:
    """The heatmap's colour range: its smallest count to its largest, as plotly would take
    it, but written out, so that _cell_numbers knows each cell's colour."""
    counts = [value for row in z for value in row if value is not None]
    low, high = (min(counts), max(counts)) if counts else (0, 1)
    if low == high:
        low, high = low - 0.5, high + 0.5
    return {"zmin": low, "zmax": high}


def _cell_numbers(heatmap: dict, text: list[list[str]], size_px: int) -> dict:
    """The numbers ``text`` of ``heatmap``'s cells as a trace of text over it, each in black
    or white, whichever reads better on its cell's colour (text_colour_on: at least 4.5:1).

    A heatmap draws its numbers in one colour, or lets plotly choose per cell, and plotly's
    choice fell short: white on the Western green is 3.4:1, plotly's dark grey on the middle
    blues of the matrices about 4.2:1.
    """
    low, high = heatmap["zmin"], heatmap["zmax"]
    x, y, numbers, colours = [], [], [], []
    for row, values, row_text in zip(heatmap["y"], heatmap["z"], text, strict=True):
        for column, value, number in zip(heatmap["x"], values, row_text, strict=True):
            if value is None or not number:
                continue
            fill = scale_colour(heatmap["colorscale"], (value - low) / (high - low))
            x.append(column)
            y.append(row)
            numbers.append(number)
            colours.append(text_colour_on(fill))
    return {
        "type": "scatter",
        "name": CELL_NUMBERS,
        "mode": "text",
        "x": x,
        "y": y,
        "text": numbers,
        "textfont": {"size": size_px, "color": colours},
        "hoverinfo": "skip",
        "showlegend": False,
    }
