"""Back after a deep link (issue 22): the first Back leaves the link, as in any web page.

On its first run the app corrects a link it cannot use whole (an unknown actor dropped);
Streamlit's frontend pushed the corrected URL as a new history entry, so the first Back
went to the link's own entry, the same page again.
"""

import re

from playwright.sync_api import Page, expect

from .helpers import go_to_page, url_actor_ids, url_path, wait_for_app, wait_for_rerun

UNKNOWN_ID = "no_such_actor"
# A page of the same server that is not the app: where the reader was before the link.
BEFORE = "/_stcore/health"


def _open_corrected_link(page: Page, base_url: str, path: str) -> str:
    """Open BEFORE, then a link to ``path`` naming a known and an unknown actor; return the
    known actor's id, the only one the corrected URL keeps."""
    known = "armenia"
    page.goto(base_url + BEFORE)
    page.goto(f"{base_url}/{path}?actor={known}&actor={UNKNOWN_ID}")
    wait_for_app(page)
    expect(page).not_to_have_url(re.compile(UNKNOWN_ID))
    assert url_actor_ids(page) == [known]
    # The app's page scripts (components/app/browser.py) run once Streamlit has loaded the
    # code of its HTML element, which can be a moment after the run; the last one sets this.
    page.wait_for_function("window.__lakeSevDialog === true")
    return known


def test_first_back_after_a_corrected_deep_link_leaves_it(app_server, page):
    """Link, Back: the page before the link, not the link again."""
    _open_corrected_link(page, app_server, "timeline")
    page.go_back()
    expect(page).to_have_url(app_server + BEFORE)


def test_back_after_a_deep_link_and_a_page_switch(app_server, page):
    """Link, another page, Back: the linked page with its filter; Back again: the page
    before the link.

    Run alone on a fresh server, the page switch can come while the link's first run is
    still going (its imports take seconds): the browser had not yet taken the filter that
    run gave its widget, and Back cleared it, 1 run in 3, until every run gave it
    (components/app/sidebar.py: _send_filter_to_browser)."""
    known = _open_corrected_link(page, app_server, "timeline")
    go_to_page(page, "Stances")
    assert url_path(page) == "stances"
    page.go_back()
    wait_for_rerun(page)
    expect(page).to_have_url(re.compile(r"/timeline\?actor="))
    expect(page.get_by_role("heading", name="Timeline")).to_be_visible()
    assert url_actor_ids(page) == [known]
    page.go_back()
    expect(page).to_have_url(app_server + BEFORE)
