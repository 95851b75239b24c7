"""The timeline figure of items placed in swimlanes (see frames.py) in, a plotly Figure out;
the figure of items counted per lane and period is figure_counts.py's.

Every item has one clickable marker per lane in a single scatter trace ("items": customdata
is the item id, ids are "<lane_id>/<item_id>"), because Streamlit's selection events come
from scatter points only. Spans are drawn behind the markers as thick line traces: dotted
when the date is only known to lie somewhere inside (a part of the day, a month, a
season), solid for a range of days. Exact dates from an outside source get their own
bracket. Statements are circles coloured by type, events are dark diamonds; items the text
does not date are hollow, at the report date. Every piece of data text is HTML-escaped,
because plotly renders tags in hover text and tick labels. No streamlit here.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from components.app.figures import new_figure
from components.app.palette import (
    EVENT_COLOUR,
    MARKER_OUTLINE,
    STATEMENT_TYPE_FAMILIES,
    statement_type_colour,
)
from components.timeline.figure_layout import (
    LABEL_COLOUR,
    _add_empty_lane_notes,
    _add_lane_bands,
    _add_report_day,
    _empty_figure,
    _escape,
    _lanes,
    _layout,
    _Parts,
)
from components.timeline.figure_piles import add_pile_key, add_piles
from components.timeline.items import readable, shorten
from components.timeline.piles import pile_period
from components.timeline.precision import COARSE_PRECISIONS, UNCERTAIN_PRECISIONS
from components.timeline.window import fitted_window, placed_for_window

ITEMS_TRACE = "items"

SPANS_TRACE = "spans"

SPAN_LABELS_TRACE = "span labels"

EXACT_DATES_TRACE = "Exact dates from an outside source"

SYMBOLS = {"statement": "circle", "event": "diamond"}

MARKER_SIZE = 13


# A clicked item grows; the others fade, but stay readable for the next click.
SELECTED_MARKER_SIZE = 18


UNSELECTED_OPACITY = 0.35


# Undated items are hollow: white inside, a thick ring in the item's colour.
HOLLOW_RING_WIDTH = 3


SPAN_WIDTH = 9

SPAN_OPACITY = 0.5


# To keep a span's label off the markers: the plot's width on the page (about, in pixels)
# and the width of one character of the label.
PLOT_WIDTH_PX = 550


LABEL_CHAR_PX = 6


def build_timeline_figure(
    placed: pd.DataFrame,
    x_range: tuple[pd.Timestamp, pd.Timestamp],
    report_date: pd.Timestamp | None = None,
) -> go.Figure:
    """The swimlane timeline of ``placed`` (see components.timeline.lanes.place_in_lanes)."""
    if placed.empty:
        return _empty_figure(x_range)
    # The axis reaches past the markers its edges would cut (those of the first and last
    # day); rows are stacked for that span: what lies outside takes no row of its own.
    x_range = fitted_window(placed_for_window(placed, x_range), x_range)
    shown = placed_for_window(placed, x_range)
    lanes = _lanes(shown)
    parts = _Parts()
    _add_lane_bands(parts, lanes)
    _add_empty_lane_notes(parts, lanes)
    if report_date is not None:
        _add_report_day(parts, pd.Timestamp(report_date))
    # Piled items are drawn by their pile.
    single = shown[shown["pile_id"].isna()] if "pile_id" in shown else shown
    _add_spans(parts, single)
    _add_exact_dates(parts, single)
    _add_span_labels(parts, shown, x_range)
    _add_items(parts, single)
    add_piles(parts, shown)
    _add_legend_keys(parts, single)
    if len(single) < len(shown):
        add_pile_key(parts, _pile_periods(shown))
    parts.annotations.extend(_offscreen_notes(placed, x_range))
    return new_figure(data=parts.traces, layout=_layout(lanes, x_range, parts))


def _pile_periods(shown: pd.DataFrame) -> list[str]:
    """The periods ("day", "week", "month") the piles of ``shown`` stand for."""
    return [pile_period(pile)[0] for pile in shown["pile_id"].dropna().unique()]


def item_colour(kind: str, item_type: str) -> str:
    """Statements take the colour of their type; events share one dark colour."""
    return statement_type_colour(item_type) if kind == "statement" else EVENT_COLOUR


def hover_text(item: pd.Series) -> str:
    """Who, what (the quote, shortened), when and how precise, escaped for plotly."""
    return _hover_texts(item.to_frame().T)[0]


def _hover_texts(items: pd.DataFrame) -> list[str]:
    """The hover text of every item, column by column (a pandas row per item took 0.2 ms)."""
    outside = [
        "" if pd.isna(start) else f"Exact dates (outside source): {_day_range(start, end)}<br>"
        for start, end in zip(
            items["background_start_date"].tolist(),
            items["background_end_date"].tolist(),
            strict=True,
        )
    ]
    reports = [
        f"Reported by {int(count)} articles: {_escape(sides)}<br>"
        if isinstance(sides, str) and count > 1
        else ""
        for count, sides in zip(
            items["report_count"].tolist(), items["report_sides"].tolist(), strict=True
        )
    ]
    return [
        f"<b>{title}</b><br>{who}<br><i>“{quote}”</i><br>{kind.capitalize()} · {item_type}<br>"
        f"When: {when}<br>Precision: {precision}<br>{outside}{reported}"
        "<i>Click for the details</i>"
        for title, who, quote, kind, item_type, when, precision, outside, reported in zip(
            _escaped(items["title"]),
            _escaped(items["who"]),
            _escaped(items["quote"].map(shorten)),
            items["kind"].tolist(),
            _escaped(items["item_type"].map(readable)),
            _escaped(items["date_label"]),
            _escaped(items["precision_note"]),
            outside,
            reports,
            strict=True,
        )
    ]


def _escaped(values: pd.Series) -> list[str]:
    return [_escape(value) for value in values.tolist()]


def _day_range(start: pd.Timestamp, end: pd.Timestamp) -> str:
    if pd.isna(end) or start == end:
        return f"{start.day} {start:%b %Y}"
    return f"{start.day} {start:%b %Y} – {end.day} {end:%b %Y}"


def _add_spans(parts: _Parts, placed: pd.DataFrame) -> None:
    """One line trace per colour and style; None breaks the line between items."""
    spans = placed[placed["x_start"].notna()]
    if spans.empty:
        return
    styles = pd.DataFrame(
        {
            "colour": _item_colours(spans),
            "dash": np.where(spans["date_precision"].isin(UNCERTAIN_PRECISIONS), "dot", "solid"),
        }
    )
    starts, ends = _iso_dates(spans["x_start"]), _iso_dates(spans["x_end"])
    ys = spans["y"].to_numpy(dtype=object)
    item_ids = spans["item_id"].to_numpy(dtype=object)
    for (colour, dash), rows in sorted(styles.groupby(["colour", "dash"]).indices.items()):
        parts.traces.append(
            {
                "type": "scatter",
                "x": _segments(starts[rows], ends[rows]),
                "y": _segments(ys[rows], ys[rows]),
                "customdata": _segments(item_ids[rows], item_ids[rows]),
                "mode": "lines",
                "name": SPANS_TRACE,
                "line": {"color": colour, "width": SPAN_WIDTH, "dash": dash},
                "opacity": SPAN_OPACITY,
                "hoverinfo": "skip",
                "showlegend": False,
            }
        )


def _iso_dates(values: pd.Series) -> np.ndarray:
    """Dates as plotly writes a Timestamp, None for NaT. Plotly deep-copies every point of
    a trace: text and None copy cheaply, a Timestamp object does not."""
    dates = np.datetime_as_string(values.to_numpy("datetime64[s]"), unit="s").astype(object)
    dates[values.isna().to_numpy()] = None
    return dates


def _segments(starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """start, end, None for each item: the points of one line broken between items."""
    points = np.full(3 * len(starts), None, dtype=object)
    points[0::3] = starts
    points[1::3] = ends
    return points


def _item_colours(items: pd.DataFrame) -> list[str]:
    return [
        item_colour(kind, item_type)
        for kind, item_type in zip(items["kind"].tolist(), items["item_type"].tolist(), strict=True)
    ]


def _add_exact_dates(parts: _Parts, placed: pd.DataFrame) -> None:
    """A bracket |—| on the exact dates an outside source gives for a coarse article date."""
    exact = placed[placed["background_start_date"].notna()]
    if exact.empty:
        return
    starts, ends = exact["background_start_date"], exact["background_end_date"]
    texts = np.array(
        [
            f"<b>{title}</b><br>"
            f"Exact dates: {_day_range(start, end)}<br>"
            f"Source: {_escape(shorten(source, 160))}<br>"
            f"The article says: {when}"
            for title, start, end, source, when in zip(
                _escaped(exact["title"]),
                starts.tolist(),
                ends.tolist(),
                exact["background_date_source"].tolist(),
                _escaped(exact["date_label"]),
                strict=True,
            )
        ],
        dtype=object,
    )
    ys = (exact["y"] + 0.28).to_numpy(dtype=object)
    item_ids = exact["item_id"].to_numpy(dtype=object)
    parts.traces.append(
        {
            "type": "scatter",
            "x": _segments(_iso_dates(starts), _iso_dates(ends + pd.Timedelta(days=1))),
            "y": _segments(ys, ys),
            "customdata": _segments(item_ids, item_ids),
            "hovertext": _segments(texts, texts),
            "hovertemplate": "%{hovertext}<extra></extra>",
            "mode": "lines+markers",
            "name": EXACT_DATES_TRACE,
            "line": {"color": EVENT_COLOUR, "width": 2},
            "marker": {"symbol": "line-ns-open", "size": 12, "color": EVENT_COLOUR},
            "legendgroup": "dates",
            "legendgrouptitle": {"text": "Dates"},
        }
    )


def _add_span_labels(
    parts: _Parts, placed: pd.DataFrame, x_range: tuple[pd.Timestamp, pd.Timestamp]
) -> None:
    """The precision of coarse dates, written just after the end of their span, unless a
    marker of the same row sits where the words would go (see `_label_room`)."""
    coarse = placed[placed["date_precision"].isin(COARSE_PRECISIONS)]
    if coarse.empty:
        return
    coarse = coarse[_label_room(coarse, placed, x_range)]
    if coarse.empty:
        return
    parts.traces.append(
        {
            "type": "scatter",
            "x": coarse["x_end"].to_numpy(),
            "y": coarse["y"].to_numpy(),
            "text": np.array([f"  {label}" for label in _escaped(coarse["date_label"])]),
            "mode": "text",
            "textposition": "middle right",
            "textfont": {"size": 11, "color": LABEL_COLOUR},
            "name": SPAN_LABELS_TRACE,
            "hoverinfo": "skip",
            "showlegend": False,
        }
    )


def _label_room(
    coarse: pd.DataFrame, placed: pd.DataFrame, x_range: tuple[pd.Timestamp, pd.Timestamp]
) -> np.ndarray:
    """Whether each coarse item's label fits after its span: no marker of its row (y) lies
    between the span's end and the label's end, its width guessed from the characters at
    the zoom of ``x_range`` drawn PLOT_WIDTH_PX wide."""
    span = pd.Timestamp(x_range[1]) - pd.Timestamp(x_range[0])
    per_px = span / PLOT_WIDTH_PX
    fits = []
    for item_id, y, end, label in zip(
        coarse["item_id"].tolist(),
        coarse["y"].tolist(),
        coarse["x_end"].tolist(),
        coarse["date_label"].tolist(),
        strict=True,
    ):
        label_end = end + per_px * (LABEL_CHAR_PX * (len(str(label)) + 2) + MARKER_SIZE)
        others = placed.loc[(placed["y"] == y) & (placed["item_id"] != item_id), "x_marker"]
        fits.append(not ((others >= end - per_px * MARKER_SIZE) & (others <= label_end)).any())
    return np.array(fits, dtype=bool)


def _add_items(parts: _Parts, placed: pd.DataFrame) -> None:
    colours = np.array(_item_colours(placed), dtype=object)
    hollow = (placed["date_precision"] == "as_reported").to_numpy()
    parts.traces.append(
        {
            "type": "scatter",
            "x": placed["x_marker"].to_numpy(),
            "y": placed["y"].to_numpy(),
            "customdata": placed["item_id"].to_numpy(dtype=object),
            "ids": (placed["lane_id"] + "/" + placed["item_id"]).to_numpy(dtype=object),
            "hovertext": np.array(_hover_texts(placed), dtype=object),
            "hovertemplate": "%{hovertext}<extra></extra>",
            "mode": "markers",
            "name": ITEMS_TRACE,
            "selected": {"marker": {"size": SELECTED_MARKER_SIZE}},
            "unselected": {"marker": {"opacity": UNSELECTED_OPACITY}},
            "showlegend": False,
            "marker": {
                "symbol": placed["kind"].map(SYMBOLS).to_numpy(dtype=object),
                "size": MARKER_SIZE,
                "color": np.where(hollow, "white", colours),
                "line": {
                    "color": np.where(hollow, colours, MARKER_OUTLINE),
                    "width": np.where(hollow, HOLLOW_RING_WIDTH, 1),
                },
            },
        }
    )


def _legend_key(parts: _Parts, name: str, group: str, title: str, **style) -> None:
    """A legend entry with no data: the legend is a key, the filters live on the page."""
    parts.traces.append(
        {
            "type": "scatter",
            "x": [None],
            "y": [None],
            "name": name,
            "legendgroup": group,
            "legendgrouptitle": {"text": title},
            "hoverinfo": "skip",
            **style,
        }
    )


def _add_legend_keys(parts: _Parts, placed: pd.DataFrame) -> None:
    grey = "#8C8C8C"
    kinds = set(placed["kind"])
    precisions = set(placed["date_precision"])
    if "statement" in kinds:
        _legend_key(
            parts, "Statement", "shape", "Shape", mode="markers",
            marker={"symbol": "circle", "size": MARKER_SIZE, "color": grey,
                    "line": {"color": MARKER_OUTLINE, "width": 1}},
        )  # fmt: skip
    if "event" in kinds:
        _legend_key(
            parts, "Event", "shape", "Shape", mode="markers",
            marker={"symbol": "diamond", "size": MARKER_SIZE, "color": EVENT_COLOUR,
                    "line": {"color": MARKER_OUTLINE, "width": 1}},
        )  # fmt: skip
    if "as_reported" in precisions:
        _legend_key(
            parts, "Undated in the text:<br>shown at the report date", "shape", "Shape",
            mode="markers",
            marker={"symbol": "circle", "size": MARKER_SIZE, "color": "white",
                    "line": {"color": grey, "width": HOLLOW_RING_WIDTH}},
        )  # fmt: skip
    if precisions & set(UNCERTAIN_PRECISIONS):
        _legend_key(
            parts, "Somewhere in this span<br>(part of day, month, season)", "dates", "Dates",
            mode="lines", line={"color": grey, "width": SPAN_WIDTH, "dash": "dot"},
        )  # fmt: skip
    if "range" in precisions:
        _legend_key(
            parts, "Range of days", "dates", "Dates",
            mode="lines", line={"color": grey, "width": SPAN_WIDTH},
        )  # fmt: skip
    present = set(placed.loc[placed["kind"] == "statement", "item_type"])
    for family, types in STATEMENT_TYPE_FAMILIES.items():
        for statement_type, colour in types.items():
            if statement_type in present:
                _legend_key(
                    parts, readable(statement_type), family, family, mode="markers",
                    marker={"symbol": "circle", "size": MARKER_SIZE - 2, "color": colour,
                            "line": {"color": MARKER_OUTLINE, "width": 1}},
                )  # fmt: skip


def _offscreen_notes(
    placed: pd.DataFrame, x_range: tuple[pd.Timestamp, pd.Timestamp]
) -> list[dict]:
    """Say how many items lie left or right of the view, so none is silently hidden."""
    notes_drawn = []
    start, end = pd.Timestamp(x_range[0]), pd.Timestamp(x_range[1])
    last_x = placed["x_end"].fillna(placed["x_marker"])
    first_x = placed["x_start"].fillna(placed["x_marker"])
    before = placed.loc[last_x < start, "item_id"].nunique()
    after = placed.loc[first_x > end, "item_id"].nunique()
    notes = [(before, 0, "left", "◀ {n} earlier item{s} outside this view"),
             (after, 1, "right", "{n} later item{s} outside this view ▶")]  # fmt: skip
    for count, x, anchor, template in notes:
        if count:
            notes_drawn.append(
                {
                    "text": template.format(n=count, s="" if count == 1 else "s"),
                    "xref": "paper",
                    "yref": "paper",
                    "x": x,
                    "y": 1,
                    "yanchor": "bottom",
                    "xanchor": anchor,
                    "showarrow": False,
                    "font": {"size": 12, "color": "#444444"},
                    "yshift": 40,
                }
            )
    return notes_drawn
