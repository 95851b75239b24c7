"""How the data layer's costs grow with the corpus: load (cold and cached) and the actor filter.

The cold load runs in a fresh Python process, as the first visitor of a new server pays it.
The cached load is what every rerun pays to get the dataset back from Streamlit's cache:
the app's own cached function (components.app.dataset), beside what an st.cache_data hit
costs for the same dataset (it unpickles the stored bytes on every hit), so the
difference is measured, not assumed.
"""

from __future__ import annotations

import json
import logging
import pickle
import subprocess
import sys
from pathlib import Path

import streamlit as st

from bench.measure import once_ms, timed
from components.app import dataset as app_data
from components.app.filters import filter_dataset
from components.data import Dataset

REPO_ROOT = Path(__file__).resolve().parents[1]

_COLD_LOAD = """
import json, resource, sys, time
start = time.perf_counter()
from components.data import load_dataset
imported = time.perf_counter()
dataset = load_dataset(sys.argv[1])
loaded = time.perf_counter()
print(json.dumps({
    "import_ms": (imported - start) * 1000,
    "load_ms": (loaded - imported) * 1000,
    "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "rows": {name: len(frame) for name, frame in dataset.tables().items()},
}))
"""


def quiet_streamlit_bare_mode() -> None:
    """Outside `streamlit run` every cached call warns that there is no runtime; hush it."""
    for name in (
        "streamlit.runtime.caching.cache_data_api",
        "streamlit.runtime.scriptrunner_utils.script_run_context",
    ):
        logging.getLogger(name).setLevel(logging.ERROR)


def cold_load(data_dir: Path) -> dict:
    """Import and load in a fresh process: what the first visitor of a new server waits for."""
    result = subprocess.run(
        [sys.executable, "-c", _COLD_LOAD, str(data_dir)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    figures = json.loads(result.stdout)
    return {key: _rounded(value) for key, value in figures.items()}


def cached_loads(data_dir: Path, runs: int) -> tuple[Dataset, dict]:
    """The dataset, and what a cache hit costs: the app's own cached load (after one load),
    and st.cache_data's hit, which unpickles a copy of the stored value on every call."""
    key = str(data_dir.resolve())
    load = once_ms(lambda: app_data._load(key))
    dataset = app_data._load(key)
    stored = pickle.dumps(dataset, protocol=pickle.HIGHEST_PROTOCOL)
    return dataset, {
        "first_call_ms": round(load, 1),
        "app": timed(lambda: app_data._load(key), runs).as_dict(),
        "cache_data": timed(lambda: pickle.loads(stored), runs).as_dict(),
        "pickled_mib": round(len(stored) / 2**20, 1),
    }


def filter_costs(dataset: Dataset, runs: int) -> dict:
    """filter_dataset for a broad choice (a state and all under it) and a narrow one."""
    actors = dataset.actors
    state = actors.loc[actors["actor_type"] == "state", "actor_id"].iloc[0]
    leaf = actors.loc[actors["parent_actor_id"].notna(), "actor_id"].iloc[0]
    out = {}
    for label, chosen in (("state", [state]), ("one_actor", [leaf])):
        filtered = filter_dataset(dataset, chosen)
        out[label] = {
            "actor_ids": chosen,
            "statements_kept": len(filtered.statements),
            **timed(lambda chosen=chosen: filter_dataset(dataset, chosen), runs).as_dict(),
        }
    return out


def clear_streamlit_caches() -> None:
    st.cache_data.clear()
    st.cache_resource.clear()


def _rounded(value):
    return round(value, 2) if isinstance(value, float) else value
