"""No request leaves the machine (issue 22, point 4): every page, on the seed and on the
corpus, with a recorder of every request the browser makes; the Map in both its views.

Online, a request to a third party tells it who reads what; offline, it fills the console
with errors. The favicon came from fonts.gstatic.com (a `:material/…:` page icon) and the
Map's label glyphs from fonts.openmaptiles.org.
"""

from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page

from tests.e2e.every_page import (
    PAGE_PATHS,
    corpus_server,  # noqa: F401 (a fixture)
    open_page,
    wait_for_charts,
)
from tests.e2e.helpers import wait_for_rerun

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1"}
# Made in the page, not fetched.
LOCAL_SCHEMES = {"data", "blob", "about"}
# After the last chart is drawn: a map asks for its glyphs as it draws its labels.
SETTLE_MS = 2_000


def _is_local(url: str) -> bool:
    parts = urlparse(url)
    return parts.scheme in LOCAL_SCHEMES or parts.hostname in LOCAL_HOSTS


def _visit_every_page(page: Page, base_url: str) -> list[str]:
    """Open every page (and the Map's world view); return every request that left."""
    sent: list[str] = []
    page.on("request", lambda request: sent.append(request.url))
    for path in PAGE_PATHS:
        open_page(page, base_url, path)
        page.wait_for_timeout(SETTLE_MS)
        if path == "map":
            page.get_by_role("radio", name="World", exact=True).click()
            wait_for_rerun(page)
            wait_for_charts(page)
            page.wait_for_timeout(SETTLE_MS)
    assert any("/_stcore/" in url for url in sent), "the recorder saw the app's own requests"
    return sorted({url for url in sent if not _is_local(url)})


@pytest.mark.parametrize("data", ["seed", "corpus"])
def test_no_request_leaves_the_machine(app_server, corpus_server, page, data):  # noqa: F811
    """Every request of every page goes to the app's own server."""
    base_url = corpus_server if data == "corpus" else app_server
    assert _visit_every_page(page, base_url) == []
