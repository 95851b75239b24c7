"""Many readers at once: 10 browser sessions on one server, switching pages and filters.

Ten Playwright contexts (ten Streamlit sessions) share the session server on loopback.
Each has its own actors; in rounds, every session changes its filter or switches page
through the sidebar (all ten steps are sent before any is awaited, so the runs overlap on
the server). After every step each session must show no exception and no error, and its
URL and its filter chips must hold exactly its own selection: one session's filter never
leaks into another.

Three rounds, each step of each overlapping the other nine sessions' runs: the filter
grows from [own] to [own, extra] by typing a name; every session switches page, by
different counts (so that at once they run different pages, and between them visit every
page), carrying its two-actor filter; then "Clear filter" empties it (an empty filter
shows any actor leaked from another session). There were four (pages, filter, pages,
filter), measured at 27 CPU-seconds for the ten first loads, 26 and 31 for the page rounds
and 17 and 16 for the filter rounds: the second page round repeated the first's proof on
other pages, so it went, and the filter grows before the one page round, so that the
filter a switch must carry has two actors. (It ran for 60 s once, repeating the same steps
for as long as the machine allowed.)
"""

import time
from dataclasses import dataclass, field

import pytest
from playwright.sync_api import Page, expect

import dashboard
from components.app.state import ACTOR_PARAM, actor_choices
from components.data import load_dataset

from .conftest import VIEWPORT
from .helpers import actor_filter, screenshot, url_actor_ids, wait_for_app

SESSIONS = 10
# The rounds in order: a filter change, page switches, a filter change (module docstring).
FILTER, PAGES = "filter", "pages"
ROUNDS = (FILTER, PAGES, FILTER)
# How long one session's expected filter may take to show after its step, polled this often.
STATE_TIMEOUT_S = 30
STATE_POLL_MS = 250


@dataclass
class Session:
    """One browser context with the selection it alone should see."""

    page: Page
    own_id: str
    extra_id: str
    selected: list[str] = field(default_factory=list)
    page_index: int = 0


def chip_names(page: Page) -> list[str]:
    tags = actor_filter(page).get_by_test_id("stMultiSelectTagsContainer")
    return tags.locator("[data-tag]").evaluate_all("tags => tags.map(t => t.textContent)")


def assert_own_state(session: Session, names: dict[str, str]) -> None:
    """No error, and the URL and the chips show exactly this session's own filter.

    The state is polled (bounded): a click's rerun may start only after the previous run's
    "not running" state was seen, and ten tabs on two cores can delay it by seconds. A
    filter that never arrives, or another session's actor, still fails.
    """
    page = session.page
    expected_chips = [names[actor_id] for actor_id in session.selected]
    deadline = time.monotonic() + STATE_TIMEOUT_S
    while (
        url_actor_ids(page) != session.selected or chip_names(page) != expected_chips
    ) and time.monotonic() < deadline:
        page.wait_for_timeout(STATE_POLL_MS)
        wait_for_app(page)
    for test_id in ("stException", "stAlertContentError"):
        problems = page.get_by_test_id(test_id)
        assert problems.count() == 0, (session.own_id, page.url, problems.all_inner_texts())
    assert url_actor_ids(page) == session.selected, (session.own_id, page.url)
    assert chip_names(page) == expected_chips


def type_actor(page: Page, label: str) -> None:
    """Type a name in the filter and click its option.

    The click is dispatched to the option itself: the stability checks of a normal click
    can stall for long when ten tabs draw charts on two cores, and a forced click lands
    where the option was, which a list still filtering had moved: once it chose "Select
    all" (the first option; Enter would take it too).
    """
    field = actor_filter(page).locator("input")
    field.focus()
    field.fill(label)
    option = page.get_by_role("option", name=label, exact=True)
    expect(option).to_be_visible()
    option.dispatch_event("click")
    page.keyboard.press("Escape")


def change_filter(session: Session, names: dict[str, str]) -> None:
    """Start one step of [own] → [own, extra] → [] → [own], as a reader would."""
    page = session.page
    if session.selected == [session.own_id]:
        type_actor(page, names[session.extra_id])
        session.selected = [session.own_id, session.extra_id]
    elif session.selected:
        clear = page.get_by_test_id("stSidebar").get_by_role("button", name="Clear filter")
        clear.dispatch_event("click")
        session.selected = []
    else:
        type_actor(page, names[session.own_id])
        session.selected = [session.own_id]


# Ten sessions on two cores beside the other worker's browser tests: alone it takes about
# 85 s on this machine, and up to twice that with the second worker busy; the suite's
# 300 s per test left it no room (round 16: the Map's label traces and 299 articles).
@pytest.mark.timeout(600)
def test_ten_sessions_keep_their_own_filters(app_server, browser):
    """10 sessions switching pages and filters at once: no error, no leaked filter."""
    names = actor_choices(load_dataset().actors)
    actor_ids = list(names)
    titles = [spec.title for spec in dashboard.PAGES]
    contexts = [browser.new_context(viewport=VIEWPORT) for _ in range(SESSIONS)]
    sessions = [
        Session(
            context.new_page(),
            own_id=actor_ids[index % len(actor_ids)],
            extra_id=actor_ids[(index + SESSIONS) % len(actor_ids)],
        )
        for index, context in enumerate(contexts)
    ]
    page_switches = filter_changes = 0
    visited = {titles[0]}
    try:
        for session in sessions:
            session.page.goto(f"{app_server}/?{ACTOR_PARAM}={session.own_id}")
            session.selected = [session.own_id]
        for session in sessions:
            wait_for_app(session.page)
            assert_own_state(session, names)
        started = time.monotonic()
        for round_kind in ROUNDS:
            if round_kind == FILTER:
                for session in sessions:
                    change_filter(session, names)
                    filter_changes += 1
            else:
                for offset, session in enumerate(sessions):
                    # A step of 1 to len(titles) - 1 pages, by session: always another
                    # page, the sessions on different pages at once, every page visited.
                    step = 1 + offset % (len(titles) - 1)
                    session.page_index = (session.page_index + step) % len(titles)
                    visited.add(titles[session.page_index])
                    nav = session.page.get_by_test_id("stSidebarNav")
                    # A dispatched click needs no scrolling or stability wait, which a tab
                    # busy drawing charts for ten sessions on two cores can delay for long.
                    link = nav.get_by_role("link", name=titles[session.page_index], exact=True)
                    link.dispatch_event("click")
                    page_switches += 1
            for session in sessions:
                wait_for_app(session.page)
                assert_own_state(session, names)
    except Exception:
        for index, session in enumerate(sessions):
            screenshot(session.page, f"concurrency-failure-{index}")
        raise
    finally:
        for context in contexts:
            context.close()
    elapsed = time.monotonic() - started
    print(
        f"\n{SESSIONS} sessions, {len(ROUNDS)} rounds in {elapsed:.0f} s: "
        f"{page_switches} page switches, {filter_changes} filter changes"
    )
    assert page_switches == SESSIONS * ROUNDS.count(PAGES)
    assert filter_changes == SESSIONS * ROUNDS.count(FILTER)
    assert visited == set(titles)
