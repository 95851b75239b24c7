"""The work a server can do before anyone asks: the dataset and the folder-wide views.

`warm_up` loads and validates the data folder's dataset and builds the views that depend on
the folder alone (not on a filter or a widget), into the same shared caches the pages read.
serve.py runs it in a thread as the server starts, while the first reader's browser is still
loading the page; the first run then finds them ready, as every later run does.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from streamlit.logger import get_logger

from components.app.dataset import (
    current_data_key,
    dataset_contradictions,
    full_dataset,
    get_actor_choices,
)
from components.app.figures import new_figure
from components.app.places import geo_dir
from components.data import DatasetError, resolve_data_dir
from components.map.view import map_geo_layers
from components.overview.view import overview_story
from components.source.view import source_article_choices, source_speaker_colours
from components.timeline.view import timeline_choices

LOGGER = get_logger(__name__)
# The trace types the pages draw: plotly imports each one's classes on first use.
TRACE_TYPES = ("scatter", "scattermap", "sankey")
# Streamlit warns on each cached call made outside a script run; the warm-up is one.
SCRIPT_RUN_LOGGER = "streamlit.runtime.scriptrunner_utils.script_run_context"


def warm_up() -> bool:
    """Load the dataset of the data folder and build its folder-wide views; False (and
    nothing built) when the folder does not load: the first page run shows why."""
    started = time.perf_counter()
    folder = resolve_data_dir()
    data_dir = current_data_key()
    with _no_script_run_warnings():
        try:
            dataset = full_dataset(data_dir)
        except DatasetError:
            LOGGER.warning("The data in %s does not load; the pages will say why.", folder)
            return False
        get_actor_choices()
        dataset_contradictions(data_dir)
        overview_story(data_dir)
        timeline_choices(data_dir)
        source_article_choices(data_dir)
        source_speaker_colours(data_dir)
        map_geo_layers(str(geo_dir(dataset)))
        new_figure([{"type": trace_type} for trace_type in TRACE_TYPES])
    seconds = time.perf_counter() - started
    LOGGER.info("Loaded %s in %.1f s, ready for the first reader.", folder, seconds)
    return True


class _NotFrom(logging.Filter):
    def __init__(self, thread_id: int):
        super().__init__()
        self.thread_id = thread_id

    def filter(self, record: logging.LogRecord) -> bool:
        return record.thread != self.thread_id


@contextmanager
def _no_script_run_warnings() -> Iterator[None]:
    """Leave out, for this thread only, the warnings that there is no script run."""
    quiet = _NotFrom(threading.get_ident())
    logger = logging.getLogger(SCRIPT_RUN_LOGGER)
    logger.addFilter(quiet)
    try:
        yield
    finally:
        logger.removeFilter(quiet)
