"""A pytest plugin, loaded by hand, that writes what each test phase cost in CPU-seconds,
counting every process the test process started: its Streamlit servers, Playwright's
driver and Chromium's processes.

`/usr/bin/time` misses Chromium: Playwright's driver does not wait for the browser, so
its CPU (about half of the suite's) reaches no parent's counters. Here the processes are
read while they live (psutil), phase by phase, on every pytest-xdist worker:

    PROFILE_DIR=/tmp/profile .venv/bin/python -m pytest -p tests.cpu_profile -p no:cacheprovider
    .venv/bin/python -m tests.cpu_profile /tmp/profile

A process that ends is counted by the process that waits for it; the browser's processes
end with the session, where the last phase's drop is left out.
"""

from __future__ import annotations

import collections
import json
import os
import sys
import time
from pathlib import Path

import psutil
import pytest

PROFILE_DIR_ENV = "PROFILE_DIR"
# A phase whose tree lost more than this is the session's end (the browser closed).
SESSION_END_DROP_S = -1.0


def tree_cpu() -> float:
    """CPU-seconds of this process and every live descendant, with the ones they waited for."""
    me = psutil.Process(os.getpid())
    total = 0.0
    for process in [me, *me.children(recursive=True)]:
        try:
            times = process.cpu_times()
        except psutil.Error:
            continue
        total += times.user + times.system + times.children_user + times.children_system
    return total


_records: list[dict] = []


def _measured(item: pytest.Item, phase: str):
    cpu, wall = tree_cpu(), time.monotonic()
    yield
    _records.append(
        {
            "id": item.nodeid,
            "phase": phase,
            "cpu": tree_cpu() - cpu,
            "wall": time.monotonic() - wall,
        }
    )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item):
    yield from _measured(item, "setup")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item):
    yield from _measured(item, "call")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item):
    yield from _measured(item, "teardown")


def pytest_sessionfinish(session):
    folder = Path(os.environ.get(PROFILE_DIR_ENV, "artifacts/profile"))
    folder.mkdir(parents=True, exist_ok=True)
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    (folder / f"{worker}.json").write_text(json.dumps(_records))


def _directory(node_id: str) -> str:
    """The test's folder under tests/ (tests/e2e, tests/data, ...), or its file at the top."""
    parts = node_id.split("::")[0].split("/")
    return "/".join(parts[:2]) if len(parts) > 2 else "/".join(parts)


def report(folder: Path, rows: int = 40) -> None:
    """The CPU-seconds and wall seconds of the run, by worker, by folder, by file and by
    test phase."""
    records = [
        record
        for path in folder.glob("*.json")
        for record in json.loads(path.read_text())
        if record["cpu"] > SESSION_END_DROP_S
    ]
    print(f"{sum(r['cpu'] for r in records):.1f} CPU-s in {len(records)} phases")
    # A worker's wall seconds in its tests: the two should be close, or one idled at the end.
    for path in sorted(folder.glob("*.json")):
        worker = json.loads(path.read_text())
        if worker:  # the controller of pytest-xdist runs no test
            print(f"{path.stem}: {sum(r['wall'] for r in worker):.0f} wall-s in its tests")
    by_folder: dict[str, list[float]] = collections.defaultdict(lambda: [0.0, 0.0])
    by_file: dict[str, list[float]] = collections.defaultdict(lambda: [0.0, 0.0])
    by_phase: dict[tuple[str, str], list[float]] = collections.defaultdict(lambda: [0.0, 0.0])
    for record in records:
        folder_row = by_folder[_directory(record["id"])]
        folder_row[0] += record["cpu"]
        folder_row[1] += record["wall"]
        for key, table in ((record["id"].split("::")[0], by_file), (record["id"], by_phase)):
            row = table[key if table is by_file else (key, record["phase"])]
            row[0] += record["cpu"]
            row[1] += record["wall"]
    for title, table in (("folder", by_folder), ("file", by_file), ("test phase", by_phase)):
        print(f"\nCPU-s   wall-s  by {title}")
        for key, (cpu, wall) in sorted(table.items(), key=lambda item: -item[1][0])[:rows]:
            name = key if isinstance(key, str) else f"{key[1]:8s} {key[0]}"
            print(f"{cpu:7.1f} {wall:7.1f}  {name}")


if __name__ == "__main__":
    report(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 40)
