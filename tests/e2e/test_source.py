"""Real-browser tests of the Source page: a deep link scrolls to one statement; the
Overview's links land on the record they name. (Hostile data on the Source page:
tests/e2e/test_hostile.py, on that module's server.)"""

import re

from playwright.sync_api import expect

from tests.e2e.helpers import (
    APP_TIMEOUT_MS,
    screenshot,
    selected_mark,
    wait_for_app,
    wait_for_rerun,
)

# A statement near the end of the body, so reaching it needs the scroll.
LATE_STATEMENT_ID = "s19"


def test_deep_link_outlines_and_scrolls_to_the_statement(app_server, page, dataset):
    """/source?statement=s19 opens with s19 outlined, in view, and its card beside it."""
    page.goto(f"{app_server}/source?statement={LATE_STATEMENT_ID}")
    wait_for_app(page)
    mark = selected_mark(page, LATE_STATEMENT_ID)
    # The first run of a fresh session can end after wait_for_app sees the idle state.
    expect(mark).to_have_count(1, timeout=APP_TIMEOUT_MS)
    expect(mark).to_be_in_viewport()
    quote = dataset.statements.set_index("statement_id").loc[LATE_STATEMENT_ID, "quote"]
    expect(mark).to_have_text(quote)
    panel = page.locator(".st-key-source_record_panel")
    expect(panel.get_by_text(re.compile("Contradicts s05"))).to_be_visible()
    screenshot(page, "source-deep-link-s19")


def test_first_statement_is_not_scrolled_past(app_server, page):
    """A link to the first statement keeps the top of the article in view too."""
    page.goto(f"{app_server}/source?statement=s01")
    wait_for_app(page)
    expect(selected_mark(page, "s01")).to_have_count(1, timeout=APP_TIMEOUT_MS)
    expect(selected_mark(page, "s01")).to_be_in_viewport()
    expect(page.locator(".src-legend")).to_be_in_viewport()


def test_overview_contradiction_link_opens_the_statement(app_server, page):
    """Read on the Overview's contradiction line lands on that statement in the Source."""
    page.goto(app_server)
    wait_for_app(page)
    read = page.get_by_role("link", name="Read").first
    expect(read).to_be_visible(timeout=APP_TIMEOUT_MS)
    read.click()
    wait_for_rerun(page)
    expect(page).to_have_url(re.compile(r"/source\?statement=s\d+"))
    statement_id = re.search(r"statement=(s\d+)", page.url).group(1)
    expect(selected_mark(page, statement_id)).to_have_count(1, timeout=APP_TIMEOUT_MS)
    expect(selected_mark(page, statement_id)).to_be_in_viewport()
    screenshot(page, "source-from-overview")
