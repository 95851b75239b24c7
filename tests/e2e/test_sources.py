"""Real-browser tests of the Sources page and the side filter, on the corpus (data/)."""

import re
from urllib.parse import parse_qs, urlparse

from playwright.sync_api import Page, expect

from components.app.state import SIDE_FILTER_KEY, SIDE_PARAM
from tests.corpus_files import counts_sentence
from tests.e2e.helpers import screenshot, wait_for_app, wait_for_rerun

# What the page says the table holds, counted from the corpus files (tests/corpus_files.py).
EVERY_ARTICLE = counts_sentence()
AZERBAIJANI_ARTICLES = counts_sentence("azerbaijan")


def url_sides(page: Page) -> list[str]:
    return parse_qs(urlparse(page.url).query).get(SIDE_PARAM, [])


def side_pill(page: Page, label: str):
    pills = page.get_by_test_id("stSidebar").locator(f".st-key-{SIDE_FILTER_KEY}")
    return pills.get_by_role("button", name=label, exact=True)


def test_sources_page_lists_every_article(corpus_server, page):
    """The Sources page says it holds every article and draws its table and charts."""
    page.goto(f"{corpus_server}/sources")
    wait_for_app(page)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text(EVERY_ARTICLE)).to_be_visible()
    expect(main.get_by_test_id("stDataFrame")).to_have_count(1)
    # Counted from statements.yaml (tests/sources/test_frames.py: which side quotes the other;
    # round 17: 24 of 366; round 16: 23 of 351; round 15: 22 of 330, 17 of 299 on 279 articles).
    expect(
        main.get_by_text(re.compile("Azerbaijani outlets quote Armenian speakers in 24 of the 366"))
    ).to_be_visible()
    expect(main.locator(".js-plotly-plot")).to_have_count(3)
    assert not page.get_by_test_id("stException").count()
    screenshot(page, "sources-corpus")


def test_choosing_a_side_narrows_the_table_and_the_url(corpus_server, page):
    """A side pill in the sidebar narrows the Sources page and is mirrored in the URL."""
    page.goto(f"{corpus_server}/sources")
    wait_for_app(page)
    side_pill(page, "Azerbaijani").click()
    wait_for_rerun(page)
    expect(page.get_by_test_id("stMain").get_by_text(AZERBAIJANI_ARTICLES)).to_be_visible()
    assert url_sides(page) == ["azerbaijan"]
    screenshot(page, "sources-side-azerbaijan")


def test_shared_side_link_restores_the_filter(corpus_server, page):
    """?side=azerbaijan on a fresh page opens with the side chosen, and holds across pages."""
    page.goto(f"{corpus_server}/sources?{SIDE_PARAM}=azerbaijan")
    wait_for_app(page)
    expect(page.get_by_test_id("stMain").get_by_text(AZERBAIJANI_ARTICLES)).to_be_visible()
    expect(side_pill(page, "Azerbaijani")).to_have_attribute("aria-pressed", "true")
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Overview").click()
    wait_for_rerun(page)
    assert url_sides(page) == ["azerbaijan"]
    # The Overview counts one side only: its metric beside the five key figures.
    metrics = page.get_by_test_id("stMain").get_by_test_id("stMetric")
    expect(metrics).to_have_count(6)
    expect(metrics.first).to_contain_text("Azerbaijani")


def test_unknown_side_gives_a_notice_and_clear_goes_back(corpus_server, page):
    """An unknown side in a link is left out with a notice; Clear filter shows everything."""
    page.goto(f"{corpus_server}/sources?{SIDE_PARAM}=mars")
    wait_for_app(page)
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_test_id("stAlert")).to_contain_text("mars")
    expect(page.get_by_test_id("stMain").get_by_text(EVERY_ARTICLE)).to_be_visible()
    screenshot(page, "sources-unknown-side")
    sidebar.get_by_role("button", name=re.compile("Clear filter")).click()
    wait_for_rerun(page)
    expect(sidebar.get_by_test_id("stAlert")).to_have_count(0)
    assert url_sides(page) == []
