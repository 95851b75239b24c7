"""Real-browser test of the Disagreements page: on the busiest day of a day strip, every
report is a mark of its own that a click opens (what only the drawn chart can show: a mark
under another one cannot be clicked)."""

import re

from playwright.sync_api import Page, expect

from components.app.state import DISAGREEMENTS_ASPECT_KEY
from components.data import load_dataset
from components.disagreements.frames import claims_table
from tests.conftest import DATA_DIR
from tests.e2e.helpers import (
    APP_TIMEOUT_MS,
    mark_centre,
    screenshot,
    wait_for_app,
    wait_for_rerun,
)

# A click that picks nothing is tried again, this many times in all. The loss users met
# (a second mark clicked within 500 ms taken for a double-click, which clears the
# selection) is fixed by SINGLE_CLICKS_CONFIG, and the figure does not change on a click.
# With one attempt only, this test lost none of 42 clicks on a quiet machine and none of
# 28 at load average 8; a helper saw 2 of about 27 runs lose one at load 10-15, the first
# click after switching to Date (then named Day), undiagnosed. The retry covers that alone.
CLICK_ATTEMPTS = 3
# Tall enough for the Date chart's first strip, the capture's, without scrolling: the chart
# starts about 1,000 px down and its 9 strips (279 articles) are 2,107 px tall, so the
# later strips, which this test does not click, end below the fold.
TALL_VIEWPORT = {"width": 1400, "height": 2400}


def test_every_report_of_the_capture_day_opens_its_own_report(corpus_server, page: Page):
    """The 15 reports that date the capture of six servicemen to 27 May (counted from the
    articles' events.yaml, on 279 articles as on 246: 8 Armenian, 3 Azerbaijani, 2 Russian,
    1 Western, 1 International): each click on a mark picks that report, none another one
    drawn on top of it."""
    claims = claims_table(load_dataset(DATA_DIR))
    day = claims.loc[
        (claims["event_id"] == "ev-capture-six")
        & (claims["aspect"] == "date")
        & (claims["value_key"] == "2021-05-27")
    ]
    assert len(day) > 10, "the busiest day of the corpus's day strips"
    page.set_viewport_size(TALL_VIEWPORT)
    page.goto(f"{corpus_server}/disagreements")
    wait_for_app(page)
    page.locator(f".st-key-{DISAGREEMENTS_ASPECT_KEY} input").click()
    page.get_by_role("option", name=re.compile(r"^Date ")).click()
    wait_for_rerun(page)
    expect(page.locator(".js-plotly-plot .main-svg").first).to_be_visible(timeout=APP_TIMEOUT_MS)
    report = page.locator(".st-key-disagreements_report")
    for claim in day.itertuples(index=False):
        centre = mark_centre(page, claim.claim_id, "claims:")
        assert centre is not None, f"{claim.claim_id} has no mark"
        # The report's outlet and its own words (two reports of one outlet differ in them).
        words = " ".join(str(claim.quote).split())
        for attempt in range(CLICK_ATTEMPTS):
            page.mouse.move(*centre)
            page.mouse.click(*centre)
            wait_for_rerun(page)
            try:
                # Both: the box's table of every report holds every report's words, so the
                # words alone pass while the box still shows the last report.
                expect(report).to_contain_text(words, timeout=5_000)
                expect(report).to_contain_text(
                    f"{claim.outlet} · {claim.side_label} outlet", timeout=5_000
                )
                break
            except AssertionError:
                # A retried click on another mark would pick that mark again, and fail
                # every time: the retry cannot hide a mark that opens the wrong report.
                if attempt == CLICK_ATTEMPTS - 1:
                    raise
        expect(report).to_contain_text(f"{claim.outlet} · {claim.side_label} outlet")
    screenshot(page, "disagreements-capture-day")
