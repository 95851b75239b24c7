"""Figure builders of the Stances page's relations: the agreement network (actors on a
circle, agreement and conflict lines) and who targets whom (a Sankey of speaker → target).

Pure: frames in, plotly figures out, no streamlit. Data text placed in labels and hover
text is HTML-escaped (the helpers of figures.py), because plotly renders some HTML tags.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from components.app.figures import new_figure
from components.stances.figures import (
    LABEL_FONT,
    escape,
    short_label,
    statement_count_text,
    wrap_label,
)

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

# How far apart agreement and conflict lines between the same two actors are drawn.
PARALLEL_OFFSET = 0.025


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
        f"({statement_count_text(row.statement_count)}):<br>{issues}"
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
        f"<b>{escape(row.target_name)}</b><br>{statement_count_text(row.statement_count)} "
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
