"""Page reruns under AppTest, beside the two baselines of the same run.

For every page in dashboard.PAGES: the cold first run (new session, empty caches), the
median warm rerun, and, measured the same way,
- the empty page: a script that only imports streamlit (Streamlit's own floor), and
- the page's floor: the same shell (navigation, page config) showing the same things the
  page showed, already built: every element (the same figure objects, frames and texts),
  container, widget and link, each in its place, with no data work. The unavoidable cost
  of sending what the page shows. The benchmark checks that the floor's element tree is
  the page's, type by type.

While a page runs, the public functions of components/ are wrapped with timers, so the
report says which reshaping or figure builder costs what (outermost calls only), and every
st.* call that shows something is recorded: that record is the floor page, and its plotly
figures are counted (marks, and whether they are drawn as SVG or WebGL).
"""

from __future__ import annotations

import importlib
import inspect
import logging
import pkgutil
import statistics
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import plotly.graph_objects as go
import streamlit as st
from streamlit.delta_generator import DeltaGenerator
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner.script_cache import ScriptCache
from streamlit.testing.v1 import AppTest, app_test, local_script_runner

import components
import dashboard
from bench.measure import once_ms, timed
from components.app import dataset as app_data
from components.app.state import ACTOR_FILTER_KEY
from components.app.warm_up import LOGGER as warm_up_logger
from components.app.warm_up import warm_up

APP_FILE = str(Path(dashboard.__file__).resolve())
FLOOR_FILE = str(Path(__file__).with_name("floor_page.py"))
EMPTY_FILE = str(Path(__file__).with_name("empty_page.py"))
# Generous: at 100,000 statements one run can take many seconds.
RUN_TIMEOUT_S = 900
# What the floor page replays: every call that puts something on the page (elements,
# layout blocks, widgets, links), in its container. st.write is left out: it calls these.
OUTPUT_METHODS = (
    "plotly_chart",
    "dataframe",
    "table",
    "pydeck_chart",
    "map",
    "altair_chart",
    "vega_lite_chart",
    "bar_chart",
    "line_chart",
    "area_chart",
    "scatter_chart",
    "markdown",
    "caption",
    "title",
    "header",
    "subheader",
    "text",
    "code",
    "json",
    "html",
    "metric",
    "info",
    "warning",
    "error",
    "success",
    "image",
    "divider",
)
LAYOUT_METHODS = ("columns", "container", "expander", "tabs", "popover", "empty", "form")
WIDGET_METHODS = (
    "button",
    "download_button",
    "link_button",
    "page_link",
    "multiselect",
    "selectbox",
    "segmented_control",
    "pills",
    "radio",
    "toggle",
    "checkbox",
    "text_input",
    "text_area",
    "number_input",
    "slider",
    "select_slider",
    "date_input",
    "file_uploader",
    "data_editor",
    "form_submit_button",
)
RECORDED_METHODS = (*OUTPUT_METHODS, *LAYOUT_METHODS, *WIDGET_METHODS)
# Called on `st` itself rather than on a container.
SHELL_FUNCTIONS = ("set_page_config",)
# Modules whose functions are not the page's own work (the shell, widgets' state).
UNTIMED_MODULES = ("components.app.routing", "components.app.sidebar", "components.app.state")
# Recorded runs per page that time each component function (the timed reruns are not
# recorded: the wrappers add a little to every call).
FUNCTION_TIMING_RUNS = 5
# Times a page's views are built again from scratch (one run is too noisy on a small
# machine: 240 to 480 ms for the same build at 100,000 statements); the median is kept.
BUILD_SAMPLES = 5
# Above this many points an SVG trace makes the browser slow; WebGL or aggregation is due.
SVG_MARKS_LIMIT = 5_000
WEBGL_TRACE_TYPES = {"scattergl", "scattermap", "scattermapbox", "densitymap", "heatmapgl"}


@dataclass(frozen=True)
class RecordedCall:
    """One st.* call of a page run: on which container, what, and the containers it made.

    ``target`` is "main", "sidebar" or the number of a container an earlier call returned;
    ``made`` numbers the container(s) this call returned (columns and tabs return several).
    """

    target: str | int
    method: str
    args: tuple
    kwargs: dict
    made: tuple[int, ...] = ()


# The floor page replays these (set before each floor run; AppTest runs in this process):
# the recorded calls, and the page of dashboard.PAGES whose place the replay takes.
RECORDED_CALLS: list[RecordedCall] = []
FLOOR_PAGE: list[str] = []


class _Recorder:
    """Wraps st.* methods and component functions for one page run."""

    def __init__(self) -> None:
        self.calls: list[RecordedCall] = []
        self.function_ms: dict[str, float] = defaultdict(float)
        self.local = threading.local()
        self.containers: dict[int, int] = {}
        # The containers of the run, kept alive so that their ids stay theirs.
        self.alive: list[DeltaGenerator] = []

    def output_wrapper(self, name: str, original: Callable) -> Callable:
        def record(*args, **kwargs):
            if getattr(self.local, "in_output", False):
                return original(*args, **kwargs)
            self.local.in_output = True
            try:
                if name in SHELL_FUNCTIONS:
                    target, rest = "main", args
                else:
                    container = args[0] if _is_dg(args) else st._main
                    # st.foo and st._main.foo go to the `with` block they are in.
                    target = self._handle(container._active_dg)
                    rest = args[1:] if _is_dg(args) else args
                result = original(*args, **kwargs)
                self.calls.append(RecordedCall(target, name, rest, kwargs, self._made(result)))
                return result
            finally:
                self.local.in_output = False

        return record

    def _handle(self, container: DeltaGenerator) -> str | int:
        if container is st._main:
            return "main"
        if container is st.sidebar:
            return "sidebar"
        if id(container) not in self.containers:
            raise PageError(f"a call went to a container the benchmark did not see: {container}")
        return self.containers[id(container)]

    def _made(self, result: object) -> tuple[int, ...]:
        made = result if isinstance(result, (list, tuple)) else [result]
        handles = []
        for container in made:
            if isinstance(container, DeltaGenerator):
                self.alive.append(container)
                self.containers[id(container)] = len(self.alive)
                handles.append(len(self.alive))
        return tuple(handles)

    def function_wrapper(self, qualified: str, original: Callable) -> Callable:
        def timed_call(*args, **kwargs):
            depth = getattr(self.local, "depth", 0)
            self.local.depth = depth + 1
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.local.depth = depth
                if depth == 0:
                    self.function_ms[qualified] += (time.perf_counter() - start) * 1000

        timed_call.__wrapped__ = original
        return timed_call

    def reset(self) -> None:
        self.calls = []
        self.function_ms = defaultdict(float)
        self.containers = {}
        self.alive = []


def _is_dg(args: tuple) -> bool:
    return bool(args) and isinstance(args[0], DeltaGenerator)


def component_modules() -> list:
    """Every module of components/ except the data layer (measured on its own) and the shell."""
    modules = []
    for info in pkgutil.walk_packages(components.__path__, "components."):
        if info.name.startswith("components.data") or info.name in UNTIMED_MODULES:
            continue
        modules.append(importlib.import_module(info.name))
    return modules


@contextmanager
def recording():
    """Patch st.* methods and component functions; yield the recorder; restore all."""
    recorder = _Recorder()
    restore: list[tuple[object, str, object]] = []
    for name in (*RECORDED_METHODS, *SHELL_FUNCTIONS):
        if hasattr(DeltaGenerator, name):
            original = getattr(DeltaGenerator, name)
            restore.append((DeltaGenerator, name, original))
            setattr(DeltaGenerator, name, recorder.output_wrapper(name, original))
        if hasattr(st, name):
            original = getattr(st, name)
            restore.append((st, name, original))
            setattr(st, name, recorder.output_wrapper(name, original))
    for module in component_modules():
        for name, value in list(vars(module).items()):
            if name.startswith("_") or not inspect.isfunction(value):
                continue
            if value.__module__ != module.__name__:
                continue
            restore.append((module, name, value))
            setattr(module, name, recorder.function_wrapper(f"{module.__name__}.{name}", value))
    try:
        yield recorder
    finally:
        for owner, name, original in reversed(restore):
            setattr(owner, name, original)


def new_app(script: str) -> AppTest:
    return AppTest.from_file(script, default_timeout=RUN_TIMEOUT_S)


def open_page(app: AppTest, page_path: str) -> AppTest:
    """Point a new session at a page as a reader's link does: the default page at "/" (its
    name, "/overview", only sends the reader there), every other page by its path.

    AppTest finds a page by its file name before the first run, which for the default page
    is that name: every run would measure the way there as well.
    """
    if page_path != dashboard.PAGES[0].path:
        app.switch_page(page_path)
    return app


def _check(app: AppTest, what: str) -> None:
    if app.exception:
        exception = app.exception[0]
        # The app's config redacts the message; the last stack line says what it was.
        detail = exception.stack_trace[-1].strip() if exception.stack_trace else exception.message
        raise PageError(f"{what} raised: {detail}")


def baseline_empty(runs: int) -> dict:
    """Warm rerun of a page that only imports streamlit."""
    with server_steady_state():
        app = new_app(EMPTY_FILE)
        app.run()
        return timed(app.run, runs).as_dict()


def measure_page(
    page_path: str,
    runs: int,
    clear_caches: Callable[[], None],
    timeout_s: float = RUN_TIMEOUT_S,
    filter_actor_ids: list[str] | None = None,
) -> dict:
    """Cold first run, warm reruns with per-function times, the floor, and the marks drawn.

    With ``filter_actor_ids``: then the reader picks those actors in the sidebar; the first
    run after the pick (the filter, not yet cached, and the page's views built for it) and
    the warm reruns that follow. A page that raises is reported as such (the bench goes on
    with the other pages).
    """
    try:
        with server_steady_state():
            result = _measure_steady_page(page_path, runs, clear_caches, timeout_s)
            if filter_actor_ids:
                result["filtered"] = _measure_filtered(page_path, runs, filter_actor_ids)
            return result
    except PageError as error:
        return {"error": str(error)}
    except RuntimeError as error:
        # AppTest raises RuntimeError when a run takes longer than its timeout.
        return {"error": f"a run took longer than {timeout_s:.0f} s ({error})"}


class PageError(RuntimeError):
    """A measured page raised; its message is the exception the page showed."""


@contextmanager
def server_steady_state():
    """Measure reruns as a running server makes them, without AppTest's extra run.

    On a server, the router's `st.navigation` turns Streamlit's legacy `pages/` flag off
    once per process (components/app/routing.py). AppTest turns it on again at every run, so
    `ensure_router` would rerun every measured run once more (about 25 ms a run), a cost no
    reader pays and the floor page does not have. Likewise a server compiles each script
    once, where AppTest compiles it at every run. Both baselines run the same way.
    """
    original = PagesManager.__init__

    def init_without_legacy_flag(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    # A server compiles each script once per process (its Runtime's ScriptCache); AppTest
    # makes a new cache, and so compiles the router and the page again, at every run.
    shared = ScriptCache()
    caches = (local_script_runner.ScriptCache, app_test.ScriptCache)
    PagesManager.__init__ = init_without_legacy_flag
    local_script_runner.ScriptCache = app_test.ScriptCache = lambda: shared
    try:
        yield
    finally:
        # What was there before, so that the context can be nested.
        PagesManager.__init__ = original
        local_script_runner.ScriptCache, app_test.ScriptCache = caches


def _measure_steady_page(
    page_path: str, runs: int, clear_caches: Callable[[], None], timeout_s: float
) -> dict:
    clear_caches()
    app = open_page(AppTest.from_file(APP_FILE, default_timeout=timeout_s), page_path)
    start = time.perf_counter()
    app.run()
    cold_ms = (time.perf_counter() - start) * 1000
    _check(app, page_path)
    if cold_ms > timeout_s * 1000 / 4:
        # A slow page gets one timed rerun, so the whole benchmark stays bounded.
        runs = 1

    # Recorded runs: the calls the floor replays, and the time of each component function
    # (the wrappers cost a little, so these runs are not the timed ones).
    per_function: dict[str, list[float]] = defaultdict(list)
    profiled_runs = min(runs, FUNCTION_TIMING_RUNS)
    with recording() as recorder:
        app.run()
        _check(app, page_path)
        calls = list(recorder.calls)
        for _ in range(profiled_runs):
            recorder.reset()
            app.run()
            for name, spent in recorder.function_ms.items():
                per_function[name].append(spent)
    elements = element_counts(app)
    floor_app = _floor_app(page_path, calls)
    if element_counts(floor_app) != elements:
        raise PageError(f"the floor of {page_path} did not show what the page showed")
    # The page and its floor alternate, so a change in the machine's load hits both alike.
    walls, floor_walls = [], []
    with _replaying(page_path, calls):
        for _ in range(runs):
            walls.append(once_ms(app.run))
            floor_walls.append(once_ms(floor_app.run))
    warm, floor = _spread(walls), _spread(floor_walls)
    cached_first = statistics.median(_session_first_run_ms(page_path) for _ in range(runs))
    builds = [cold_ms - cached_first]
    for _ in range(BUILD_SAMPLES - 1):
        app_data.clear_views()
        builds.append(_session_first_run_ms(page_path) - cached_first)
    # What a reader of `make run` waits for: serve.py's warm-up built the folder-wide views
    # (the whole Timeline's items, the contradiction pairs...) as the server started, and
    # the page builds its own views on its first run.
    after_warm_up = []
    for _ in range(BUILD_SAMPLES):
        _rebuild_folder_views()
        after_warm_up.append(_session_first_run_ms(page_path) - cached_first)
    functions = {
        name: round(statistics.median(values + [0.0] * (profiled_runs - len(values))), 2)
        for name, values in per_function.items()
    }
    return {
        "cold_first_run_ms": round(cold_ms, 2),
        # A new session's first run once the views are cached. A first run minus it is
        # what building the page's views cost: the cold first run (at scale the dataset is
        # already loaded: the bench loads it before the pages), then runs after emptying
        # the views' caches (app_data.clear_views); the median of BUILD_SAMPLES.
        "cached_first_run_ms": round(cached_first, 2),
        "first_build_ms": round(max(statistics.median(builds), 0.0), 2),
        "first_build_samples_ms": [round(build, 2) for build in builds],
        "build_after_warm_up_ms": round(max(statistics.median(after_warm_up), 0.0), 2),
        "build_after_warm_up_samples_ms": [round(build, 2) for build in after_warm_up],
        "warm": warm,
        "floor": floor,
        "ratio_to_floor": round(warm["median_ms"] / floor["median_ms"], 2),
        "functions_ms": dict(sorted(functions.items(), key=lambda item: -item[1])),
        "outputs": _output_counts(calls),
        "elements_shown": sum(elements.values()),
        "figures": [
            _figure_marks(call.args, call.kwargs)
            for call in calls
            if _is_fig(call.method, call.args, call.kwargs)
        ],
    }


def folder_views(runs: int) -> dict:
    """What `make run`'s load adds to the dataset's: the views that depend on the data
    folder alone (the Timeline's items, the contradiction pairs, the Overview's strip...),
    which serve.py's warm-up builds as the server starts; timed once the dataset is loaded,
    the views' caches emptied before each run (the folder of DASHBOARD_DATA_DIR)."""

    return timed(_rebuild_folder_views, runs).as_dict()


def _rebuild_folder_views() -> None:
    """Every view emptied, then the folder views built again as serve.py's warm-up does."""
    app_data.clear_views()
    with _quiet(warm_up_logger):
        warm_up()


@contextmanager
def _quiet(logger: logging.Logger):
    """No info lines from ``logger`` (the warm-up's "ready for the first reader")."""
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


def _measure_filtered(page_path: str, runs: int, actor_ids: list[str]) -> dict:
    """The run after picking ``actor_ids`` in a new session: first with the filter and the
    page's views for it not built yet, then (median of ``runs`` new sessions) with them
    cached; the difference is what building them costs."""
    # Each page pays the filter itself: the filtered dataset is cached across pages.
    firsts = []
    for sample in range(BUILD_SAMPLES):
        app_data._filter.clear()
        if sample:
            # The views for everyone are built again too, in the untimed unfiltered run.
            app_data.clear_views()
        firsts.append(_session_first_run_ms(page_path, actor_ids))
    cached = statistics.median(_session_first_run_ms(page_path, actor_ids) for _ in range(runs))
    return {
        "actor_ids": list(actor_ids),
        "first_run_ms": round(statistics.median(firsts), 2),
        "cached_run_ms": round(cached, 2),
        "filter_and_build_ms": round(max(statistics.median(firsts) - cached, 0.0), 2),
        "filter_and_build_samples_ms": [round(first - cached, 2) for first in firsts],
    }


def _session_first_run_ms(page_path: str, actor_ids: list[str] | None = None) -> float:
    """A new session's first run of the page; with ``actor_ids``, its run after picking
    them (the unfiltered run before it is not timed)."""
    app = open_page(AppTest.from_file(APP_FILE, default_timeout=RUN_TIMEOUT_S), page_path)
    if actor_ids:
        app.run()
        _check(app, page_path)
        app.multiselect(key=ACTOR_FILTER_KEY).set_value(list(actor_ids))
    start = time.perf_counter()
    app.run()
    spent = (time.perf_counter() - start) * 1000
    _check(app, page_path + (f" filtered by {actor_ids}" if actor_ids else ""))
    return spent


def measure_floor(page_path: str, calls: list[RecordedCall], runs: int) -> dict:
    """Warm reruns of the floor alone (see `_floor_app`), and the elements it showed."""
    with server_steady_state():
        app = _floor_app(page_path, calls)
        with _replaying(page_path, calls):
            return {**timed(app.run, runs).as_dict(), "elements": element_counts(app)}


def _floor_app(page_path: str, calls: list[RecordedCall]) -> AppTest:
    """The floor, run once: the same shell (navigation, page config), and in place of the
    page, a replay of its recorded calls (the same elements, containers, widgets and links,
    with the figures and frames already built)."""
    with _replaying(page_path, calls):
        app = new_app(FLOOR_FILE)
        app.run()
        _check(app, "the floor page")
    return app


@contextmanager
def _replaying(page_path: str, calls: list[RecordedCall]):
    """What the floor page replays while it runs (AppTest runs it in this process)."""
    RECORDED_CALLS[:] = calls
    FLOOR_PAGE[:] = [page_path]
    yield


def _spread(walls: list[float]) -> dict:
    return {
        "median_ms": round(statistics.median(walls), 2),
        "min_ms": round(min(walls), 2),
        "max_ms": round(max(walls), 2),
        "runs": len(walls),
    }


def element_counts(app: AppTest) -> dict[str, int]:
    """How many elements, containers and widgets of each type the last run showed."""
    counts: dict[str, int] = defaultdict(int)

    def walk(node) -> None:
        for child in getattr(node, "children", {}).values():
            counts[child.type] += 1
            walk(child)

    walk(app._tree)
    return dict(sorted(counts.items()))


def _output_counts(calls: list[RecordedCall]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for call in calls:
        counts[call.method] += 1
    return dict(counts)


def _is_fig(name: str, args: tuple, kwargs: dict) -> bool:
    return name == "plotly_chart" and isinstance(_figure_of(args, kwargs), go.Figure)


def _figure_of(args: tuple, kwargs: dict):
    return args[0] if args else kwargs.get("figure_or_data")


def _figure_marks(args: tuple, kwargs: dict) -> dict:
    """Points per trace type, and how many of them the browser draws as SVG elements."""
    figure = _figure_of(args, kwargs)
    by_type: dict[str, int] = defaultdict(int)
    for trace in figure.data:
        by_type[trace.type] += _trace_points(trace)
    svg = sum(count for kind, count in by_type.items() if kind not in WEBGL_TRACE_TYPES)
    return {
        "title": _title(figure),
        "traces": len(figure.data),
        "points_by_type": dict(by_type),
        "svg_points": svg,
        "needs_aggregation_or_webgl": svg > SVG_MARKS_LIMIT,
    }


def _trace_points(trace) -> int:
    sizes = []
    for attribute in ("x", "y", "lat", "lon", "values", "r", "ids"):
        value = getattr(trace, attribute, None)
        if value is not None and not isinstance(value, str):
            try:
                sizes.append(len(value))
            except TypeError:
                continue
    z = getattr(trace, "z", None)
    if z is not None:
        try:
            sizes.append(sum(len(row) for row in z))
        except TypeError:
            sizes.append(len(z))
    return max(sizes, default=0)


def _title(figure: go.Figure) -> str | None:
    text = figure.layout.title.text
    return text if isinstance(text, str) else None
