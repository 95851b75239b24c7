"""Page tests of the Timeline page, headless with AppTest on the real dataset."""

import io
import json
from pathlib import Path

import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest
from streamlit.typing import PlotlyState

import components.timeline.frames as timeline_module
import dashboard
from bench.synthetic import write_corpus
from components.app.filters import filter_dataset
from components.app.state import (
    ACTOR_FILTER_KEY,
    TIMELINE_BACKGROUND_KEY,
    TIMELINE_CHART_KEY,
    TIMELINE_COUNT_KEY,
    TIMELINE_ITEM_KEY,
    TIMELINE_KINDS_KEY,
    TIMELINE_LANES_KEY,
    TIMELINE_TABLE_KEY,
    TIMELINE_TYPES_KEY,
    TIMELINE_ZOOM_KEY,
)
from components.data import load_dataset
from components.timeline.figure_counts import COUNTS_MARGIN_BOTTOM_PX, COUNTS_TRACE
from components.timeline.figure_layout import MARGIN_PX
from components.timeline.figures import ITEMS_TRACE
from components.timeline.frames import MAX_MARKERS, timeline_view
from components.timeline.items import timeline_items
from components.timeline.lanes import MAX_LANES
from tests.seed import seed_data_dir

APP_FILE = Path(dashboard.__file__).resolve()
RUN_TIMEOUT_S = 60
PAGE = "pages/timeline.py"
TABLE_LABEL = "The items as a table, sortable, with a CSV download"


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch) -> AppTest:
    """A new session on the Timeline page, filter empty."""
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(seed_data_dir()))
    app = AppTest.from_file(str(APP_FILE), default_timeout=RUN_TIMEOUT_S).run()
    app.switch_page(PAGE).run()
    assert_ran_cleanly(app)
    return app


def assert_ran_cleanly(app: AppTest) -> None:
    assert not app.exception, [exception.message for exception in app.exception]
    assert not app.error, [error.value for error in app.error]


def figure(app: AppTest) -> dict:
    charts = app.get("plotly_chart")
    assert len(charts) == 1
    return json.loads(charts[0].proto.spec)


def chart_item_ids(app: AppTest) -> set[str]:
    items = [t for t in figure(app)["data"] if t.get("name") == ITEMS_TRACE]
    return set(items[0]["customdata"]) if items else set()


def open_table(app: AppTest) -> AppTest:
    """Open the items table (it starts closed), as a click on its expander does."""
    if not app.session_state[TIMELINE_TABLE_KEY]:
        app.session_state[TIMELINE_TABLE_KEY] = True
        app.run()
        assert_ran_cleanly(app)
    return app


def items_table(app: AppTest) -> pd.DataFrame:
    tables = [frame.value for frame in open_table(app).dataframe if "Item" in frame.value]
    assert len(tables) == 1
    return tables[0]


def table_item_ids(app: AppTest) -> list[str]:
    return items_table(app)["Item"].tolist()


def all_ids(statements: pd.DataFrame, events: pd.DataFrame) -> set[str]:
    return {f"statement:{sid}" for sid in statements["statement_id"]} | {
        f"event:{eid}" for eid in events["event_id"]
    }


def click(app: AppTest, item_id: str) -> AppTest:
    """What a click on one marker sends: a plotly selection whose point carries the item id."""
    state: PlotlyState = {
        "selection": {
            "points": [{"customdata": item_id, "curve_number": 0, "point_index": 0}],
            "point_indices": [0],
            "box": [],
            "lasso": [],
        }
    }
    app.session_state[TIMELINE_CHART_KEY] = state
    return app.run()


def detail_text(app: AppTest) -> str:
    """The page's Markdown, with the escaping of data text undone."""
    return "\n".join(element.value for element in app.markdown).replace("\\", "")


def test_default_shows_every_item_on_the_crisis_days(app, dataset):
    """Everyone, both kinds, background included; the axis opens on 12–16 May 2021."""
    expected = all_ids(dataset.statements, dataset.events)
    assert chart_item_ids(app) == expected
    assert set(table_item_ids(app)) == expected
    start, end = (pd.Timestamp(x) for x in figure(app)["layout"]["xaxis"]["range"])
    assert (start, end) == (pd.Timestamp("2021-05-12"), pd.Timestamp("2021-05-17"))


def test_the_table_starts_closed_and_stays_open_through_filters(app, dataset):
    """Closed, the page makes no table and no CSV button (a first chart drawn sooner, and
    reruns that send no rows); once opened it follows the filters and stays open."""
    assert [expander.label for expander in app.expander] == [TABLE_LABEL]
    assert not app.dataframe
    assert not app.get("download_button")
    assert len(table_item_ids(app)) == len(dataset.statements) + len(dataset.events)
    app.button_group(key=TIMELINE_KINDS_KEY).set_value(["event"]).run()
    assert_ran_cleanly(app)
    # Still open after the rerun, without being opened again: the events only.
    assert app.session_state[TIMELINE_TABLE_KEY] is True
    [table] = [frame.value for frame in app.dataframe]
    assert sorted(table["Item"]) == sorted(f"event:{eid}" for eid in dataset.events["event_id"])
    labels = [button.proto.label for button in app.get("download_button")]
    assert labels == ["Download these rows (CSV)"]


def test_since_the_war_preset_reaches_back_to_autumn_2020(app, dataset):
    app.button_group(key=TIMELINE_ZOOM_KEY).set_value("since_war").run()
    assert_ran_cleanly(app)
    start, _ = (pd.Timestamp(x) for x in figure(app)["layout"]["xaxis"]["range"])
    assert start < dataset.events["start_date"].min()


def test_events_only(app, dataset):
    app.button_group(key=TIMELINE_KINDS_KEY).set_value(["event"]).run()
    assert_ran_cleanly(app)
    assert chart_item_ids(app) == all_ids(dataset.statements.head(0), dataset.events)
    assert set(table_item_ids(app)) == chart_item_ids(app)


def test_type_filter_keeps_only_that_type(app, dataset):
    app.multiselect(key=TIMELINE_TYPES_KEY).set_value(["statement:demand"]).run()
    assert_ran_cleanly(app)
    demands = dataset.statements[dataset.statements["statement_type"] == "demand"]
    assert chart_item_ids(app) == all_ids(demands, dataset.events.head(0))
    assert set(table_item_ids(app)) == chart_item_ids(app)


def test_background_can_be_left_out(app, dataset):
    app.toggle(key=TIMELINE_BACKGROUND_KEY).set_value(False).run()
    assert_ran_cleanly(app)
    crisis_events = dataset.events[~dataset.events["is_background"]]
    assert chart_item_ids(app) == all_ids(dataset.statements, crisis_events)


def test_sidebar_actor_filter_applies(app, dataset):
    app.sidebar.multiselect(key=ACTOR_FILTER_KEY).set_value(["azerbaijan"]).run()
    assert_ran_cleanly(app)
    scoped = filter_dataset(dataset, ["azerbaijan"])
    assert chart_item_ids(app) == all_ids(scoped.statements, scoped.events)
    assert len(chart_item_ids(app)) < len(dataset.statements) + len(dataset.events)


def test_lanes_by_state_or_organisation(app, dataset):
    app.button_group(key=TIMELINE_LANES_KEY).set_value("state").run()
    assert_ran_cleanly(app)
    labels = {t.replace("<br>", " ") for t in figure(app)["layout"]["yaxis"]["ticktext"]}
    names = dataset.actors.set_index("actor_id")["actor_name"]
    assert "Armenia" in labels
    assert names["pashinyan"] not in labels
    assert labels <= set(names[dataset.actors["state_actor_id"].unique()])


def test_click_opens_the_statement_detail(app, dataset):
    """A click on s05 shows its quote, speaker, target, sentence, stances and Source link."""
    statement = dataset.statements.set_index("statement_id").loc["s05"]
    click(app, "statement:s05")
    assert_ran_cleanly(app)
    assert app.selectbox(key=TIMELINE_ITEM_KEY).value == "statement:s05"
    text = detail_text(app)
    assert " ".join(statement["quote"].split()) in text
    assert "**Speaker:** Nikol Pashinyan" in text
    assert "**Target:** Vladimir Putin" in text
    assert " ".join(statement["sentence"].split()) in text
    stances = [frame.value for frame in app.dataframe if "Issue" in frame.value.columns]
    assert stances
    assert stances[0]["Stance"].tolist() == ["support"]
    links = app.get("page_link")
    assert [link.value for link in links] == ["Open in the Source page"]
    assert links[0].proto.page == "source"
    assert links[0].proto.query_string == "statement=s05"


def test_click_on_background_event_shows_outside_dates(app, dataset):
    event = dataset.events.set_index("event_id").loc["e10"]
    click(app, "event:e10")
    assert_ran_cleanly(app)
    text = detail_text(app)
    assert f"##### {event['title']}" in text
    assert "November 2020 (month)" in text
    assert "9 November 2020 – 10 November 2020" in text


def test_pick_in_the_list_wins_over_an_old_click(app):
    click(app, "statement:s05")
    app.selectbox(key=TIMELINE_ITEM_KEY).set_value("statement:s19").run()
    assert_ran_cleanly(app)
    assert app.selectbox(key=TIMELINE_ITEM_KEY).value == "statement:s19"
    assert "Pashinian did not ask for help" in detail_text(app)


def test_filtered_out_item_closes_the_detail(app):
    click(app, "statement:s05")
    app.button_group(key=TIMELINE_KINDS_KEY).set_value(["event"]).run()
    assert_ran_cleanly(app)
    assert app.selectbox(key=TIMELINE_ITEM_KEY).value is None


# --- at scale: a synthetic corpus of 1,500 statements, 300 events and over 400 actors -----


@pytest.fixture(scope="module")
def large_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("timeline-large") / "data"
    write_corpus(folder, 15)
    return folder


@pytest.fixture(scope="module")
def large_dataset(large_dir):
    return load_dataset(large_dir)


@pytest.fixture
def large_app(large_dir, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(large_dir))
    app = AppTest.from_file(str(APP_FILE), default_timeout=RUN_TIMEOUT_S).run()
    app.switch_page(PAGE).run()
    assert_ran_cleanly(app)
    return app


def test_at_scale_the_chart_draws_counts_and_says_so(large_app, large_dataset):
    """Over MAX_MARKERS markers: count bubbles in at most MAX_LANES lanes, and a note."""
    data = figure(large_app)["data"]
    assert [trace.get("name") for trace in data] == [COUNTS_TRACE]
    assert len(data[0]["customdata"]) < MAX_MARKERS
    layout = figure(large_app)["layout"]
    assert len(layout["yaxis"]["ticktext"]) == MAX_LANES
    # No legend under the bubbles, so no empty band kept for one.
    assert layout["showlegend"] is False
    assert layout["margin"]["b"] == COUNTS_MARGIN_BOTTOM_PX < MARGIN_PX["b"]
    notes = [info.value for info in large_app.info]
    assert any("too many to draw one by one" in note for note in notes), notes
    captions = " ".join(caption.value for caption in large_app.caption)
    assert "folded into the last lane" in captions
    statements = len(large_dataset.statements)
    # Counts over a thousand are written with a thousands separator.
    assert f"{statements:,} statements and {len(large_dataset.events):,} events" in captions
    assert len(table_item_ids(large_app)) >= statements


def test_at_scale_a_click_on_a_count_lists_its_items(large_app, large_dataset):
    """The busiest bubble: its items fill the item list; one of them opens its detail."""
    bubbles = [t for t in figure(large_app)["data"] if t.get("name") == COUNTS_TRACE][0]
    counted = [hover.split("<br>")[1] for hover in bubbles["hovertext"]]
    busiest = max(range(len(counted)), key=lambda i: int(counted[i].split()[0]))
    bubble_id = bubbles["customdata"][busiest]
    click(large_app, bubble_id)
    assert_ran_cleanly(large_app)
    assert large_app.session_state[TIMELINE_COUNT_KEY] == bubble_id
    items = timeline_items(large_dataset)
    expected = timeline_view(items, large_dataset.actors, "actor").count_items(bubble_id)
    options = large_app.selectbox(key=TIMELINE_ITEM_KEY).options
    assert len(options) == int(counted[busiest].split()[0]) == len(expected)
    picked = expected["item_id"].iloc[0]
    large_app.selectbox(key=TIMELINE_ITEM_KEY).set_value(picked).run()
    assert_ran_cleanly(large_app)
    links = large_app.get("page_link")
    assert [link.proto.query_string for link in links] == [picked.replace(":", "=")]


def test_at_scale_a_type_filter_brings_back_single_items(large_app):
    large_app.multiselect(key=TIMELINE_TYPES_KEY).set_value(["statement:demand"]).run()
    assert_ran_cleanly(large_app)
    names = [trace.get("name") for trace in figure(large_app)["data"]]
    assert ITEMS_TRACE in names
    assert COUNTS_TRACE not in names
    assert not large_app.info


def test_at_scale_the_table_shows_its_first_rows_and_the_csv_has_all(
    large_dir, large_dataset, monkeypatch: pytest.MonkeyPatch
):
    """Past MAX_TABLE_ROWS the table sends its first rows in time order and says so; the
    download offers every row."""
    st.cache_resource.clear()
    monkeypatch.setattr(timeline_module, "MAX_TABLE_ROWS", 500)
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(large_dir))
    app = AppTest.from_file(str(APP_FILE), default_timeout=RUN_TIMEOUT_S).run()
    app.switch_page(PAGE).run()
    assert_ran_cleanly(app)
    items = timeline_items(large_dataset)
    assert table_item_ids(app) == items["item_id"].head(500).tolist()
    captions = " ".join(caption.value for caption in app.caption)
    assert f"The first 500 of the {len(items):,} items" in captions
    labels = [button.proto.label for button in app.get("download_button")]
    assert f"Download all {len(items):,} rows (CSV)" in labels
    view = timeline_view(items, large_dataset.actors, "actor")
    assert len(pd.read_csv(io.BytesIO(view.csv_bytes()))) == len(items)
    st.cache_resource.clear()


def test_the_reporting_period_on_the_seed_alone_is_its_crisis_days(app):
    """One article: the reporting period is no wider than the crisis window, and its day is
    still marked."""
    app.button_group(key=TIMELINE_ZOOM_KEY).set_value("reporting").run()
    assert_ran_cleanly(app)
    layout = figure(app)["layout"]
    start, end = (pd.Timestamp(x) for x in layout["xaxis"]["range"])
    assert (start, end) == (pd.Timestamp("2021-05-12"), pd.Timestamp("2021-05-17"))
    notes = [note.get("text", "") for note in layout["annotations"]]
    assert "Report published (14 May)" in notes


def test_each_press_is_a_click_and_the_toolbar_undoes_a_zoom(app):
    """plotly.js takes two presses less than doubleClickDelay apart (500 ms by default, on
    two markers too) for a double-click, which Streamlit answers by clearing the selection:
    a marker clicked right after another was lost. The chart turns the double-click off; a
    drag still zooms in time, and the toolbar's "Reset axes", which the caption names,
    zooms back out (tests/e2e/test_timeline.py clicks such pairs, and zooms, in a browser)."""
    chart = app.get("plotly_chart")[0].proto
    config = json.loads(chart.config)
    assert config["doubleClickDelay"] == 0
    assert "resetScale2d" not in config.get("modeBarButtonsToRemove", [])
    assert config.get("displayModeBar", True) is not False
    assert figure(app)["layout"]["dragmode"] == "zoom"
    captions = " ".join(caption.value for caption in app.caption)
    assert "double-click" not in captions
    assert "the house button (“Reset axes”) in the chart's toolbar" in captions
