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
STRIP_ROW_HEIGHT_PX = 34
STRIP_MARGIN_PX = 70
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


def publication_strip_figure(strip: pd.DataFrame, sides: list[str]) -> go.Figure:
    """One row per side, a cell for each day it published, in the side's colour (darker for
    more): the number is the stories that day (copies of one story count once; hover gives
    the copies too).

    One heatmap whose colour scale has a band per side: each row's values lie in its own
    band. (A heatmap per side would give each row its colour, but plotly.js fails to draw
    several one-row heatmaps on one category axis.) Cells tile the days exactly, where
    markers sized by the count would overlap on neighbouring days.
    """
    if strip.empty:
        days = pd.DatetimeIndex([])
    else:
        days = pd.date_range(strip["published_date"].min(), strip["published_date"].max())
    most = max(int(strip["stories"].max()) if not strip.empty else 1, 1)
    z, text, customdata = [], [], []
    for band, side in enumerate(sides):
        rows = strip[strip["side"] == side].set_index("published_date")
        stories = rows["stories"].reindex(days)
        articles = rows["articles"].reindex(days).fillna(0).astype(int)
        z.append([None if pd.isna(n) else band + _shade(int(n), most) for n in stories])
        text.append(["" if pd.isna(n) else str(int(n)) for n in stories])
        customdata.append(
            [
                [int(n) if not pd.isna(n) else 0, int(a)]
                for n, a in zip(stories, articles, strict=True)
            ]
        )
    labels = _side_columns(sides)
    trace = {
        "type": "heatmap",
        "x": days.strftime("%Y-%m-%d").tolist(),
        "y": labels,
        "z": z,
        "zmin": 0,
        "zmax": max(len(sides), 1),
        "text": text,
        "texttemplate": "%{text}",
        "textfont": {"size": 11},
        "customdata": customdata,
        "hovertemplate": (
            "%{y} outlets, %{x|%-d %B %Y}<br>%{customdata[0]} stories "
            "(%{customdata[1]} articles)<extra></extra>"
        ),
        "colorscale": _banded_scale(sides),
        "showscale": False,
        "xgap": 1,
        "ygap": 4,
    }
    return new_figure(
        [trace],
        {
            "height": STRIP_MARGIN_PX + STRIP_ROW_HEIGHT_PX * max(len(sides), 1),
            "margin": {"l": 10, "r": 10, "t": 20, "b": 40},
            "xaxis": {
                "type": "date",
                "tickformat": "%-d %b",
                "dtick": 7 * 24 * 3600 * 1000,
                "tickfont": LABEL_FONT,
                "showgrid": False,
            },
            "yaxis": {
                "type": "category",
                "categoryorder": "array",
                "categoryarray": _side_columns(sides),
                "autorange": "reversed",
                "tickfont": LABEL_FONT,
                "automargin": True,
            },
            "plot_bgcolor": "#F7F7F7",
        },
    )


# Where in its side's band a day's colour lies: a day with one story is already well
# visible, the busiest day takes the side's full colour.
LIGHTEST_SHADE = 0.35


def _shade(stories: int, most: int) -> float:
    """A value in [LIGHTEST_SHADE, 1) of the band, growing with the day's stories."""
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
