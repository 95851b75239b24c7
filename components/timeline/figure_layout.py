"""The frame both timeline figures are drawn in: the lanes' bands and labels, the report
day, the date axis and its ticks, the layout and the figure's size. Plain dicts for
plotly, no streamlit.
"""

from __future__ import annotations

import html
import math
import textwrap
from dataclasses import dataclass, field
from itertools import pairwise

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from components.app.date_axis import DateStep, period_axis, period_ticks
from components.app.figures import new_figure
from components.app.palette import (
    LANE_BAND_COLOURS,
)
from components.timeline.lanes import LANE_GAP
from components.timeline.window import EMPTY_LANE_ROWS, NARROW_PLOT_PX

# Height of one row of a lane, and the room around the plot, in pixels.
ROW_PX = 26


MARGIN_PX = {"l": 10, "r": 10, "t": 90, "b": 230}


# Room between the time axis and the legend below the plot.
LEGEND_GAP_PX = 40


MIN_HEIGHT_PX = 360


# Date labels along the time axis at most: the finest step (a day, a week, 1, 2, 3 or 6
# months, whole years) that gives no more, so the labels stay level and apart in a chart
# about 550 px wide (rotated labels ran into the "Report published" note).
MAX_DATE_LABELS = 8


MONTH_STEPS = (1, 2, 3, 6)
DAYS_PER_MONTH = 365.25 / 12


# Lane labels longer than this wrap onto a second line.
LANE_LABEL_CHARS = 24


# Light band behind the day the article was published, where undated items sit.
REPORT_DAY_COLOUR = "rgba(230, 159, 0, 0.10)"


LANE_LINE_COLOUR = "#E3E5E8"

GRID_COLOUR = "#D9D9D9"
# The date labels' letters (12 px) average about 5.8 px ("Sep 2021" is 46 px wide); 6 leaves
# room.
DATE_LABEL_CHAR_PX = 6

LABEL_COLOUR = "#31333F"


# The note on the line of a lane with nothing in the time span shown (see window.py): grey
# enough to read as "quiet here", dark enough to read (4.5:1 on white).
EMPTY_LANE_COLOUR = "#6B6B6B"

EMPTY_LANE_NOTE = "nothing in this span"


# Room above the first lane and below the last, in rows.
AXIS_PAD_ROWS = 0.3


@dataclass
class _Parts:
    """What the figure is made of, gathered first as plain dicts and given to new_figure at
    once: adding shapes one by one to a figure copies all of them each time."""

    traces: list[dict] = field(default_factory=list)
    shapes: list[dict] = field(default_factory=list)
    annotations: list[dict] = field(default_factory=list)


def _escape(text: object) -> str:
    return html.escape(str(text), quote=False)


def _lanes(placed: pd.DataFrame) -> pd.DataFrame:
    """One row per lane, in lane order: label, group, first and last y, whether it has
    nothing in the time span shown (a thin line, see window.py), and its top and bottom
    edge."""
    lane_index, first_row = np.unique(placed["lane_index"].to_numpy(), return_index=True)
    ys = placed.groupby("lane_index")["y"]
    empty = (
        placed["lane_empty"].to_numpy(dtype=bool)[first_row]
        if "lane_empty" in placed
        else np.zeros(len(lane_index), dtype=bool)
    )
    half = np.where(empty, EMPTY_LANE_ROWS / 2, 0.5)
    lanes = pd.DataFrame(
        {
            "lane_index": lane_index,
            "lane_label": placed["lane_label"].to_numpy()[first_row],
            "lane_group": placed["lane_group"].to_numpy()[first_row],
            "y_first": ys.min().to_numpy(),
            "y_last": ys.max().to_numpy(),
            "empty": empty,
        }
    )
    return lanes.assign(top=lanes["y_first"] - half, bottom=lanes["y_last"] + half)


def _lane_tick_label(label: str) -> str:
    return "<br>".join(_escape(line) for line in textwrap.wrap(label, LANE_LABEL_CHARS))


def _add_empty_lane_notes(parts: _Parts, lanes: pd.DataFrame) -> None:
    """ "nothing in this span" on the thin line of each lane with nothing in the span."""
    for y in lanes.loc[lanes["empty"], "y_first"].tolist():
        parts.annotations.append(
            {
                "text": EMPTY_LANE_NOTE,
                "xref": "paper",
                "x": 0,
                "y": y,
                "xanchor": "left",
                "yanchor": "middle",
                "showarrow": False,
                "font": {"size": 11, "color": EMPTY_LANE_COLOUR},
            }
        )


def _add_lane_bands(parts: _Parts, lanes: pd.DataFrame) -> None:
    """One band per lane group, alternating, so a state's people read as one block; a thin
    line between the lanes inside a group."""
    half_gap = LANE_GAP / 2
    groups = lanes["lane_group"].tolist()
    firsts, lasts = lanes["top"].tolist(), lanes["bottom"].tolist()
    starts = [i for i, group in enumerate(groups) if i == 0 or group != groups[i - 1]]
    for number, (start, stop) in enumerate(pairwise([*starts, len(groups)]), start=1):
        parts.shapes.append(
            {
                "type": "rect",
                "xref": "paper",
                "x0": 0,
                "x1": 1,
                "y0": min(firsts[start:stop]) - half_gap,
                "y1": max(lasts[start:stop]) + half_gap,
                "fillcolor": LANE_BAND_COLOURS[number % 2],
                "line": {"width": 0},
                "layer": "below",
            }
        )
        for y in firsts[start + 1 : stop]:
            parts.shapes.append(
                {
                    "type": "line",
                    "xref": "paper",
                    "x0": 0,
                    "x1": 1,
                    "y0": y - half_gap,
                    "y1": y - half_gap,
                    "line": {"color": LANE_LINE_COLOUR, "width": 1},
                    "layer": "below",
                }
            )


def _add_report_day(parts: _Parts, report_date: pd.Timestamp) -> None:
    day = report_date.normalize()
    parts.shapes.append(
        {
            "type": "rect",
            "xref": "x",
            "yref": "paper",
            "x0": day,
            "x1": day + pd.Timedelta(days=1),
            "y0": 0,
            "y1": 1,
            "fillcolor": REPORT_DAY_COLOUR,
            "line": {"width": 0},
            "layer": "below",
        }
    )
    parts.annotations.append(
        {
            "text": f"Report published ({day.day} {day:%b})",
            "xref": "x",
            "yref": "paper",
            "x": day + pd.Timedelta(days=1),
            "y": 1,
            "xanchor": "right",
            "yanchor": "bottom",
            "yshift": 22,
            "showarrow": False,
            "font": {"size": 11, "color": "#6B6B6B"},
        }
    )


def _x_axis(x_range: tuple[pd.Timestamp, pd.Timestamp]) -> dict:
    start, end = pd.Timestamp(x_range[0]), pd.Timestamp(x_range[1])
    axis = {
        "type": "date",
        "range": [start, end],
        # Dates on top: the lanes run long, and the reader starts at the top.
        "side": "top",
        "showgrid": False,
        "tickfont": {"size": 12, "color": LABEL_COLOUR},
    }
    # A label for every period shown, even one the range ends early in (plotly's own period
    # labels left the reporting period's January 2022 without one); a gridline where each
    # period begins.
    char_span = (end - start) / NARROW_PLOT_PX * DATE_LABEL_CHAR_PX
    ticks = period_axis(period_ticks(start, end, date_step(end - start), char_span))
    ticks["minor"] |= {"showgrid": True, "gridcolor": GRID_COLOUR}
    return axis | ticks


def _right_margin_px(x_axis: dict) -> int:
    """Room right of the plot for the part of the last date label that may reach past it
    at the plot's narrowest (it is centred on the last period's part, which may be a few
    days): plotly hides a label that would cross the figure's edge."""
    if not x_axis["ticktext"]:
        return MARGIN_PX["r"]
    start, end = (pd.Timestamp(x) for x in x_axis["range"])
    per_px = (end - start) / NARROW_PLOT_PX
    room_px = (end - pd.Timestamp(x_axis["tickvals"][-1])) / per_px
    half_label_px = DATE_LABEL_CHAR_PX * len(x_axis["ticktext"][-1]) / 2
    return max(MARGIN_PX["r"], math.ceil(half_label_px - room_px))


def date_step(span: pd.Timedelta) -> DateStep:
    """The period of a time axis this long, and its labels (see MAX_DATE_LABELS)."""
    days = span / pd.Timedelta(days=1)
    if days <= MAX_DATE_LABELS:
        return DateStep("%a %-d %b %Y", days=1)
    if days <= 7 * MAX_DATE_LABELS:
        return DateStep("%-d %b %Y", days=7)
    months = days / DAYS_PER_MONTH
    for step in MONTH_STEPS:
        if months / step <= MAX_DATE_LABELS:
            return DateStep("%b %Y", months=step)
    years = math.ceil(months / 12 / MAX_DATE_LABELS)
    return DateStep("%Y", months=12 * years)


def _layout(lanes: pd.DataFrame, x_range: tuple[pd.Timestamp, pd.Timestamp], parts: _Parts) -> dict:
    centres = (lanes["y_first"] + lanes["y_last"]) / 2
    top, bottom = lanes["top"].min() - AXIS_PAD_ROWS, lanes["bottom"].max() + AXIS_PAD_ROWS
    height = max(MIN_HEIGHT_PX, int((bottom - top) * ROW_PX) + MARGIN_PX["t"] + MARGIN_PX["b"])
    x_axis = _x_axis(x_range)
    return dict(
        shapes=parts.shapes,
        annotations=parts.annotations,
        height=height,
        margin=MARGIN_PX | {"r": _right_margin_px(x_axis)},
        xaxis=x_axis,
        yaxis={
            "tickvals": centres.tolist(),
            "ticktext": [_lane_tick_label(label) for label in lanes["lane_label"]],
            "range": [bottom, top],
            "showgrid": False,
            "zeroline": False,
            "fixedrange": True,
            "ticks": "",
            "tickfont": {"size": 12, "color": LABEL_COLOUR},
        },
        hovermode="closest",
        hoverlabel={
            "align": "left",
            "bgcolor": "white",
            "bordercolor": "#8C8C8C",
            "font": {"color": LABEL_COLOUR, "size": 13},
        },
        legend={
            "orientation": "h",
            "yanchor": "top",
            "y": -LEGEND_GAP_PX / height,
            "x": 0,
            "itemclick": False,
            "itemdoubleclick": False,
            "tracegroupgap": 6,
            "font": {"size": 12},
        },
        clickmode="event+select",
        dragmode="zoom",
        plot_bgcolor="white",
    )


def _empty_figure(x_range: tuple[pd.Timestamp, pd.Timestamp]) -> go.Figure:
    return new_figure(
        layout={
            "annotations": [
                {
                    "text": "No item matches the filters",
                    "xref": "paper",
                    "yref": "paper",
                    "x": 0.5,
                    "y": 0.5,
                    "showarrow": False,
                    "font": {"size": 14},
                }
            ],
            "height": MIN_HEIGHT_PX,
            "xaxis": _x_axis(x_range),
            "yaxis": {"visible": False},
            "plot_bgcolor": "white",
        }
    )
