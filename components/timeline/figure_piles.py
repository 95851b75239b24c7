"""The piles of the timeline figure (see piles.py): one clickable badge per lane and day
(or week, or month) whose items pile, with their count; its hover says how many statements
and events and of which types. Plain dicts for plotly, no streamlit.
"""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from components.app.palette import MARKER_OUTLINE
from components.timeline.figure_layout import LABEL_COLOUR, _escape, _Parts
from components.timeline.piles import PILE_PERIODS, pile_period, piles_of

PILES_TRACE = "piles"

# A badge wide enough for a two- or three-digit count, inside a 26 px row.
PILE_SIZE = 22


PILE_FILL = "#FFFFFF"


# A hover line holds this many characters at most: one line of every type of a pile of 42
# ran off both sides of the chart.
HOVER_LINE_CHARS = 50


def add_piles(parts: _Parts, placed: pd.DataFrame) -> None:
    """A square badge with the count at each pile's midday, customdata its pile id."""
    piles = piles_of(placed)
    if piles.empty:
        return
    parts.traces.append(
        {
            "type": "scatter",
            "x": piles["x"].to_numpy(),
            "y": piles["y"].to_numpy(),
            "customdata": piles["pile_id"].to_numpy(dtype=object),
            "text": piles["count"].astype(str).to_numpy(dtype=object),
            "hovertext": np.array(_pile_hovers(piles), dtype=object),
            "hovertemplate": "%{hovertext}<extra></extra>",
            "mode": "markers+text",
            "textposition": "middle center",
            "textfont": {"size": 11, "color": LABEL_COLOUR},
            "name": PILES_TRACE,
            "showlegend": False,
            "marker": {
                "symbol": "square",
                "size": PILE_SIZE,
                "color": PILE_FILL,
                "line": {"color": MARKER_OUTLINE, "width": 2},
            },
        }
    )


def _wrapped(text: str) -> str:
    """A long list of types on several lines of the hover, escaped."""
    return "<br>".join(_escape(line) for line in textwrap.wrap(text, HOVER_LINE_CHARS))


def _pile_hovers(piles: pd.DataFrame) -> list[str]:
    return [
        f"<b>{count} items {when}</b><br>{_escape(lane)}<br>"
        f"{statements} statements, {events} events<br>{_wrapped(types)}<br>"
        "<i>Click to list them in the Item list</i>"
        for count, when, lane, statements, events, types in zip(
            piles["count"].tolist(),
            piles["when"].tolist(),
            piles["lane_label"].tolist(),
            piles["statements"].tolist(),
            piles["events"].tolist(),
            piles["types"].tolist(),
            strict=True,
        )
    ]


def add_pile_key(parts: _Parts, periods: list[str]) -> None:
    """The legend's key for a pile, naming the ``periods`` its squares stand for."""
    parts.traces.append(
        {
            "type": "scatter",
            "x": [None],
            "y": [None],
            "name": f"Several items of a lane in one {period_words(periods)}:<br>"
            "click to list them",
            "legendgroup": "shape",
            "legendgrouptitle": {"text": "Shape"},
            "hoverinfo": "skip",
            "mode": "markers",
            "marker": {
                "symbol": "square",
                "size": 13,
                "color": PILE_FILL,
                "line": {"color": MARKER_OUTLINE, "width": 2},
            },
        }
    )


def period_words(periods: list[str]) -> str:
    """ "day", "day or week", "day, week or month": the periods of some piles, finest first."""
    ordered = [period for period in PILE_PERIODS if period in periods] or ["day"]
    if len(ordered) == 1:
        return ordered[0]
    return f"{', '.join(ordered[:-1])} or {ordered[-1]}"


def _piles_in_range(figure: go.Figure) -> list[str]:
    """The ids of the piles ``figure`` draws inside its time axis's range (the others lie
    on days off the view, counted by its notes)."""
    start, end = (pd.Timestamp(x) for x in figure.layout.xaxis.range)
    inside = []
    for trace in figure.data:
        if trace.name == PILES_TRACE:
            xs = pd.to_datetime(trace.x)
            inside += [
                pile for pile, x in zip(trace.customdata, xs, strict=True) if start <= x <= end
            ]
    return inside


def pile_periods(figure: go.Figure) -> list[str]:
    """The periods ("day", "week", "month") of the piles drawn inside the time axis's range."""
    return sorted(
        {pile_period(pile)[0] for pile in _piles_in_range(figure)}, key=PILE_PERIODS.index
    )


def pile_count(figure: go.Figure) -> int:
    """How many piles ``figure`` draws inside its time axis's range (the others lie on days
    off the view, counted by its notes)."""
    return len(_piles_in_range(figure))
