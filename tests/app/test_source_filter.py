"""The side and outlet filter: its rule on the corpus, and the sidebar with AppTest (URL in
and out, unknown values with a notice, one button back to everything)."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import dashboard
from components.app.filters import apply_filter, filter_key, filter_sources, split_filter_key
from components.app.state import (
    ACTOR_FILTER_KEY,
    OUTLET_FILTER_KEY,
    OUTLET_PARAM,
    SIDE_FILTER_KEY,
    SIDE_PARAM,
)
from tests.conftest import DATA_DIR
from tests.corpus_files import article_count, statement_count

APP_FILE = Path(dashboard.__file__).resolve()
RUN_TIMEOUT_S = 60
SOURCES_PAGE = "pages/sources.py"


def test_filter_key_round_trip():
    key = filter_key(["armenia"], ["azerbaijan"], ["News.az", "A:B"])
    assert key == ("armenia", "side:azerbaijan", "outlet:News.az", "outlet:A:B")
    choice = split_filter_key(key)
    assert choice.actor_ids == ("armenia",)
    assert choice.sides == ("azerbaijan",)
    assert choice.outlets == ("News.az", "A:B")


def test_no_side_or_outlet_keeps_everything(corpus):
    assert filter_sources(corpus, [], []) is corpus


def test_a_side_keeps_its_articles_records(corpus):
    kept = filter_sources(corpus, ["azerbaijan"], [])
    assert set(kept.articles["side"]) == {"azerbaijan"}
    assert len(kept.articles) == article_count("azerbaijan")
    ids = set(kept.articles["article_id"])
    for table in ("statements", "stances", "mentions", "event_reports", "event_claims"):
        assert set(getattr(kept, table)["article_id"]) <= ids, table
    assert len(kept.statements) == statement_count("azerbaijan")
    assert set(kept.events["event_id"]) == set(kept.event_reports["event_id"])
    # The registries stay whole.
    assert len(kept.actors) == len(corpus.actors)
    assert len(kept.issues) == len(corpus.issues)


def test_side_and_outlet_must_both_match(corpus):
    kept = filter_sources(corpus, ["azerbaijan"], ["Trend", "PanARMENIAN.Net"])
    assert set(kept.articles["outlet"]) == {"Trend"}
    assert filter_sources(corpus, ["west"], ["Trend"]).articles.empty


def test_actor_filter_applies_on_top(corpus):
    sides_only = apply_filter(corpus, filter_key([], ["russia"]))
    both = apply_filter(corpus, filter_key(["azerbaijan"], ["russia"]))
    assert 0 < len(both.statements) < len(sides_only.statements)
    assert set(both.statements["statement_id"]) <= set(sides_only.statements["statement_id"])


def open_corpus(monkeypatch: pytest.MonkeyPatch, page: str | None = None, **query) -> AppTest:
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(DATA_DIR))
    app = AppTest.from_file(str(APP_FILE), default_timeout=RUN_TIMEOUT_S)
    app.query_params.update(query)
    if page:
        app.switch_page(page)
    return app.run()


def url_values(app: AppTest, param: str) -> list[str]:
    value = app.query_params.get(param, [])
    return [value] if isinstance(value, str) else list(value)


def assert_ran_cleanly(app: AppTest) -> None:
    assert not app.exception, [exception.message for exception in app.exception]
    assert not app.error, [error.value for error in app.error]


def test_link_restores_sides_and_outlets(monkeypatch):
    """?side=…&outlet=… opens with them chosen, and the URL keeps them."""
    app = open_corpus(monkeypatch, **{SIDE_PARAM: ["azerbaijan", "russia"], OUTLET_PARAM: "TASS"})
    assert_ran_cleanly(app)
    assert app.session_state[SIDE_FILTER_KEY] == ["azerbaijan", "russia"]
    assert app.sidebar.multiselect(key=OUTLET_FILTER_KEY).value == ["TASS"]
    assert url_values(app, SIDE_PARAM) == ["azerbaijan", "russia"]
    assert url_values(app, OUTLET_PARAM) == ["TASS"]
    assert not app.sidebar.warning


def test_unknown_side_and_outlet_dropped_with_notice(monkeypatch):
    app = open_corpus(monkeypatch, **{SIDE_PARAM: ["azerbaijan", "mars"], OUTLET_PARAM: "<b>X</b>"})
    assert_ran_cleanly(app)
    assert app.session_state[SIDE_FILTER_KEY] == ["azerbaijan"]
    assert url_values(app, SIDE_PARAM) == ["azerbaijan"]
    assert OUTLET_PARAM not in app.query_params
    assert len(app.sidebar.warning) == 1
    assert "mars" in app.sidebar.warning[0].value
    assert "<b>X</b>" in app.sidebar.warning[0].value


def test_clear_button_empties_actors_sides_and_outlets(monkeypatch):
    app = open_corpus(
        monkeypatch, actor="armenia", **{SIDE_PARAM: "armenia", OUTLET_PARAM: "Armenpress"}
    )
    app.sidebar.button(key="actor_filter_clear").click().run()
    assert_ran_cleanly(app)
    assert app.sidebar.multiselect(key=ACTOR_FILTER_KEY).value == []
    assert app.sidebar.multiselect(key=OUTLET_FILTER_KEY).value == []
    assert not app.session_state[SIDE_FILTER_KEY]
    assert not app.query_params


def test_chosen_outlet_narrows_the_sources_page_and_the_url(monkeypatch):
    app = open_corpus(monkeypatch, SOURCES_PAGE)
    assert len(app.dataframe[0].value) == article_count()
    app.sidebar.multiselect(key=OUTLET_FILTER_KEY).set_value(["Trend"]).run()
    assert_ran_cleanly(app)
    assert set(app.dataframe[0].value["outlet"]) == {"Trend"}
    assert url_values(app, OUTLET_PARAM) == ["Trend"]
