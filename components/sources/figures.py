"""Figures of the Sources page: the coverage matrices (side x speaker, side x issue) and the
publication strip. Pure plotly, frames in, figures out; data text in labels and hover is
HTML-escaped, because plotly renders some HTML tags in them.
"""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from components.app.figures import new_figure
from components.app.palette import SIDE_COLOURS, UNKNOWN_COLOUR, side_label
from components.app.text_safety import clip

# Sizes in pixels: one matrix row, the room above and below the grid.
ROW_HEIGHT_PX = 28
MATRIX_MARGIN_PX = 120
STRIP_ROW_HEIGHT_PX = 36
STRIP_MARGIN_PX = 60
# A week of the strip holds a two-digit count in STRIP_COUNT_FONT_PX (about 12 px wide).
STRIP_WEEK_MIN_PX = 18
STRIP_COUNT_FONT_PX = 11
# LABEL_FONT's letters average about 6.5 px (an estimate of a label's width; 7 leaves room).
LABEL_CHAR_PX = 7
WEEK = pd.Timedelta(days=7)
HALF_WEEK = pd.Timedelta(days=3, hours=12)
LABEL_FONT = {"size": 13, "color": "#31333F"}
# One blue from white to Okabe–Ito's: the count, read with the number in the cell.
COUNT_SCALE = [[0.0, "#EAF3FA"], [1.0, "#0072B2"]]


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
    figure = new_figure(
        [
            {
                "type": "heatmap",
                "z": z,
                "x": _wrapped_side_columns(sides),
                "y": y_labels,
                "text": text,
                "texttemplate": "%{text}",
                "hovertext": hover,
                "hoverinfo": "text",
                "colorscale": COUNT_SCALE,
                "showscale": False,
                "xgap": 2,
                "ygap": 2,
            }
        ],
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
    trace = {
        "type": "heatmap",
        # Each cell centred on its week's middle (Thursday noon): it spans Monday to Sunday.
        "x": [(monday + HALF_WEEK).isoformat() for monday in mondays],
        "y": _wrapped_side_columns(sides),
        "z": z,
        "zmin": 0,
        "zmax": max(len(sides), 1),
        "text": text,
        "texttemplate": "%{text}",
        "textfont": {"size": STRIP_COUNT_FONT_PX},
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
    first = mondays[0] if len(mondays) else pd.Timestamp("2000-01-03")
    last = mondays[-1] if len(mondays) else first
    return new_figure(
        [trace],
        {
            "height": STRIP_MARGIN_PX + STRIP_ROW_HEIGHT_PX * max(len(sides), 1),
            "margin": {"l": 10, "r": 10, "t": 10, "b": 40},
            "xaxis": {
                "type": "date",
                "range": [first.isoformat(), (last + WEEK).isoformat()],
                # A label per month, in the middle of the month's weeks; a tick per week.
                "dtick": "M1",
                "tick0": "2000-01-01",
                "tickformat": "%b %Y",
                "ticklabelmode": "period",
                "minor": {
                    "dtick": WEEK.total_seconds() * 1000,
                    "tick0": first.isoformat(),
                    "ticks": "outside",
                    "ticklen": 4,
                    "showgrid": False,
                },
                "ticks": "outside",
                "ticklen": 8,
                "tickfont": LABEL_FONT,
                "showgrid": False,
                "fixedrange": True,
            },
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
    return names_px + STRIP_WEEK_MIN_PX * len(_mondays(weeks)) + 20


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
        scale.append([(band + LIGHTEST_SHADE) / count, _tint(colour, 0.45)])
        scale.append([(band + 1) / count - 1e-9 if band + 1 < count else 1.0, colour])
    return scale


def _tint(colour: str, amount: float) -> str:
    """``colour`` mixed with white by ``amount`` (0: the colour, 1: white)."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    mixed = (round(c + (255 - c) * amount) for c in (red, green, blue))
    return "#" + "".join(f"{c:02X}" for c in mixed)
