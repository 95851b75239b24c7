"""Visits of every page that several browser tests read: one visit of the corpus at a
width, measured for tests/e2e/test_widths.py, and, at the desktop width, toured too for
tests/e2e/test_every_page.py (requests, axe-core, the charts' names, endless animations).

Opening every page of the corpus costs about 25 CPU-seconds (the Disagreements page alone
7); the desktop visit serves both modules, so the corpus's pages are opened three times a
run, once per width, not four (tests/conftest.py keeps its tests on one worker).

A measure that could not be taken is kept with the error it raised, for the test that
reads it; a tour step that raised is kept too (Tour.error), so that a width test does not
fail for an axe-core run, nor a tour test for a width measure.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

import dashboard
from tests.e2e.every_page import (
    CHART_TIMEOUT_MS,
    LABELS_SETTLE_MS,
    OVERFLOW_JS,
    PAGE_PATHS,
    TEXT_CORNERS_JS,
    TRUNCATED_JS,
    open_page,
    overlapping_texts,
    wait_for_charts,
)
from tests.e2e.helpers import SCREENSHOT_DIR, wait_for_rerun

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

# The Sources strip: its weeks' numbers (plotly's heatmap labels), and its axes' labels.
# The numbers are a text trace over the heatmap, each in black or white by its cell.
STRIP_COUNTS = ".scatterlayer .textpoint text"
STRIP_LABELS = f"{STRIP_COUNTS}, .xtick text, .ytick text"
# How much of the strip lies out of sight in its box, to be scrolled to sideways.
STRIP_HIDDEN_JS = """() => {
  const box = document.querySelector('div.st-key-wide_chart_sources_strip');
  return box.scrollWidth - box.clientWidth;
}"""
# Each number of the strip: its text, its width on screen, and its cell's (the plot's
# width over its columns).
STRIP_COUNTS_JS = """([root, selector]) => {
  const plot = root.querySelector('.js-plotly-plot');
  const cell = plot._fullLayout.xaxis._length / plot._fullData[0].x.length;
  return [...root.querySelectorAll(selector)].filter((t) => t.textContent.trim())
    .map((t) => ({text: t.textContent, width: t.getBoundingClientRect().width, cell}));
}"""

# The Map's chart: its key, and the area MapLibre draws the map in.
MAP_LEGEND = ".legend"
MAP_AREA = ".maplibregl-map"

# The top edge of every square of the Stances matrix (its cells are scatter markers), and
# the middle of every row's label.
MATRIX_ROWS_JS = """(root) => ({
  squareTops: [...root.querySelectorAll('.scatterlayer path.point')]
    .map((point) => point.getBoundingClientRect().top),
  rowMiddles: [...root.querySelectorAll('.ytick text')]
    .map((label) => label.getBoundingClientRect())
    .map((box) => (box.top + box.bottom) / 2),
})"""

# The pages measured beyond the checks every page gets.
STANCES, MAP, TIMELINE, SOURCES = "stances", "map", "timeline", "sources"
OVERVIEW = PAGE_PATHS[0]

# A map asks for its labels' glyphs as it draws them, after the chart is attached: the
# tour waits until it has (from wherever the style says: a glyph range is a .pbf file)
# before it moves on.
GLYPHS = ".pbf"
GLYPHS_TIMEOUT_MS = 20_000
POLL_MS = 100

CHARTS = '[data-testid="stPlotlyChart"], [data-testid="stVegaLiteChart"]'

# The animations on the page that run and never end (CSS animations and transitions, Web
# Animations): what they are and on what.
ENDLESS_ANIMATIONS_JS = """() => document.getAnimations()
  .filter((a) => a.playState === 'running' && a.effect
    && a.effect.getComputedTiming().endTime === Infinity)
  .map((a) => [a.animationName || a.transitionProperty || a.id,
    a.effect.target ? a.effect.target.outerHTML.slice(0, 120) : ''])"""


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


@dataclass
class Tour:
    """What one visit of every page saw; the error a tour step raised, if one did."""

    data: str
    requests: list[str] = field(default_factory=list)
    axe: dict[str, dict] = field(default_factory=dict)  # page path -> axe's results
    charts: list[tuple[str, str | None, str]] = field(default_factory=list)  # path, role, name
    endless: dict[str, list] = field(default_factory=dict)  # page path -> endless animations
    error: Exception | None = None

    def record_requests(self, page: Page) -> None:
        page.on("request", lambda sent: self.requests.append(sent.url))


def tour_page(page: Page, path: str, seen: Tour, axe: Axe) -> None:
    """The tour's look at an open page: endless animations, axe-core, the charts' names;
    on the Map, its glyphs, then its World view drawn too."""
    seen.endless[path] = page.evaluate(ENDLESS_ANIMATIONS_JS)
    seen.axe[path] = axe.run(page).response
    charts = page.locator(CHARTS)
    for index in range(charts.count()):
        chart = charts.nth(index)
        name = chart.get_attribute("aria-label") or ""
        seen.charts.append((path, chart.get_attribute("role"), name))
    if path == MAP:
        _wait_for_glyphs(page, seen)
        page.get_by_role("radio", name="World", exact=True).click()
        wait_for_rerun(page)
        wait_for_charts(page)


def _wait_for_glyphs(page: Page, seen: Tour) -> None:
    """Until the map has asked for its glyphs (its labels are being drawn); the World view
    finds them in the browser's cache, so only the first view is waited for."""
    waited = 0
    while not any(GLYPHS in url for url in seen.requests):
        assert waited < GLYPHS_TIMEOUT_MS, "the map asked for no glyphs"
        page.wait_for_timeout(POLL_MS)
        waited += POLL_MS


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


def _strip_counts(page: Page) -> tuple[list[tuple], list[dict], int]:
    """The Sources strip's labels that overlap (after overlapping_texts waited for them to
    settle), its numbers with their widths and their cells', and the pixels of it that lie
    out of sight in its box."""
    overlaps = overlapping_texts(page, FIRST_CHART, STRIP_LABELS)
    chart = page.locator(FIRST_CHART).first.element_handle()
    counts = page.evaluate(STRIP_COUNTS_JS, [chart, STRIP_COUNTS])
    return overlaps, counts, page.evaluate(STRIP_HIDDEN_JS)


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


def _measure_page(visit: WidthVisit, page: Page, path: str) -> None:
    if path == STANCES:
        _measure_stances(visit, page, "corpus")
    elif path == MAP:
        visit.take("map", lambda: _map_boxes(page))
    elif path == OVERVIEW:
        visit.take("overview", lambda: overlapping_texts(page, FIRST_CHART, AXIS_LABELS))
    elif path == SOURCES:
        visit.take("sources", lambda: _strip_counts(page))
    elif path == TIMELINE:
        visit.take("timeline", lambda: overlapping_texts(page, FIRST_CHART, TICKS_AND_NOTES))
    visit.problems += _page_problems(page, path)


def visit_every_page(
    browser: Browser,
    corpus_url: str,
    seed_url: str,
    viewport: dict[str, int],
    tour: Tour | None = None,
) -> WidthVisit:
    """Every page of the corpus, then the seed's Stances page, in one browser page of the
    given size, measured; each corpus page toured too when a ``tour`` is given (after its
    measures: the tour switches the Map to its World view)."""
    visit = WidthVisit(viewport["width"])
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    axe = None
    if tour is not None:
        tour.record_requests(page)
        axe = Axe()
    try:
        for path in PAGE_PATHS:
            open_page(page, corpus_url, path)
            _measure_page(visit, page, path)
            if tour is not None and tour.error is None:
                try:
                    tour_page(page, path, tour, axe)
                except Exception as error:  # kept for the tour's tests
                    tour.error = error
        open_page(page, seed_url, STANCES)
        _measure_stances(visit, page, "seed")
    finally:
        context.close()
    return visit


def tour_every_page(browser: Browser, base_url: str, viewport: dict[str, int], seen: Tour) -> Tour:
    """Every page of one server, toured (no width measures)."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    seen.record_requests(page)
    axe = Axe()
    try:
        for path in PAGE_PATHS:
            open_page(page, base_url, path)
            tour_page(page, path, seen, axe)
    finally:
        context.close()
    return seen
