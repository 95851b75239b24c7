"""Real-browser tests of the app shell: deep links, the shared actor filter, shareable URLs."""

import time

import pytest
from playwright.sync_api import expect

import dashboard
from components.app.state import actor_choices
from components.data import load_dataset
from tests.e2e.helpers import (
    actor_chip,
    actor_filter,
    clear_filter,
    go_to_page,
    pick_actor,
    screenshot,
    url_actor_ids,
    url_path,
    wait_for_app,
)

UNKNOWN_ID = "no_such_actor"
# What the server's warm-up (components/app/warm_up.py) prints once the data is ready.
WARM_UP_DONE = "ready for the first reader"
WARM_UP_TIMEOUT_S = 60

# A fresh server for each: the root URL, where the default page is served; the default
# page by its own name (a hidden page of its own); the first other page, and the Map (a
# chart drawn by MapLibre, which loads its own code). That every page, entered alone in
# Streamlit's legacy pages/ mode as a fresh server's first request runs it, reruns through
# the router is checked page by page in tests/app/test_app.py (a server start each here
# cost 5 to 14 s).
DEEP_LINK_PATHS = ["", dashboard.PAGES[0].url_path, dashboard.PAGES[1].url_path, "map"]

# Streamlit shows the page navigation only when there is more than one page.
HAS_NAVIGATION = len(dashboard.PAGES) > 1


@pytest.fixture(scope="module")
def two_actors() -> dict[str, str]:
    """Two real actors, id -> label as the filter shows it: a state and one of its members."""
    actors = load_dataset().actors
    child = actors.dropna(subset=["parent_actor_id"]).iloc[0]
    choices = actor_choices(actors)
    return {actor_id: choices[actor_id] for actor_id in [child.parent_actor_id, child.actor_id]}


@pytest.mark.parametrize("path", DEEP_LINK_PATHS, ids=lambda path: path or "root")
def test_deep_link_on_fresh_server_runs_router(start_server, page, path):
    """The first request on a new server, a deep link, shows the page with the sidebar filter."""
    base_url = start_server()
    page.goto(f"{base_url}/{path}")
    wait_for_app(page)
    expect(actor_filter(page)).to_be_visible()
    expect(page.get_by_test_id("stSidebarNav")).to_have_count(1 if HAS_NAVIGATION else 0)
    expect(page.locator("h1").first).to_be_visible()
    assert not page.get_by_test_id("stException").count()
    expect(page.get_by_role("dialog")).to_have_count(0)
    screenshot(page, f"deep-link-{path or 'root'}")


def test_default_page_opens_by_its_name_with_the_filter(app_server, page, two_actors):
    """A link to the default page by its name (/overview?actor=…) opens it, at "/" with
    the same filter, without Streamlit's "Page not found" notice."""
    # A first visit, so the server is out of the legacy pages/ mode (the test above covers
    # a fresh server) and answers a link by name as it does all day.
    page.goto(app_server)
    wait_for_app(page)
    default = dashboard.PAGES[0]
    query = "&".join(f"actor={actor_id}" for actor_id in two_actors)
    page.goto(f"{app_server}/{default.url_path}?{query}")
    expect(page.locator("h1").first).to_be_visible()
    wait_for_app(page)
    for label in two_actors.values():
        expect(actor_chip(page, label)).to_be_visible()
    expect(page.get_by_role("dialog")).to_have_count(0)
    assert url_path(page) == ""
    assert url_actor_ids(page) == list(two_actors)
    if HAS_NAVIGATION:
        link = page.get_by_test_id("stSidebarNav").get_by_role("link", name=default.title)
        expect(link).to_have_attribute("aria-current", "page")
    screenshot(page, f"deep-link-{default.url_path}-filtered")


def test_server_loads_the_data_before_any_reader_arrives(start_server, tmp_path):
    """`make run`'s server (serve.py) reads the data as it starts, with no browser yet."""
    base_url = start_server()
    log = tmp_path / f"streamlit-{base_url.rsplit(':', 1)[1]}.log"
    deadline = time.monotonic() + WARM_UP_TIMEOUT_S
    while WARM_UP_DONE not in log.read_text() and time.monotonic() < deadline:
        time.sleep(0.1)
    text = log.read_text()
    assert WARM_UP_DONE in text, text
    assert "missing ScriptRunContext" not in text, text
    assert "Traceback" not in text, text


def test_filter_survives_page_switches_and_is_in_url(app_server, page, two_actors):
    """Picked actors stay chosen on every page and the URL carries them."""
    page.goto(app_server)
    wait_for_app(page)
    for label in two_actors.values():
        pick_actor(page, label)
    assert url_actor_ids(page) == list(two_actors)
    for spec in dashboard.PAGES:
        if HAS_NAVIGATION:
            go_to_page(page, spec.title)
        assert url_path(page) in {spec.url_path, ""}
        for label in two_actors.values():
            expect(actor_chip(page, label)).to_be_visible()
        assert url_actor_ids(page) == list(two_actors)
        screenshot(page, spec.url_path)


def test_copied_link_restores_filter(app_server, page, two_actors):
    """A link with ?actor=…&actor=… opened in a new browser shows the same filter."""
    query = "&".join(f"actor={actor_id}" for actor_id in two_actors)
    page.goto(f"{app_server}/?{query}")
    wait_for_app(page)
    for label in two_actors.values():
        expect(actor_chip(page, label)).to_be_visible()
    assert url_actor_ids(page) == list(two_actors)


def test_unknown_ids_dropped_with_notice_then_cleared(app_server, page, two_actors):
    """Unknown ids in a link are dropped with a visible notice; one click clears the filter."""
    known_id = next(iter(two_actors))
    page.goto(f"{app_server}/?actor={known_id}&actor={UNKNOWN_ID}")
    wait_for_app(page)
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_test_id("stAlert")).to_contain_text(UNKNOWN_ID)
    expect(actor_chip(page, two_actors[known_id])).to_be_visible()
    assert url_actor_ids(page) == [known_id]
    screenshot(page, "unknown-actor-notice")
    clear_filter(page)
    expect(sidebar.get_by_test_id("stAlert")).to_have_count(0)
    assert url_actor_ids(page) == []
