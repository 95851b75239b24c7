"""Figure builders of the Stances page: the actor × issue matrix, agreement network, targets.

Pure: frames in, plotly figures out, no streamlit. Data text placed in labels and hover
text is HTML-escaped, because plotly renders some HTML tags in them.

The matrix is a scatter of square markers on a categorical grid, not a heatmap: Streamlit
reports clicks on scatter points (with their customdata) but not on heatmap cells.
"""

from __future__ import annotations

import html
import math
import textwrap
from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from components.app.figures import new_figure
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
STANCE_TEXT_COLOURS = {"support": "white", "oppose": "white", "neutral": "black", "mixed": "black"}
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

RELATION_STYLES = {
    "agreement": {"color": "#0072B2", "dash": "solid", "name": "Agreement: same stance"},
    "conflict": {"color": "#D55E00", "dash": "dash", "name": "Conflict: opposite stances"},
}
TONE_COLOURS = {
    "hostile": "rgba(213, 94, 0, 0.55)",
    "demanding": "rgba(230, 159, 0, 0.6)",
    "cooperative": "rgba(0, 114, 178, 0.5)",
    "informative": "rgba(153, 153, 153, 0.45)",
}

# Sizes in pixels: one matrix row, the room the wrapped issue labels need above the grid.
ROW_HEIGHT_PX = 40
HEADER_HEIGHT_PX = 70
# Past this many issues the columns are too narrow for level labels: they are slanted, and
# the header grows to hold them.
LEVEL_LABELS_MAX_ISSUES = 8
SLANTED_LABEL_ANGLE = -45
SLANTED_LABEL_WIDTH = 60
SLANTED_HEADER_HEIGHT_PX = 230
MARKER_SIZE_PX = 30
# Issue labels are wrapped to lines of this many characters.
ISSUE_LABEL_WIDTH = 16
# How far apart agreement and conflict lines between the same two actors are drawn.
PARALLEL_OFFSET = 0.025


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
    ``selected_cell_id`` gets a black frame.
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
        traces.append(
            _stance_trace(
                shown.loc[shown["stance"] == stance], stance, x_of, y_of, issue_labels, row_labels
            )
        )
    if selected_cell_id is not None:
        actor_id, _, issue_id = selected_cell_id.partition("|")
        if actor_id in y_of and issue_id in x_of:
            traces.append(_highlight_trace(x_of[issue_id], y_of[actor_id], selected_cell_id))
    # The whole layout at once: update_layout and update_*axes walk plotly's objects
    # (about 50 ms for this figure at scale).
    layout = {
        "height": header + ROW_HEIGHT_PX * max(len(row_ids), 1) + 40,
        "margin": {"l": 10, "r": 10, "t": header, "b": 40},
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
            "tickangle": SLANTED_LABEL_ANGLE if slanted else 0,
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
            "autorange": "reversed",
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
    issue_labels: Mapping[str, str],
    row_labels: Mapping[str, str],
) -> dict:
    if cells.empty:
        return _legend_only_trace(stance)
    counts = cells["statement_count"].astype(int).tolist()
    hover = [
        _cell_hover(
            row_labels.get(row.actor_id, row.actor_id),
            issue_labels[row.issue_id],
            f"{STANCE_LEGEND[stance]}: {_statements(count)}"
            + _mixed_detail(row)
            + "<br><i>Click to see the statements</i>",
        )
        for row, count in zip(cells.itertuples(index=False), counts, strict=True)
    ]
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
        "text": [str(count) for count in counts],
        "textfont": {"color": STANCE_TEXT_COLOURS[stance], "size": 13},
        "textposition": "middle center",
        "customdata": [
            cell_id(a, i) for a, i in zip(cells["actor_id"], cells["issue_id"], strict=True)
        ],
        "hovertext": hover,
        "hovertemplate": "%{hovertext}<extra></extra>",
        "selected": {"marker": {"opacity": 1}},
        "unselected": {"marker": {"opacity": 1}},
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


def _statements(count: int) -> str:
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


def _highlight_trace(x: str, y: str, selected_cell_id: str) -> dict:
    return {
        "type": "scatter",
        "x": [x],
        "y": [y],
        "mode": "markers",
        "name": "Chosen cell",
        "marker": {
            "symbol": "square-open",
            "size": MARKER_SIZE_PX + 10,
            "color": HIGHLIGHT_COLOUR,
            "line": {"width": 3},
        },
        "customdata": [selected_cell_id],
        "hoverinfo": "skip",
        "showlegend": False,
    }


def agreement_network_figure(
    edges: pd.DataFrame, node_ids: list[str], node_labels: Mapping[str, str]
) -> go.Figure:
    """Actors on a circle; blue solid lines join actors who agree, orange dashed who conflict.

    Line width grows with the number of issues. Hovering the middle of a line names the
    issues. Actors without an agreement or conflict stay on the circle, unconnected.
    """
    positions = _circle_positions(node_ids)
    # Plain dicts, given to new_figure at once (components.app.figures.new_figure).
    traces = []
    both = _pairs_with_both_relations(edges)
    for relation, style in RELATION_STYLES.items():
        chosen = edges.loc[edges["relation"] == relation]
        offset = PARALLEL_OFFSET if relation == "agreement" else -PARALLEL_OFFSET
        traces.append(
            {
                "type": "scatter",
                "x": [None],
                "y": [None],
                "mode": "lines",
                "name": style["name"],
                "line": {"color": style["color"], "dash": style["dash"], "width": 3},
                "legendgroup": relation,
                "hoverinfo": "skip",
            }
        )
        mid_x, mid_y, mid_text = [], [], []
        for row in chosen.itertuples(index=False):
            if row.actor_id not in positions or row.other_actor_id not in positions:
                continue
            shift = offset if (row.actor_id, row.other_actor_id) in both else 0.0
            (x0, y0), (x1, y1) = _shifted(
                positions[row.actor_id], positions[row.other_actor_id], shift
            )
            traces.append(
                {
                    "type": "scatter",
                    "x": [x0, x1],
                    "y": [y0, y1],
                    "mode": "lines",
                    "line": {
                        "color": style["color"],
                        "dash": style["dash"],
                        "width": 1.5 + 2.5 * row.issue_count,
                    },
                    "legendgroup": relation,
                    "showlegend": False,
                    "hoverinfo": "skip",
                }
            )
            mid_x.append((x0 + x1) / 2)
            mid_y.append((y0 + y1) / 2)
            mid_text.append(_edge_hover(row))
        traces.append(
            {
                "type": "scatter",
                "x": mid_x,
                "y": mid_y,
                "mode": "markers",
                "marker": {"size": 14, "color": style["color"], "opacity": 0.01},
                "hovertext": mid_text,
                "hovertemplate": "%{hovertext}<extra></extra>",
                "legendgroup": relation,
                "showlegend": False,
                "name": relation,
            }
        )
    traces.append(_node_trace(node_ids, node_labels, positions, edges))
    layout = {
        "height": 620,
        "margin": {"l": 10, "r": 10, "t": 10, "b": 10},
        "plot_bgcolor": "white",
        "dragmode": False,
        "showlegend": True,
        "legend": {
            "orientation": "h",
            "x": 0,
            "y": 1.02,
            "yanchor": "bottom",
            "font": {"size": 13},
        },
        # The y range fixes the circle's size; scaleanchor keeps it round and widens x to fit.
        "xaxis": {"visible": False, "fixedrange": True},
        "yaxis": {
            "visible": False,
            "range": [-1.3, 1.3],
            "fixedrange": True,
            "scaleanchor": "x",
            "scaleratio": 1,
        },
    }
    return new_figure(data=traces, layout=layout)


def _circle_positions(node_ids: list[str]) -> dict[str, tuple[float, float]]:
    """Nodes evenly on the unit circle, the first at the top, going clockwise."""
    count = max(len(node_ids), 1)
    return {
        node_id: (
            math.sin(2 * math.pi * k / count),
            math.cos(2 * math.pi * k / count),
        )
        for k, node_id in enumerate(node_ids)
    }


def _pairs_with_both_relations(edges: pd.DataFrame) -> set[tuple[str, str]]:
    relations = edges.groupby(["actor_id", "other_actor_id"])["relation"].nunique()
    return set(relations[relations > 1].index)


def _shifted(
    start: tuple[float, float], end: tuple[float, float], shift: float
) -> tuple[tuple[float, float], tuple[float, float]]:
    """The segment moved sideways by ``shift``, so two relations between a pair both show."""
    dx, dy = end[0] - start[0], end[1] - start[1]
    length = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / length * shift, dx / length * shift
    return (start[0] + nx, start[1] + ny), (end[0] + nx, end[1] + ny)


def _edge_hover(row) -> str:
    verb = "agree" if row.relation == "agreement" else "conflict"
    issues = "<br>".join(f"· {escape(label)}" for label in row.issue_labels.split("; "))
    return (
        f"<b>{escape(row.actor_name)}</b> and <b>{escape(row.other_actor_name)}</b> {verb} on "
        f"{row.issue_count} issue{'s' if row.issue_count != 1 else ''} "
        f"({_statements(row.statement_count)}):<br>{issues}"
    )


def _node_trace(
    node_ids: list[str],
    node_labels: Mapping[str, str],
    positions: Mapping[str, tuple[float, float]],
    edges: pd.DataFrame,
) -> dict:
    degree = pd.concat([edges["actor_id"], edges["other_actor_id"]]).value_counts()
    return {
        "type": "scatter",
        "x": [positions[node_id][0] for node_id in node_ids],
        "y": [positions[node_id][1] for node_id in node_ids],
        "mode": "markers+text",
        "name": "Actors",
        "showlegend": False,
        "marker": {"size": 16, "color": "#333333", "line": {"color": "white", "width": 2}},
        "text": [wrap_label(node_labels.get(node_id, node_id), 22) for node_id in node_ids],
        "textposition": [_label_position(positions[node_id]) for node_id in node_ids],
        "textfont": LABEL_FONT,
        "customdata": node_ids,
        "hovertext": [
            f"<b>{escape(node_labels.get(node_id, node_id))}</b><br>"
            f"{int(degree.get(node_id, 0))} link(s) of agreement or conflict"
            for node_id in node_ids
        ],
        "hovertemplate": "%{hovertext}<extra></extra>",
    }


def _label_position(position: tuple[float, float]) -> str:
    """Labels sit outside the circle: above the top nodes, left of the left ones, and so on."""
    x, y = position
    vertical = "top" if y > 0.3 else "bottom" if y < -0.3 else "middle"
    horizontal = "right" if x > 0.3 else "left" if x < -0.3 else "center"
    if vertical == "middle" and horizontal == "center":
        return "top center"
    return f"{vertical} {horizontal}"


def targeting_figure(edges: pd.DataFrame) -> go.Figure:
    """Who targets whom: speakers on the left, their targets on the right, one band per act.

    Band width is the number of statements; colour is the act's tone (hostile, demanding,
    cooperative, informative). Speakers and targets are separate nodes, so an actor who
    both speaks and is spoken to appears on each side.
    """
    speakers = list(dict.fromkeys(edges["speaker_actor_id"]))
    targets = list(dict.fromkeys(edges["target_actor_id"]))
    speaker_names = dict(zip(edges["speaker_actor_id"], edges["speaker_name"], strict=True))
    target_names = dict(zip(edges["target_actor_id"], edges["target_name"], strict=True))
    labels = [short_label(speaker_names[a]) for a in speakers] + [
        short_label(target_names[a]) for a in targets
    ]
    node_colours = ["#333333"] * len(speakers) + ["#777777"] * len(targets)
    link_text = [
        f"<b>{escape(row.speaker_name)}</b> {escape(row.verb)} "
        f"<b>{escape(row.target_name)}</b><br>{_statements(row.statement_count)} "
        f"({escape(row.statement_ids)})"
        for row in edges.itertuples(index=False)
    ]
    sankey = {
        "type": "sankey",
        "arrangement": "snap",
        "textfont": {"color": "#1A1A1A", "size": 13, "shadow": "none"},
        "node": {
            "label": labels,
            "color": node_colours,
            "pad": 14,
            "thickness": 14,
            "hovertemplate": "%{label}<extra></extra>",
        },
        "link": {
            "source": [speakers.index(a) for a in edges["speaker_actor_id"]],
            "target": [len(speakers) + targets.index(a) for a in edges["target_actor_id"]],
            "value": edges["statement_count"].astype(int).tolist(),
            "color": [TONE_COLOURS[tone] for tone in edges["tone"]],
            "customdata": link_text,
            "hovertemplate": "%{customdata}<extra></extra>",
        },
    }
    layout = {
        "height": max(320, 34 * max(len(speakers), len(targets)) + 80),
        "margin": {"l": 10, "r": 10, "t": 40, "b": 10},
        "font": {"size": 13},
        "annotations": [
            {
                "text": "Band colour:  "
                + "   ".join(
                    f'<span style="color:{colour}">■</span> {tone}'
                    for tone, colour in TONE_COLOURS.items()
                ),
                "x": 0,
                "y": 1.0,
                "xref": "paper",
                "yref": "paper",
                "xanchor": "left",
                "yanchor": "bottom",
                "yshift": 8,
                "showarrow": False,
            }
        ],
    }
    return new_figure(data=[sankey], layout=layout)
