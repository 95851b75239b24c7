"""Every download button gives its file on the first click, many times in a row (issue 22).

A download made on click (a callable given to st.download_button) is registered under an
id that lives until the end of the session's next full run. A click used to start a rerun
too (Streamlit's default), and when that rerun finished before the server looked the id up,
the click got nothing: `MediaFileStorageError: Deferred file … not found` in the log and a
button left disabled (about 10 of 330 clicks). The buttons now ask for no rerun.
"""

import re
from pathlib import Path

from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from .conftest import server_log
from .helpers import clear_filter, go_to_page, pick_actor, wait_for_app

# The pages with download buttons, in the order the test visits them.
PAGES_WITH_DOWNLOADS = ("Data", "Stances", "Sources", "Map")
# An actor of the corpus to filter by between the two rounds (a filter change reruns every
# page and gives every button a new file id).
FILTER_ACTOR = "Nikol Pashinyan"
# Filter changes on the Data page, each followed at once by a click on its filtered rows.
FILTER_CHANGES = 6
# A click whose file has not come in this time counts as a lost download.
CLICK_TIMEOUT_MS = 15_000
# Fewer clicks than this would not show a 3% loss reliably (issue 22: ~10 of 330).
MIN_CLICKS = 30
LOST_DOWNLOAD = re.compile(r"MediaFileStorageError|Deferred file \S+ not found")


def _click_every_button(page: Page, failures: list[str]) -> int:
    """Click each download button of the page once; note the ones that gave no file."""
    buttons = page.get_by_test_id("stDownloadButton").locator("button:visible")
    expect(buttons.first).to_be_visible()
    count = buttons.count()
    for index in range(count):
        button = buttons.nth(index)
        label = button.inner_text().strip()
        button.scroll_into_view_if_needed()
        wait_for_app(page)
        expect(button).to_be_enabled()
        try:
            with page.expect_download(timeout=CLICK_TIMEOUT_MS) as download_info:
                button.click()
            download = download_info.value
            size = Path(download.path()).stat().st_size
            if not download.suggested_filename or size == 0:
                failures.append(f"{label}: empty file {download.suggested_filename!r}")
        except PlaywrightTimeoutError:
            state = "disabled" if button.is_disabled() else "enabled"
            failures.append(f"{label}: no file (button {state})")
            # Only so that the test goes on counting: a reader would have to do this.
            page.reload()
            wait_for_app(page)
    return count


def _click(page: Page, button, failures: list[str]) -> None:
    label = button.inner_text().strip()
    try:
        with page.expect_download(timeout=CLICK_TIMEOUT_MS) as download_info:
            button.click()
        if Path(download_info.value.path()).stat().st_size == 0:
            failures.append(f"{label}: empty file")
    except PlaywrightTimeoutError:
        failures.append(f"{label}: no file")


def test_every_download_gives_its_file_on_one_click(corpus_server, corpus_server_logs, page):
    """Two rounds over every download button of every page, the second after a filter
    change, then filter changes each followed at once by a click: every click brings a
    non-empty file, and the server logs no lost one while the test runs."""
    log = server_log(corpus_server_logs, corpus_server)
    logged_before = log.stat().st_size
    page.goto(corpus_server)
    wait_for_app(page)
    failures: list[str] = []
    clicks = 0
    for round_number in range(2):
        if round_number == 1:
            pick_actor(page, FILTER_ACTOR)
        for title in PAGES_WITH_DOWNLOADS:
            go_to_page(page, title)
            clicks += _click_every_button(page, failures)
    go_to_page(page, "Data")
    rows = page.get_by_role("button", name=re.compile(r"These \d+ rows \(CSV\)"))
    for change in range(FILTER_CHANGES):
        if change % 2:
            pick_actor(page, FILTER_ACTOR)
        else:
            clear_filter(page)
        _click(page, rows, failures)
        clicks += 1
    assert clicks >= MIN_CLICKS, clicks
    lost = LOST_DOWNLOAD.findall(log.read_bytes()[logged_before:].decode(errors="replace"))
    assert not failures, f"{len(failures)} of {clicks} clicks gave no file: {failures}"
    assert not lost, f"{len(lost)} lost files in the server log"
