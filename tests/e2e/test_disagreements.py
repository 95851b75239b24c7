"""Real-browser test of the Disagreements page: on the busiest day of a day strip, every
report is a mark of its own that a click opens (what only the drawn chart can show: a mark
under another one cannot be clicked)."""

import re

from playwright.sync_api import Page, expect

from components.app.state import DISAGREEMENTS_ASPECT_KEY
from components.data import load_dataset
from components.disagreements.frames import claims_table
from tests.conftest import DATA_DIR
from tests.e2e.conftest import EXPECT_TIMEOUT_MS
from tests.e2e.helpers import (
    APP_TIMEOUT_MS,
    mark_centre,
    screenshot,
    wait_for_app,
    wait_for_rerun,
)

# How long a click's report may take: on a loaded machine the rerun a click asks for
# started 1.7-4.8 s after it (load 12-14), so wait_for_rerun, which waits 2 s for a run to
# start, often returns before it; the report then showed up to 5.6 s after the click. The
# 5 s this check had made such a click look lost (the first after switching to Date, 2 of
# about 27 runs at load 10-15), and a retry hid it; no click was lost: each fired plotly's
# selection event and sent its rerun. One click a report, and the suite's own timeout.
REPORT_TIMEOUT_MS = EXPECT_TIMEOUT_MS
# Tall enough for the Date chart's first strip, the capture's, without scrolling: the chart
# starts about 1,000 px down; its later strips (10 in all on 329 articles), which this test
# does not click, end below the fold.
TALL_VIEWPORT = {"width": 1400, "height": 2400}


def test_every_report_of_the_capture_day_opens_its_own_report(corpus_server, page: Page):
    """The 15 reports that date the capture of six servicemen to 27 May (counted from the
    articles' events.yaml, on 329 articles as on 246: 8 Armenian, 3 Azerbaijani, 2 Russian,
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
    # The Date chart itself: its run too may start after wait_for_rerun stopped waiting.
    chart = page.locator(".js-plotly-plot").first
    expect(chart).to_contain_text("date (2021)", timeout=APP_TIMEOUT_MS)
    wait_for_app(page)
    report = page.locator(".st-key-disagreements_report")
    for claim in day.itertuples(index=False):
        centre = mark_centre(page, claim.claim_id, "claims:")
        assert centre is not None, f"{claim.claim_id} has no mark"
        # The report's outlet and its own words (two reports of one outlet differ in them).
        words = " ".join(str(claim.quote).split())
        page.mouse.move(*centre)
        page.mouse.click(*centre)
        wait_for_rerun(page)
        # Both: the box's table of every report holds every report's words, so the words
        # alone pass while the box still shows the last report.
        expect(report).to_contain_text(words, timeout=REPORT_TIMEOUT_MS)
        expect(report).to_contain_text(
            f"{claim.outlet} · {claim.side_label} outlet", timeout=REPORT_TIMEOUT_MS
        )
    screenshot(page, "disagreements-capture-day")
