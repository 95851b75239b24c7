"""Every page at a phone's, a tablet's and a desktop's width, on the corpus (issue 22,
points 3 and 7): nothing wider than the window, no label cut off or run into another, no
key over the map it explains, no empty band between the Stances headers and their matrix.

One visit per width opens every page of the corpus once and the seed's Stances page, and
takes every measure there (the Stances headers, the Map's key, the Timeline's labels when
their page is open); each test then checks its own measures. A measure that could not be
taken fails its own test only, with the error it raised.

Each page is saved as artifacts/screenshots/width-<width>-<page>.png for a person to look at.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

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
# The Overview's weeks and its stories axis.
AXIS_LABELS = ".xtick text, .ytick text"

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

# The pages measured beyond the checks every page gets, and the data folders whose Stances
# headers are measured (the corpus's on the corpus visit, the seed's on its own page).
STANCES, MAP, TIMELINE = "stances", "map", "timeline"
OVERVIEW = PAGE_PATHS[0]
DATA_FOLDERS = ("seed", "corpus")


@dataclass
class WidthVisit:
    """What one visit of every page at one width measured, by measure name: the value, or
    the error raised while taking it (raised again by the test that reads it)."""

    width: int
    problems: list[str] = field(default_factory=list)
    measures: dict[str, object] = field(default_factory=dict)

    def take(self, name: str, measure: Callable[[], object]) -> None:
        try:
            self.measures[name] = measure()
        except Exception as error:  # kept for the test that reads it
            self.measures[name] = error

    def get(self, name: str) -> object:
        value = self.measures[name]
        if isinstance(value, Exception):
            raise value
        return value


def _page_problems(page: Page, path: str) -> list[str]:
    """Wider than the window, or a button, field or label cut off; the page is shot."""
    width = page.viewport_size["width"]
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    name = path or dashboard.PAGES[0].url_path
    page.screenshot(path=str(SCREENSHOT_DIR / f"width-{width}-{name}.png"))
    problems = []
    overflow = page.evaluate(OVERFLOW_JS)
    if max(overflow.values()) > 0:
        problems.append(f"{path}: wider than the window by {overflow}")
    # Every control measured in one call: a call per control cost 8 CPU-seconds on the
    # corpus's Disagreements page (184 controls), each one a round trip and a style recalc.
    cuts = page.locator(CONTROLS).evaluate_all(f"(widgets) => widgets.map({TRUNCATED_JS})")
    problems += [f"{path}: cut off: {cut[0]!r}" for cut in cuts if cut]
    return problems


def _header_count(page: Page) -> int:
    return page.locator(FIRST_CHART).first.locator(TICK_LABELS).count()


def _header_gap(page: Page) -> tuple[float, float, int]:
    """(gap between the headers' bottom and the matrix's first squares, a row's height, rows),
    taken after overlapping_texts, which waited for the headers to settle."""
    chart = page.locator(FIRST_CHART).first
    expect(chart.locator(TICK_LABELS).first).to_be_attached(timeout=CHART_TIMEOUT_MS)
    headers = page.evaluate(TEXT_CORNERS_JS, [chart.element_handle(), TICK_LABELS])
    headers_bottom = max(y for header in headers for _, y in header["corners"])
    matrix = page.evaluate(MATRIX_ROWS_JS, chart.element_handle())
    middles = sorted(matrix["rowMiddles"])
    row_height = middles[1] - middles[0] if len(middles) > 1 else 0.0
    return min(matrix["squareTops"]) - headers_bottom, row_height, len(middles)


def _map_boxes(page: Page) -> tuple[dict, dict, dict]:
    """The border map's key, the area the map is drawn in, and the chart's frame."""
    chart = page.locator(FIRST_CHART).first
    legend = chart.locator(MAP_LEGEND).first
    expect(legend).to_be_visible(timeout=CHART_TIMEOUT_MS)
    page.wait_for_timeout(LABELS_SETTLE_MS)
    return legend.bounding_box(), chart.locator(MAP_AREA).first.bounding_box(), chart.bounding_box()


def _measure_stances(visit: WidthVisit, page: Page, data: str) -> None:
    # overlapping_texts first: it waits for plotly to place the headers again (once for all).
    visit.take(f"overlaps {data}", lambda: overlapping_texts(page, FIRST_CHART, TICK_LABELS))
    visit.take(f"headers {data}", lambda: _header_count(page))
    visit.take(f"gap {data}", lambda: _header_gap(page))


@pytest.fixture(scope="module", params=WIDTHS, ids=lambda width: f"{width}px")
def width_visit(request, browser, corpus_server, app_server) -> WidthVisit:
    """Every page of the corpus, then the seed's Stances page, at one width, measured."""
    visit = WidthVisit(request.param)
    context = browser.new_context(viewport={"width": visit.width, "height": SHOT_HEIGHT_PX})
    page = context.new_page()
    try:
        for path in PAGE_PATHS:
            open_page(page, corpus_server, path)
            if path == STANCES:
                _measure_stances(visit, page, "corpus")
            elif path == MAP:
                visit.take("map", lambda: _map_boxes(page))
            elif path == OVERVIEW:
                visit.take("overview", lambda: overlapping_texts(page, FIRST_CHART, AXIS_LABELS))
            elif path == TIMELINE:
                visit.take(
                    "timeline", lambda: overlapping_texts(page, FIRST_CHART, TICKS_AND_NOTES)
                )
            visit.problems += _page_problems(page, path)
        open_page(page, app_server, STANCES)
        _measure_stances(visit, page, "seed")
    finally:
        context.close()
    return visit


def test_every_page_fits_the_window_with_no_label_cut_off(width_visit):
    """No page is wider than the window; no button, field or label is cut off (the Data
    page's CSV buttons, the Timeline's "Item" placeholder); every page is shot."""
    assert not width_visit.problems, "\n".join(width_visit.problems)


@pytest.mark.parametrize("data", DATA_FOLDERS)
def test_the_stances_headers_do_not_overlap(width_visit, data):
    """The matrix's issue headers stay apart at every width (at 390 px they ran together;
    the seed's seven level headers at 390 and 768 px too)."""
    assert width_visit.get(f"overlaps {data}") == []
    # Plotly leaves out headers that have no room: every issue has its own.
    issues = load_dataset(DATA_DIR if data == "corpus" else None).issues
    assert width_visit.get(f"headers {data}") == len(issues)


@pytest.mark.parametrize("data", DATA_FOLDERS)
def test_the_stances_headers_sit_just_above_the_matrix(width_visit, data):
    """The issue headers end just above the matrix's first row: no band of empty rows
    between them, and no header reaching into the squares."""
    gap, row_height, rows = width_visit.get(f"gap {data}")
    assert rows > 1, "the matrix has fewer than two rows"
    assert -TOUCH_PX <= gap <= HEADER_GAP_MAX_ROWS * row_height, (
        f"{gap:.0f} px between the headers and the first row (a row is {row_height:.0f} px)"
    )


def test_the_map_legend_leaves_the_map_clear(width_visit):
    """The border map's legend covers none of the map (at 390 px it hid the bottom of it)
    and fits in the chart's width, so none of it is cut off."""
    key, area, frame = width_visit.get("map")
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


def test_the_timeline_labels_do_not_collide(width_visit):
    """The Timeline's dates, lanes and notes above them ("5 earlier items …") stay apart."""
    assert width_visit.get("timeline") == []


def test_the_overview_axis_labels_do_not_collide(width_visit):
    """The stories per week: its weeks and its stories axis's labels stay apart (at 390 and
    768 px, labels every 5 stories up to 35 ran into each other)."""
    assert width_visit.get("overview") == []
