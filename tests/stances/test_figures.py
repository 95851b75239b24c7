"""Structure and content of the Stances figures, built from the real dataset."""

import pandas as pd
import plotly.graph_objects as go
import pytest

from components.app.text_safety import CLIP_CHARS
from components.stances.figure_relations import (
    RELATION_STYLES,
    agreement_network_figure,
    targeting_figure,
)
from components.stances.figures import (
    CHOSEN_FRAME,
    CLICK_FRAMES,
    COLUMN_MIN_PX,
    LEVEL_LABELS_MAX_ISSUES,
    STANCE_COLOURS,
    STANCE_LEGEND,
    STANCE_TEXT_COLOURS,
    matrix_min_width_px,
    stance_matrix_figure,
    wrap_label,
)
from components.stances.frames import order_actors, stance_cells
from components.stances.model import build_stances_view
from components.stances.relations import agreement_edges, targeting_edges


@pytest.fixture(scope="module")
def names(dataset):
    return dict(zip(dataset.actors["actor_id"], dataset.actors["actor_name"], strict=True))


@pytest.fixture(scope="module")
def issue_labels(dataset):
    return dict(zip(dataset.issues["issue_id"], dataset.issues["issue_label"], strict=True))


def matrix(dataset, names, level="actor", selected=None) -> tuple[go.Figure, list[str]]:
    cells = stance_cells(dataset.stances, dataset.actors, level)
    rows = order_actors(cells, names, "like-minded")
    return stance_matrix_figure(cells, rows, names, dataset.issues, selected), rows


def trace(figure: go.Figure, name: str) -> go.Scatter:
    found = [t for t in figure.data if t.name == name]
    assert len(found) == 1, f"no single trace named {name!r}"
    return found[0]


def marker_of(figure: go.Figure, cell_id: str) -> tuple[str, str]:
    """(trace name, text) of the square of ``cell_id``: the one under the click frame that
    carries the cell id."""
    frames = trace(figure, CLICK_FRAMES)
    index = list(frames.customdata).index(cell_id)
    where = (frames.x[index], frames.y[index])
    for t in figure.data:
        if t.name in STANCE_LEGEND.values() and where in zip(t.x, t.y, strict=True):
            return t.name, t.text[list(zip(t.x, t.y, strict=True)).index(where)]
    raise AssertionError(f"no square for {cell_id}")


def test_matrix_is_a_scatter_of_squares_one_trace_per_stance(dataset, names):
    """A scatter (clickable in Streamlit), not a heatmap; the legend names every stance."""
    figure, _ = matrix(dataset, names)
    assert all(isinstance(t, go.Scatter) for t in figure.data)
    assert [t.name for t in figure.data] == [
        "No statement",
        *STANCE_LEGEND.values(),
        CLICK_FRAMES,
    ]
    assert all(t.marker.symbol == "square" for t in figure.data[:-1])


def test_matrix_cells_of_known_stances(dataset, names):
    figure, _ = matrix(dataset, names)
    assert marker_of(figure, "united_states|withdrawal") == ("Supports", "2")
    assert marker_of(figure, "azerbaijan|border_violation") == ("Opposes", "1")
    assert marker_of(figure, "macron|un_security_council") == ("Neutral", "1")


def test_matrix_grid_follows_rows_and_issues(dataset, names):
    figure, rows = matrix(dataset, names)
    assert list(figure.layout.yaxis.categoryarray) == [names[a] for a in rows]
    assert figure.layout.yaxis.autorange == "reversed", "first row on top"
    assert list(figure.layout.xaxis.categoryarray) == [
        wrap_label(label) for label in dataset.issues["issue_label"]
    ]
    assert all(
        len(line) <= 20 for x in figure.layout.xaxis.categoryarray for line in x.split("<br>")
    )
    empty = trace(figure, "No statement")
    filled = sum(len(t.x) for t in figure.data if t.customdata is not None)
    assert len(empty.x) + filled == len(rows) * len(dataset.issues)
    assert empty.customdata is None, "an empty square leads nowhere"


def test_state_level_matrix_has_state_rows(dataset, names):
    figure, rows = matrix(dataset, names, level="state")
    assert set(rows) == {"armenia", "azerbaijan", "russia", "united_states", "france", "eu"}
    assert marker_of(figure, "united_states|withdrawal") == ("Supports", "3")
    assert marker_of(figure, "russia|military_aid_request") == ("Opposes", "1")


def test_chosen_cell_is_framed_until_a_click_selects_a_cell(dataset, names):
    """The frame of the cell the figure is made for goes (opacity 0) once a click selects
    a cell, which the click frames then frame."""
    figure, _ = matrix(dataset, names, selected="united_states|withdrawal")
    frame = trace(figure, CHOSEN_FRAME)
    assert frame.marker.symbol == "square-open"
    assert (frame.x[0], frame.y[0]) == (
        wrap_label("Azerbaijani troops must withdraw"),
        "United States",
    )
    assert frame.hoverinfo == "skip", "a click lands on the cell's click frame"
    assert frame.unselected.marker.opacity == 0
    assert frame.marker.opacity is None, "drawn while no cell is selected"
    unframed, _ = matrix(dataset, names)
    assert CHOSEN_FRAME not in {t.name for t in unframed.data}


def test_clicks_land_on_frames_seen_only_when_selected(dataset, names):
    """Every filled cell has a click frame carrying its id and hover text, unseen until
    plotly selects it: the browser frames a clicked cell without a new figure. The squares
    take no hover nor click, and keep their look when another cell is selected."""
    figure, _ = matrix(dataset, names)
    frames = trace(figure, CLICK_FRAMES)
    squares = [t for t in figure.data if t.name in STANCE_LEGEND.values() and t.x != (None,)]
    assert sorted(zip(frames.x, frames.y, strict=True)) == sorted(
        where for t in squares for where in zip(t.x, t.y, strict=True)
    )
    assert "united_states|withdrawal" in frames.customdata
    assert all("Click to see the statements" in text for text in frames.hovertext)
    assert frames.marker.symbol == "square-open"
    assert (frames.marker.opacity, frames.selected.marker.opacity) == (0, 1)
    assert frames.unselected.marker.opacity == 0
    for square in squares:
        assert square.hoverinfo == "skip"
        assert square.customdata is None
        assert square.unselected.marker.opacity == 1
        assert square.unselected.textfont.color == square.textfont.color


def _luminance(colour: str) -> float:
    named = {"white": "#FFFFFF", "black": "#000000"}
    hex_colour = named.get(colour, colour).lstrip("#")
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    red, green, blue = (
        c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels
    )
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def test_the_hover_box_text_reads_on_the_squares_colour(dataset, names):
    """The hover box takes its square's colour; its text has a colour of its own, at least
    4.5:1 on it (without one, Streamlit's theme drew grey text, 1.4:1 on the blue)."""
    figure, _ = matrix(dataset, names)
    label = trace(figure, CLICK_FRAMES).hoverlabel
    # The seed's cells support, oppose and are neutral (none is mixed).
    assert set(label.bgcolor) == {STANCE_COLOURS[s] for s in ("support", "oppose", "neutral")}
    assert label.font.color is not None
    for background, text in zip(label.bgcolor, label.font.color, strict=True):
        lighter, darker = sorted((_luminance(background), _luminance(text)), reverse=True)
        assert (lighter + 0.05) / (darker + 0.05) >= 4.5, (background, text)


def test_matrix_escapes_data_text():
    cells = pd.DataFrame(
        {
            "actor_id": ["x"],
            "issue_id": ["i"],
            "stance": ["support"],
            "statement_count": [1],
            "support_count": [1],
            "oppose_count": [0],
            "neutral_count": [0],
        }
    )
    issues = pd.DataFrame({"issue_id": ["i"], "issue_label": ["<i>Bold</i> & more"]})
    figure = stance_matrix_figure(cells, ["x"], {"x": "<b>Evil</b>"}, issues)
    assert list(figure.layout.yaxis.categoryarray) == ["&lt;b&gt;Evil&lt;/b&gt;"]
    assert "<i>" not in figure.layout.xaxis.categoryarray[0]
    assert "&lt;b&gt;Evil&lt;/b&gt;" in trace(figure, CLICK_FRAMES).hovertext[0]


def test_agreement_network_draws_one_line_per_edge(dataset, names, issue_labels):
    cells = stance_cells(dataset.stances, dataset.actors, "state")
    rows = order_actors(cells, names, "like-minded")
    edges = agreement_edges(cells, names, issue_labels)
    figure = agreement_network_figure(edges, rows, names)
    lines = [t for t in figure.data if t.mode == "lines" and t.showlegend is False]
    assert len(lines) == len(edges)
    dashes = sorted(t.line.dash for t in lines)
    expected = sorted(RELATION_STYLES[r]["dash"] for r in edges["relation"])
    assert dashes == expected, "conflict lines are dashed, agreement lines solid"
    nodes = trace(figure, "Actors")
    assert list(nodes.customdata) == rows
    hover = " ".join(t for t in figure.data for t in (t.hovertext or []) if isinstance(t, str))
    assert "<b>Armenia</b> and <b>Azerbaijan</b> conflict on 1 issue" in hover


def test_targeting_sankey_has_one_band_per_edge(dataset):
    edges = targeting_edges(dataset.statements, dataset.actors, "state")
    figure = targeting_figure(edges)
    (sankey,) = figure.data
    assert isinstance(sankey, go.Sankey)
    assert list(sankey.link.value) == edges["statement_count"].tolist()
    labels = list(sankey.node.label)
    speakers = len(set(edges["speaker_actor_id"]))
    assert labels[:speakers].count("United States") == 1
    first = edges.iloc[0]
    assert labels[sankey.link.source[0]] == first["speaker_name"]
    assert labels[sankey.link.target[0]] == first["target_name"]
    assert "demands of" in sankey.link.customdata[0]


def test_very_long_names_are_clipped_in_labels():
    """A 5,000-character name must not squeeze the grid: the row label is clipped."""
    cells = pd.DataFrame(
        {
            "actor_id": ["x"],
            "issue_id": ["i"],
            "stance": ["oppose"],
            "statement_count": [1],
            "support_count": [0],
            "oppose_count": [1],
            "neutral_count": [0],
        }
    )
    issues = pd.DataFrame({"issue_id": ["i"], "issue_label": ["y" * 5000]})
    figure = stance_matrix_figure(cells, ["x"], {"x": "x" * 5000}, issues)
    (row_label,) = figure.layout.yaxis.categoryarray
    assert len(row_label) <= CLIP_CHARS
    assert row_label.endswith("…")
    assert figure.layout.xaxis.categoryarray[0].count("<br>") <= CLIP_CHARS // 10


def test_the_matrix_is_kept_wide_enough_for_its_columns(corpus):
    """The corpus's twelve slanted headers overlapped when the matrix was squeezed into 640
    px (21 px a column): its least width holds the names, a square's column per issue and
    the last headers' reach; a longer name or one more column makes it wider."""
    labels = list(corpus.issues["issue_label"])
    assert len(labels) > LEVEL_LABELS_MAX_ISSUES, "the corpus's headers are slanted"
    names = ["Ministry for Europe and Foreign Affairs of France", "Ned Price"]
    width = matrix_min_width_px(names, labels)
    names_px = 6 * len(names[0])
    assert width >= names_px + COLUMN_MIN_PX * len(labels)
    assert matrix_min_width_px([*names, names[0] + " and more"], labels) > width
    # One more column under a header as long as the last (which reaches as far past it).
    assert matrix_min_width_px(names, [*labels, labels[-1]]) == width + COLUMN_MIN_PX


def test_the_numbers_read_on_their_squares(corpus):
    """Each square's number is at least 4.5:1 (WCAG AA) on the square's colour, on the
    corpus's squares and on every stance's colour (white on the vermillion was 3.9:1)."""
    figure = build_stances_view(corpus, corpus, "actor", "like-minded").matrix_figure
    squares = [t for t in figure.data if t.name in STANCE_LEGEND.values() and t.x != (None,)]
    drawn = {t.marker.color for t in squares}
    assert {STANCE_COLOURS["support"], STANCE_COLOURS["oppose"]} <= drawn
    for stance, fill in STANCE_COLOURS.items():
        lighter, darker = sorted((_luminance(fill), _luminance(STANCE_TEXT_COLOURS[stance])))[::-1]
        assert (lighter + 0.05) / (darker + 0.05) >= 4.5, stance
    for square in squares:
        for text in (square.textfont.color, square.selected.textfont.color):
            lighter, darker = sorted(
                (_luminance(square.marker.color), _luminance(text)), reverse=True
            )
            assert (lighter + 0.05) / (darker + 0.05) >= 4.5, (square.name, text)
