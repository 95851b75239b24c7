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
BROWSER_TESTS = Path(__file__).resolve().parent / "e2e"


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """How pytest-xdist shares the suite among its workers (`-n ... --dist loadgroup` in
    pyproject.toml): a test runs on the first free worker; the browser tests come first,
    as they are the long ones, so that the short ones fill in at the end.

    A test goes with the other tests of its group (the `xdist_group` mark: one worker runs
    them all, in order) where they share something costly to make: every test outside
    tests/e2e is in the group of its file (module-scoped fixtures are made once); a browser
    module whose tests share a module-scoped server or tour names its group itself.
    """
    if not config.pluginmanager.hasplugin("xdist"):
        return
    for item in items:
        if item.get_closest_marker("xdist_group") is None and not _is_browser_test(item):
            item.add_marker(pytest.mark.xdist_group(item.nodeid.split("::")[0]))
    if config.getoption("dist", "no") != "no":
        items.sort(key=lambda item: not _is_browser_test(item))


def _is_browser_test(item: pytest.Item) -> bool:
    return item.path.is_relative_to(BROWSER_TESTS)


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
