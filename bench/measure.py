"""Timing helpers and a description of the machine, so every figure says where it came from."""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata


@dataclass(frozen=True)
class Timing:
    """Median and spread of repeated runs, wall-clock and CPU, in milliseconds."""

    median_ms: float
    min_ms: float
    max_ms: float
    cpu_median_ms: float
    runs: int

    def as_dict(self) -> dict:
        return {
            "median_ms": round(self.median_ms, 2),
            "min_ms": round(self.min_ms, 2),
            "max_ms": round(self.max_ms, 2),
            "cpu_median_ms": round(self.cpu_median_ms, 2),
            "runs": self.runs,
        }


def timed(action: Callable[[], object], runs: int) -> Timing:
    """Run ``action`` ``runs`` times; wall and CPU medians (CPU is steadier on a busy box)."""
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        action()
        cpus.append((time.process_time() - cpu) * 1000)
        walls.append((time.perf_counter() - wall) * 1000)
    return Timing(statistics.median(walls), min(walls), max(walls), statistics.median(cpus), runs)


def once_ms(action: Callable[[], object]) -> float:
    """Wall-clock milliseconds of one call."""
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def machine() -> dict:
    """CPU count, memory, load and the versions the numbers depend on."""
    versions = {
        name: _version(name)
        for name in ("streamlit", "pandas", "plotly", "pandera", "pyyaml", "playwright")
    }
    return {
        "nproc": os.cpu_count(),
        "memory_gib": round(_memory_bytes() / 2**30, 1),
        "load_average_at_start": [round(value, 2) for value in os.getloadavg()],
        "platform": platform.platform(),
        "cpu": _cpu_name(),
        "python": sys.version.split()[0],
        "chromium": _chromium_version(),
        **versions,
    }


def _version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def _memory_bytes() -> int:
    return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")


def _cpu_name() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def _chromium_version() -> str | None:
    try:
        result = subprocess.run(
            ["/usr/bin/chromium", "--version"], capture_output=True, text=True, timeout=20
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout.strip() or None
