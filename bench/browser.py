"""Real-browser measures: cold start to the first chart drawn, and the server's peak memory.

Cold start: from starting `streamlit run` to the first plotly chart drawn in Chromium, for
the dashboard (on its first page that draws a chart) and for a minimal one-chart app, in
the same run. Memory: the peak resident set size of the `streamlit run` process (with its
children) while a browser opens every page, at each corpus size.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psutil

REPO_ROOT = Path(__file__).resolve().parents[1]
# What `make run` serves: dashboard.py, with the data loaded as the server starts.
SERVER_SCRIPT = REPO_ROOT / "serve.py"
CHROMIUM = Path("/usr/bin/chromium")
# Chromium flags, for the benchmark and the e2e fixtures (tests/e2e/conftest.py): no sandbox
# (CI runs as root), no traffic of its own.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
    "--disable-quic",
]
VIEWPORT = {"width": 1400, "height": 900}
CHART_SELECTOR = ".js-plotly-plot .main-svg"
# A page at 100,000 statements can take minutes on a small machine.
PAGE_TIMEOUT_MS = 600_000
SERVER_START_TIMEOUT_S = 120
RSS_POLL_S = 0.05
MINIMAL_APP = """
import plotly.express as px
import streamlit as st

st.plotly_chart(px.line(x=[1, 2, 3, 4], y=[3, 1, 4, 1]))
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def served(script: Path, cwd: Path, data_dir: Path | None = None) -> Iterator[tuple[str, int]]:
    """`streamlit run <script>` on a free port; yield (base URL, pid); stop it after."""
    port = _free_port()
    env = dict(os.environ)
    env.pop("DASHBOARD_DATA_DIR", None)
    if data_dir is not None:
        env["DASHBOARD_DATA_DIR"] = str(data_dir)
    command = [
        sys.executable, "-m", "streamlit", "run", str(script),
        "--server.headless", "true",
        "--server.port", str(port),
        "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        _wait_for_health(f"http://localhost:{port}", process)
        yield f"http://localhost:{port}", process.pid
    finally:
        stop_process(process)


def stop_process(process: subprocess.Popen) -> None:
    """Stop a server: ask, then force it after 10 s."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _wait_for_health(base_url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"streamlit did not answer within {SERVER_START_TIMEOUT_S}s")


@contextmanager
def chromium():
    """Debian's Chromium driven by Playwright, headless (started once, not timed)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


def _time_to_first_chart(browser, script: Path, cwd: Path, url_path: str) -> dict:
    start = time.perf_counter()
    with served(script, cwd) as (base_url, _):
        healthy = time.perf_counter()
        context = browser.new_context(viewport=VIEWPORT)
        try:
            page = context.new_page()
            page.goto(f"{base_url}/{url_path}")
            page.wait_for_selector(CHART_SELECTOR, timeout=PAGE_TIMEOUT_MS)
            drawn = time.perf_counter()
        finally:
            context.close()
    return {
        "server_ready_ms": round((healthy - start) * 1000, 1),
        "first_chart_ms": round((drawn - start) * 1000, 1),
    }


def cold_start(chart_url_path: str, repeats: int) -> dict:
    """Dashboard vs a minimal one-chart app, alternated, `repeats` times each; medians."""
    dashboard_runs, minimal_runs = [], []
    with tempfile.TemporaryDirectory() as folder, chromium() as browser:
        minimal = Path(folder) / "minimal_app.py"
        minimal.write_text(MINIMAL_APP, encoding="utf-8")
        for _ in range(repeats):
            dashboard_runs.append(
                _time_to_first_chart(browser, SERVER_SCRIPT, REPO_ROOT, chart_url_path)
            )
            minimal_runs.append(_time_to_first_chart(browser, minimal, Path(folder), ""))
    dashboard_ms = _median([run["first_chart_ms"] for run in dashboard_runs])
    minimal_ms = _median([run["first_chart_ms"] for run in minimal_runs])
    return {
        "page": chart_url_path,
        "dashboard_first_chart_ms": dashboard_ms,
        "minimal_app_first_chart_ms": minimal_ms,
        "ratio": round(dashboard_ms / minimal_ms, 2),
        "dashboard_runs": dashboard_runs,
        "minimal_runs": minimal_runs,
    }


def _wait_for_run(page) -> None:
    """Connected, the run started (it may be over before we look), and finished."""
    from playwright.sync_api import expect

    app = page.locator('[data-testid="stApp"]')
    expect(app).to_have_attribute("data-test-connection-state", "CONNECTED", timeout=60_000)
    with contextlib.suppress(AssertionError):
        expect(app).to_have_attribute("data-test-script-state", "running", timeout=3_000)
    expect(app).to_have_attribute("data-test-script-state", "notRunning", timeout=PAGE_TIMEOUT_MS)


class _PeakRss:
    """Polls the resident memory of a process and its children in a thread."""

    def __init__(self, pid: int):
        self.process = psutil.Process(pid)
        self.peak = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._poll, daemon=True)

    def _poll(self) -> None:
        while not self.stop.is_set():
            try:
                members = [self.process, *self.process.children(recursive=True)]
                self.peak = max(self.peak, sum(p.memory_info().rss for p in members))
            except psutil.Error:
                pass
            time.sleep(RSS_POLL_S)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        self.thread.join()


def serve_every_page(data_dir: Path | None, url_paths: list[str]) -> dict:
    """Open every page in a browser on a fresh server; peak RSS and each page's time."""
    pages = {}
    with (
        chromium() as browser,
        served(SERVER_SCRIPT, REPO_ROOT, data_dir) as (
            base_url,
            pid,
        ),
    ):
        idle_rss = psutil.Process(pid).memory_info().rss
        with _PeakRss(pid) as rss:
            context = browser.new_context(viewport=VIEWPORT)
            page = context.new_page()
            for url_path in url_paths:
                start = time.perf_counter()
                page.goto(f"{base_url}/{url_path}")
                _wait_for_run(page)
                errors = page.get_by_test_id("stException").count()
                pages[url_path or "/"] = {
                    "ready_ms": round((time.perf_counter() - start) * 1000, 1),
                    "exceptions_shown": errors,
                }
            context.close()
    return {
        "server_idle_rss_mib": round(idle_rss / 2**20, 1),
        "peak_rss_mib": round(rss.peak / 2**20, 1),
        "pages": pages,
    }


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return round((ordered[middle - 1] + ordered[middle]) / 2, 1)
