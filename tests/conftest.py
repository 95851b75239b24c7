"""Suite-wide guard: nothing the tests, the loader or the app do may write into data/."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pandas as pd
import pytest

from components.data import CACHE_DIR_ENV, DATA_DIR_ENV, Dataset, load_dataset
from tests.seed import seed_data_dir as seed_data_dir_once

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
BROWSER_TESTS = "tests/e2e/"

# Browser modules whose tests run together on one worker, in order, and which of them:
# all of the file's ("file"), or those with the same parameter of a parametrized module
# fixture, the first in the test's id ("param").
KEPT_TOGETHER = {
    "tests/e2e/test_hostile.py": "file",  # hostile_server, too costly to make twice
    "tests/e2e/test_accessibility.py": "file",  # stances_page: one visit, tests in order
    "tests/e2e/test_every_page.py": "param",  # tour: one visit of every page per data folder
    "tests/e2e/test_widths.py": "param",  # width_visit: one visit of every page per width
}


# Groups of KEPT_TOGETHER's that share a visit: their tests run together too, on one worker
# (`desktop_visit` in tests/e2e/conftest.py serves both).
SHARED_VISITS = {
    "tests/e2e/test_every_page.py[corpus]": "desktop visit of the corpus",
    "tests/e2e/test_widths.py[1400px]": "desktop visit of the corpus",
}


# The longest files of the rest, longest first (CPU-seconds on a full run, tests/cpu_profile.py:
# 58, 39, 23, 16, 14, 14): after the browser tests they go first, so that neither worker
# starts one while the other has only short files left (the corpus timeline's, handed out
# among the last, kept one worker busy 146 s after the other had finished).
LONG_FILES = (
    "tests/timeline/test_corpus.py",
    "tests/data/test_cache_edits.py",
    "tests/disagreements/test_figures.py",
    "tests/data/test_cache.py",
    "tests/review/test_page.py",
    "tests/app/test_valid_figures.py",
)


def xdist_scope(nodeid: str) -> str:
    """The tests pytest-xdist runs together, in order, on one worker (see
    pytest_xdist_make_scheduler): a browser test alone, but where its module keeps its tests
    together (KEPT_TOGETHER, SHARED_VISITS); any other test with the tests of its file, so that
    module-scoped fixtures (datasets, figures, AppTest runs) are made once."""
    file = nodeid.split("::")[0]
    if not file.startswith(BROWSER_TESTS):
        return file
    shared = KEPT_TOGETHER.get(file)
    if shared == "file":
        return file
    if shared == "param" and nodeid.endswith("]"):
        first = nodeid.rsplit("[", 1)[1].removesuffix("]").split("-")[0]
        scope = f"{file}[{first}]"
        return SHARED_VISITS.get(scope, scope)
    return nodeid


def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """`-n 2 --dist loadscope` (pyproject.toml) with this suite's scopes: xdist_scope.

    pytest-xdist's own `loadgroup` does not group on pytest 9 (it renames node ids through
    a field pytest 9 no longer reads: pytest-xdist issue 1386), so the groups are made here,
    from the node id, by the scheduler itself.
    """
    if config.getvalue("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class SuiteScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return xdist_scope(nodeid)

    return SuiteScheduling(config, log)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On a pytest-xdist worker, the browser tests come first (in the order of the files):
    they are the long ones; then LONG_FILES, and the short ones fill in at the end. Every
    worker collects the same order, which is the order the scheduler hands the groups out
    in."""
    if hasattr(config, "workerinput"):
        items.sort(key=_run_order)


def _run_order(item: pytest.Item) -> tuple[bool, int]:
    if item.nodeid.startswith(BROWSER_TESTS):
        return False, 0
    file = item.nodeid.split("::")[0]
    return True, LONG_FILES.index(file) if file in LONG_FILES else len(LONG_FILES)


def folder_digest(folder: Path) -> str:
    """A digest of every file's path, bytes and modification time under ``folder``."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(str(path.relative_to(folder)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
            digest.update(str(path.stat().st_mtime_ns).encode())
    return digest.hexdigest()


@pytest.fixture(scope="session", autouse=True)
def data_folder_is_never_written():
    """Hash data/ before the whole suite and fail the run if it changed by the end."""
    before = folder_digest(DATA_DIR)
    yield
    assert folder_digest(DATA_DIR) == before, "data/ changed during the test run"


@pytest.fixture(scope="session", autouse=True)
def build_cache_dir(tmp_path_factory) -> Path:
    """The build cache of the whole run: a new folder, never the user's (nor data/)."""
    folder = tmp_path_factory.mktemp("build-cache")
    patch = pytest.MonkeyPatch()
    patch.setenv(CACHE_DIR_ENV, str(folder))
    yield folder
    patch.undo()


@pytest.fixture(scope="session", autouse=True)
def seed_is_the_default_folder():
    """Tests that name no data folder read the seed article on its own (tests/seed.py), which
    their assertions describe; tests of the whole corpus name data/ (DATA_DIR, `corpus`)."""
    before = os.environ.get(DATA_DIR_ENV)
    os.environ[DATA_DIR_ENV] = str(seed_data_dir_once())
    yield
    if before is None:
        os.environ.pop(DATA_DIR_ENV, None)
    else:
        os.environ[DATA_DIR_ENV] = before


@pytest.fixture(scope="session")
def seed_data_dir() -> Path:
    """The seed article and the registry records it uses, projected from data/ (tests/seed.py)."""
    return seed_data_dir_once()


@pytest.fixture(scope="session")
def dataset(seed_data_dir):
    """The seed article's dataset, loaded once for the whole suite and shared: tests only
    read it, and the end of the run checks that it still equals a fresh load."""
    shared: Dataset = load_dataset(seed_data_dir)
    yield shared
    for name, frame in load_dataset(seed_data_dir).tables().items():
        pd.testing.assert_frame_equal(getattr(shared, name), frame, obj=f"dataset.{name}")


@pytest.fixture(scope="session")
def corpus():
    """The whole bundled corpus (data/), loaded once and shared; checked unchanged at the end."""
    shared: Dataset = load_dataset(DATA_DIR)
    yield shared
    for name, frame in load_dataset(DATA_DIR).tables().items():
        pd.testing.assert_frame_equal(getattr(shared, name), frame, obj=f"corpus.{name}")
