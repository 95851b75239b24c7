"""Fixtures for real-browser tests: a Streamlit server on a port of its own and Debian's Chromium.

Without Chromium the tests skip with the reason; with REQUIRE_BROWSER=1 they fail instead,
so CI cannot pass without really running them.
"""

import itertools
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest

# Debian's Chromium and its flags (no sandbox: CI runs as root; no traffic of its own), the
# same as the benchmark's.
from bench.browser import CHROMIUM, CHROMIUM_ARGS, stop_process
from tests.seed import DATA_DIR, seed_data_dir

REPO_ROOT = Path(__file__).resolve().parents[2]

SERVER_START_TIMEOUT_S = 60
# How long an expectation waits for the page (Playwright's default is 5 s). Generous: the
# suite runs on 2 cores beside a Streamlit server, and a first run imports plotly and pandera.
EXPECT_TIMEOUT_MS = 20_000
VIEWPORT = {"width": 1400, "height": 900}

# Ports of the test servers: below Linux's ephemeral range (32768-60999), where the kernel
# never hands a port to a connection or to a bind on port 0, and a block of its own for each
# pytest-xdist worker, so that no other process of the run can take a port between the
# check that it is free and the server binding it.
FIRST_SERVER_PORT = 20_000
PORTS_PER_WORKER = 1_000
_next_port = itertools.count()


def server_port() -> int:
    """A port for the next test server: this worker's next one that nothing holds."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    base = FIRST_SERVER_PORT + PORTS_PER_WORKER * int(worker or 0)
    while True:
        port = base + next(_next_port) % PORTS_PER_WORKER
        with socket.socket() as sock:
            try:
                sock.bind(("", port))
            except OSError:
                continue
        return port


def _wait_for_health(base_url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(
        f"streamlit did not answer within {SERVER_START_TIMEOUT_S}s:\n{log.read_text()}"
    )


@contextmanager
def streamlit_server(
    log_dir: Path, data_dir: Path | None = None, port: int | None = None
) -> Iterator[str]:
    """Run `streamlit run serve.py` (as `make run` does) on a port of its own (or ``port``,
    to start a server again where a stopped one was); yield its base URL; stop it after."""
    env = dict(os.environ)
    # Without a folder named, the server reads the seed article on its own (tests/seed.py),
    # which the assertions of most browser tests describe; corpus tests name data/.
    env["DASHBOARD_DATA_DIR"] = str(data_dir if data_dir is not None else seed_data_dir())
    chosen = port or server_port()
    command = [
        sys.executable, "-m", "streamlit", "run", "serve.py",
        "--server.headless", "true",
        "--server.port", str(chosen),
        "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    log = log_dir / f"streamlit-{chosen}.log"
    with log.open("a") as log_file:
        process = subprocess.Popen(
            command, cwd=REPO_ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT
        )
    base_url = f"http://localhost:{chosen}"
    try:
        _wait_for_health(base_url, process, log)
        yield base_url
    finally:
        stop_process(process)


@pytest.fixture(scope="session")
def app_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One server for the whole session, on the seed article (tests/seed.py); yields its
    base URL."""
    with streamlit_server(tmp_path_factory.mktemp("server")) as base_url:
        yield base_url


def server_log(log_dir: Path, base_url: str) -> Path:
    """The log a server of `streamlit_server(log_dir, ...)` writes, by its base URL."""
    return log_dir / f"streamlit-{base_url.rsplit(':', 1)[1]}.log"


@pytest.fixture(scope="session")
def corpus_server_logs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder of the corpus server's log (`server_log`)."""
    return tmp_path_factory.mktemp("corpus-server")


@pytest.fixture(scope="session")
def corpus_server(corpus_server_logs: Path) -> Iterator[str]:
    """One server of the whole corpus (data/) for the session, shared by the modules that
    only read it (every page, widths, accessibility, reports, sources, downloads, review);
    yields its base URL."""
    with streamlit_server(corpus_server_logs, DATA_DIR) as base_url:
        yield base_url


@pytest.fixture(scope="session")
def desktop_visit(browser, corpus_server: str, app_server: str) -> tuple:
    """Every page of the corpus at the suite's viewport, measured for the desktop width's
    tests (tests/e2e/test_widths.py) and toured for tests/e2e/test_every_page.py: one
    visit for both (tests/e2e/visits.py; tests/conftest.py keeps them on one worker).
    (WidthVisit, Tour)."""
    from tests.e2e.visits import Tour, visit_every_page  # playwright: only with a browser

    tour = Tour("corpus")
    return visit_every_page(browser, corpus_server, app_server, VIEWPORT, tour), tour


@pytest.fixture
def start_server(tmp_path: Path) -> Iterator[Callable[..., str]]:
    """Factory for fresh servers (deep links, other data folders); all stop after the test.

    `start_server()` serves data/; `start_server(data_dir=path)` serves another folder.
    """
    with ExitStack() as servers:

        def start(data_dir: Path | None = None) -> str:
            return servers.enter_context(streamlit_server(tmp_path, data_dir))

        yield start


def _browser_missing(reason: str) -> None:
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"REQUIRE_BROWSER=1 but {reason}", pytrace=False)
    pytest.skip(f"browser tests skipped: {reason} (install Debian's chromium to run them)")


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright, headless."""
    if not CHROMIUM.exists():
        _browser_missing(f"no Chromium at {CHROMIUM}")
    try:
        from playwright.sync_api import expect, sync_playwright
    except ImportError:
        _browser_missing("the playwright package is not installed")
    expect.set_options(timeout=EXPECT_TIMEOUT_MS)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


# A test's page starts with no storage, as in a new context: the first document of each
# origin in the tab empties that origin's localStorage (Streamlit keeps the sidebar's state
# there); sessionStorage is the tab's own. In a try: a sandboxed frame has no storage.
FRESH_STORAGE_JS = """(() => { try {
  if (!sessionStorage.getItem('e2eFreshStorage')) {
    localStorage.clear();
    sessionStorage.setItem('e2eFreshStorage', '1');
  }
} catch (error) {} })();"""


@pytest.fixture(scope="session")
def browser_context(browser):
    """One browser context for the session's test pages: a page of its own gives each test
    a new Streamlit session (a session is a page's connection), and the pages share the
    context's HTTP cache, so Streamlit's and plotly's code is fetched and compiled once,
    not for every test (measured: a fifth of a page-per-test module's CPU, Chromium's)."""
    context = browser.new_context(viewport=VIEWPORT)
    context.add_init_script(FRESH_STORAGE_JS)
    yield context
    context.close()


@pytest.fixture
def page(browser_context):
    """A new page, so every test starts a new Streamlit session, with no cookie nor storage
    left by an earlier test; every page the test opened is closed after it."""
    page = browser_context.new_page()
    yield page
    for opened in browser_context.pages:
        opened.close()
    browser_context.clear_cookies()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test in this folder as e2e (select or skip them with -m)."""
    for item in items:
        if Path(str(item.fspath)).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.e2e)
