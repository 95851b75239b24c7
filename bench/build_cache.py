"""What the build cache buys (issue 21): cold build, warm start, one edited article, memory.

Each measure runs `load_dataset()` in a fresh process (its time, and its peak RSS: the
child's ru_maxrss, Python and the imports included), with a cache folder of the
benchmark's own: cold (empty cache), warm (the cache of the cold build), one article
edited (a statement's note; and, separately, an event report's note, which makes that
report's events be combined again), and the baseline: the loader as it was before the
cache (BASELINE_COMMIT, read with `git archive`), cold, on the same corpus. Also the
fingerprint the app takes on every run (components/app/dataset.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from bench.measure import timed
from components.data import folder_fingerprint
from components.data.cache import CACHE_DIR_ENV

REPO_ROOT = Path(__file__).resolve().parents[1]
# The landed code the issue measured: the loader before the build cache.
BASELINE_COMMIT = "4096b8f"
# The baseline is not run on larger corpora: 5,000 articles take minutes and 4 GiB.
BASELINE_MAX_ARTICLES = 1000
# The article edited (by position in the folder), once in statements.yaml, once in events.yaml.
EDITED_ARTICLE = 1
# Targets of the issue, as ratios to the cold build of the same run.
WARM_TARGET = 30
EDITED_TARGET = 15
COLD_SPEEDUP_TARGET = 2
PEAK_RSS_TARGET_MIB = 400

_LOAD = """
import json, resource, sys, time
started = time.perf_counter()
from components.data import load_dataset
imported = time.perf_counter()
cpu = time.process_time()
dataset = load_dataset(sys.argv[1])
print(json.dumps({
    "load_ms": (time.perf_counter() - imported) * 1000,
    "load_cpu_ms": (time.process_time() - cpu) * 1000,
    "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "statements": len(dataset.statements),
}))
"""


def measure(corpus: Path, with_baseline: bool) -> dict:
    """The cache's measures on one corpus (edited in place, then put back)."""
    with tempfile.TemporaryDirectory(prefix="bench-cache-") as folder:
        cache = Path(folder) / "cache"
        result = {
            "cold": _load(corpus, cache),
            "warm": _load(corpus, cache),
        }
        for name, file in (
            ("edited_statement", "statements.yaml"),
            ("edited_event", "events.yaml"),
        ):
            path = sorted((corpus / "articles").iterdir())[EDITED_ARTICLE] / file
            original = path.read_text(encoding="utf-8")
            _edit_note(path)
            try:
                result[name] = _load(corpus, cache)
            finally:
                path.write_text(original, encoding="utf-8")
        if with_baseline:
            result["baseline_cold"] = _baseline(corpus, Path(folder))
    result["fingerprint"] = timed(lambda: folder_fingerprint(corpus), 5).as_dict()
    result["ratios"] = _ratios(result)
    return result


def _load(corpus: Path, cache: Path, code_dir: Path = REPO_ROOT) -> dict:
    env = {**os.environ, CACHE_DIR_ENV: str(cache), "PYTHONPATH": str(code_dir)}
    run = subprocess.run(
        [sys.executable, "-c", _LOAD, str(corpus)],
        cwd=code_dir,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    figures = json.loads(run.stdout)
    return {key: round(value, 1) for key, value in figures.items()}


def _baseline(corpus: Path, folder: Path) -> dict:
    """The loader of BASELINE_COMMIT, cold (it had no cache)."""
    code = folder / "baseline"
    code.mkdir()
    archive = subprocess.run(
        ["git", "archive", BASELINE_COMMIT, "components"],
        cwd=REPO_ROOT,
        capture_output=True,
        check=True,
    )
    subprocess.run(["tar", "-x", "-C", str(code)], input=archive.stdout, check=True)
    return _load(corpus, folder / "unused", code)


def _edit_note(path: Path) -> None:
    records = yaml.safe_load(path.read_text(encoding="utf-8"))
    records[0]["note"] = "Edited by the benchmark."
    path.write_text(yaml.safe_dump(records, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _ratios(result: dict) -> dict:
    """Ratios of CPU times (steadier than wall-clock on a shared machine; both are kept)."""
    cold = result["cold"]["load_cpu_ms"]
    ratios = {
        "cold_over_warm": round(cold / result["warm"]["load_cpu_ms"], 1),
        "cold_over_edited_statement": round(cold / result["edited_statement"]["load_cpu_ms"], 1),
        "cold_over_edited_event": round(cold / result["edited_event"]["load_cpu_ms"], 1),
        "peak_rss_mib": max(
            result[name]["peak_rss_mib"]
            for name in ("cold", "warm", "edited_statement", "edited_event")
        ),
    }
    if "baseline_cold" in result:
        ratios["baseline_over_cold"] = round(result["baseline_cold"]["load_cpu_ms"] / cold, 2)
    return ratios


def report(sizes: list[dict]) -> list[str]:
    """The table of the issue: cold, warm, one edited, memory, by corpus size."""
    lines = [
        "Build cache: `load_dataset()` in a fresh process (CPU ms, wall ms in the JSON; peak "
        "RSS in MiB); targets: "
        f"warm ≤ cold/{WARM_TARGET}, one edited article ≤ cold/{EDITED_TARGET}, cold ≥ "
        f"{COLD_SPEEDUP_TARGET}× faster than before the cache, peak ≤ {PEAK_RSS_TARGET_MIB} "
        "MiB at 1,000 articles",
        "",
        "| Articles | Statements | Before (cold) | Cold build | Warm start | Edited statement "
        "| Edited event | Cold/warm | Cold/edited (stmt, event) | Speed-up | Peak RSS: before, "
        "cold, warm, edited (stmt, event) | Fingerprint |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|",
    ]
    for size in sizes:
        cache = size["cache"]
        ratios = cache["ratios"]
        before = cache.get("baseline_cold")
        lines.append(
            f"| {size['articles']:,} | {cache['cold']['statements']:,} | "
            f"{_ms(before)} | {_ms(cache['cold'])} | {_ms(cache['warm'])} | "
            f"{_ms(cache['edited_statement'])} | {_ms(cache['edited_event'])} | "
            f"{ratios['cold_over_warm']}× | {ratios['cold_over_edited_statement']}×, "
            f"{ratios['cold_over_edited_event']}× | "
            f"{ratios.get('baseline_over_cold', '–')}{'×' if before else ''} | "
            f"{before['peak_rss_mib'] if before else '–'}, {cache['cold']['peak_rss_mib']}, "
            f"{cache['warm']['peak_rss_mib']}, {cache['edited_statement']['peak_rss_mib']}, "
            f"{cache['edited_event']['peak_rss_mib']} | "
            f"{cache['fingerprint']['median_ms']:.1f} |"
        )
    return lines


def _ms(measured: dict | None) -> str:
    return "–" if measured is None else f"{measured['load_cpu_ms']:,.0f}"
