"""The spread of one aspect's claims: a strip per event, one mark per report coloured by the
side of its outlet, so that reports that disagree sit apart at a glance. Pure plotly.

Numbers are drawn on a number line (each event its own scale: a death toll of thousands
and one of one do not share an axis), a range ("500-600") as a bar from low to high, the
unit under the axis; days on a date axis; places and text values as columns, most claimed
first, each strip with only its own event's values, named under it. Every strip has its
own tick labels, so it reads on its own, however far from the bottom. Hover gives the
outlet, the side and the exact words; customdata is the claim id, for the page's click.
"""

from __future__ import annotations

import html
import textwrap

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from components.app.palette import MARKER_OUTLINE, SIDE_COLOURS, UNKNOWN_COLOUR
from components.app.reports import side_order

# Height of one event's strip, room under each for its tick labels (or unit), and room
# for the legend and the margins.
ROW_PX = 110
TICKS_PX = 70
FRAME_PX = 110
# Characters per line of an event's title (left).
TITLE_CHARS = 30
# A place or text value wraps to its column: the plot is about PLOT_CHARS characters wide,
# shared by the strip's columns, each line between these lengths.
PLOT_CHARS = 110
VALUE_CHARS = (12, 34)
# Quote length in the hover text.
HOVER_QUOTE_CHARS = 160
MARK_SIZE = 14
DAY_MS = 86_400_000
# A day axis this long or shorter is labelled every day, a longer one every week.
DAILY_TICKS_SPAN = pd.Timedelta(days=14)
# Horizontal step between reports of one value and side in a column (a column is 1 wide).
COLUMN_STEP = 0.07
# On a number line or a date axis, reports of one value and side step up in their band.
BAND_STEP = 0.05
# The name of every trace of marks (one per side and event): tests find the marks by it.
MARKS_TRACE_PREFIX = "claims:"


def _escape(text: object) -> str:
    return html.escape(str(text), quote=False)


def _wrapped(text: str, width: int) -> str:
    return "<br>".join(_escape(line) for line in textwrap.wrap(str(text), width)) or " "


def _hover(row) -> str:
    quote = " ".join(str(row.quote).split())
    if len(quote) > HOVER_QUOTE_CHARS:
        quote = quote[: HOVER_QUOTE_CHARS - 1] + "…"
    by = (
        f"<br>Attributed to {_escape(row.by_actor_name)}"
        if isinstance(row.by_actor_name, str)
        else ""
    )
    return (
        f"<b>{_escape(row.outlet)}</b> · {_escape(row.side_label)} outlet · "
        f"{row.published_date.day} {row.published_date:%b %Y}<br>"
        f"{_escape(row.aspect_label)}: <b>{_escape(row.value_label)}</b><br>"
        f"<i>“{_escape(quote)}”</i>{by}<br><i>Click for the report</i>"
    )


def category_positions(strip: pd.DataFrame) -> dict[str, int]:
    """value_key -> column of a place or text value: the most claimed first."""
    counts = strip.groupby("value_key", sort=False).size()
    ordered = counts.sort_values(ascending=False, kind="stable").index
    return {key: position for position, key in enumerate(ordered)}


def row_columns(strip: pd.DataFrame) -> dict[int, dict[str, int]]:
    """row -> its own columns (`category_positions`): a strip shows its event's values only,
    so few columns share its width and each is named under it."""
    return {int(row): category_positions(marks) for row, marks in strip.groupby("row")}


def _x_values(strip: pd.DataFrame, kind: str, columns: dict[int, dict[str, int]]) -> tuple:
    """(x of each mark, x where its bar starts, x where it ends) for one aspect kind; in a
    column (a place or text value), reports of one value and side sit side by side."""
    if kind == "number":
        low = strip["low"].to_numpy(dtype=float)
        high = strip["high"].to_numpy(dtype=float)
        return (low + high) / 2, low, high
    if kind == "date":
        days = strip["day"]
        return days, days, days
    x = np.array(
        [
            columns[int(row)][key]
            for row, key in zip(strip["row"].tolist(), strip["value_key"].tolist(), strict=True)
        ],
        dtype=float,
    )
    offset = (strip["step"] - (strip["stack"] - 1) / 2).to_numpy(dtype=float) * COLUMN_STEP
    return x + offset, x, x


def spread_figure(strip: pd.DataFrame, kind: str, event_titles: list[str]) -> go.Figure:
    """One strip per event of ``strip`` (`frames.strip_claims`: row, dodge, value columns),
    top to bottom as ``event_titles``, one mark per claim coloured by side."""
    rows = max(len(event_titles), 1)
    height = FRAME_PX + (ROW_PX + TICKS_PX) * rows
    # Not shared: each strip has its own tick labels (and, for places, its own columns).
    figure = make_subplots(rows=rows, cols=1, vertical_spacing=TICKS_PX / height)
    columns = row_columns(strip) if kind in ("place", "text") else {}
    x, x_low, x_high = _x_values(strip, kind, columns)
    y = strip["dodge"]
    if kind not in ("place", "text"):
        y = y + strip["step"].clip(upper=3) * BAND_STEP
    strip = strip.assign(x=x, x_low=x_low, x_high=x_high, y=y)
    shown_sides: set[str] = set()
    for side in side_order(strip["side"]):
        colour = SIDE_COLOURS.get(side, UNKNOWN_COLOUR)
        for row_index, marks in strip.loc[strip["side"] == side].groupby("row"):
            _add_bars(figure, marks, colour, int(row_index) + 1)
            figure.add_trace(
                go.Scatter(
                    x=marks["x"],
                    y=marks["y"],
                    mode="markers",
                    name=marks["side_label"].iloc[0],
                    legendgroup=side,
                    showlegend=side not in shown_sides,
                    marker={
                        "size": MARK_SIZE,
                        "color": colour,
                        "line": {"width": 1, "color": MARKER_OUTLINE},
                        "opacity": 0.9,
                    },
                    customdata=marks["claim_id"].to_numpy(dtype=object),
                    hovertext=[_hover(row) for row in marks.itertuples(index=False)],
                    hovertemplate="%{hovertext}<extra></extra>",
                    meta=f"{MARKS_TRACE_PREFIX}{side}",
                ),
                row=int(row_index) + 1,
                col=1,
            )
            shown_sides.add(side)
    for position, title in enumerate(event_titles, start=1):
        figure.update_yaxes(
            row=position,
            col=1,
            range=[-0.5, 0.5],
            tickvals=[0],
            ticktext=[_wrapped(title, TITLE_CHARS)],
            showgrid=False,
            zeroline=False,
            fixedrange=True,
        )
    _style_x(figure, kind, columns, strip, rows)
    figure.update_layout(
        height=height,
        margin={"l": 230, "r": 20, "t": 40, "b": TICKS_PX},
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0, "title": "Outlet"},
        plot_bgcolor="#F7F8FA",
        hoverlabel={"align": "left"},
        clickmode="event+select",
        dragmode=False,
    )
    return figure


def _add_bars(figure: go.Figure, marks: pd.DataFrame, colour: str, row: int) -> None:
    """A bar from low to high under each mark whose value is a range."""
    spans = marks.loc[marks["x_low"] != marks["x_high"]]
    if spans.empty:
        return
    xs: list = []
    ys: list = []
    for low, high, y in zip(spans["x_low"], spans["x_high"], spans["y"], strict=True):
        xs += [low, high, None]
        ys += [y, y, None]
    figure.add_trace(
        go.Scatter(
            x=xs,
            y=ys,
            mode="lines",
            line={"color": colour, "width": 6},
            hoverinfo="skip",
            showlegend=False,
        ),
        row=row,
        col=1,
    )


def _style_x(
    figure: go.Figure,
    kind: str,
    columns: dict[int, dict[str, int]],
    strip: pd.DataFrame,
    rows: int,
) -> None:
    if kind in ("place", "text"):
        _name_columns(figure, columns, strip)
    elif kind == "date":
        days = _date_range(strip["day"])
        step = DAY_MS if days[0] is None or days[1] - days[0] <= DAILY_TICKS_SPAN else 7 * DAY_MS
        figure.update_xaxes(tickformat="%-d %b", range=days, dtick=step, tickangle=0)
        years = sorted({day.year for day in strip["day"].dropna()})
        figure.update_xaxes(title_text="day" + (f" ({years[0]})" if len(years) == 1 else ""))
    else:
        figure.update_xaxes(rangemode="tozero", tickformat="~g")
        units = strip.groupby("row")["value_label"].first()
        for row_index, label in units.items():
            unit = str(label).split(" ", 1)[1] if " " in str(label) else ""
            figure.update_xaxes(title_text=_escape(unit), row=int(row_index) + 1, col=1)
    figure.update_xaxes(
        fixedrange=True, gridcolor="#DDDDDD", showticklabels=True, tickfont={"size": 11}
    )


def _name_columns(
    figure: go.Figure, columns: dict[int, dict[str, int]], strip: pd.DataFrame
) -> None:
    """Under each strip, the names of its own columns, wrapped to their width."""
    labels = strip.drop_duplicates("value_key").set_index("value_key")["value_label"]
    for row_index, positions in columns.items():
        ticks = sorted(positions.items(), key=lambda item: item[1])
        width = min(max(PLOT_CHARS // len(ticks), VALUE_CHARS[0]), VALUE_CHARS[1])
        figure.update_xaxes(
            tickvals=[position for _, position in ticks],
            ticktext=[_wrapped(labels[key], width) for key, _ in ticks],
            range=[-0.6, len(ticks) - 0.4],
            tickangle=0,
            showgrid=False,
            row=row_index + 1,
            col=1,
        )


def _date_range(days: pd.Series) -> list:
    """A date axis two days wider than the claimed days either side."""
    margin = pd.Timedelta(days=2)
    first, last = days.min(), days.max()
    if pd.isna(first):
        return [None, None]
    return [first - margin, last + margin]


def figure_marks(figure: go.Figure) -> np.ndarray:
    """Every claim id drawn as a mark (for tests and the page's click check)."""
    ids = [
        value
        for trace in figure.data
        if str(getattr(trace, "meta", "") or "").startswith(MARKS_TRACE_PREFIX)
        for value in trace.customdata
    ]
    return np.array(ids, dtype=object)
