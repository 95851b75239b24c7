"""The timeline figure of items counted per lane and period (components.timeline.counts),
drawn when there are too many items to place one by one: a bubble per count, in the
frame of figure_layout.py. Data text is HTML-escaped. No streamlit here.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from components.app.figures import new_figure
from components.app.palette import EVENT_COLOUR, MARKER_OUTLINE
from components.timeline.counts import bucket_period
from components.timeline.figure_layout import (
    MARGIN_PX,
    MIN_HEIGHT_PX,
    _add_lane_bands,
    _add_report_day,
    _empty_figure,
    _escape,
    _lanes,
    _layout,
    _Parts,
)
from components.timeline.figures import UNSELECTED_OPACITY

COUNTS_TRACE = "counts"

# Count bubbles: area grows with the count, between these diameters (pixels).
COUNT_MIN_PX = 8
COUNT_MAX_PX = 30

# Statements counted together mix types, so their bubble takes no type colour.
COUNT_STATEMENT_COLOUR = "#7F8FA6"

# Below the counts chart, which has no legend: room for the bottom lane only.
COUNTS_MARGIN_BOTTOM_PX = 30


def build_timeline_counts_figure(
    counts: pd.DataFrame,
    bucket: str,
    x_range: tuple[pd.Timestamp, pd.Timestamp],
    report_date: pd.Timestamp | None = None,
) -> go.Figure:
    """Items counted per lane, period and kind (components.timeline.counts.count_in_lanes).

    One bubble per count, its area growing with the count: statements as grey circles,
    events as dark diamonds. Hover lists the types counted; customdata is the bubble id,
    so a click can list its items.
    """
    if counts.empty:
        return _empty_figure(x_range)
    lanes = _lanes(counts)
    parts = _Parts()
    _add_lane_bands(parts, lanes)
    if report_date is not None:
        _add_report_day(parts, pd.Timestamp(report_date))
    _add_counts(parts, counts, bucket)
    layout = _layout(lanes, x_range, parts)
    # No legend under the counts (the note above the chart says what the bubbles are):
    # the room kept for it below the plot would be an empty band.
    room = MARGIN_PX["b"] - COUNTS_MARGIN_BOTTOM_PX
    layout |= {
        "showlegend": False,
        "margin": layout["margin"] | {"b": COUNTS_MARGIN_BOTTOM_PX},
        "height": max(MIN_HEIGHT_PX, layout["height"] - room),
    }
    return new_figure(data=parts.traces, layout=layout)


def _add_counts(parts: _Parts, counts: pd.DataFrame, bucket: str) -> None:
    largest = max(int(counts["count"].max()), 1)
    sizes = COUNT_MIN_PX + (COUNT_MAX_PX - COUNT_MIN_PX) * (counts["count"] / largest) ** 0.5
    is_event = counts["kind"] == "event"
    # Bubbles share a few hundred periods: each is written once (2,000 bubbles took 60 ms).
    periods = {start: bucket_period(start, bucket) for start in counts["start"].unique()}
    hover = [
        f"<b>{_escape(lane)}</b><br>{count} {kind}{'' if count == 1 else 's'} · "
        f"{periods[start]}<br>{_escape(types)}<br><i>Click to list them</i>"
        for lane, count, kind, start, types in zip(
            counts["lane_label"].tolist(), counts["count"].tolist(), counts["kind"].tolist(),
            counts["start"].tolist(), counts["types"].tolist(), strict=True,
        )
    ]  # fmt: skip
    parts.traces.append(
        {
            "type": "scatter",
            "x": counts["x_marker"].to_numpy(),
            "y": counts["y"].to_numpy(),
            "customdata": counts["bubble_id"].to_numpy(dtype=object),
            "hovertext": np.array(hover, dtype=object),
            "hovertemplate": "%{hovertext}<extra></extra>",
            "mode": "markers",
            "name": COUNTS_TRACE,
            "showlegend": False,
            "selected": {"marker": {"opacity": 1}},
            "unselected": {"marker": {"opacity": UNSELECTED_OPACITY}},
            "marker": {
                "symbol": np.where(is_event, "diamond", "circle").astype(object),
                "size": sizes.round(1).to_numpy(),
                "color": np.where(is_event, EVENT_COLOUR, COUNT_STATEMENT_COLOUR).astype(object),
                "line": {"color": MARKER_OUTLINE, "width": 1},
            },
        }
    )
