"""Every page at a phone's, a tablet's and a desktop's width, on the corpus (issue 22,
points 3 and 7): nothing wider than the window, no label cut off or run into another.

Each page is saved as artifacts/screenshots/width-<width>-<page>.png for a person to look at.
"""

import pytest
from playwright.sync_api import Page

import dashboard
from components.data import load_dataset
from tests.conftest import DATA_DIR
from tests.e2e.every_page import (
    OVERFLOW_JS,
    PAGE_PATHS,
    TRUNCATED_JS,
    WIDTHS,
    open_page,
    overlapping_texts,
)
from tests.e2e.helpers import SCREENSHOT_DIR

# Tall enough for a screenshot to show most of a page (Streamlit scrolls its main area,
# not the document, so a full-page screenshot is only the window).
SHOT_HEIGHT_PX = 1800

# Every button, field and label on the page that could cut its text off.
CONTROL_TEST_IDS = (
    "stDownloadButton", "stButton", "stSelectbox", "stMultiSelect", "stTextInput",
    "stCheckbox", "stWidgetLabel", "stButtonGroup", "stPageLink", "stExpander", "stMetric",
)  # fmt: skip
CONTROLS = "[data-testid='stMain'] :is({})".format(
    ", ".join(f"[data-testid='{test_id}']" for test_id in CONTROL_TEST_IDS)
)

# The first chart of the page: the Stances matrix, the Timeline's lanes.
FIRST_CHART = '[data-testid="stPlotlyChart"]'
# The matrix's issue headers, the timeline's dates, and the timeline's notes above them.
TICK_LABELS = ".xtick text"
TICKS_AND_NOTES = ".xtick text, .ytick text, .annotation text"


@pytest.fixture(params=WIDTHS, ids=lambda width: f"{width}px")
def sized_page(browser, request) -> Page:
    context = browser.new_context(viewport={"width": request.param, "height": SHOT_HEIGHT_PX})
    page = context.new_page()
    yield page
    context.close()


def test_every_page_fits_the_window_with_no_label_cut_off(corpus_server, sized_page):
    """No page is wider than the window; no button, field or label is cut off (the Data
    page's CSV buttons, the Timeline's "Item" placeholder); every page is shot."""
    width = sized_page.viewport_size["width"]
    problems = []
    for path in PAGE_PATHS:
        open_page(sized_page, corpus_server, path)
        SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
        name = path or dashboard.PAGES[0].url_path
        sized_page.screenshot(path=str(SCREENSHOT_DIR / f"width-{width}-{name}.png"))
        overflow = sized_page.evaluate(OVERFLOW_JS)
        if max(overflow.values()) > 0:
            problems.append(f"{path}: wider than the window by {overflow}")
        widgets = sized_page.locator(CONTROLS)
        for index in range(widgets.count()):
            cut = sized_page.evaluate(TRUNCATED_JS, widgets.nth(index).element_handle())
            if cut:
                problems.append(f"{path}: cut off: {cut[0]!r}")
    assert not problems, "\n".join(problems)


def test_the_stances_headers_do_not_overlap(corpus_server, sized_page):
    """The matrix's issue headers stay apart at every width (at 390 px they ran together)."""
    open_page(sized_page, corpus_server, "stances")
    assert overlapping_texts(sized_page, FIRST_CHART, TICK_LABELS) == []
    # Plotly leaves out headers that have no room: every issue has its own.
    headers = sized_page.locator(FIRST_CHART).first.locator(TICK_LABELS)
    assert headers.count() == len(load_dataset(DATA_DIR).issues)


def test_the_timeline_labels_do_not_collide(corpus_server, sized_page):
    """The Timeline's dates, lanes and notes above them ("5 earlier items …") stay apart."""
    open_page(sized_page, corpus_server, "timeline")
    assert overlapping_texts(sized_page, FIRST_CHART, TICKS_AND_NOTES) == []
