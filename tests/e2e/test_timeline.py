"""Real-browser tests of the Timeline page: the chart renders, a click opens the detail."""

from urllib.parse import parse_qs, urlparse

import pandas as pd
import pytest
from playwright.sync_api import Page, expect

from components.data import load_dataset
from components.timeline.detail import item_detail
from components.timeline.figure_piles import PILES_TRACE
from components.timeline.figures import ITEMS_TRACE
from components.timeline.frames import timeline_view
from components.timeline.items import timeline_items
from tests.conftest import DATA_DIR
from tests.e2e.helpers import (
    APP_TIMEOUT_MS,
    click_two_quickly,
    download_on_click,
    screenshot,
    url_path,
    wait_for_app,
    wait_for_rerun,
)

# The item clicked: Pashinyan's appeal to Putin, on the evening of 14 May.
CLICKED_ITEM = "statement:s05"
TABLE_LABEL = "The items as a table, sortable, with a CSV download"
# Tall enough for the chart and the whole detail panel in one screenshot.
TALL_VIEWPORT = {"width": 1400, "height": 1500}

# Finds the marker of one item in the rendered plotly chart: the trace named ITEMS_TRACE,
# the point whose customdata is the item id. Returns its path's index among the trace's
# points, which plotly draws in data order.
_POINT_INDEX_JS = """([traceName, itemId]) => {
  const plot = document.querySelector('.js-plotly-plot');
  const curve = plot.data.findIndex(trace => trace.name === traceName);
  const point = Array.from(plot.data[curve].customdata).indexOf(itemId);
  return [curve, point];
}"""

_POINT_COUNT_JS = """(traceName) => {
  const plot = document.querySelector('.js-plotly-plot');
  return plot.data.find(trace => trace.name === traceName).customdata.length;
}"""


def open_timeline(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/timeline")
    wait_for_app(page)
    # Streamlit loads plotly.js on the first chart, which can take longer than a rerun.
    ticks = page.locator(".js-plotly-plot .xtick text").first
    expect(ticks).to_be_visible(timeout=APP_TIMEOUT_MS)


def marker_centre(page: Page, item_id: str, trace_name: str = ITEMS_TRACE) -> tuple[float, float]:
    """Where the chart marker of one item (or pile) is drawn, in page coordinates."""
    curve, point = page.evaluate(_POINT_INDEX_JS, [trace_name, item_id])
    assert curve >= 0, "the chart has no items trace"
    assert point >= 0, f"{item_id} is not in the chart"
    trace = page.locator(".js-plotly-plot .scatterlayer .trace").nth(curve)
    marker = trace.locator("path.point").nth(point)
    marker.scroll_into_view_if_needed()
    box = marker.bounding_box()
    assert box is not None, f"the marker of {item_id} is not drawn"
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def click_item(page: Page, item_id: str) -> None:
    """Click the chart marker of one item, as a reader would, and wait for the rerun."""
    x, y = marker_centre(page, item_id)
    page.mouse.move(x, y)
    page.mouse.click(x, y)
    wait_for_rerun(page)


def test_default_view_shows_crisis_days(app_server, page):
    """The page opens on the crisis days, with a marker drawn for every item in every lane."""
    open_timeline(page, app_server)
    ticks = page.locator(".js-plotly-plot .xtick text").all_text_contents()
    assert any("14 May 2021" in tick for tick in ticks), ticks
    curve, _ = page.evaluate(_POINT_INDEX_JS, [ITEMS_TRACE, CLICKED_ITEM])
    markers = page.locator(".js-plotly-plot .scatterlayer .trace").nth(curve).locator("path.point")
    points = page.evaluate(_POINT_COUNT_JS, ITEMS_TRACE)
    expect(markers).to_have_count(points)
    assert not page.get_by_test_id("stException").count()
    screenshot(page, "timeline-crisis-days")


def test_click_opens_detail(app_server, page):
    """Clicking a marker opens its detail; its link opens the statement in the Source page."""
    statement = load_dataset().statements.set_index("statement_id").loc["s05"]
    open_timeline(page, app_server)
    click_item(page, CLICKED_ITEM)
    detail = page.locator(".st-key-timeline_detail")
    expect(detail).to_contain_text("Appeal for assistance by Nikol Pashinyan")
    expect(detail).to_contain_text(" ".join(statement["quote"].split())[:60])
    expect(detail).to_contain_text(statement["date_label"])
    page.mouse.move(0, 0)
    page.set_viewport_size(TALL_VIEWPORT)
    screenshot(page, "timeline-detail")
    detail.get_by_role("link", name="Open in the Source page").click()
    wait_for_rerun(page)
    assert url_path(page) == "source"
    assert parse_qs(urlparse(page.url).query)["statement"] == ["s05"]


def test_since_the_war_preset(app_server, page):
    """The "Since the war" preset shows the background months with their precision labels."""
    open_timeline(page, app_server)
    page.get_by_role("radio", name="Since the war").click()
    wait_for_rerun(page)
    page.set_viewport_size(TALL_VIEWPORT)
    chart = page.locator(".js-plotly-plot")
    expect(chart).to_contain_text("autumn 2020 (season)")
    expect(chart).to_contain_text("November 2020 (month)")
    screenshot(page, "timeline-since-the-war")


def test_items_table_opens_and_its_csv_holds_every_item(app_server, page):
    """The table starts closed (no data grid to load before the chart); a click opens it,
    and its CSV is the whole table of the chart's items."""
    open_timeline(page, app_server)
    grid = page.get_by_test_id("stDataFrame")
    expect(grid).to_have_count(0)
    page.get_by_text(TABLE_LABEL).click()
    wait_for_rerun(page)
    expect(grid).to_be_visible(timeout=APP_TIMEOUT_MS)
    grid.scroll_into_view_if_needed()
    screenshot(page, "timeline-items-table")
    button = page.get_by_role("button", name="Download these rows (CSV)")
    button.scroll_into_view_if_needed()
    download = download_on_click(page, button)
    assert download.suggested_filename == "lake-sev-timeline.csv"
    dataset = load_dataset()
    rows = pd.read_csv(download.path())
    assert len(rows) == len(dataset.statements) + len(dataset.events)
    view = timeline_view(timeline_items(dataset), dataset.actors, "actor")
    assert download.path().read_bytes() == view.csv_bytes()


def test_on_the_corpus_a_click_on_a_pile_lists_its_items(corpus_server, page):
    """The items of the Other lane on 14 May (49 on the 153-article corpus, of 98 folded
    actors) are one square; a click lists them all. The count is the Timeline frames' (its
    members are checked one by one in tests/timeline/test_corpus.py)."""
    pile_id = "pile:__other__/2021-05-14"
    corpus = load_dataset(DATA_DIR)
    view = timeline_view(timeline_items(corpus), corpus.actors, "actor")
    members = len(view.count_items(pile_id))
    [lane] = view.placed.loc[view.placed["lane_id"] == "__other__", "lane_label"].unique()
    assert members > 40
    assert lane == f"Other actors ({view.folded_lanes})"
    page.set_viewport_size(TALL_VIEWPORT)
    open_timeline(page, corpus_server)
    x, y = marker_centre(page, pile_id, PILES_TRACE)
    page.mouse.move(x, y)
    page.mouse.click(x, y)
    wait_for_rerun(page)
    expect(page.get_by_text(f"{members} items in {lane}, 14 May 2021")).to_be_visible()
    screenshot(page, "timeline-corpus-pile")


# Two items clicked one right after the other (tests/e2e/test_stances.py's click_two_quickly:
# less than plotly's doubleClickDelay apart, 500 ms by default), both on the screen at once.
QUICK_PAIRS = [("statement:s05", "statement:s07"), ("statement:s08", "statement:s12")]
QUICK_GAPS_MS = [60, 150]

# The x-axis range the chart shows, as plotly holds it; and whether it is a given one.
_X_RANGE_JS = "() => document.querySelector('.js-plotly-plot')._fullLayout.xaxis.range"
_X_RANGE_IS_JS = """(range) => {
  const shown = document.querySelector('.js-plotly-plot')._fullLayout.xaxis.range;
  return shown[0] === range[0] && shown[1] === range[1];
}"""


@pytest.mark.parametrize("gap_ms", QUICK_GAPS_MS)
@pytest.mark.parametrize(("first", "second"), QUICK_PAIRS)
def test_an_item_clicked_right_after_another_is_the_one_shown(
    app_server, page, first, second, gap_ms
):
    """A reader who clicks one marker, then at once another, reads the second's detail:
    the two presses are not taken for a double-click, which cleared the selection."""
    detail_of = item_detail(load_dataset(), second)
    # The whole chart on the screen: no scroll moves a marker between the two clicks.
    page.set_viewport_size(TALL_VIEWPORT)
    open_timeline(page, app_server)
    first_at, second_at = marker_centre(page, first), marker_centre(page, second)
    assert marker_centre(page, first) == first_at, "the page scrolled between the two"
    click_two_quickly(page, lambda: open_timeline(page, app_server), first_at, second_at, gap_ms)
    detail = page.locator(".st-key-timeline_detail")
    expect(detail).to_contain_text(detail_of.title)
    wait_for_app(page)
    expect(detail).to_contain_text(detail_of.title)
    expect(detail).to_contain_text(f"· {detail_of.record_id}")


def test_a_zoom_is_undone_by_the_toolbar(app_server, page):
    """A drag across the chart zooms in time; the toolbar's "Reset axes" button, named in
    the caption, zooms back out (a double-click no longer does: it is two clicks)."""
    open_timeline(page, app_server)
    expect(page.get_by_text("the house button (“Reset axes”)", exact=False)).to_be_visible()
    shown = page.evaluate(_X_RANGE_JS)
    plot = page.locator(".js-plotly-plot .nsewdrag").first
    plot.scroll_into_view_if_needed()
    box = plot.bounding_box()
    assert box is not None
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.3, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.5, y, steps=5)
    page.mouse.up()
    page.wait_for_function(f"(range) => !({_X_RANGE_IS_JS})(range)", arg=shown)
    zoomed = page.evaluate(_X_RANGE_JS)
    assert shown[0] < zoomed[0] < zoomed[1] < shown[1]
    screenshot(page, "timeline-zoomed")
    page.locator(".js-plotly-plot .modebar-btn[data-title='Reset axes']").click()
    page.wait_for_function(_X_RANGE_IS_JS, arg=shown)
