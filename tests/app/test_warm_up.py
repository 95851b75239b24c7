"""The warm-up serve.py starts with the server: the first reader's run finds the data ready.

Each test serves its own copy of data/ (a folder no other test has cached), warms it up as
the server would, then makes building again fail: the first run of a new session must
still show the page, so it took the dataset and the folder-wide views from the warm-up.
"""

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import components.app.dataset
import components.overview.view
import components.timeline.view
import dashboard
from components.app.warm_up import warm_up
from tests.broken import BREAKAGES, write_broken_data

APP_FILE = Path(dashboard.__file__).resolve()
REAL_DATA_DIR = APP_FILE.parent / "data"
RUN_TIMEOUT_S = 60


def _refuse(*_args, **_kwargs):
    raise AssertionError("built again after the warm-up")


@pytest.mark.parametrize("page", ["pages/overview.py", "pages/timeline.py"])
def test_first_run_after_warm_up_loads_and_builds_nothing_again(tmp_path, monkeypatch, page):
    data_dir = tmp_path / "data"
    shutil.copytree(REAL_DATA_DIR, data_dir)
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data_dir))

    assert warm_up() is True

    monkeypatch.setattr(components.app.dataset, "load_dataset", _refuse)
    monkeypatch.setattr(components.timeline.view, "timeline_items", _refuse)
    monkeypatch.setattr(components.overview.view, "story_strip", _refuse)
    app = AppTest.from_file(str(APP_FILE), default_timeout=RUN_TIMEOUT_S)
    app.switch_page(page)
    app.run()
    assert not app.exception, [exception.message for exception in app.exception]
    assert not app.error, [error.value for error in app.error]
    assert app.title, "the page did not render"


def test_warm_up_of_a_broken_folder_leaves_the_error_to_the_page(tmp_path, monkeypatch):
    data_dir = write_broken_data(tmp_path / "data", BREAKAGES[0])
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data_dir))

    assert warm_up() is False

    app = AppTest.from_file(str(APP_FILE), default_timeout=RUN_TIMEOUT_S).run()
    assert not app.exception, [exception.message for exception in app.exception]
    assert "could not load its data" in app.title[0].value


def test_clear_views_empties_the_page_views_not_the_dataset(tmp_path, monkeypatch):
    """What the benchmark uses to build the views again: the dataset stays loaded."""
    data_dir = tmp_path / "data"
    shutil.copytree(REAL_DATA_DIR, data_dir)
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data_dir))
    assert warm_up() is True
    monkeypatch.setattr(components.app.dataset, "load_dataset", _refuse)
    key = components.app.dataset.current_data_key()
    components.overview.view.overview_story(key)  # still cached

    components.app.dataset.clear_views()

    monkeypatch.setattr(components.overview.view, "story_strip", _refuse)
    with pytest.raises(AssertionError, match="built again"):
        components.overview.view.overview_story(key)
    assert components.app.dataset.full_dataset(key) is not None
