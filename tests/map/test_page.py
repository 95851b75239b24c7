"""Page tests of the Map page with AppTest: both views, a clicked place, the filter."""

import json
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest
from streamlit.typing import PlotlyState

import components.map.model
import dashboard
from bench.synthetic import write_corpus
from components.app.filters import filter_dataset
from components.app.state import (
    ACTOR_FILTER_KEY,
    MAP_BORDER_CHART_KEY,
    MAP_VIEW_KEY,
    MAP_WORLD_CHART_KEY,
)
from components.data import load_dataset
from components.map.geo import (
    PREFERRED_CRISIS_LOCATION_ID,
    crisis_site,
    events_at,
    statements_about,
    statements_from_seat,
)
from tests.seed import seed_data_dir

APP_FILE = Path(dashboard.__file__).resolve()
RUN_TIMEOUT_S = 60


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


def open_map(monkeypatch, **session) -> AppTest:
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(seed_data_dir()))
    app = AppTest.from_file(str(APP_FILE), default_timeout=RUN_TIMEOUT_S).run()
    app.switch_page("pages/map.py")
    for key, value in session.items():
        app.session_state[key] = value
    return app.run()


def click(location_id: str) -> PlotlyState:
    return {
        "selection": {
            "points": [{"customdata": [location_id]}],
            "point_indices": [0],
            "box": [],
            "lasso": [],
        }
    }


def assert_clean(app: AppTest) -> None:
    assert not app.exception, [e.message for e in app.exception]
    assert not app.error, [e.value for e in app.error]


def test_border_view_shows_the_border_note_and_the_map(monkeypatch, ds):
    app = open_map(monkeypatch)
    assert_clean(app)
    note = crisis_site(ds.locations, ds.statements, ds.events)["border_note"]
    assert any("Natural Earth" in info.value and "geoBoundaries" in info.value for info in app.info)
    assert any(note.split(":")[0][:40] in info.value.replace("\\", "") for info in app.info)
    charts = app.get("plotly_chart")
    assert len(charts) == 1
    figure = json.loads(charts[0].proto.spec)
    names = {trace.get("name") for trace in figure["data"]}
    assert any("Natural Earth" in str(name) for name in names)
    assert any("geoBoundaries" in str(name) for name in names)
    assert [button.label for button in app.get("download_button")] == [
        "Download the places (GeoJSON)"
    ]
    assert any("Goris 13.5 km" in md.value for md in app.markdown)


def test_clicking_a_place_lists_its_statements_and_events(monkeypatch, ds):
    app = open_map(monkeypatch, **{MAP_BORDER_CHART_KEY: click(PREFERRED_CRISIS_LOCATION_ID)})
    assert_clean(app)
    assert "About Sev Lich" in " ".join(h.value for h in app.header)
    expected = len(statements_about(ds, PREFERRED_CRISIS_LOCATION_ID)) + len(
        events_at(ds, PREFERRED_CRISIS_LOCATION_ID)
    )
    links = [link for link in app.get("page_link") if "source" in link.proto.page]
    assert len(links) == expected
    queries = {link.proto.query_string for link in links}
    first = statements_about(ds, PREFERRED_CRISIS_LOCATION_ID)["statement_id"].iloc[0]
    assert f"statement={first}" in queries


def test_world_view_click_lists_statements_made_from_a_seat(monkeypatch, ds):
    app = open_map(
        monkeypatch, **{MAP_VIEW_KEY: "world", MAP_WORLD_CHART_KEY: click("washington_dc")}
    )
    assert_clean(app)
    assert "Where they spoke from" in [h.value for h in app.header]
    links = [link for link in app.get("page_link") if "source" in link.proto.page]
    assert len(links) == len(statements_from_seat(ds, "washington_dc"))
    assert any("Western countries" in caption.value for caption in app.caption)


def test_filter_narrows_the_listed_statements(monkeypatch, ds):
    chosen = ["france"]
    app = open_map(
        monkeypatch,
        **{ACTOR_FILTER_KEY: chosen, MAP_BORDER_CHART_KEY: click(PREFERRED_CRISIS_LOCATION_ID)},
    )
    assert_clean(app)
    filtered = filter_dataset(ds, chosen)
    links = [link for link in app.get("page_link") if "source" in link.proto.page]
    expected = len(statements_about(filtered, PREFERRED_CRISIS_LOCATION_ID)) + len(
        events_at(filtered, PREFERRED_CRISIS_LOCATION_ID)
    )
    assert 0 < len(links) == expected < len(statements_about(ds, PREFERRED_CRISIS_LOCATION_ID))
    assert any("faded" in caption.value for caption in app.caption)


# --- another corpus: a data folder without the curated crisis site -----------------------


@pytest.fixture(scope="module")
def other_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("map-other") / "data"
    write_corpus(folder, 10)
    return folder


def open_other_map(monkeypatch, folder: Path, **session) -> AppTest:
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(folder))
    app = AppTest.from_file(str(APP_FILE), default_timeout=RUN_TIMEOUT_S).run()
    app.switch_page("pages/map.py")
    for key, value in session.items():
        app.session_state[key] = value
    return app.run()


def test_without_the_curated_site_the_map_centres_on_the_busiest_place(monkeypatch, other_corpus):
    """No sev_lich in the folder: both views draw, the border view centred on the place
    with the most statements and events about it, distances measured from there."""
    other = load_dataset(other_corpus)
    assert PREFERRED_CRISIS_LOCATION_ID not in set(other.locations["location_id"])
    records = pd.concat([other.statements["location_id"], other.events["location_id"]])
    busiest = records.value_counts().index[0]
    site = other.locations.set_index("location_id").loc[busiest]
    app = open_other_map(monkeypatch, other_corpus)
    assert_clean(app)
    spec = json.loads(app.get("plotly_chart")[0].proto.spec)
    assert spec["layout"]["map"]["center"] == {"lat": site["lat"], "lon": site["lon"]}
    assert f"**Scale.** From {site['location_name']}:" in " ".join(m.value for m in app.markdown)
    app.session_state[MAP_VIEW_KEY] = "world"
    assert_clean(app.run())


def test_a_busy_place_lists_its_first_records_and_counts_the_rest(monkeypatch, other_corpus):
    """More records about one place than the page lists: the first of each kind as links,
    and a caption with the totals (the limit lowered to fit this small corpus)."""
    shown = 5
    monkeypatch.setattr(components.map.model, "RECORDS_SHOWN", shown)
    other = load_dataset(other_corpus)
    busiest = other.statements["location_id"].value_counts().index[0]
    total = len(statements_about(other, busiest))
    events = len(events_at(other, busiest))
    assert total > shown
    app = open_other_map(monkeypatch, other_corpus, **{MAP_BORDER_CHART_KEY: click(busiest)})
    assert_clean(app)
    assert len(app.get("page_link")) == shown + min(events, shown)
    captions = " ".join(c.value for c in app.caption)
    assert f"The first {shown} of {total:,} statements and {min(events, shown)} of " in captions
