"""A server restart under an open page (issue 22): the dialog names `make run`, and the
filter in the URL survives when the reader's first action after the restart is a page
switch."""

import pytest
from playwright.sync_api import Page, expect

from components.app.state import actor_choices
from components.data import load_dataset

from .conftest import server_port, streamlit_server
from .helpers import actor_chip, go_to_page, screenshot, url_actor_ids, url_path, wait_for_app

# How long the browser may take to notice the server is gone, and to reconnect.
RECONNECT_TIMEOUT_MS = 60_000


@pytest.fixture(scope="module")
def an_actor() -> tuple[str, str]:
    """One actor of the seed: its id and its label in the filter."""
    choices = actor_choices(load_dataset().actors)
    return next(iter(choices.items()))


def _connection_state(page: Page):
    return page.locator('[data-testid="stApp"]')


def _wait_for_page_script(page: Page) -> None:
    """Wait until the app's page script (components/app/browser.py) has run: Streamlit loads
    the code of its HTML element after the run, from the server this test is about to stop."""
    page.wait_for_function("window.__lakeSevDialog === true")


def test_connection_lost_dialog_names_make_run(page, tmp_path):
    """The dialog a stopped server leaves says `make run`, not `streamlit run yourscript.py`."""
    with streamlit_server(tmp_path) as base_url:
        page.goto(base_url)
        wait_for_app(page)
        _wait_for_page_script(page)
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible(timeout=RECONNECT_TIMEOUT_MS)
    expect(dialog).to_contain_text("make run")
    expect(dialog).not_to_contain_text("yourscript")
    screenshot(page, "connection-lost-dialog")


def test_filter_survives_restart_then_page_switch(page, tmp_path, an_actor):
    """Open a filtered link, restart the server on the same port, switch page: the filter
    the URL held is the filter of the new session."""
    actor_id, label = an_actor
    port = server_port()
    with streamlit_server(tmp_path, port=port) as base_url:
        page.goto(f"{base_url}/?actor={actor_id}")
        wait_for_app(page)
        expect(actor_chip(page, label)).to_be_visible()
        _wait_for_page_script(page)
    app = _connection_state(page)
    expect(app).not_to_have_attribute(
        "data-test-connection-state", "CONNECTED", timeout=RECONNECT_TIMEOUT_MS
    )
    with streamlit_server(tmp_path, port=port):
        expect(app).to_have_attribute(
            "data-test-connection-state", "CONNECTED", timeout=RECONNECT_TIMEOUT_MS
        )
        assert url_actor_ids(page) == [actor_id]
        go_to_page(page, "Timeline")
        wait_for_app(page)
        expect(actor_chip(page, label)).to_be_visible()
        expect(page.get_by_role("heading", name="Timeline")).to_be_visible()
        assert url_path(page) == "timeline"
        assert url_actor_ids(page) == [actor_id]
