"""Hostile text in a real browser: every page on the hostile copy of data/, no script runs.

One fresh server serves the hostile copy (tests/hostile.py) for the whole module. Each
page is opened with the hostile actor chosen (its name is full of HTML, Markdown and a
javascript: link); the page must run no script (window.__xss stays undefined, no dialog),
create no element from data (no img, b, strong or javascript: link made of the payloads),
and show the payloads as literal text.
"""

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

import dashboard
from components.app.state import ACTOR_PARAM, STATEMENT_PARAM
from tests.hostile import (
    HOSTILE_ACTOR_ID,
    HOSTILE_ACTOR_NAME,
    HOSTILE_QUOTE,
    HOSTILE_STATEMENT_ID,
    JS_LINK,
    LONG_ACTOR_ID,
    MARKDOWN_BOLD,
    SCRIPT,
    write_hostile_data,
)

from .conftest import streamlit_server
from .helpers import (
    APP_TIMEOUT_MS,
    actor_chip,
    actor_filter,
    pick_actor,
    screenshot,
    selected_mark,
    wait_for_app,
)

# Pages whose main area shows the hostile actor's name or the article title as text
# (others draw it inside a chart, or in a canvas table).
TEXT_PAGES = {"overview", "stances", "source"}

# Elements that would exist only if data text had been rendered as HTML or Markdown.
ELEMENTS_FROM_DATA = (
    'img[src="x"]',
    'a[href^="javascript:"]',
    'b:text-is("bold")',
    'strong:text-is("bold")',
)

# How long the charts of a page may take to draw after the script run has ended.
DRAW_TIMEOUT_MS = 15_000


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server on the hostile copy of data/, for this module."""
    folder = tmp_path_factory.mktemp("hostile-server")
    data_dir = write_hostile_data(folder / "data")
    with streamlit_server(folder, data_dir) as base_url:
        yield base_url


@pytest.fixture
def watched_page(page) -> tuple[Page, list[str]]:
    """A new page (tests/e2e/conftest.py), with every dialog it opens recorded (and
    dismissed)."""
    dialogs: list[str] = []

    def record(dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", record)
    return page, dialogs


def wait_for_charts(page: Page) -> None:
    """Wait until every plotly chart on the page has drawn its SVG."""
    charts = page.get_by_test_id("stPlotlyChart")
    for index in range(charts.count()):
        expect(charts.nth(index).locator(".main-svg").first).to_be_attached(timeout=DRAW_TIMEOUT_MS)


def assert_inert(page: Page, dialogs: list[str]) -> None:
    assert page.evaluate("window.__xss") is None, "a script from the data ran"
    assert dialogs == []
    for selector in ELEMENTS_FROM_DATA:
        assert page.locator(selector).count() == 0, f"data text became an element: {selector}"
    expect(page.get_by_test_id("stException")).to_have_count(0)


@pytest.mark.parametrize("spec", dashboard.PAGES, ids=lambda spec: spec.url_path)
def test_page_is_inert_and_literal(hostile_server, watched_page, spec):
    """Every page with the hostile actor chosen: no script, no markup, the text literal."""
    page, dialogs = watched_page
    page.goto(f"{hostile_server}/{spec.url_path}?{ACTOR_PARAM}={HOSTILE_ACTOR_ID}")
    wait_for_app(page)
    wait_for_charts(page)
    assert_inert(page, dialogs)
    expect(actor_chip(page, HOSTILE_ACTOR_NAME)).to_be_visible()
    if spec.url_path in TEXT_PAGES:
        main = page.get_by_test_id("stMain")
        # A data grid keeps hidden copies of its cells: look for the text where it shows.
        expect(main.get_by_text(SCRIPT).filter(visible=True).first).to_be_visible()
        expect(main.get_by_text(MARKDOWN_BOLD).filter(visible=True).first).to_be_visible()
    screenshot(page, f"hostile-{spec.url_path}")


def test_source_reader_opens_hostile_statement(hostile_server, watched_page):
    """The Source page's deep link to the hostile statement: card and text stay literal
    (tags and Markdown in the article's text too), and no script from the data runs."""
    page, dialogs = watched_page
    page.goto(f"{hostile_server}/source?{STATEMENT_PARAM}={HOSTILE_STATEMENT_ID}")
    wait_for_app(page)
    panel = page.locator(".st-key-source_record_panel")
    expect(panel.get_by_text(SCRIPT).first).to_be_visible()
    mark = selected_mark(page, HOSTILE_STATEMENT_ID)
    expect(mark).to_have_count(1, timeout=APP_TIMEOUT_MS)
    expect(mark).to_contain_text(SCRIPT)
    expect(mark).to_contain_text(f"{MARKDOWN_BOLD} {JS_LINK}")
    assert HOSTILE_QUOTE[:40] in mark.inner_text()
    expect(page.locator(".src-article img, .src-article script, .src-article b")).to_have_count(0)
    assert_inert(page, dialogs)
    screenshot(page, "hostile-source-statement")


def test_filter_lists_hostile_names_literally(hostile_server, watched_page):
    """Picking the hostile and the 5,000-character actors in the filter keeps both literal."""
    page, dialogs = watched_page
    page.goto(hostile_server)
    wait_for_app(page)
    pick_actor(page, HOSTILE_ACTOR_NAME)
    page.goto(f"{hostile_server}/?{ACTOR_PARAM}={HOSTILE_ACTOR_ID}&{ACTOR_PARAM}={LONG_ACTOR_ID}")
    wait_for_app(page)
    assert_inert(page, dialogs)
    sidebar_box = page.get_by_test_id("stSidebar").bounding_box()
    chips = actor_filter(page).get_by_test_id("stMultiSelectTagsContainer")
    assert chips.bounding_box()["width"] <= sidebar_box["width"], "long chips overflow"
    screenshot(page, "hostile-filter")
