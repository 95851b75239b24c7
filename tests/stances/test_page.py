"""Page tests of the Stances page, headless with AppTest on the real dataset."""

import io
import json
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest
from streamlit.typing import PlotlyState

import dashboard
from bench.synthetic import write_corpus
from components.app.state import (
    ACTOR_FILTER_KEY,
    STANCES_CELL_KEY,
    STANCES_LEVEL_KEY,
    STANCES_MATRIX_KEY,
    STANCES_OTHER_SIDE_KEY,
    STANCES_REPORTED_BY_KEY,
    STANCES_SIDE_KEY,
    STANCES_SPLIT_CELL_KEY,
    STANCES_SPLIT_MATRIX_KEY,
)
from components.data import load_dataset
from components.stances.figures import CHOSEN_FRAME
from components.stances.frames import stance_cells
from components.stances.model import MATRIX_MAX_ROWS, TARGETING_MAX_FLOWS, build_stances_view
from tests.conftest import DATA_DIR
from tests.seed import seed_data_dir

APP_FILE = Path(dashboard.__file__).resolve()
RUN_TIMEOUT_S = 60
PAGE = "pages/stances.py"


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch) -> AppTest:
    """A new session on the Stances page, filter empty."""
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(seed_data_dir()))
    app = AppTest.from_file(str(APP_FILE), default_timeout=RUN_TIMEOUT_S).run()
    app.switch_page(PAGE).run()
    assert_ran_cleanly(app)
    return app


def assert_ran_cleanly(app: AppTest) -> None:
    assert not app.exception, [exception.message for exception in app.exception]
    assert not app.error, [error.value for error in app.error]


def cell_picker(app: AppTest):
    return app.selectbox(key=STANCES_CELL_KEY)


def markdown_text(app: AppTest) -> str:
    """All Markdown of the page, with the escaping of data text undone."""
    return "\n".join(element.value for element in app.markdown).replace("\\", "")


def evidence_text(app: AppTest) -> str:
    """The Markdown above the contradictions panel (whose boxes start with "On **")."""
    values = [element.value for element in app.markdown]
    end = next((i for i, value in enumerate(values) if value.startswith("On **")), len(values))
    return "\n".join(values[:end]).replace("\\", "")


def click_cell(app: AppTest, cell_id: str) -> AppTest:
    """What a click on one square sends: a plotly selection whose point carries the cell id."""
    state: PlotlyState = {
        "selection": {
            "points": [{"customdata": cell_id}],
            "point_indices": [0],
            "box": [],
            "lasso": [],
        }
    }
    app.session_state[STANCES_MATRIX_KEY] = state
    return app.run()


def test_page_shows_every_panel(app):
    """Matrix, evidence picker, agreement, targets and contradictions are all there."""
    assert [header.value for header in app.header] == [
        "Actor × issue",
        "Statements behind a cell",
        "Who agrees with whom",
        "Who targets whom",
        "Contradictions",
    ]
    assert cell_picker(app).value is None


def test_clicking_a_cell_shows_its_statements(app):
    """A click on United States × withdrawal lists its two statements, with source links."""
    click_cell(app, "united_states|withdrawal")
    assert_ran_cleanly(app)
    assert cell_picker(app).value == "united_states|withdrawal"
    text = evidence_text(app)
    assert "Washington and Paris which demanded" in text
    assert "once again calling on them to leave Armenian territory" in text
    assert text.count("United States** supports") == 2
    assert "Pashinian did not ask for help" not in text
    # Each evidence box and each contradiction side links to the Source page.
    links = [element for element in app.get("page_link")]
    labels = [link.proto.label for link in links]
    assert "Open s08 in the article" in labels
    assert "Open s13 in the article" in labels


def test_picking_a_cell_works_like_a_click(app):
    """The cell list is an equally direct way in, for keyboard users."""
    cell_picker(app).set_value("azerbaijan|border_violation").run()
    assert_ran_cleanly(app)
    text = evidence_text(app)
    assert "Baku rejected these accusations" in text
    assert "**Azerbaijan** opposes" in text


def test_remembered_click_does_not_override_a_later_pick(app):
    click_cell(app, "united_states|withdrawal")
    cell_picker(app).set_value("azerbaijan|border_violation").run()
    assert cell_picker(app).value == "azerbaijan|border_violation"
    app.run()
    assert cell_picker(app).value == "azerbaijan|border_violation"


def test_rolling_up_to_states_changes_the_rows(app):
    """Per state, Porter's demand counts for the United States; Porter has no row any more."""
    actor_options = cell_picker(app).options
    assert any(option.startswith("Jalina Porter ·") for option in actor_options)
    app.radio(key=STANCES_LEVEL_KEY).set_value("state").run()
    assert_ran_cleanly(app)
    state_options = cell_picker(app).options
    assert not any(option.startswith("Jalina Porter ·") for option in state_options)
    assert (
        "United States · Azerbaijani troops must withdraw: support (3 statements)" in state_options
    )
    assert "Russia · Armenia asked Russia/CSTO for military help: oppose (1 statement)" in (
        state_options
    )


def test_switching_level_forgets_a_cell_that_no_longer_exists(app):
    cell_picker(app).set_value("porter|withdrawal").run()
    assert cell_picker(app).value == "porter|withdrawal"
    app.radio(key=STANCES_LEVEL_KEY).set_value("state").run()
    assert_ran_cleanly(app)
    assert cell_picker(app).value is None


def test_contradictions_panel_lists_both_pairs(app):
    text = markdown_text(app)
    contradictions = text.split("On **")
    assert len(contradictions) == 3, "one box per pair"
    assert "Azerbaijan crossed the border" in contradictions[1]
    assert "Armenia accused the Azerbaijani forces" in text
    assert "Baku rejected these accusations" in text
    assert "assuring to have asked Russian President Vladimir Putin" in text
    assert "Pashinian did not ask for help" in text


def test_filter_narrows_the_page(app):
    """With only Azerbaijan chosen, Macron's stance and the Kremlin pair drop out."""
    app.sidebar.multiselect(key=ACTOR_FILTER_KEY).set_value(["azerbaijan"]).run()
    assert_ran_cleanly(app)
    options = cell_picker(app).options
    assert not any(option.startswith("Emmanuel Macron ·") for option in options)
    assert any(option.startswith("Azerbaijan ·") for option in options)
    text = markdown_text(app)
    assert "Baku rejected these accusations" in text
    assert "Pashinian did not ask for help" not in text


def test_downloads_are_offered(app):
    labels = [element.proto.label for element in app.get("download_button")]
    assert "Download the matrix (CSV, one row per actor)" in labels
    assert "Download the actor × actor edge list (CSV)" in labels


# --- at scale: a synthetic corpus of 1,000 statements and over 300 actors ------------------


@pytest.fixture(scope="module")
def large_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("stances-scale") / "data"
    write_corpus(folder, 10)
    return folder


def test_at_scale_the_page_shows_a_readable_part_and_says_so(
    large_corpus: Path, monkeypatch: pytest.MonkeyPatch
):
    """Hundreds of actors: the matrix keeps the most vocal rows, the network and the
    targeting chart their strongest part, each with a note; the matrix CSV keeps every row."""
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(large_corpus))
    app = AppTest.from_file(str(APP_FILE), default_timeout=RUN_TIMEOUT_S).run()
    app.switch_page(PAGE).run()
    assert_ran_cleanly(app)
    dataset = load_dataset(large_corpus)
    actors_with_stances = stance_cells(dataset.stances, dataset.actors, "actor")[
        "actor_id"
    ].nunique()
    assert actors_with_stances > MATRIX_MAX_ROWS
    notes = [element.value for element in app.info]
    assert f"Showing the {MATRIX_MAX_ROWS} most vocal of {actors_with_stances} actors" in notes[0]
    assert any(note.startswith("The circle shows the 20 top actors") for note in notes)
    assert any(f"Showing the {TARGETING_MAX_FLOWS} largest of" in note for note in notes)
    matrix = app.get("plotly_chart")[0]
    figure = json.loads(matrix.proto.spec)
    rows = figure["layout"]["yaxis"]["categoryarray"]
    assert len(rows) == MATRIX_MAX_ROWS
    # Every cell of the shown rows, and only those, can be picked.
    shown = {option.split(" · ")[0] for option in cell_picker(app).options}
    assert len(shown) == MATRIX_MAX_ROWS


def test_at_scale_the_downloads_stay_complete(large_corpus: Path):
    """The matrix CSV has a row per actor with a stance, the targets CSV every flow."""
    dataset = load_dataset(large_corpus)
    view = build_stances_view(dataset, dataset, "actor", "like-minded")
    matrix = pd.read_csv(io.BytesIO(view.matrix_csv))
    assert len(matrix) == view.row_total > len(view.row_ids)
    assert set(matrix["actor_id"]) == set(view.cells["actor_id"])
    flows = pd.read_csv(io.BytesIO(view.targeting_csv))
    assert len(flows) > len(view.targets)
    assert flows["statement_count"].sum() == dataset.statements["target_actor_id"].notna().sum()


# --- the matrix's figure: the same across clicks, so the chart (and its selection) stays ---


def matrix_chart(app: AppTest):
    return app.get("plotly_chart")[0].proto


def framed_cells(chart) -> list[str]:
    """The cells a matrix's figure itself frames (CHOSEN_FRAME), not a click's frame."""
    figure = json.loads(chart.spec)
    return [
        cell
        for trace in figure["data"]
        if trace.get("name") == CHOSEN_FRAME
        for cell in trace["customdata"]
    ]


def framed_in_figure(app: AppTest) -> list[str]:
    return framed_cells(matrix_chart(app))


def test_clicks_leave_the_matrix_figure_as_it_was(app):
    """A click changes neither the figure nor the chart's id: Streamlit draws a chart anew
    when they change, and a click made meanwhile was lost. The browser frames the clicked
    cell by plotly's selection (tests/e2e/test_stances.py clicks two cells in quick
    succession); each press is a click of its own."""
    before = matrix_chart(app)
    click_cell(app, "united_states|withdrawal")
    click_cell(app, "azerbaijan|border_violation")
    assert_ran_cleanly(app)
    assert cell_picker(app).value == "azerbaijan|border_violation"
    after = matrix_chart(app)
    assert (after.spec, after.id) == (before.spec, before.id)
    assert json.loads(after.config)["doubleClickDelay"] == 0


def test_a_cell_picked_in_the_list_is_framed_by_the_figure(app):
    """Picked in the list, the cell is framed by a new figure, which a later click leaves."""
    click_cell(app, "united_states|withdrawal")
    assert framed_in_figure(app) == []
    cell_picker(app).set_value("porter|de_escalation").run()
    assert framed_in_figure(app) == ["porter|de_escalation"]
    picked = matrix_chart(app).spec
    click_cell(app, "azerbaijan|border_violation")
    assert cell_picker(app).value == "azerbaijan|border_violation"
    assert matrix_chart(app).spec == picked


def test_a_selection_gone_leaves_the_cell_chosen_and_framed(app):
    """A second click on the clicked cell (or a click on an empty square) takes plotly's
    selection away: the cell stays chosen, and the figure frames it."""
    click_cell(app, "united_states|withdrawal")
    app.session_state[STANCES_MATRIX_KEY] = {
        "selection": {"points": [], "point_indices": [], "box": [], "lasso": []}
    }
    app.run()
    assert_ran_cleanly(app)
    assert cell_picker(app).value == "united_states|withdrawal"
    assert framed_in_figure(app) == ["united_states|withdrawal"]


def test_a_cell_picked_again_after_a_click_is_the_only_one_framed(app):
    """Picked, clicked away from, then picked again: the figure already framed the picked
    cell, so the chart (the same figure) kept the click's frame on the other cell. Now the
    chart is drawn anew (another id), without the click's selection, framing the pick."""
    cell_picker(app).set_value("porter|de_escalation").run()
    click_cell(app, "united_states|withdrawal")
    clicked = matrix_chart(app).id
    cell_picker(app).set_value("porter|de_escalation").run()
    assert_ran_cleanly(app)
    assert framed_in_figure(app) == ["porter|de_escalation"]
    assert matrix_chart(app).id != clicked


# --- two sides compared, on the corpus: a click in either matrix chooses its cell ---------

# Nikol Pashinyan saying Azerbaijan crossed the border: in 6 statements of Armenian outlets
# (apr1115-s02, arm0513-s01, -s03, -s05, armaid0514-s02, -s05) and in 1 of Azerbaijani ones
# (trn1115-s02), counted in the articles' statements.yaml by the side of their article.yaml.
SPLIT_CELL = "pashinyan|border_violation"


@pytest.fixture
def split_app(monkeypatch: pytest.MonkeyPatch) -> AppTest:
    """The corpus's Stances page, Armenian and Azerbaijani outlets' matrices compared."""
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(DATA_DIR))
    app = AppTest.from_file(str(APP_FILE), default_timeout=RUN_TIMEOUT_S).run()
    app.switch_page(PAGE).run()
    app.button_group(key=STANCES_REPORTED_BY_KEY).set_value("split").run()
    app.selectbox(key=STANCES_SIDE_KEY).set_value("armenia").run()
    app.selectbox(key=STANCES_OTHER_SIDE_KEY).set_value("azerbaijan").run()
    assert_ran_cleanly(app)
    return app


def split_chart(app: AppTest, position: int):
    """The proto of the split view's matrix at ``position`` (0: the first side's)."""
    return app.get("plotly_chart")[position].proto


def click_split_cell(app: AppTest, position: int, cell_id: str) -> AppTest:
    """What a click on a square of one of the two matrices sends (its key ends its id)."""
    key = split_chart(app, position).id.rsplit("-", 1)[-1]
    assert key.startswith(f"{STANCES_SPLIT_MATRIX_KEY}_{position}"), key
    app.session_state[key] = {
        "selection": {
            "points": [{"customdata": cell_id}],
            "point_indices": [0],
            "box": [],
            "lasso": [],
        }
    }
    return app.run()


def split_framed(app: AppTest, position: int) -> list[str]:
    return framed_cells(split_chart(app, position))


def test_a_click_in_either_matrix_shows_its_statements_and_frames_it_there_only(split_app):
    """As in the single matrix, a click chooses its cell and lists the statements behind it,
    as that side's outlets print them; the clicked chart stays as it was (the browser frames
    the cell by plotly's selection); the other matrix, which showed an earlier click's frame,
    is drawn anew with no frame (it framed a cell with nothing chosen there)."""
    app = split_app
    before = [split_chart(app, position) for position in (0, 1)]
    click_split_cell(app, 1, SPLIT_CELL)
    assert_ran_cleanly(app)
    assert app.selectbox(key=STANCES_SPLIT_CELL_KEY).value == f"azerbaijan|{SPLIT_CELL}"
    text = evidence_text(app)
    assert "**Nikol Pashinyan** on *Azerbaijan crossed the border*, as Azerbaijani" in text
    assert text.count("**Nikol Pashinyan** supports") == 1
    labels = [link.proto.label for link in app.get("page_link")]
    assert "Open trn1115-s02 in the article" in labels
    for position in (0, 1):
        after = split_chart(app, position)
        assert (after.spec, after.id) == (before[position].spec, before[position].id)

    clicked_second = split_chart(app, 1).id
    click_split_cell(app, 0, SPLIT_CELL)
    assert_ran_cleanly(app)
    assert app.selectbox(key=STANCES_SPLIT_CELL_KEY).value == f"armenia|{SPLIT_CELL}"
    text = evidence_text(app)
    assert "as Armenian outlets report it" in text
    # Counted from statements.yaml: Pashinyan's statements with a border_violation stance in
    # Armenian outlets (none a copy), one line each; round 16: 6 -> 7, Public Radio's of 20 May
    # (arm0520p-s02, "500-600 Azerbaijani servicemen still remain").
    assert text.count("**Nikol Pashinyan** supports") == 7
    assert (split_chart(app, 0).spec, split_chart(app, 0).id) == (before[0].spec, before[0].id)
    assert split_chart(app, 1).id != clicked_second
    assert split_framed(app, 0) == split_framed(app, 1) == []


def test_a_cell_picked_in_the_split_list_is_framed_in_its_matrix_only(split_app):
    app = split_app
    app.selectbox(key=STANCES_SPLIT_CELL_KEY).set_value(f"azerbaijan|{SPLIT_CELL}").run()
    assert_ran_cleanly(app)
    assert split_framed(app, 0) == []
    assert split_framed(app, 1) == [SPLIT_CELL]
    assert "as Azerbaijani outlets report it" in evidence_text(app)
