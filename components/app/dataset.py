"""The Streamlit side of the data layer: one cached load, the filtered view, the error page,
the page views' cache and the views every page shares.

`components.data` never imports streamlit; this module is the one place that caches it.
"""

from pathlib import Path

import pandas as pd
import streamlit as st

from components.app.browser import log_to_console
from components.app.contradictions import contradiction_pairs
from components.app.filters import apply_filter, filter_key
from components.app.state import (
    DATA_KEY_KEY,
    actor_choices,
    selected_actor_ids,
    selected_outlets,
    selected_sides,
    source_choices,
)
from components.app.text_safety import escape_markdown
from components.data import (
    DATA_DIR_ENV,
    Dataset,
    DatasetError,
    folder_fingerprint,
    load_dataset,
    resolve_data_dir,
)

# How many problems the error page lists before it points to the validator.
MAX_PROBLEMS_SHOWN = 10
# Filtered views kept in memory (least recently used dropped first).
FILTERED_VIEWS_KEPT = 64
# Page views (figures, frames, downloads) kept per page function: enough for every reader's
# recent filter and widget choices, bounded so memory cannot grow without limit.
PAGE_VIEWS_KEPT = 128
# Datasets kept: the one of the files as they are, and the one before the last edit (a
# session still running on it finishes its run).
DATASETS_KEPT = 2
# Every function made by cached_view, so that clear_views can empty them all.
_VIEWS: list = []
# Between the data folder and its fingerprint in a data key (no path holds a NUL).
_KEY_SEPARATOR = "\0"


def note_data_version() -> None:
    """Take the data folder's fingerprint for this run (the router calls it first on every
    run): an edited, added or removed file gives a new data key, for which the dataset and
    every view are built again, so an annotator's edit shows on the next rerun or refresh.
    It stats every file once a run (17 ms of CPU at 1,000 articles, bench/data_layer.py)."""
    st.session_state[DATA_KEY_KEY] = current_data_key()


def current_data_key() -> str:
    """The data folder (see `DASHBOARD_DATA_DIR`) and the fingerprint of its files now."""
    folder = resolve_data_dir()
    return f"{folder}{_KEY_SEPARATOR}{folder_fingerprint(folder)}"


def data_key() -> str:
    """The data key of this run: the one the router noted, else (a page run on its own, the
    folder just changed) taken now."""
    noted = st.session_state.get(DATA_KEY_KEY)
    if noted is not None and _folder(noted) == str(resolve_data_dir()):
        return noted
    return current_data_key()


def get_dataset() -> Dataset:
    """The whole dataset, loaded once per version of the data folder's files."""
    return _load(data_key())


def get_actor_choices() -> dict[str, str]:
    """The sidebar filter's options (actor id -> name), built once per data version."""
    return _actor_choices(data_key())


def get_source_choices() -> tuple[dict[str, str], dict[str, str]]:
    """The sidebar's side options (side -> label) and outlet options (name -> name with its
    side), built once per data folder."""
    return _source_choices(data_key())


def view_key() -> tuple[str, tuple[str, ...]]:
    """(data key, filter key): the first two arguments of every cached page view.

    The data key is the folder and the fingerprint of its files (`data_key`). The filter key
    (`components.app.filters.filter_key`) is the chosen actor ids, followed by a token per
    chosen side and outlet; it is empty when nothing is chosen. Pass it on to
    `filtered_dataset` as it is.
    """
    key = filter_key(selected_actor_ids(), selected_sides(), selected_outlets())
    return data_key(), key


def full_dataset(data_dir: str) -> Dataset:
    """The whole dataset of a data key (for use inside a cached page view)."""
    return _load(data_dir)


def filtered_dataset(data_dir: str, actor_ids: tuple[str, ...]) -> Dataset:
    """The dataset of a data key narrowed by the filter key ``actor_ids`` (`view_key`'s
    second item: the actor ids, then the side and outlet tokens), inside a cached view."""
    return _filter(data_dir, actor_ids)


def cached_view(function):
    """Cache a page's view: everything it derives from the data, built once per argument set.

    Decorate a function ``view(data_dir, actor_ids, *widget_values)`` that builds the page's
    frames, figures and download bytes from `filtered_dataset(data_dir, actor_ids)` and
    returns them; call it as ``view(*view_key(), *widget_values)``. A rerun then costs a
    cache lookup plus sending the outputs (the page's floor). The objects are shared by all
    sessions (st.cache_resource, no copy), so the page must only read them.

    Define views in a feature's view module (components/<feature>/view.py), never in a
    page script: Streamlit runs a page script again on every rerun, and decorating reads
    the function's source each time.
    """
    view = st.cache_resource(show_spinner=False, max_entries=PAGE_VIEWS_KEPT)(function)
    _VIEWS.append(view)
    return view


def clear_views() -> None:
    """Empty the cache of every page view (not the dataset's, the filter's or the map
    layers'): the benchmark builds the views again to time it."""
    for view in _VIEWS:
        view.clear()


# Part of the whole dataset that several pages' views need and no filter changes: built once
# per data folder and shared, so a new actor choice does not build it again.
@cached_view
def dataset_contradictions(data_dir: str) -> pd.DataFrame:
    """`contradiction_pairs` of the whole dataset (the Overview and Stances views scope it)."""
    return contradiction_pairs(full_dataset(data_dir))


def dataset_or_stop() -> Dataset:
    """The dataset, or a readable error page (never a traceback) and the end of this run."""
    try:
        return get_dataset()
    except DatasetError as error:
        _show_dataset_error(error)
        st.stop()


# Shared objects (st.cache_resource), not copies (st.cache_data): a cache_data hit unpickles
# a fresh copy of the whole dataset (125 MiB pickled at 100,000 statements: 35 ms and a
# second copy in memory), and every rerun asks for it at least twice; a shared hit costs
# 0.06 ms (docs/bench-results.json). Sharing is safe because the Dataset is frozen and its
# frames are read-only by contract (tests/app/test_shared_dataset.py).
# The data key (folder and fingerprint) is the argument, so an edited file is a new entry.
@st.cache_resource(show_spinner="Loading the dataset…", max_entries=DATASETS_KEPT)
def _load(key: str) -> Dataset:
    return load_dataset(_folder(key))


def _folder(key: str) -> str:
    return key.partition(_KEY_SEPARATOR)[0]


# One filtered view per filter choice; bounded, since every reader's choice adds one.
@st.cache_resource(show_spinner=False, max_entries=FILTERED_VIEWS_KEPT)
def _filter(data_dir: str, key: tuple[str, ...]) -> Dataset:
    return apply_filter(_load(data_dir), key)


@st.cache_resource(show_spinner=False)
def _source_choices(data_dir: str) -> tuple[dict[str, str], dict[str, str]]:
    return source_choices(_load(data_dir).articles)


# The router asks for the options on every run; sorting them each time cost ~4 ms a rerun.
@st.cache_resource(show_spinner=False)
def _actor_choices(data_dir: str) -> dict[str, str]:
    return actor_choices(_load(data_dir).actors)


def _show_dataset_error(error: DatasetError) -> None:
    folder = resolve_data_dir()
    st.title("The dashboard could not load its data")
    # The message quotes data text (a quote, a name): shown literally, never as Markdown.
    # Each problem once: the first is not repeated above a list of all of them.
    problems = error.problems[:MAX_PROBLEMS_SHOWN]
    if len(error.problems) == 1:
        st.error(escape_markdown(str(error)), icon=":material/error:")
    else:
        hidden = len(error.problems) - len(problems)
        st.error(
            f"{len(error.problems)} problems:\n\n"
            + "\n".join(f"- {escape_markdown(str(problem))}" for problem in problems)
            + (f"\n\nand {hidden} more." if hidden else ""),
            icon=":material/error:",
        )
    st.markdown(_advice(folder))
    log_to_console(f"Lake Sev dashboard: the data in {folder} could not be loaded: {error}")


# The interpreter of the project's environment (`make run` makes it), and the validator.
VALIDATE_COMMAND = ".venv/bin/python -m components.data validate"


def _advice(folder: Path) -> str:
    """What to do, for a folder that is missing, empty, or holds a mistake."""
    shown = _code(str(folder))
    point_elsewhere = (
        f"The dashboard reads the folder `{DATA_DIR_ENV}` names, else `data/` beside "
        f"`dashboard.py`: start it with `{DATA_DIR_ENV}=/path/to/data make run` to read "
        "another folder."
    )
    if not folder.is_dir():
        return (
            f"**What to do:** the data folder {shown} does not exist. {point_elsewhere} "
            f"`{VALIDATE_COMMAND} /path/to/data` checks a folder first."
        )
    if not any(folder.iterdir()):
        return (
            f"**What to do:** the data folder {shown} is empty: it needs actors.yaml, "
            f"locations.yaml, issues.yaml and articles/ (data/README.md). {point_elsewhere}"
        )
    return (
        f"**What to do:** fix what is named above in {shown} and reload the page. "
        f"`{VALIDATE_COMMAND} {folder}` lists every problem at once. {point_elsewhere}"
    )


def _code(text: str) -> str:
    """``text`` as a Markdown code span (shown literally; a backtick could end it)."""
    return f"`{text.replace('`', '‘')}`"
