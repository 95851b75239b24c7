"""Figure builders of the Stances page: the actor × issue matrix, and the label helpers the
relations' figures (figure_relations.py: agreement network, targets) share.

Pure: frames in, plotly figures out, no streamlit. Data text placed in labels and hover
text is HTML-escaped, because plotly renders some HTML tags in them.

The matrix is a scatter of square markers on a categorical grid, not a heatmap: Streamlit
reports clicks on scatter points (with their customdata) but not on heatmap cells.

A click frames its cell in the browser, without a new figure: the clicks land on a trace of
frames drawn over the filled cells (CLICK_FRAMES), invisible but for the one plotly selects.
A new figure is a new chart to Streamlit, which forgets the selection and drops a click made
while it is drawn: the page asks for one only when the chart must show another cell than
its selection does (components/stances/clicks.py), and the figure then frames that cell
(CHOSEN_FRAME) until the next click.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from components.app.figures import new_figure
from components.app.palette import text_colour_on
from components.app.text_safety import clip
from components.stances.frames import CELL_STANCES, NO_STATEMENT, cell_id

# Okabe-Ito colours, safe for the common colour-vision deficiencies: blue and vermillion
# diverge; grey and reddish purple stay apart from both.
STANCE_COLOURS = {
    "support": "#0072B2",
    "oppose": "#D55E00",
    "neutral": "#BBBBBB",
    "mixed": "#CC79A7",
}
# The number on each square and the hover box's text in the square's colour: black or white,
# whichever contrasts more, at least 4.5:1 (WCAG AA) on each. White on vermillion was
# 3.9:1, black is 5.4:1; Streamlit's chart theme set a grey hover text, 1.4:1 on the blue.
STANCE_TEXT_COLOURS = {stance: text_colour_on(fill) for stance, fill in STANCE_COLOURS.items()}
HOVER_TEXT_COLOURS = STANCE_TEXT_COLOURS
STANCE_LEGEND = {
    "support": "Supports",
    "oppose": "Opposes",
    "neutral": "Neutral",
    "mixed": "Mixed (statements differ)",
}
EMPTY_CELL_LINE = "#C8C8C8"
# Axis labels: Streamlit's text colour, a size that reads at arm's length.
LABEL_FONT = {"size": 13, "color": "#31333F"}
HIGHLIGHT_COLOUR = "#000000"
# Names of the two traces of frames: the clicked cell's (plotly's selection) and the cell
# the figure was made for. Both start with "Chosen cell" (the browser tests find them so).
CLICK_FRAMES = "Chosen cell (click)"
CHOSEN_FRAME = "Chosen cell"

# Sizes in pixels: one matrix row, the room the wrapped issue labels need above the grid
# (turned upright when the columns are too narrow for them level, as on a phone, where the
# chart keeps 640 px: a line of ISSUE_LABEL_WIDTH characters is about 100 px long).
ROW_HEIGHT_PX = 40
HEADER_HEIGHT_PX = 110
# Past this many issues the columns are too narrow for level labels: they are slanted, and
# the header grows to hold them.
LEVEL_LABELS_MAX_ISSUES = 8
# Level labels that would run into each other are turned upright (plotly's "auto" angle
# chooses among these): at 390 and 768 px, seven issues' level labels overlapped.
LEVEL_LABEL_ANGLES = [0, 90]
LEVEL_LABEL_STANDOFF_PX = -8
SLANTED_LABEL_ANGLE = -45
SLANTED_LABEL_WIDTH = 60
SLANTED_HEADER_HEIGHT_PX = 230
MARKER_SIZE_PX = 30
# Issue labels are wrapped to lines of this many characters.
ISSUE_LABEL_WIDTH = 16

# The narrowest the matrix may be drawn (matrix_min_width_px): squeezed, its columns grow
# narrower than its squares and its headers run into each other (the corpus's twelve
# slanted headers did at 390 px, where a chart keeps 640 px and its longest actor names
# took 290 of them). A text's width is estimated from its length: LABEL_FONT's letters
# average about 5.6 px (the corpus's longest actor name, 49 characters, is 275 px wide);
# counting 6 leaves room.
LABEL_CHAR_PX = 6
# A line of LABEL_FONT text, from the top of one line to the next.
LABEL_LINE_PX = 17
# A column holds its square with a gap to the next. Slanted headers (45 degrees) sit 0.7
# of a column from each other, 22 px here, more than a line's height.
COLUMN_MIN_PX = MARKER_SIZE_PX + 2
# Room between two upright headers, and around the figure (its side margins).
HEADER_GAP_PX = 8
SIDE_MARGIN_PX = 10


def escape(text: object) -> str:
    """Data text made safe for plotly labels and hover text."""
    return html.escape(str(text), quote=False)


def short_label(text: object) -> str:
    """Data text for an axis or node label: clipped, so a very long name cannot squeeze the
    chart, and escaped."""
    return escape(clip(str(text)))


def wrap_label(text: str, width: int = ISSUE_LABEL_WIDTH) -> str:
    """``text`` clipped, escaped and broken into lines of about ``width`` characters."""
    return "<br>".join(escape(line) for line in textwrap.wrap(clip(text), width) or [""])


def matrix_min_width_px(row_labels: list[str], issue_labels: list[str]) -> int:
    """How wide the matrix must be drawn for its columns to hold their squares and its
    issue headers (as stance_matrix_figure lays them out) to stay apart: the actor names on
    the left, the columns, and on the right what the last slanted headers reach past the
    grid. The page keeps the chart at least this wide and scrolls it sideways on a narrower
    screen."""
    names_px = max((len(clip(str(label))) + 2 for label in row_labels), default=0)
    left = SIDE_MARGIN_PX + LABEL_CHAR_PX * names_px
    count = len(issue_labels)
    if count > LEVEL_LABELS_MAX_ISSUES:
        column = COLUMN_MIN_PX
        # A slanted header starts at the middle of its column and runs up to the right.
        reach = max(
            LABEL_CHAR_PX * len(clip(str(label), SLANTED_LABEL_WIDTH)) * 0.71
            + LABEL_LINE_PX
            - (count - 0.5 - index) * column
            for index, label in enumerate(issue_labels)
        )
    else:
        # Level headers that do not fit are turned upright: a column as wide as their lines.
        lines = max(
            len(textwrap.wrap(clip(str(label)), ISSUE_LABEL_WIDTH)) for label in issue_labels
        )
        column = max(COLUMN_MIN_PX, LABEL_LINE_PX * lines + HEADER_GAP_PX)
        reach = 0
    return round(left + count * column + max(reach, 0) + SIDE_MARGIN_PX)


def stance_matrix_figure(
    cells: pd.DataFrame,
    row_ids: list[str],
    row_labels: Mapping[str, str],
    issues: pd.DataFrame,
    selected_cell_id: str | None = None,
) -> go.Figure:
    """The actor × issue matrix: one square per cell, coloured by stance, with its count.

    Rows follow ``row_ids`` top to bottom; columns follow ``issues``. Every marker carries
    its cell id ("actor_id|issue_id") as customdata; cells without a statement are drawn
    as light outlines without one, so a click on them chooses nothing.
    ``selected_cell_id`` gets a black frame, until a click frames another cell.
    """
    issue_labels = dict(zip(issues["issue_id"], issues["issue_label"], strict=True))
    slanted = len(issue_labels) > LEVEL_LABELS_MAX_ISSUES
    # Slanted labels stay on one line: wrapped ones, slanted, run into their neighbours.
    width = SLANTED_LABEL_WIDTH if slanted else ISSUE_LABEL_WIDTH
    x_of = {issue_id: wrap_label(label, width) for issue_id, label in issue_labels.items()}
    header = SLANTED_HEADER_HEIGHT_PX if slanted else HEADER_HEIGHT_PX
    y_of = {actor_id: short_label(row_labels.get(actor_id, actor_id)) for actor_id in row_ids}
    shown = cells.loc[cells["actor_id"].isin(row_ids) & cells["issue_id"].isin(issue_labels)]

    # Traces as plain dicts (components.app.figures.new_figure).
    traces = [_empty_cells_trace(shown, row_ids, issue_labels, x_of, y_of, row_labels)]
    for stance in CELL_STANCES:
        traces.append(_stance_trace(shown.loc[shown["stance"] == stance], stance, x_of, y_of))
    if selected_cell_id is not None:
        actor_id, _, issue_id = selected_cell_id.partition("|")
        if actor_id in y_of and issue_id in x_of:
            traces.append(_chosen_frame_trace(x_of[issue_id], y_of[actor_id], selected_cell_id))
    filled = shown.loc[shown["stance"].isin(CELL_STANCES)]
    if not filled.empty:
        traces.append(_click_frames_trace(filled, x_of, y_of, issue_labels, row_labels))
    # The whole layout at once: update_layout and update_*axes walk plotly's objects
    # (about 50 ms for this figure at scale).
    layout = {
        "height": header + ROW_HEIGHT_PX * max(len(row_ids), 1) + 40,
        "margin": {"l": SIDE_MARGIN_PX, "r": SIDE_MARGIN_PX, "t": header, "b": 40},
        "plot_bgcolor": "white",
        "dragmode": False,
        "clickmode": "event+select",
        "hovermode": "closest",
        "legend": {
            "orientation": "h",
            "x": 0,
            "y": 0,
            "yanchor": "top",
            "xanchor": "left",
            "font": {"size": 13},
            "itemclick": False,
            "itemdoubleclick": False,
        },
        "xaxis": {
            "type": "category",
            "categoryorder": "array",
            "categoryarray": list(x_of.values()),
            "side": "top",
            # Slanted, or plotly's default "auto" angle chosen from LEVEL_LABEL_ANGLES.
            **({"tickangle": SLANTED_LABEL_ANGLE} if slanted else {}),
            "autotickangles": LEVEL_LABEL_ANGLES,
            # Plotly leaves upright wrapped labels some 18 px above the grid; closer.
            **({} if slanted else {"ticklabelstandoff": LEVEL_LABEL_STANDOFF_PX}),
            "tickfont": LABEL_FONT,
            "showgrid": False,
            "zeroline": False,
            "fixedrange": True,
            "range": [-0.5, len(x_of) - 0.5],
        },
        "yaxis": {
            "type": "category",
            "categoryorder": "array",
            "categoryarray": [y_of[actor_id] for actor_id in row_ids],
            # The first row on top, and exactly the rows: left to itself, autorange pads
            # for the markers, a band of two rows' height under the issue headers.
            "autorange": "reversed",
            "autorangeoptions": {"minallowed": -0.5, "maxallowed": max(len(row_ids), 1) - 0.5},
            "showgrid": False,
            "zeroline": False,
            "fixedrange": True,
            "ticksuffix": "  ",
            "tickfont": LABEL_FONT,
        },
    }
    return new_figure(data=traces, layout=layout)


def _cell_hover(actor_name: str, issue_label: str, what: str) -> str:
    return f"<b>{escape(actor_name)}</b><br>{escape(issue_label)}<br>{what}"


def _empty_cells_trace(
    shown: pd.DataFrame,
    row_ids: list[str],
    issue_labels: Mapping[str, str],
    x_of: Mapping[str, str],
    y_of: Mapping[str, str],
    row_labels: Mapping[str, str],
) -> dict:
    filled = set(zip(shown["actor_id"], shown["issue_id"], strict=True))
    empty = [
        (actor_id, issue_id)
        for actor_id in row_ids
        for issue_id in issue_labels
        if (actor_id, issue_id) not in filled
    ]
    return {
        "type": "scatter",
        "x": [x_of[issue_id] for _, issue_id in empty],
        "y": [y_of[actor_id] for actor_id, _ in empty],
        "mode": "markers",
        "name": "No statement",
        "marker": {
            "symbol": "square",
            "size": MARKER_SIZE_PX,
            "color": "white",
            "line": {"color": EMPTY_CELL_LINE, "width": 1},
        },
        "hovertext": [
            _cell_hover(row_labels.get(actor_id, actor_id), issue_labels[issue_id], NO_STATEMENT)
            for actor_id, issue_id in empty
        ],
        "hovertemplate": "%{hovertext}<extra></extra>",
        "selected": {"marker": {"opacity": 1}},
        "unselected": {"marker": {"opacity": 1}},
    }


def _stance_trace(
    cells: pd.DataFrame,
    stance: str,
    x_of: Mapping[str, str],
    y_of: Mapping[str, str],
) -> dict:
    """The squares of one stance, with their counts. Hover and clicks go to the frames drawn
    over them (_click_frames_trace); once a cell is selected they stay as they are."""
    if cells.empty:
        return _legend_only_trace(stance)
    text_colour = {"textfont": {"color": STANCE_TEXT_COLOURS[stance]}}
    return {
        "type": "scatter",
        "x": [x_of[issue_id] for issue_id in cells["issue_id"]],
        "y": [y_of[actor_id] for actor_id in cells["actor_id"]],
        "mode": "markers+text",
        "name": STANCE_LEGEND[stance],
        "marker": {
            "symbol": "square",
            "size": MARKER_SIZE_PX,
            "color": STANCE_COLOURS[stance],
            "line": {"color": "white", "width": 1},
        },
        "text": [str(count) for count in cells["statement_count"].astype(int)],
        "textfont": {"color": STANCE_TEXT_COLOURS[stance], "size": 13},
        "textposition": "middle center",
        "hoverinfo": "skip",
        "selected": {"marker": {"opacity": 1}, **text_colour},
        "unselected": {"marker": {"opacity": 1}, **text_colour},
    }


def _click_frames_trace(
    cells: pd.DataFrame,
    x_of: Mapping[str, str],
    y_of: Mapping[str, str],
    issue_labels: Mapping[str, str],
    row_labels: Mapping[str, str],
) -> dict:
    """A frame over every filled cell, carrying its cell id and hover text: the trace a
    click lands on. Unseen (opacity 0) but for the cell plotly selects on a click."""
    counts = cells["statement_count"].astype(int).tolist()
    hover = [
        _cell_hover(
            row_labels.get(row.actor_id, row.actor_id),
            issue_labels[row.issue_id],
            f"{STANCE_LEGEND[row.stance]}: {statement_count_text(count)}"
            + _mixed_detail(row)
            + "<br><i>Click to see the statements</i>",
        )
        for row, count in zip(cells.itertuples(index=False), counts, strict=True)
    ]
    return {
        **_frame_trace(
            CLICK_FRAMES,
            [x_of[issue_id] for issue_id in cells["issue_id"]],
            [y_of[actor_id] for actor_id in cells["actor_id"]],
            [cell_id(a, i) for a, i in zip(cells["actor_id"], cells["issue_id"], strict=True)],
        ),
        "marker": {**_FRAME_MARKER, "opacity": 0},
        "hovertext": hover,
        "hovertemplate": "%{hovertext}<extra></extra>",
        # The hover box in the square's own colour, as when the square itself was hovered.
        "hoverlabel": {
            "bgcolor": [STANCE_COLOURS[stance] for stance in cells["stance"]],
            "font": {"color": [HOVER_TEXT_COLOURS[stance] for stance in cells["stance"]]},
        },
        "selected": {"marker": {"opacity": 1}},
        "unselected": {"marker": {"opacity": 0}},
    }


def _legend_only_trace(stance: str) -> dict:
    """A stance no cell takes still has its legend entry, so the key is always whole."""
    return {
        "type": "scatter",
        "x": [None],
        "y": [None],
        "mode": "markers",
        "name": STANCE_LEGEND[stance],
        "marker": {"symbol": "square", "size": MARKER_SIZE_PX, "color": STANCE_COLOURS[stance]},
        "hoverinfo": "skip",
    }


def statement_count_text(count: int) -> str:
    """ "1 statement", "3 statements"."""
    return f"{count} statement" + ("" if count == 1 else "s")


def _mixed_detail(row) -> str:
    if row.stance != "mixed":
        return ""
    parts = [
        f"{count} {label}"
        for count, label in (
            (row.support_count, "support"),
            (row.oppose_count, "oppose"),
            (row.neutral_count, "neutral"),
        )
        if count
    ]
    return " (" + ", ".join(parts) + ")"


# The black frame of a chosen cell, a little larger than its square.
_FRAME_MARKER = {
    "symbol": "square-open",
    "size": MARKER_SIZE_PX + 10,
    "color": HIGHLIGHT_COLOUR,
    "line": {"width": 3},
}


def _frame_trace(name: str, x: list, y: list, customdata: list) -> dict:
    return {
        "type": "scatter",
        "x": x,
        "y": y,
        "mode": "markers",
        "name": name,
        "marker": _FRAME_MARKER,
        "customdata": customdata,
        "showlegend": False,
    }


def _chosen_frame_trace(x: str, y: str, selected_cell_id: str) -> dict:
    """The frame of the cell the figure is made for; gone (unselected, opacity 0) as soon
    as a click selects a cell, which then has its own frame."""
    return {
        **_frame_trace(CHOSEN_FRAME, [x], [y], [selected_cell_id]),
        "hoverinfo": "skip",
        "unselected": {"marker": {"opacity": 0}},
    }
