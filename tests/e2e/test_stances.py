"""Real-browser tests of the Stances page: click a matrix cell, read its evidence, follow it."""

import re
from urllib.parse import parse_qs, urlparse

import pandas as pd
import pytest
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from components.data import load_dataset
from components.stances.model import build_stances_view
from components.stances.relations import links_naming
from tests.conftest import DATA_DIR
from tests.e2e.every_page import CHART_TIMEOUT_MS
from tests.e2e.helpers import (
    APP_TIMEOUT_MS,
    SCREENSHOT_DIR,
    Point,
    click_two_quickly,
    download_on_click,
    screenshot,
    url_path,
    wait_for_app,
    wait_for_rerun,
)

# The cell clicked: the United States demanding the withdrawal of Azerbaijani troops.
CLICKED_CELL = "united_states|withdrawal"

# Centre of the matrix square whose customdata is a given cell id: of its click frame, drawn
# over it (the frame of the cell the figure was made for, "Chosen cell", is skipped). The
# matrix is the first plotly chart on the page.
_CELL_CENTRE_JS = """(cellId) => {
  const plot = document.querySelector('.js-plotly-plot');
  for (const path of plot.querySelectorAll('.scatterlayer path.point')) {
    const trace = path.parentNode.parentNode.__data__[0].trace;
    const customdata = trace.customdata || [];
    if (trace.name !== 'Chosen cell' && customdata[path.__data__.i] === cellId) {
      const box = path.getBoundingClientRect();
      return {x: box.x + box.width / 2, y: box.y + box.height / 2};
    }
  }
  return null;
}"""


def open_stances(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/stances")
    wait_for_app(page)
    # Plotly's bundle loads on first use, which on a fresh server can take a while.
    expect(page.locator(".js-plotly-plot .ytick text").first).to_be_visible(timeout=APP_TIMEOUT_MS)


def click_cell(page: Page, cell_id: str) -> None:
    """Click one square of the matrix, as a reader would, and wait for the rerun."""
    page.locator(".js-plotly-plot").first.scroll_into_view_if_needed()
    centre = page.evaluate(_CELL_CENTRE_JS, cell_id)
    assert centre is not None, f"{cell_id} has no square in the matrix"
    page.mouse.move(centre["x"], centre["y"])
    page.mouse.click(centre["x"], centre["y"])
    wait_for_rerun(page)


def shoot_element(page: Page, selector: str, name: str) -> None:
    """Save one part of the page (the page scrolls inside Streamlit's main area)."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    page.locator(selector).first.screenshot(path=str(SCREENSHOT_DIR / f"{name}.png"))


def test_matrix_renders_rows_and_issues(app_server, page):
    """The matrix shows actors as rows and the issue labels, and nothing fails."""
    open_stances(page, app_server)
    ticks = page.locator(".js-plotly-plot").first.locator(".ytick text").all_text_contents()
    rows = [tick.strip() for tick in ticks]
    assert "United States" in rows, rows
    assert "Azerbaijan" in rows, rows
    assert not page.get_by_test_id("stException").count()
    screenshot(page, "stances-matrix")


def test_click_cell_shows_evidence_and_links_to_source(app_server, page):
    """Clicking a square lists the statements behind it; a link opens the Source page."""
    open_stances(page, app_server)
    click_cell(page, CLICKED_CELL)
    evidence = page.locator(".st-key-stances_evidence")
    expect(evidence).to_contain_text("United States on Azerbaijani troops must withdraw")
    expect(evidence).to_contain_text("Washington and Paris which demanded")
    expect(evidence).to_contain_text("once again calling on them to leave Armenian territory")
    expect(page.locator(".js-plotly-plot").first.locator("path.point")).not_to_have_count(0)
    evidence.scroll_into_view_if_needed()
    shoot_element(page, ".st-key-stances_evidence", "stances-evidence")
    # Back up to the heading, so Streamlit's sticky header does not cover the issue labels.
    page.get_by_role("heading", name="Actor × issue").scroll_into_view_if_needed()
    shoot_element(page, ".js-plotly-plot", "stances-matrix-chosen-cell")

    evidence.get_by_role("link", name="Open s08 in the article").click()
    # The page switch starts after the click returns: wait for the address, then the run.
    expect(page).to_have_url(re.compile(r"/source\?"))
    wait_for_app(page)
    assert url_path(page) == "source"
    assert parse_qs(urlparse(page.url).query).get("statement") == ["s08"]


def test_state_level_and_contradictions(app_server, page):
    """Rolled up to states, Porter's row goes; the contradictions show both pairs."""
    open_stances(page, app_server)
    page.get_by_text("State or organisation", exact=True).click()
    wait_for_rerun(page)
    matrix = page.locator(".js-plotly-plot").first
    expect(matrix.locator(".ytick text", has_text="Russia")).to_have_count(1)
    rows = [tick.strip() for tick in matrix.locator(".ytick text").all_text_contents()]
    assert "Jalina Porter" not in rows
    assert "United States" in rows
    page.get_by_role("heading", name="Actor × issue").scroll_into_view_if_needed()
    shoot_element(page, ".js-plotly-plot", "stances-matrix-states")

    pairs = page.locator("[class*='st-key-stances_contradiction_']")
    expect(pairs).to_have_count(2)
    expect(pairs.nth(0)).to_contain_text("Baku rejected these accusations")
    expect(pairs.nth(1)).to_contain_text("Pashinian did not ask for help")
    pairs.nth(1).scroll_into_view_if_needed()
    shoot_element(page, "[class*='st-key-stances_contradiction_s19']", "stances-contradiction")


def test_matrix_download_is_made_on_click_and_is_the_whole_matrix(app_server, page):
    """The CSV is built when the reader clicks (a deferred download), and has one row per
    actor with a stance, the cells of the real data."""
    open_stances(page, app_server)
    button = page.get_by_role("button", name="Download the matrix (CSV, one row per actor)")
    button.scroll_into_view_if_needed()
    download = download_on_click(page, button)
    assert download.suggested_filename == "stance-matrix-actor.csv"
    matrix = pd.read_csv(download.path())
    dataset = load_dataset()
    expected = build_stances_view(dataset, dataset, "actor", "like-minded")
    assert matrix["actor_id"].tolist() == list(expected.row_ids)
    assert len(matrix) == expected.row_total
    assert download.path().read_bytes() == expected.matrix_csv


# Two cells clicked one right after the other, and the heading the evidence box gives the
# second. The gap is the time between the two clicks: under plotly's doubleClickDelay (500 ms
# by default) and under a rerun of the page.
QUICK_PAIRS = [
    (CLICKED_CELL, "azerbaijan|border_violation", "Azerbaijan on Azerbaijan crossed the border"),
    ("porter|de_escalation", "france|withdrawal", "France on Azerbaijani troops must withdraw"),
]
QUICK_GAPS_MS = [60, 150]
# The cells the matrix shows framed as chosen: the points drawn (opacity above 0) of its
# frame traces, named "Chosen cell…".
_FRAMED_CELLS_JS = """() => {
  const plot = document.querySelector('.js-plotly-plot');
  const framed = [];
  for (const path of plot.querySelectorAll('.scatterlayer path.point')) {
    const trace = path.parentNode.parentNode.__data__[0].trace;
    if (!String(trace.name).startsWith('Chosen cell')) continue;
    if (Number(getComputedStyle(path).opacity) > 0) {
      framed.push((trace.customdata || [])[path.__data__.i]);
    }
  }
  return framed;
}"""


def framed_cells(page: Page) -> list[str]:
    return page.evaluate(_FRAMED_CELLS_JS)


def cell_centre(page: Page, cell_id: str) -> Point:
    centre = page.evaluate(_CELL_CENTRE_JS, cell_id)
    assert centre is not None, f"{cell_id} has no square in the matrix"
    return centre["x"], centre["y"]


@pytest.mark.parametrize("gap_ms", QUICK_GAPS_MS)
@pytest.mark.parametrize(("first", "second", "heading"), QUICK_PAIRS)
def test_a_cell_clicked_right_after_another_is_the_one_chosen(
    app_server, page, first, second, heading, gap_ms
):
    """A reader who clicks one square, then at once another, sees the second's statements,
    and the second framed in the matrix: the first click's rerun does not swallow the
    second (a chart drawn anew, or two presses taken for a double-click, did)."""
    open_stances(page, app_server)
    page.locator(".js-plotly-plot").first.scroll_into_view_if_needed()
    first_at, second_at = cell_centre(page, first), cell_centre(page, second)

    def reopen() -> None:
        open_stances(page, app_server)
        page.locator(".js-plotly-plot").first.scroll_into_view_if_needed()

    click_two_quickly(page, reopen, first_at, second_at, gap_ms)
    evidence = page.locator(".st-key-stances_evidence")
    expect(evidence).to_contain_text(heading)
    wait_for_app(page)
    expect(evidence).to_contain_text(heading)
    assert framed_cells(page) == [second]


# Two sides compared, on the corpus: Nikol Pashinyan saying Azerbaijan crossed the border, in
# 6 statements of Armenian outlets and 1 of Azerbaijani ones (tests/stances/test_page.py).
SPLIT_CELL = "pashinyan|border_violation"
# The centre of a cell's click frame in the matrix at ``index`` (0: the first side's),
# scrolled to the middle of the window (a matrix can be taller than the window).
_SPLIT_CELL_CENTRE_JS = """([index, cellId]) => {
  const plot = document.querySelectorAll('.js-plotly-plot')[index];
  for (const path of plot.querySelectorAll('.scatterlayer path.point')) {
    const trace = path.parentNode.parentNode.__data__[0].trace;
    if (trace.name !== 'Chosen cell' && (trace.customdata || [])[path.__data__.i] === cellId) {
      path.scrollIntoView({block: 'center', inline: 'center'});
      const box = path.getBoundingClientRect();
      return [box.x + box.width / 2, box.y + box.height / 2];
    }
  }
  return null;
}"""
# The cells each of the first two matrices shows framed (as _FRAMED_CELLS_JS for one).
_SPLIT_FRAMED_JS = """() => [...document.querySelectorAll('.js-plotly-plot')].slice(0, 2)
  .map((plot) => [...plot.querySelectorAll('.scatterlayer path.point')]
    .map((path) => [path, path.parentNode.parentNode.__data__[0].trace])
    .filter(([path, trace]) => String(trace.name).startsWith('Chosen cell')
      && Number(getComputedStyle(path).opacity) > 0)
    .map(([path, trace]) => (trace.customdata || [])[path.__data__.i]))"""


def click_split_cell(page: Page, index: int, cell_id: str) -> None:
    centre = page.evaluate(_SPLIT_CELL_CENTRE_JS, [index, cell_id])
    assert centre is not None, f"{cell_id} has no square in matrix {index}"
    page.mouse.move(*centre)
    page.mouse.click(*centre)
    wait_for_rerun(page)


def wait_for_split_frames(page: Page, expected: list[list[str]]) -> None:
    """Wait until the two matrices frame ``expected`` (a chart drawn anew by the rerun is
    drawn by plotly after the run ends); fail with what they frame."""
    try:
        page.wait_for_function(
            f"(expected) => JSON.stringify(({_SPLIT_FRAMED_JS})()) === JSON.stringify(expected)",
            arg=expected,
            timeout=CHART_TIMEOUT_MS,
        )
    except PlaywrightTimeoutError:
        raise AssertionError(f"framed {page.evaluate(_SPLIT_FRAMED_JS)}, not {expected}") from None


def test_in_the_split_view_a_click_frames_the_chosen_cell_only(corpus_server, page):
    """Two sides compared: a click in either matrix lists the statements behind the cell as
    that side's outlets print them, and only the chosen cell is framed (a click framed its
    cell with nothing chosen, and the frame stayed when the other matrix was clicked)."""
    page.goto(f"{corpus_server}/stances")
    wait_for_app(page)
    page.locator(".st-key-stances_reported_by").get_by_text("Compare two sides").click()
    wait_for_rerun(page)
    expect(page.locator(".js-plotly-plot .ytick text").first).to_be_visible(timeout=APP_TIMEOUT_MS)
    evidence = page.locator(".st-key-stances_evidence")

    click_split_cell(page, 1, SPLIT_CELL)
    expect(evidence).to_contain_text("as Azerbaijani outlets report it")
    expect(evidence.get_by_role("link", name=re.compile("^Open "))).to_have_count(1)
    wait_for_split_frames(page, [[], [SPLIT_CELL]])

    click_split_cell(page, 0, SPLIT_CELL)
    expect(evidence).to_contain_text("as Armenian outlets report it")
    # One link per statement, counted from statements.yaml (tests/stances/test_page.py: a
    # click in either matrix); round 16: 6 -> 7, Public Radio's of 20 May (arm0520p-s02).
    expect(evidence.get_by_role("link", name=re.compile("^Open "))).to_have_count(7)
    wait_for_split_frames(page, [[SPLIT_CELL], []])
    page.locator(".js-plotly-plot").first.scroll_into_view_if_needed()
    screenshot(page, "stances-split-chosen-cell")


# The corpus page at the suite's 1400 px: the agreement table alone made it some 23,600 px
# tall when it listed its hundreds of links at full height; it is about 7,200 now.
MAX_CORPUS_PAGE_HEIGHT_PX = 9_000


def test_the_corpus_page_stays_short_and_every_link_is_found(corpus_server, page):
    """The agreement table scrolls in a box of its own, so the page stays a few screens
    tall; searching for an actor lists that actor's links, counted out of all of them."""
    ds = load_dataset(DATA_DIR)
    table = build_stances_view(ds, ds, "actor", "like-minded").agreement_table
    page.goto(f"{corpus_server}/stances")
    wait_for_app(page)
    expect(page.locator(".js-plotly-plot .ytick text").first).to_be_visible(timeout=APP_TIMEOUT_MS)
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    assert height < MAX_CORPUS_PAGE_HEIGHT_PX
    total = len(table)
    expect(page.get_by_text(f"Showing {total:,} of {total:,} links")).to_be_visible()
    search = page.get_by_role("textbox", name="Find an actor")
    search.fill("Macron")
    search.press("Enter")
    wait_for_rerun(page)
    found = len(links_naming(table, "Macron"))
    assert 0 < found < total
    expect(page.get_by_text(f"Showing {found:,} of {total:,} links")).to_be_visible()
    search.scroll_into_view_if_needed()
    screenshot(page, "stances-agreement-search")
