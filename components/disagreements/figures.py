"""The spread of one aspect's claims: a strip per event, one mark per report coloured by the
side of its outlet, so that reports that disagree sit apart at a glance. Pure plotly.

Numbers are drawn on a number line (each event its own scale: a death toll of thousands
and one of one do not share an axis), a range ("500-600") as a bar from low to high, the
unit under the axis; days on a date axis, each event its own span of days (reports a day
apart stay apart when another event's reports are months later), a claimed month as a bar
from its first to its last day; places and text values as
columns, most claimed first, each strip with only its own event's values, named under it.
Every strip has its own tick labels, so it reads on its own, however far from the bottom.
Hover gives the outlet, the side and the exact words; customdata is the claim id, for the
page's click.
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
from components.disagreements.frames import off_axis

# A mark's size, and the height of one level of a strip (a mark and some air), in pixels.
MARK_SIZE = 14
LEVEL_PX = 18
# Two marks on one level lie at least this far apart along the axis (pixels) on the
# narrowest plot the figure is drawn for, a phone's: closer, the second takes a level above.
MARK_GAP_PX = MARK_SIZE + 2
NARROW_PLOT_PX = 300
# Room, in levels, between two sides' bands of a strip, and above and below its marks.
BAND_GAP_LEVELS = 0.6
EDGE_LEVELS = 0.4
# A strip with one level of marks is still this tall.
MIN_STRIP_PX = 54
# Above each strip its event's title, TITLE_CHARS a line (it fits a phone's width); under
# it the tick labels (or wrapped place names) and the axis title; above all the legend.
TITLE_CHARS = 48
TITLE_LINE_PX = 17
TITLE_PAD_PX = 8
TICKS_PX = 70
TICK_LINE_PX = 14
TICKS_PAD_PX = 30
LEGEND_PX = 40
# A place or text value wraps to its column: the narrowest plot (NARROW_PLOT_PX, a phone's)
# is about PLOT_CHARS characters of a tick label wide, shared by the strip's columns, each
# line between these lengths (a longer word keeps its line).
PLOT_CHARS = 54
VALUE_CHARS = (9, 34)
# Quote length in the hover text.
HOVER_QUOTE_CHARS = 160
DAY_MS = 86_400_000
# A day axis is labelled every DAY_TICK_STEPS[i] days, the first step that gives at most
# MAX_DAY_TICKS labels: as many "29 Aug" as fit side by side on the narrowest plot.
DAY_TICK_STEPS = (1, 2, 7, 14, 28)
MAX_DAY_TICKS = 7
# A number line reaches this much past its largest value, so its mark is not cut.
NUMBER_HEADROOM = 1.08
# A column of a place or text value is at least this wide (its name wraps to VALUE_CHARS[0]
# characters a line, about 60 px): a strip of more columns than fit the narrowest plot
# makes the chart wider than the screen, in a box that scrolls sideways (the page).
COLUMN_MIN_PX = 72
# The figure's left and right margins together.
SIDE_MARGINS_PX = 20
# The name of every trace of marks (one per side and event): tests find the marks by it.
MARKS_TRACE_PREFIX = "claims:"
BAND_LINE_COLOUR = "#E1E4E8"


def _escape(text: object) -> str:
    return html.escape(str(text), quote=False)


def _wrapped(text: str, width: int) -> str:
    lines = textwrap.wrap(str(text), width, break_long_words=False)
    return "<br>".join(_escape(line) for line in lines) or " "


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
    """(x of each mark, x where its bar starts, x where it ends) for one aspect kind."""
    if kind == "number":
        low = strip["low"].to_numpy(dtype=float)
        high = strip["high"].to_numpy(dtype=float)
        return (low + high) / 2, low, high
    if kind == "date":
        # A month is a bar from its first to its last day, its mark in the middle.
        first, last = strip["day"], strip["last_day"].fillna(strip["day"])
        return first + (last - first) / 2, first, last
    x = np.array(
        [
            columns[int(row)][key]
            for row, key in zip(strip["row"].tolist(), strip["value_key"].tolist(), strict=True)
        ],
        dtype=float,
    )
    return x, x, x


def stack_levels(lows: list[float], highs: list[float], min_gap: float) -> list[int]:
    """The level (0 the lowest) of each mark spanning ``lows[i]``..``highs[i]`` along the
    axis, in the order given: each takes the lowest level where it lies at least
    ``min_gap`` from every mark already there, so no two marks of a level touch."""
    taken: list[list[tuple[float, float]]] = []
    levels = []
    for low, high in zip(lows, highs, strict=True):
        for level, marks in enumerate(taken):
            if all(low >= other_high + min_gap or high <= other_low - min_gap
                   for other_low, other_high in marks):  # fmt: skip
                marks.append((low, high))
                levels.append(level)
                break
        else:
            taken.append([(low, high)])
            levels.append(len(taken) - 1)
    return levels


def _numeric(values) -> np.ndarray:
    """Axis positions as numbers (days in milliseconds), to measure gaps."""
    series = pd.Series(list(values))
    if pd.api.types.is_numeric_dtype(series):
        return series.to_numpy(dtype=float)
    return pd.to_datetime(series).astype("datetime64[ms]").astype("int64").to_numpy(dtype=float)


def _x_ranges(strip: pd.DataFrame, kind: str, columns: dict[int, dict[str, int]]) -> dict:
    """row -> the range of its x axis."""
    rows = sorted(int(row) for row in strip["row"].unique())
    if kind in ("place", "text"):
        return {row: [-0.6, len(columns[row]) - 0.4] for row in rows}
    if kind == "date":
        days = strip.groupby("row")
        return {
            row: _date_range(days.get_group(row)["x_low"], days.get_group(row)["x_high"])
            for row in rows
        }
    tops = strip.groupby("row")["x_high"].max()
    return {row: [0.0, float(tops[row]) * NUMBER_HEADROOM or 1.0] for row in rows}


def strip_levels(strip: pd.DataFrame, ranges: dict) -> tuple[pd.Series, dict[int, dict]]:
    """The y of each mark (0 at the strip's top, one level a mark), and per row its y range
    and the y between its sides' bands. Each side has a band of the strip, the pages' side
    order from the top; in it, a report sits on the lowest level where no mark of that
    side lies within MARK_GAP_PX of it on a NARROW_PLOT_PX plot: reports of one day, value
    or place stack up, each with its own spot, and the band is as tall as its densest day."""
    y = pd.Series(0.0, index=strip.index)
    rows: dict[int, dict] = {}
    for row, marks in strip.groupby("row", sort=True):
        gap = _gap(ranges[int(row)])
        top = 0.0
        lines = []
        for _, band in marks.groupby("side_rank", sort=True):
            levels = stack_levels(
                _numeric(band["x_low"]).tolist(), _numeric(band["x_high"]).tolist(), gap
            )
            height = max(levels) + 1
            # Level 0 at the band's bottom: a day's reports stack up like a bar.
            y[band.index] = [top + height - 1 - level for level in levels]
            top += height + BAND_GAP_LEVELS
            lines.append(top - BAND_GAP_LEVELS / 2 - 0.5)
        bottom = top - BAND_GAP_LEVELS
        span = max(bottom + 2 * EDGE_LEVELS, MIN_STRIP_PX / LEVEL_PX)
        pad = (span - bottom) / 2
        rows[int(row)] = {
            "range": [bottom - 0.5 + pad, -0.5 - pad],
            "lines": lines[:-1],
            "px": span * LEVEL_PX,
        }
    return y, rows


def _gap(x_range: list) -> float:
    """How far apart along an axis of ``x_range`` two marks on one level must lie."""
    if any(value is None or pd.isna(value) for value in x_range):
        return 0.0
    x0, x1 = _numeric(x_range)
    return (x1 - x0) * MARK_GAP_PX / NARROW_PLOT_PX


def spread_figure(strip: pd.DataFrame, kind: str, event_titles: list[str]) -> go.Figure:
    """One strip per event of ``strip`` (`frames.strip_claims`: row, side_rank, values),
    top to bottom as ``event_titles``, each under its title, one mark per claim coloured by
    side; no mark covers another (`strip_levels`). A number or day given in words has no
    place on its axis and is left out (`frames.off_axis`: the page names it)."""
    rows = max(len(event_titles), 1)
    figure = make_subplots(rows=rows, cols=1)
    strip = strip.loc[~off_axis(strip)]
    columns = row_columns(strip) if kind in ("place", "text") else {}
    x, x_low, x_high = _x_values(strip, kind, columns)
    strip = strip.assign(x=x, x_low=x_low, x_high=x_high)
    ranges = _x_ranges(strip, kind, columns)
    y, geometry = strip_levels(strip, ranges)
    strip = strip.assign(y=y)
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
    _style_x(figure, kind, columns, strip, rows)
    height, bottom = _lay_out_strips(figure, event_titles, geometry, ranges)
    figure.update_layout(
        height=height,
        margin={"l": SIDE_MARGINS_PX / 2, "r": SIDE_MARGINS_PX / 2, "t": LEGEND_PX, "b": bottom},
        legend={"orientation": "h", "y": 1, "yanchor": "bottom", "x": 0, "title": "Outlet"},
        plot_bgcolor="#F7F8FA",
        hoverlabel={"align": "left"},
        clickmode="event+select",
        dragmode=False,
    )
    return figure


def _lay_out_strips(
    figure: go.Figure, event_titles: list[str], geometry: dict[int, dict], ranges: dict
) -> tuple[int, int]:
    """Each strip's height (its levels), its title above it, room under it for its tick
    labels (`_ticks_px`), the lines between its bands and its axes' ranges; returns the
    figure's height and its bottom margin (the last strip's tick labels)."""
    titles = [_wrapped(title, TITLE_CHARS) for title in event_titles]
    title_px = [TITLE_PAD_PX + TITLE_LINE_PX * (text.count("<br>") + 1) for text in titles]
    plot_px = [geometry.get(row, {}).get("px", MIN_STRIP_PX) for row in range(len(titles))]
    ticks_px = [_ticks_px(figure, row) for row in range(len(titles))]
    area = sum(title_px) + sum(plot_px) + sum(ticks_px[:-1])
    cursor = float(area)
    for row, (title, above, tall) in enumerate(zip(titles, title_px, plot_px, strict=True)):
        cursor -= above
        high = cursor / area
        cursor -= tall
        low = cursor / area
        cursor -= ticks_px[row]
        shape = geometry.get(row, {"range": [0.5, -0.5], "lines": []})
        figure.update_yaxes(
            row=row + 1,
            col=1,
            domain=[max(low, 0.0), min(high, 1.0)],
            range=shape["range"],
            showticklabels=False,
            showgrid=False,
            zeroline=False,
            fixedrange=True,
        )
        if row in ranges:
            figure.update_xaxes(range=ranges[row], row=row + 1, col=1)
        figure.add_annotation(
            text=f"<b>{title}</b>",
            xref="paper",
            yref="paper",
            x=0,
            y=min(high, 1.0),
            xanchor="left",
            yanchor="bottom",
            align="left",
            showarrow=False,
            font={"size": 13},
        )
        suffix = "" if row == 0 else str(row + 1)
        for line in shape["lines"]:
            figure.add_shape(
                type="line",
                xref=f"x{suffix} domain",
                yref=f"y{suffix}",
                x0=0,
                x1=1,
                y0=line,
                y1=line,
                line={"color": BAND_LINE_COLOUR, "width": 1},
                layer="below",
            )
    return int(round(area)) + LEGEND_PX + ticks_px[-1], ticks_px[-1]


def _ticks_px(figure: go.Figure, row: int) -> int:
    """Room under a strip for its tick labels: TICKS_PX, more for place names wrapped on
    more than three lines."""
    axis = figure.layout["xaxis" + ("" if row == 0 else str(row + 1))]
    lines = max((str(text).count("<br>") + 1 for text in axis.ticktext or ()), default=1)
    return max(TICKS_PX, TICK_LINE_PX * lines + TICKS_PAD_PX)


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
        figure.update_xaxes(tickformat="%-d %b", tickangle=0)
        for row_index, marks in strip.groupby("row"):
            step = day_tick_step(_date_range(marks["x_low"], marks["x_high"]))
            # Each strip names its own year(s): the day labels ("10 Nov") leave it out, and
            # one strip may lie in another year than the rest (the ceasefire of November 2020).
            first, last = marks["day"].min(), marks["last_day"].fillna(marks["day"]).max()
            years = f"{first.year}" if first.year == last.year else f"{first.year}–{last.year}"
            # Named as the aspect is (data/aspects.yaml: "Date"), one name for the concept.
            concept = _escape(str(marks["aspect_label"].iloc[0]).lower())
            figure.update_xaxes(
                dtick=step * DAY_MS,
                title_text=f"{concept} ({years})",
                row=int(row_index) + 1,
                col=1,
            )
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
            tickangle=0,
            showgrid=False,
            row=row_index + 1,
            col=1,
        )


def day_tick_step(day_range: list) -> int:
    """Days between two labels of a day axis over ``day_range``: the first of DAY_TICK_STEPS
    that labels it at most MAX_DAY_TICKS times (the last step past that)."""
    if any(value is None or pd.isna(value) for value in day_range):
        return DAY_TICK_STEPS[0]
    days = (day_range[1] - day_range[0]) / pd.Timedelta(days=1)
    return next(
        (step for step in DAY_TICK_STEPS if days / step + 1 <= MAX_DAY_TICKS), DAY_TICK_STEPS[-1]
    )


def _date_range(firsts: pd.Series, lasts: pd.Series) -> list:
    """A date axis two days wider than the claimed days (and months) either side."""
    margin = pd.Timedelta(days=2)
    first, last = firsts.min(), lasts.max()
    if pd.isna(first):
        return [None, None]
    return [first - margin, last + margin]


def min_chart_width(figure: go.Figure) -> int:
    """The least width, in pixels, the chart reads at: the narrowest plot's
    (NARROW_PLOT_PX), or COLUMN_MIN_PX a column of its strip of the most columns."""
    columns = [
        len(axis.ticktext)
        for name, axis in figure.layout.to_plotly_json().items()
        if name.startswith("xaxis") and axis.get("ticktext") is not None
        for axis in [figure.layout[name]]
    ]
    return max(NARROW_PLOT_PX, COLUMN_MIN_PX * max(columns, default=0)) + SIDE_MARGINS_PX


def figure_marks(figure: go.Figure) -> np.ndarray:
    """Every claim id drawn as a mark (for tests and the page's click check)."""
    ids = [
        value
        for trace in figure.data
        if str(getattr(trace, "meta", "") or "").startswith(MARKS_TRACE_PREFIX)
        for value in trace.customdata
    ]
    return np.array(ids, dtype=object)
