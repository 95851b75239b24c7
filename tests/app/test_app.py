"""Page tests of the router and the shared actor filter, headless with AppTest."""

from pathlib import Path

import pytest
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner import script_runner
from streamlit.testing.v1 import AppTest

import dashboard
from components.app.state import ACTOR_FILTER_KEY, ACTOR_PARAM, OUTLET_FILTER_KEY
from components.data import load_dataset
from tests.seed import seed_data_dir

APP_FILE = Path(dashboard.__file__).resolve()
RUN_TIMEOUT_S = 60
PAGE_PATHS = [spec.path for spec in dashboard.PAGES]
UNKNOWN_ID = "no_such_actor"


@pytest.fixture(scope="module")
def two_actor_ids() -> list[str]:
    """Two real actor ids: a state and one of its members, when the data has such a pair."""
    actors = load_dataset().actors
    children = actors.dropna(subset=["parent_actor_id"])
    if children.empty:
        return actors["actor_id"].head(2).tolist()
    child = children.iloc[0]
    return [child["parent_actor_id"], child["actor_id"]]


def start_app(monkeypatch: pytest.MonkeyPatch, **query_params) -> AppTest:
    """Run the router once, as a new browser session opening `/?<query_params>`."""
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(seed_data_dir()))
    app = AppTest.from_file(str(APP_FILE), default_timeout=RUN_TIMEOUT_S)
    app.query_params.update(query_params)
    return app.run()


def actor_filter(app: AppTest):
    return app.sidebar.multiselect(key=ACTOR_FILTER_KEY)


def url_actor_ids(app: AppTest) -> list[str]:
    value = app.query_params.get(ACTOR_PARAM, [])
    return [value] if isinstance(value, str) else list(value)


def assert_ran_cleanly(app: AppTest) -> None:
    assert not app.exception, [exception.message for exception in app.exception]
    assert not app.error, [error.value for error in app.error]


def test_default_page_renders_with_filter(monkeypatch):
    """The app starts on the default page with the sidebar filter, empty = everyone."""
    app = start_app(monkeypatch)
    assert_ran_cleanly(app)
    assert actor_filter(app).value == []
    assert url_actor_ids(app) == []


@pytest.mark.parametrize("page_path", PAGE_PATHS)
def test_every_page_renders_and_its_reruns_run_the_router(monkeypatch, page_path):
    """Every listed page runs without an exception and keeps the sidebar filter; and legacy
    pages/ mode stays off: the rerun after the switch runs dashboard.py first.

    If Streamlit fell back to its legacy multipage mode, the page file would run alone and
    the sidebar filter (rendered only by the router) would be missing.
    """
    app = start_app(monkeypatch)
    app.switch_page(page_path).run()
    assert_ran_cleanly(app)
    assert actor_filter(app).value == []
    app.run()
    assert_ran_cleanly(app)
    # The actor and outlet multiselects, and the side pills, all rendered by the router.
    assert [widget.key for widget in app.sidebar.multiselect] == [
        ACTOR_FILTER_KEY,
        OUTLET_FILTER_KEY,
    ]
    assert actor_filter(app).value == []


@pytest.mark.parametrize("page_path", PAGE_PATHS)
def test_every_page_entered_in_legacy_mode_runs_through_the_router(monkeypatch, page_path):
    """A fresh server's first request, a deep link to a page, runs in Streamlit's legacy
    pages/ mode: the page file alone. Every page then reruns through the router, which
    draws the sidebar filter (a page without ensure_router() would show without it). The
    browser checks the same deep links on fresh servers for a few pages
    (tests/e2e/test_shell.py)."""
    app = start_app(monkeypatch)
    monkeypatch.setattr(PagesManager, "uses_pages_directory", True)
    app.switch_page(page_path).run()
    assert_ran_cleanly(app)
    assert PagesManager.uses_pages_directory is False
    assert [widget.key for widget in app.sidebar.multiselect] == [
        ACTOR_FILTER_KEY,
        OUTLET_FILTER_KEY,
    ]
    assert actor_filter(app).value == []


@pytest.mark.parametrize("page_path", PAGE_PATHS[1:3])
def test_router_runs_when_another_session_left_legacy_mode(monkeypatch, page_path):
    """A page run in legacy mode reruns through the router even when another session turned
    the legacy flag off meanwhile (two readers arriving together on a new server)."""
    app = start_app(monkeypatch)
    legacy_run = script_runner._mpa_v1

    def legacy_run_while_another_session_leaves_it(main_script_path: str) -> None:
        # The run started in legacy mode; the other session's router turns the flag off
        # before this page's own check.
        PagesManager.uses_pages_directory = False
        legacy_run(main_script_path)

    monkeypatch.setattr(script_runner, "_mpa_v1", legacy_run_while_another_session_leaves_it)
    app.switch_page(page_path).run()
    assert_ran_cleanly(app)
    assert [widget.key for widget in app.sidebar.multiselect] == [
        ACTOR_FILTER_KEY,
        OUTLET_FILTER_KEY,
    ]


def test_filter_holds_across_page_switches(monkeypatch, two_actor_ids):
    """A chosen filter survives every page switch and stays mirrored in the URL."""
    app = start_app(monkeypatch)
    actor_filter(app).set_value(two_actor_ids).run()
    assert_ran_cleanly(app)
    assert url_actor_ids(app) == two_actor_ids
    for page_path in PAGE_PATHS + PAGE_PATHS[:1]:
        app.switch_page(page_path).run()
        assert_ran_cleanly(app)
        assert actor_filter(app).value == two_actor_ids
        assert url_actor_ids(app) == two_actor_ids


def test_every_run_hands_the_filter_to_the_browser(monkeypatch, two_actor_ids):
    """Every run's filter widgets carry the session's value for the browser to take (set_value),
    not only the link's first run: a reader who left that run before the browser took it
    (a fresh server's slow first run) kept an empty widget, and the next rerun, Back, sent
    the empty filter and cleared it (tests/e2e/test_history.py, 1 run in 3)."""
    app = start_app(monkeypatch, **{ACTOR_PARAM: two_actor_ids})
    names = [actor_filter(app).format_func(actor_id) for actor_id in two_actor_ids]
    for page_path in PAGE_PATHS[1:3]:
        app.switch_page(page_path).run()
        assert_ran_cleanly(app)
        proto = actor_filter(app).proto
        assert proto.set_value
        assert list(proto.raw_values) == names


def test_link_restores_filter(monkeypatch, two_actor_ids):
    """A copied link (?actor=…&actor=…) restores the same filter in a new session."""
    app = start_app(monkeypatch, **{ACTOR_PARAM: two_actor_ids})
    assert_ran_cleanly(app)
    assert actor_filter(app).value == two_actor_ids
    assert not app.sidebar.warning


def test_unknown_ids_are_dropped_with_notice(monkeypatch, two_actor_ids):
    """Unknown ids in the link are dropped from the filter and the URL, with a notice."""
    app = start_app(monkeypatch, **{ACTOR_PARAM: [two_actor_ids[0], UNKNOWN_ID]})
    assert_ran_cleanly(app)
    assert actor_filter(app).value == two_actor_ids[:1]
    assert url_actor_ids(app) == two_actor_ids[:1]
    assert len(app.sidebar.warning) == 1
    assert UNKNOWN_ID in app.sidebar.warning[0].value


def test_notice_goes_when_filter_changes(monkeypatch, two_actor_ids):
    """The notice about dropped ids stays until the reader changes the filter."""
    app = start_app(monkeypatch, **{ACTOR_PARAM: UNKNOWN_ID})
    app.run()
    assert len(app.sidebar.warning) == 1
    actor_filter(app).set_value(two_actor_ids[:1]).run()
    assert not app.sidebar.warning


def test_clear_button_empties_filter_and_url(monkeypatch, two_actor_ids):
    """One click on "Clear filter" empties the filter and removes it from the URL."""
    app = start_app(monkeypatch, **{ACTOR_PARAM: two_actor_ids})
    app.sidebar.button(key="actor_filter_clear").click().run()
    assert_ran_cleanly(app)
    assert actor_filter(app).value == []
    assert url_actor_ids(app) == []


def test_filter_narrows_overview_counts(monkeypatch, two_actor_ids):
    """The Overview's counts follow the filter."""
    app = start_app(monkeypatch)
    everyone = {metric.label: metric.value for metric in app.metric}
    actor_filter(app).set_value(two_actor_ids[:1]).run()
    filtered = {metric.label: metric.value for metric in app.metric}
    assert set(filtered) == set(everyone) == {"Actors", "Statements", "Events", "Places", "Issues"}
    assert all(int(filtered[label]) <= int(everyone[label]) for label in everyone)
    assert filtered != everyone


def test_broken_data_folder_shows_error_page(monkeypatch, tmp_path):
    """A data folder that does not load gives a readable error page, not a traceback."""
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(tmp_path))
    app = AppTest.from_file(str(APP_FILE), default_timeout=RUN_TIMEOUT_S).run()
    assert not app.exception
    assert len(app.error) == 1
    assert "could not load its data" in app.title[0].value
    assert "DASHBOARD_DATA_DIR" in app.markdown[-1].value
