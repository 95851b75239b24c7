"""Every page, once per data folder (the seed and the corpus), visited with a recorder of
every request the browser makes and axe-core run on each page (issue 22, points 4 and 8).

One visit serves three checks, so the suite opens each page once for them:
- no request leaves the machine: online, a request to a third party tells it who reads
  what; offline, it fills the console with errors (the favicon came from fonts.gstatic.com,
  the Map's label glyphs from fonts.openmaptiles.org); the Map is seen in both its views;
- axe-core (bundled with axe-playwright-python: nothing is fetched) finds no violation of
  any impact, but one named in Streamlit's own file uploader;
- every chart has an accessible name that says what it shows;
- no page left alone keeps an endless animation running (a spinner or skeleton that
  never stops, a looping CSS animation): Chromium would draw it for as long as the tab
  is open (bench/idle.py measures what an open page costs).
"""

from urllib.parse import urlparse

import pytest

from tests.e2e.conftest import VIEWPORT
from tests.e2e.every_page import PAGE_PATHS
from tests.e2e.visits import Tour, tour_every_page

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1"}
# Made in the page, not fetched.
LOCAL_SCHEMES = {"data", "blob", "about"}

# What fails the test: every impact axe reports.
FAILING_IMPACTS = {"critical", "serious", "moderate", "minor"}

# Findings that live in Streamlit's own frontend, which the app cannot change, by (rule,
# page). Each entry needs its reason.
STREAMLIT_EXCEPTIONS: dict[tuple[str, str], str] = {
    ("presentation-role-conflict", "review"): (
        "minor: st.file_uploader's drop zone is a focusable element with a presentation "
        "role inside Streamlit's component; the app passes only its label and types"
    ),
}

# Roles that give a chart its name to a screen reader: a plotly chart is a figure, a
# Vega-Lite one (st.bar_chart) a graphics document.
CHART_ROLES = {"figure", "graphics-document"}


# One tour per data folder, each made once: under pytest-xdist a tour's tests run on one
# worker, and the two tours on two workers at once (tests/conftest.py: xdist_scope). The
# corpus's is the desktop visit that tests/e2e/test_widths.py measures at 1400 px.
@pytest.fixture(scope="module", params=["seed", "corpus"])
def tour(request, browser) -> Tour:
    if request.param == "corpus":
        _, seen = request.getfixturevalue("desktop_visit")
        if seen.error is not None:
            raise seen.error
        return seen
    return tour_every_page(browser, request.getfixturevalue("app_server"), VIEWPORT, Tour("seed"))


def _is_local(url: str) -> bool:
    parts = urlparse(url)
    return parts.scheme in LOCAL_SCHEMES or parts.hostname in LOCAL_HOSTS


def test_no_request_leaves_the_machine(tour):
    """Every request of every page goes to the app's own server."""
    assert any("/_stcore/" in url for url in tour.requests), "the recorder saw the app's own"
    assert sorted({url for url in tour.requests if not _is_local(url)}) == []


def _failing(results: dict, path: str) -> list[str]:
    found = []
    for violation in results["violations"]:
        if violation["impact"] not in FAILING_IMPACTS:
            continue
        if (violation["id"], path) in STREAMLIT_EXCEPTIONS:
            continue
        node = violation["nodes"][0]
        found.append(
            f"{path}: {violation['impact']} {violation['id']} on {len(violation['nodes'])} "
            f"element(s), e.g. {node['html'][:120]} ({node['failureSummary'][:200]})"
        )
    return found


def _lesser(results: dict, path: str) -> list[str]:
    return [
        f"{path}: {v['impact']} {v['id']}"
        for v in results["violations"]
        if v["impact"] not in FAILING_IMPACTS
    ]


def test_axe_finds_nothing_serious_on_any_page(tour):
    """axe-core reports no violation on any page (but the named exceptions)."""
    assert set(tour.axe) == set(PAGE_PATHS)
    failing = [line for path, results in tour.axe.items() for line in _failing(results, path)]
    lesser = [line for path, results in tour.axe.items() for line in _lesser(results, path)]
    assert not failing, "\n".join(failing + ["lesser findings:", *lesser])


def test_no_page_keeps_an_animation_running(tour):
    """Once a page is drawn, nothing on it animates for ever."""
    assert set(tour.endless) == set(PAGE_PATHS)
    assert {path: found for path, found in tour.endless.items() if found} == {}


def test_every_chart_has_an_accessible_name(tour):
    """Each chart is a figure with a name that says what it shows (its alt text)."""
    if tour.data == "corpus":
        assert len(tour.charts) >= 8, "the charts of every page were found"
    assert tour.charts, "the charts of every page were found"
    unnamed = [
        f"{path}: {role} ({name!r})"
        for path, role, name in tour.charts
        if role not in CHART_ROLES or len(name.split()) < 5
    ]
    assert not unnamed
