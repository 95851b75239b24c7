"""Real-browser tests of the cross-source views on the corpus (data/): the Timeline's grouped
event detail (every report of one event, side by side) and the Disagreements page."""

from playwright.sync_api import Page, expect

from components.data import load_dataset
from tests.conftest import DATA_DIR
from tests.e2e.helpers import (
    APP_TIMEOUT_MS,
    mark_centre,
    screenshot,
    wait_for_app,
    wait_for_rerun,
)
from tests.e2e.test_timeline import click_item

# The capture of six Armenian servicemen on 27 May: 25 articles of six sides report it (12
# Armenian, 4 Azerbaijani, 4 Western, 3 Russian, 1 International, 1 Other; counted from the
# articles' events.yaml on 279 articles, as on 246: none of the 33 new reports it).
CAPTURE = "ev-capture-six"
TALL_VIEWPORT = {"width": 1400, "height": 2200}


def test_clicking_an_event_shows_every_report_with_its_outlet(corpus_server, page: Page):
    """The capture (27 May, after the crisis days: seen over the reporting period) is drawn once; a
    click sets its 26 reports side by side, each with its outlet and side (counted from the
    articles' events.yaml: one report each in 26 articles; round 16: 25 -> 26,
    armenianclub.com's copy of Caucasian Knot of 27 May)."""
    reports = load_dataset(DATA_DIR).event_reports
    articles = load_dataset(DATA_DIR).articles.set_index("article_id")
    expected = reports.loc[reports["event_id"] == CAPTURE, "article_id"].tolist()
    assert len(expected) == 26
    page.set_viewport_size(TALL_VIEWPORT)
    page.goto(f"{corpus_server}/timeline")
    wait_for_app(page)
    expect(page.locator(".js-plotly-plot .xtick text").first).to_be_visible(timeout=APP_TIMEOUT_MS)
    page.get_by_role("radio", name="Reporting period").click()
    wait_for_rerun(page)
    click_item(page, f"event:{CAPTURE}")
    heading = page.get_by_text("26 reports of this event, side by side")
    expect(heading).to_be_visible()
    for article_id in expected:
        box = page.locator(f".st-key-timeline_report_{article_id}")
        expect(box).to_contain_text(articles.loc[article_id, "outlet"])
        link = box.get_by_role("link", name="Open in the Source page")
        expect(link).to_have_attribute("href", f"source?event={CAPTURE}&article={article_id}")
    expect(page.locator("[class*='st-key-timeline_report_']")).to_have_count(26)
    heading.scroll_into_view_if_needed()
    screenshot(page, "timeline-capture-reports")


def test_disagreements_show_the_capture_places_by_side(corpus_server, page: Page):
    """The place strip of the capture has Armenian and Azerbaijani marks; clicking the
    Azerbaijani one shows its outlet, the place it claims and its words."""
    data = load_dataset(DATA_DIR)
    claims = data.event_claims.merge(data.articles[["article_id", "outlet", "side"]])
    places = claims.loc[(claims["event_id"] == CAPTURE) & (claims["aspect"] == "place")]
    assert {"armenia", "azerbaijan"} <= set(places["side"])
    azerbaijani = places.loc[places["side"] == "azerbaijan"].iloc[0]
    page.set_viewport_size(TALL_VIEWPORT)
    page.goto(f"{corpus_server}/disagreements")
    wait_for_app(page)
    chart = page.locator(".js-plotly-plot").first
    expect(chart).to_be_visible(timeout=APP_TIMEOUT_MS)
    expect(chart).to_contain_text("Six Armenian servicemen")
    legend = page.locator(".js-plotly-plot .legendtext").all_text_contents()
    assert {"Armenian", "Azerbaijani"} <= set(legend), legend
    for claim_id in places["claim_id"]:
        assert mark_centre(page, claim_id) is not None, claim_id
    chart.scroll_into_view_if_needed()
    x, y = mark_centre(page, azerbaijani["claim_id"])
    page.mouse.move(x, y)
    page.mouse.click(x, y)
    wait_for_rerun(page)
    report = page.locator(".st-key-disagreements_report")
    expect(report).to_contain_text(azerbaijani["outlet"])
    expect(report).to_contain_text("Azerbaijani outlet")
    expect(report).to_contain_text(" ".join(azerbaijani["quote"].split()))
    expect(report.get_by_role("link", name="Open the report in the Source page")).to_be_visible()
    screenshot(page, "disagreements-capture-place")
