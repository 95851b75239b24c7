"""Page tests of the Disagreements page, headless with AppTest, on the corpus and the seed."""

import json
from pathlib import Path

import pytest
from streamlit.proto.PlotlyChart_pb2 import PlotlyChart as PlotlyChartProto
from streamlit.testing.v1 import AppTest

import dashboard
from components.app.state import (
    ACTOR_FILTER_KEY,
    DISAGREEMENTS_ASPECT_KEY,
    DISAGREEMENTS_CHART_KEY,
    DISAGREEMENTS_CLAIM_KEY,
)
from components.data import load_dataset
from tests.conftest import DATA_DIR
from tests.seed import seed_data_dir

APP_FILE = Path(dashboard.__file__).resolve()
RUN_TIMEOUT_S = 60
PAGE = "pages/disagreements.py"


def open_page(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> AppTest:
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data_dir))
    app = AppTest.from_file(str(APP_FILE), default_timeout=RUN_TIMEOUT_S).run()
    app.switch_page(PAGE).run()
    assert not app.exception, [exception.message for exception in app.exception]
    return app


def markdown_text(app: AppTest) -> str:
    return "\n".join(element.value for element in app.markdown).replace("\\", "")


def test_the_corpus_page_says_what_disagrees_between_which_sides(monkeypatch):
    app = open_page(monkeypatch, DATA_DIR)
    text = markdown_text(app)
    # 19 events, counted from the articles' events.yaml (tests/disagreements/test_figures.py;
    # 18 on 315 articles).
    assert "**Place**: reports of 19 events disagree" in text
    assert "Armenian, Azerbaijani" in text
    assert app.selectbox(key=DISAGREEMENTS_ASPECT_KEY).value == "place"
    assert len(app.get("plotly_chart")) == 1


def test_picking_a_report_shows_its_outlet_words_and_every_other_report(monkeypatch):
    app = open_page(monkeypatch, DATA_DIR)
    data = load_dataset(DATA_DIR)
    claims = data.event_claims.merge(data.articles[["article_id", "outlet"]])
    trend = claims.loc[
        (claims["event_id"] == "ev-capture-six")
        & (claims["aspect"] == "place")
        & (claims["outlet"] == "Trend")
    ].iloc[0]
    app.selectbox(key=DISAGREEMENTS_CLAIM_KEY).set_value(trend["claim_id"]).run()
    assert not app.exception
    text = markdown_text(app)
    assert "**Trend** · Azerbaijani outlet" in text
    assert "Kalbajar" in text
    assert " ".join(trend["quote"].split()) in text
    table = app.dataframe[0].value
    assert {"Armenian", "Azerbaijani"} <= set(table["side_label"])


def test_the_filter_narrows_the_events(monkeypatch):
    app = open_page(monkeypatch, DATA_DIR)
    app.multiselect(key=ACTOR_FILTER_KEY).set_value(["macron"]).run()
    assert not app.exception
    assert "Only events that concern the actors chosen" in app.caption[0].value


def test_the_seed_alone_has_nothing_to_compare(monkeypatch):
    app = open_page(monkeypatch, seed_data_dir())
    assert any("nothing to compare" in info.value for info in app.info)


def test_a_number_in_words_is_named_under_the_chart(monkeypatch):
    """The depth of the advance: Mirror-Spectator's "a few" kilometres has no place on the
    number line; the page names it under the chart, and the report list offers it."""
    app = open_page(monkeypatch, DATA_DIR)
    app.selectbox(key=DISAGREEMENTS_ASPECT_KEY).set_value("advance_depth").run()
    assert not app.exception
    [words] = [c.value.replace("\\", "") for c in app.caption if "Given in words" in c.value]
    assert "Armenian Mirror-Spectator (Armenian): a few km" in words
    options = app.selectbox(key=DISAGREEMENTS_CLAIM_KEY).options
    assert any(option.endswith(": a few km") for option in options)
    app.selectbox(key=DISAGREEMENTS_ASPECT_KEY).set_value("place").run()
    assert not any("Given in words" in caption.value for caption in app.caption)


def test_the_chart_takes_each_press_for_a_click_of_its_own(monkeypatch):
    """plotly.js takes two presses on a plot less than doubleClickDelay apart (500 ms by
    default, on two different marks too) for a double-click, which Streamlit answers by
    clearing the chart's selection, losing the second mark's click; the chart's config turns
    the double-click off (tests/e2e/test_disagreements.py clicks such pairs in a browser)."""
    app = open_page(monkeypatch, DATA_DIR)
    chart = app.get("plotly_chart")[0].proto
    assert json.loads(chart.config)["doubleClickDelay"] == 0
    assert chart.selection_mode == [PlotlyChartProto.SelectionMode.POINTS]


def chart_click(claim_id: str | None) -> dict:
    """What the chart's selection holds after a click on one mark (or none)."""
    points = [{"customdata": claim_id}] if claim_id else []
    return {"selection": {"points": points, "point_indices": [0] if points else []}}


def test_a_report_clicked_again_after_another_aspect_is_chosen_again(monkeypatch):
    """Click a mark, look at another aspect, come back and click the same mark: the report
    is chosen again (the page once kept the click as handled and ignored it)."""
    app = open_page(monkeypatch, DATA_DIR)
    data = load_dataset(DATA_DIR)
    place = data.event_claims.loc[data.event_claims["aspect"] == "place", "claim_id"].iloc[0]
    app.session_state[DISAGREEMENTS_CHART_KEY] = chart_click(place)
    app.run()
    assert app.selectbox(key=DISAGREEMENTS_CLAIM_KEY).value == place
    other = "date"
    app.selectbox(key=DISAGREEMENTS_ASPECT_KEY).set_value(other)
    app.session_state[DISAGREEMENTS_CHART_KEY] = chart_click(None)  # a new chart, unselected
    app.run()
    assert app.selectbox(key=DISAGREEMENTS_CLAIM_KEY).value is None
    app.selectbox(key=DISAGREEMENTS_ASPECT_KEY).set_value("place")
    app.session_state[DISAGREEMENTS_CHART_KEY] = chart_click(None)
    app.run()
    assert app.selectbox(key=DISAGREEMENTS_CLAIM_KEY).value is None
    app.session_state[DISAGREEMENTS_CHART_KEY] = chart_click(place)
    app.run()
    assert not app.exception
    assert app.selectbox(key=DISAGREEMENTS_CLAIM_KEY).value == place
