"""Hostile URLs, headless with AppTest: garbage, unknown ids and oversized parameters.

Every page is opened directly (as a pasted link would) with each kind of bad query
string. None may raise; a value the app reads and cannot use is ignored with a visible
notice, and the notice stays short however long the value was.
"""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import dashboard
from components.app.state import ACTOR_FILTER_KEY, ACTOR_PARAM, EVENT_PARAM, STATEMENT_PARAM
from tests.seed import seed_data_dir

APP_FILE = Path(dashboard.__file__).resolve()
RUN_TIMEOUT_S = 60
PAGE_PATHS = [spec.path for spec in dashboard.PAGES]
SOURCE_PAGE = "pages/source.py"

# Longest notice accepted: a sentence and a few clipped ids, not the value itself.
MAX_NOTICE_CHARS = 600

OVERSIZED = "x" * 10_000

# Bad values of ?actor=: each is ignored and named in the sidebar notice.
BAD_ACTOR_PARAMS = {
    "script": ["<script>window.__xss=1</script>"],
    "oversized": [OVERSIZED],
    "500 repeats": [f"junk{index}" for index in range(500)],
    "unicode": ["Ärménia \u202e😀 \u0000"],
    "markdown": ["**bold** [x](javascript:alert(1)) $x$ `tick`"],
}

# Bad deep links to the Source page: each is ignored with a notice on that page.
BAD_RECORD_PARAMS = {
    "unknown statement": {STATEMENT_PARAM: "nope"},
    "html event": {EVENT_PARAM: "<x>"},
    "oversized statement": {STATEMENT_PARAM: OVERSIZED},
}


def open_page(monkeypatch: pytest.MonkeyPatch, page_path: str, query: dict) -> AppTest:
    """A new session opening ``page_path`` with ``query`` as its query string."""
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(seed_data_dir()))
    app = AppTest.from_file(str(APP_FILE), default_timeout=RUN_TIMEOUT_S)
    app.query_params.update(query)
    app.switch_page(page_path)
    return app.run()


def assert_ran_cleanly(app: AppTest) -> None:
    assert not app.exception, [exception.message for exception in app.exception]
    assert not app.error, [error.value for error in app.error]


@pytest.mark.parametrize("values", BAD_ACTOR_PARAMS.values(), ids=BAD_ACTOR_PARAMS.keys())
def test_bad_actor_ids_ignored_with_short_notice(monkeypatch, values):
    """Bad ?actor= values leave the filter empty and give one short sidebar notice."""
    app = open_page(monkeypatch, PAGE_PATHS[0], {ACTOR_PARAM: values})
    assert_ran_cleanly(app)
    assert app.sidebar.multiselect(key=ACTOR_FILTER_KEY).value == []
    assert len(app.sidebar.warning) == 1
    assert len(app.sidebar.warning[0].value) <= MAX_NOTICE_CHARS
    assert ACTOR_PARAM not in app.query_params


@pytest.mark.parametrize("page_path", PAGE_PATHS)
def test_every_page_survives_all_garbage_at_once(monkeypatch, page_path):
    """Every page opened with all the bad values, bad records and unknown parameters at
    once: it runs, the filter is empty and the sidebar notice stays short."""
    query = {
        ACTOR_PARAM: [value for values in BAD_ACTOR_PARAMS.values() for value in values],
        STATEMENT_PARAM: OVERSIZED,
        EVENT_PARAM: "<x>",
        "foo": "<script>",
        "x" * 1000: OVERSIZED,
    }
    app = open_page(monkeypatch, page_path, query)
    assert_ran_cleanly(app)
    assert app.sidebar.multiselect(key=ACTOR_FILTER_KEY).value == []
    assert len(app.sidebar.warning) == 1
    assert len(app.sidebar.warning[0].value) <= MAX_NOTICE_CHARS


def test_unknown_parameters_are_harmless(monkeypatch):
    """Parameters the app does not read change nothing: no filter, no notice."""
    app = open_page(monkeypatch, PAGE_PATHS[0], {"foo": "<script>", "x" * 1000: OVERSIZED})
    assert_ran_cleanly(app)
    assert app.sidebar.multiselect(key=ACTOR_FILTER_KEY).value == []
    assert not app.sidebar.warning


@pytest.mark.parametrize("query", BAD_RECORD_PARAMS.values(), ids=BAD_RECORD_PARAMS.keys())
def test_bad_source_links_ignored_with_short_notice(monkeypatch, query):
    """An unknown or garbage record on the Source page: a short notice, nothing selected."""
    app = open_page(monkeypatch, SOURCE_PAGE, query)
    assert_ran_cleanly(app)
    notices = [warning.value for warning in app.main.warning]
    assert len(notices) == 1, notices
    assert len(notices[0]) <= MAX_NOTICE_CHARS
    assert app.selectbox(key="source_record").value is None
