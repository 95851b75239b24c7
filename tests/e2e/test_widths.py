"""Every page at a phone's, a tablet's and a desktop's width, on the corpus (issue 22,
points 3 and 7): nothing wider than the window, no label cut off or run into another, no
key over the map it explains, no empty band between the Stances headers and their matrix.

Each page is saved as artifacts/screenshots/width-<width>-<page>.png for a person to look at.
"""

import pytest
from playwright.sync_api import Page, expect

import dashboard
from components.data import load_dataset
from tests.conftest import DATA_DIR
from tests.e2e.every_page import (
    CHART_TIMEOUT_MS,
    LABELS_SETTLE_MS,
    OVERFLOW_JS,
    PAGE_PATHS,
    TEXT_CORNERS_JS,
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

# The Map's chart: its key, and the area MapLibre draws the map in.
MAP_LEGEND = ".legend"
MAP_AREA = ".maplibregl-map"
# A pixel of contact between two boxes is not an overlap.
TOUCH_PX = 1

# The top edge of every square of the Stances matrix (its cells are scatter markers), and
# the middle of every row's label.
MATRIX_ROWS_JS = """(root) => ({
  squareTops: [...root.querySelectorAll('.scatterlayer path.point')]
    .map((point) => point.getBoundingClientRect().top),
  rowMiddles: [...root.querySelectorAll('.ytick text')]
    .map((label) => label.getBoundingClientRect())
    .map((box) => (box.top + box.bottom) / 2),
})"""
# The widest gap allowed between the issue headers and the matrix's first row, as a share
# of a row's height (it was more than two rows).
HEADER_GAP_MAX_ROWS = 0.5


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


@pytest.mark.parametrize("data", ["seed", "corpus"])
def test_the_stances_headers_do_not_overlap(request, sized_page, data):
    """The matrix's issue headers stay apart at every width (at 390 px they ran together;
    the seed's seven level headers at 390 and 768 px too)."""
    server = request.getfixturevalue("app_server" if data == "seed" else "corpus_server")
    open_page(sized_page, server, "stances")
    assert overlapping_texts(sized_page, FIRST_CHART, TICK_LABELS) == []
    # Plotly leaves out headers that have no room: every issue has its own.
    headers = sized_page.locator(FIRST_CHART).first.locator(TICK_LABELS)
    assert headers.count() == len(load_dataset(DATA_DIR if data == "corpus" else None).issues)


@pytest.mark.parametrize("data", ["seed", "corpus"])
def test_the_stances_headers_sit_just_above_the_matrix(request, sized_page, data):
    """The issue headers end just above the matrix's first row: no band of empty rows
    between them, and no header reaching into the squares."""
    server = request.getfixturevalue("app_server" if data == "seed" else "corpus_server")
    open_page(sized_page, server, "stances")
    chart = sized_page.locator(FIRST_CHART).first
    expect(chart.locator(TICK_LABELS).first).to_be_attached(timeout=CHART_TIMEOUT_MS)
    sized_page.wait_for_timeout(LABELS_SETTLE_MS)
    headers = sized_page.evaluate(TEXT_CORNERS_JS, [chart.element_handle(), TICK_LABELS])
    headers_bottom = max(y for header in headers for _, y in header["corners"])
    matrix = sized_page.evaluate(MATRIX_ROWS_JS, chart.element_handle())
    middles = sorted(matrix["rowMiddles"])
    assert len(middles) > 1, "the matrix has fewer than two rows"
    row_height = middles[1] - middles[0]
    gap = min(matrix["squareTops"]) - headers_bottom
    assert -TOUCH_PX <= gap <= HEADER_GAP_MAX_ROWS * row_height, (
        f"{gap:.0f} px between the headers and the first row (a row is {row_height:.0f} px)"
    )


def test_the_map_legend_leaves_the_map_clear(corpus_server, sized_page):
    """The border map's legend covers none of the map (at 390 px it hid the bottom of it)
    and fits in the chart's width, so none of it is cut off."""
    open_page(sized_page, corpus_server, "map")
    chart = sized_page.locator(FIRST_CHART).first
    legend = chart.locator(MAP_LEGEND).first
    expect(legend).to_be_visible(timeout=CHART_TIMEOUT_MS)
    sized_page.wait_for_timeout(LABELS_SETTLE_MS)
    key = legend.bounding_box()
    area = chart.locator(MAP_AREA).first.bounding_box()
    frame = chart.bounding_box()
    apart = (
        key["y"] + key["height"] <= area["y"] + TOUCH_PX
        or area["y"] + area["height"] <= key["y"] + TOUCH_PX
        or key["x"] + key["width"] <= area["x"] + TOUCH_PX
        or area["x"] + area["width"] <= key["x"] + TOUCH_PX
    )
    assert apart, f"the legend {key} covers the map {area}"
    assert frame["x"] - TOUCH_PX <= key["x"], f"the legend {key} starts left of the chart {frame}"
    assert key["x"] + key["width"] <= frame["x"] + frame["width"] + TOUCH_PX, (
        f"the legend {key} runs past the chart {frame}"
    )


def test_the_timeline_labels_do_not_collide(corpus_server, sized_page):
    """The Timeline's dates, lanes and notes above them ("5 earlier items …") stay apart."""
    open_page(sized_page, corpus_server, "timeline")
    assert overlapping_texts(sized_page, FIRST_CHART, TICKS_AND_NOTES) == []
