"""A broken data folder in a real browser: the error page, readable, with no traceback.

A fresh server reads a copy of data/ where one event quotes words (HTML and Markdown)
that are not in the article. The default page and a deep link both show the error page
naming the file, the record and the field, and what to do.
"""

from playwright.sync_api import expect

from tests.broken import BREAKAGES, write_broken_data
from tests.hostile import SCRIPT

from .helpers import screenshot, wait_for_app

# The breakage whose message quotes HTML and Markdown: the page must show it literally.
BREAKAGE = next(breakage for breakage in BREAKAGES if breakage.name.startswith("hostile"))
# The default page and a deep link to another page.
URL_PATHS = ("", "timeline")


def test_error_page_in_browser(start_server, page, tmp_path):
    """The error page names file, record and field, says what to do; no traceback, no script."""
    base_url = start_server(data_dir=write_broken_data(tmp_path / "data", BREAKAGE))
    for url_path in URL_PATHS:
        check_error_page(page, f"{base_url}/{url_path}")
        screenshot(page, f"broken-data-{url_path or 'overview'}")


def check_error_page(page, url: str) -> None:
    page.goto(url)
    wait_for_app(page)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text("The dashboard could not load its data")).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    text = main.inner_text()
    for where in (BREAKAGE.file, f"record {BREAKAGE.record}", f"field '{BREAKAGE.field}'"):
        assert where in text, f"{where!r} not on the error page"
    assert "What to do" in text
    assert SCRIPT in text, "the quoted words are shown literally"
    assert "Traceback" not in text
    assert 'File "' not in text
    assert page.evaluate("window.__xss") is None
