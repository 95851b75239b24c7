"""Reusable steps for real-browser tests: wait for a run, pick actors, read the filter, shoot.

Every later page test builds on these; they find elements by Streamlit's stable test ids.
"""

import contextlib
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from playwright.sync_api import Download, Locator, Page, expect

from components.app.state import ACTOR_FILTER_KEY, ACTOR_PARAM

SCREENSHOT_DIR = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"

# Generous: the first run of a fresh server imports pandas, pandera and plotly.
APP_TIMEOUT_MS = 30_000

# How often a pick is retried: in a fresh browser the first keystrokes can reach the
# multiselect before its dropdown is ready and be lost.
PICK_ATTEMPTS = 3

# A download made on click (a callable given to st.download_button) asks the server for
# the file first; the generous timeout covers a large file on a busy machine. One click
# must bring the file (issue 22: no reload, no second click).
DOWNLOAD_TIMEOUT_MS = 20_000


def wait_for_app(page: Page, timeout: float = APP_TIMEOUT_MS) -> None:
    """Wait until Streamlit is connected and no script run is in progress."""
    app = page.locator('[data-testid="stApp"]')
    expect(app).to_have_attribute("data-test-connection-state", "CONNECTED", timeout=timeout)
    expect(app).to_have_attribute("data-test-script-state", "notRunning", timeout=timeout)


def wait_for_rerun(page: Page) -> None:
    """After an interaction: let the rerun it triggers start, then wait for it to finish."""
    app = page.locator('[data-testid="stApp"]')
    # The run may be over before the first poll; then there is nothing to wait for.
    with contextlib.suppress(AssertionError):
        expect(app).not_to_have_attribute("data-test-script-state", "notRunning", timeout=2_000)
    wait_for_app(page)


def actor_filter(page: Page) -> Locator:
    """The shared actor multiselect in the sidebar (the outlet filter is one too)."""
    return page.get_by_test_id("stSidebar").locator(f".st-key-{ACTOR_FILTER_KEY}")


def actor_chip(page: Page, label: str) -> Locator:
    """The chip of one selected actor, found by its label (the actor's name)."""
    tags = actor_filter(page).get_by_test_id("stMultiSelectTagsContainer")
    return tags.get_by_text(label, exact=True)


def pick_actor(page: Page, label: str) -> None:
    """Choose one actor in the sidebar filter by its visible label, retrying a lost pick."""
    field = actor_filter(page).locator("input")
    for attempt in range(PICK_ATTEMPTS):
        field.click()
        field.fill(label)
        page.get_by_role("option", name=label, exact=True).click()
        try:
            expect(actor_chip(page, label)).to_be_visible(timeout=5_000)
            break
        except AssertionError:
            if attempt == PICK_ATTEMPTS - 1:
                raise
    page.keyboard.press("Escape")
    expect(page.get_by_role("listbox")).to_have_count(0)
    wait_for_rerun(page)


def clear_filter(page: Page) -> None:
    """Press the sidebar's "Clear filter" button and wait for the rerun."""
    page.get_by_test_id("stSidebar").get_by_role("button", name=re.compile("Clear filter")).click()
    wait_for_rerun(page)
    expect(page).not_to_have_url(re.compile(f"[?&]{ACTOR_PARAM}="))


def url_actor_ids(page: Page) -> list[str]:
    """The actor ids the current URL carries in `?actor=…`."""
    return parse_qs(urlparse(page.url).query).get(ACTOR_PARAM, [])


def url_path(page: Page) -> str:
    """The page part of the current URL, without slashes ("" for the default page)."""
    return urlparse(page.url).path.strip("/")


def go_to_page(page: Page, title: str) -> None:
    """Switch page with the sidebar navigation, as a reader would, and wait for its run.

    Streamlit's frontend writes the page's path to the URL when the server starts the new
    page's run: waiting for the path, then for the run to end, does not depend on how soon
    the run starts (wait_for_rerun gives it 2 s, which a loaded machine can pass).
    """
    link = page.get_by_test_id("stSidebarNav").get_by_role("link", name=title, exact=True)
    path = urlparse(link.get_attribute("href")).path
    link.click()
    expect(page).to_have_url(re.compile(f"^[^?#]*{re.escape(path)}([?#]|$)"))
    wait_for_app(page)


def selected_mark(page: Page, statement_id: str) -> Locator:
    """The Source page's highlight of the statement its link chose, in the article's text."""
    return page.locator(f'mark.src-selected[data-statement-ids~="{statement_id}"]')


def screenshot(page: Page, name: str) -> Path:
    """Save a full-page screenshot as artifacts/screenshots/<name>.png and return its path."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOT_DIR / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def download_on_click(page: Page, button: Locator) -> Download:
    """Click a download button once, when the app is idle, and return the download.

    No retry: a click that brings no file is a bug (issue 22, tests/e2e/test_downloads.py).
    """
    wait_for_app(page)
    expect(button).to_be_enabled()
    with page.expect_download(timeout=DOWNLOAD_TIMEOUT_MS) as download_info:
        button.click()
    return download_info.value


# The centre of the mark of the first plotly chart whose customdata is `pointId`, in page
# pixels, placed through its own subplot's axes (a chart with a subplot per event does not
# keep the data's order in the DOM), in the traces whose meta starts with `metaPrefix`;
# null when no trace has it.
_MARK_CENTRE_JS = """([pointId, metaPrefix]) => {
  const plot = document.querySelector('.js-plotly-plot');
  const box = plot.getBoundingClientRect();
  for (const trace of plot._fullData) {
    if (!String(trace.meta || '').startsWith(metaPrefix)) continue;
    const point = Array.from(trace.customdata || []).indexOf(pointId);
    if (point < 0) continue;
    const xaxis = plot._fullLayout[trace.xaxis.replace('x', 'xaxis')];
    const yaxis = plot._fullLayout[trace.yaxis.replace('y', 'yaxis')];
    return [
      box.left + xaxis._offset + xaxis.c2p(xaxis.d2c(trace.x[point])),
      box.top + yaxis._offset + yaxis.c2p(yaxis.d2c(trace.y[point])),
    ];
  }
  return null;
}"""


def mark_centre(page: Page, point_id: str, meta_prefix: str = "") -> tuple[float, float] | None:
    """Where the mark of ``point_id`` (its customdata) is drawn, in page pixels; only in the
    traces whose meta starts with ``meta_prefix`` when given (not a highlight drawn over it)."""
    centre = page.evaluate(_MARK_CENTRE_JS, [point_id, meta_prefix])
    return tuple(centre) if centre is not None else None


# A point on the page, in CSS pixels.
Point = tuple[float, float]
# plotly.js's default doubleClickDelay: two presses closer than this are a double-click.
PLOTLY_DOUBLE_CLICK_MS = 500
# A pair of clicks is tried again, from a fresh page, when a loaded machine stretched it
# past PLOTLY_DOUBLE_CLICK_MS; at most this many times.
QUICK_PAIR_ATTEMPTS = 3

# The times of the presses of the mouse on the page, as the browser took them.
_NOTE_PRESSES_JS = """() => {
  window.notedPresses = [];
  window.addEventListener('mousedown', () => window.notedPresses.push(performance.now()), true);
}"""


def click_two_quickly(
    page: Page, reopen: Callable[[], None], first_at: Point, second_at: Point, gap_ms: int
) -> None:
    """Click at ``first_at``, then ``gap_ms`` later at ``second_at``, the presses less than
    PLOTLY_DOUBLE_CLICK_MS apart as the browser took them; when a busy machine made them
    further apart, ``reopen`` the page and try again. Waits for nothing after the second."""
    for attempt in range(QUICK_PAIR_ATTEMPTS):
        if attempt:
            reopen()
        page.evaluate(_NOTE_PRESSES_JS)
        page.mouse.move(*first_at)
        page.mouse.click(*first_at)
        page.mouse.move(*second_at)
        # The pause between the two clicks is what is tested, not a wait for the app.
        page.wait_for_timeout(gap_ms)
        page.mouse.click(*second_at)
        first_press, second_press = page.evaluate("window.notedPresses")
        if second_press - first_press < PLOTLY_DOUBLE_CLICK_MS:
            return
    raise AssertionError(f"no two clicks less than {PLOTLY_DOUBLE_CLICK_MS} ms apart")
