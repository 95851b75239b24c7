"""What an open page costs the reader's machine once its script has finished: Chromium's CPU.

For each page, in a new browser context: from the moment Streamlit's script state turns
`notRunning`, Chromium's CPU time (every Chromium process, psutil) second by second until two
seconds in a row are quiet ("drawing": plotly and MapLibre draw after the script ends), then
over a window of ``idle_s`` seconds ("idle": an open page nobody touches; a render loop, an
endless CSS animation or a polling component shows here). Beside the pages, in the same run
and the same way, a minimal one-chart app (browser.MINIMAL_APP): its drawing and idle CPU are
the baselines. Also counted on each page: CSS animations and transitions still running once
it is idle (document.getAnimations()).

A 10-s window that starts at `notRunning` mixes the two: a page that draws for 3 s and is
then idle reads as "0.3 of a core".
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import psutil

from bench.browser import (
    MINIMAL_APP,
    REPO_ROOT,
    SERVER_SCRIPT,
    VIEWPORT,
    _wait_for_run,
    chromium,
    served,
)

# A second below this much Chromium CPU (in seconds of CPU) is quiet.
QUIET_CPU_S = 0.05
QUIET_SECONDS = 2
# Drawing that has not gone quiet by then is reported as such (and the idle window follows).
DRAWING_LIMIT_S = 30
IDLE_WINDOW_S = 10
RUNNING_ANIMATIONS = """() => document.getAnimations()
    .filter((animation) => animation.playState === "running")
    .map((animation) => ({
        name: animation.animationName || animation.transitionProperty || animation.id || "",
        iterations: String(animation.effect && animation.effect.getTiming().iterations),
        target: animation.effect && animation.effect.target
            ? String(animation.effect.target.className || animation.effect.target.tagName)
                .slice(0, 80)
            : "",
    }))"""


def _chromium_processes() -> list[psutil.Process]:
    """Every Chromium process this process started (through Playwright's driver)."""
    return [
        process
        for process in psutil.Process(os.getpid()).children(recursive=True)
        if "chrom" in process.name().lower()
    ]


def _cpu_s(processes: list[psutil.Process]) -> float:
    total = 0.0
    for process in processes:
        try:
            times = process.cpu_times()
        except psutil.Error:  # a renderer that went away
            continue
        total += times.user + times.system
    return total


def _measure_open_page(browser, url: str, idle_s: float) -> dict:
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        page.goto(url)
        _wait_for_run(page)
        processes = _chromium_processes()
        drawing_start = _cpu_s(processes)
        per_second, quiet = [], 0
        while quiet < QUIET_SECONDS and len(per_second) < DRAWING_LIMIT_S:
            before = _cpu_s(processes)
            time.sleep(1)
            spent = _cpu_s(processes) - before
            per_second.append(round(spent, 3))
            quiet = quiet + 1 if spent < QUIET_CPU_S else 0
        drawing_cpu_s = _cpu_s(processes) - drawing_start
        idle_start, wall_start = _cpu_s(processes), time.monotonic()
        time.sleep(idle_s)
        idle_core = (_cpu_s(processes) - idle_start) / (time.monotonic() - wall_start)
        animations = page.evaluate(RUNNING_ANIMATIONS)
    finally:
        context.close()
    return {
        "drawing_cpu_s": round(drawing_cpu_s, 2),
        # The seconds it drew, without the quiet ones that ended it.
        "drawing_s": len(per_second) - (quiet if quiet >= QUIET_SECONDS else 0),
        "drawing_went_quiet": quiet >= QUIET_SECONDS,
        "drawing_cpu_per_second": per_second,
        "idle_core": round(idle_core, 4),
        "running_animations": animations,
    }


def idle_cpu(url_paths: list[str], idle_s: float = IDLE_WINDOW_S) -> dict:
    """Every page of the dashboard (on data/) and the minimal app, one context each."""
    with tempfile.TemporaryDirectory() as folder, chromium() as browser:
        minimal = Path(folder) / "minimal_app.py"
        minimal.write_text(MINIMAL_APP, encoding="utf-8")
        with served(minimal, Path(folder)) as (base_url, _):
            # Twice: the first also pays for a browser's first page (fonts, code caches).
            _measure_open_page(browser, base_url, 1)
            baseline = _measure_open_page(browser, base_url, idle_s)
        pages = {}
        with served(SERVER_SCRIPT, REPO_ROOT) as (base_url, _):
            for url_path in url_paths:
                print(f"  {url_path or '/'}", flush=True)
                pages[url_path] = _measure_open_page(browser, f"{base_url}/{url_path}", idle_s)
    for result in pages.values():
        result["drawing_vs_minimal_app"] = _ratio(
            result["drawing_cpu_s"], baseline["drawing_cpu_s"]
        )
    return {
        "idle_window_s": idle_s,
        "quiet_below_cpu_s_per_s": QUIET_CPU_S,
        "load_average_at_start": [round(value, 2) for value in os.getloadavg()],
        "minimal_app": baseline,
        "by_page": pages,
    }


def _ratio(value: float, baseline: float) -> float | None:
    return round(value / baseline, 2) if baseline else None


def report(results: dict) -> list[str]:
    """The table `make bench` prints."""
    baseline = results["minimal_app"]
    window = results["idle_window_s"]
    lines = [
        "An open page's CPU in Chromium after its script ends (all Chromium processes): "
        f"drawing until quiet, then idle over {window:g} s; beside a minimal one-chart app",
        "",
        "| Page | Drawing (CPU s) | Drawing / minimal app | Drawing took (s) "
        "| Idle (cores) | Minimal app idle (cores) | Animations running |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for url_path, result in results["by_page"].items():
        took = f"{result['drawing_s']}" + ("" if result["drawing_went_quiet"] else " (not quiet)")
        lines.append(
            f"| /{url_path} | {result['drawing_cpu_s']:.2f} | "
            f"{result['drawing_vs_minimal_app']}× | {took} | {result['idle_core']:.3f} | "
            f"{baseline['idle_core']:.3f} | {len(result['running_animations'])} |"
        )
    lines.append(
        f"| minimal app | {baseline['drawing_cpu_s']:.2f} | 1× | {baseline['drawing_s']} | "
        f"{baseline['idle_core']:.3f} | | {len(baseline['running_animations'])} |"
    )
    return lines
