"""The cached dataset is one object shared by every session: no page may change it.

components.app.dataset caches the Dataset with st.cache_resource (a shared object, not a copy
per call, which cost most of a rerun on a large corpus). That is only safe while every
page treats the frames as read-only; this test runs every page, with and without the
actor filter, and checks the shared frames still equal a fresh load.
"""

from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

import dashboard
from components.app import dataset as app_data
from components.app.filters import filter_dataset
from components.app.state import ACTOR_FILTER_KEY
from components.data import load_dataset, resolve_data_dir
from tests.seed import seed_data_dir

APP_FILE = str(Path(dashboard.__file__).resolve())
RUN_TIMEOUT_S = 60


def assert_same_tables(shared, fresh) -> None:
    for name in fresh.TABLES:
        pd.testing.assert_frame_equal(getattr(shared, name), getattr(fresh, name), obj=name)


def test_pages_leave_the_shared_dataset_unchanged(monkeypatch):
    """After every page ran, filtered and not, the cached frames equal a fresh load."""
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(seed_data_dir()))
    fresh = load_dataset()
    actor_ids = fresh.actors.loc[fresh.actors["actor_type"] == "state", "actor_id"].head(1)
    app = AppTest.from_file(APP_FILE, default_timeout=RUN_TIMEOUT_S).run()
    for spec in dashboard.PAGES:
        app.switch_page(spec.path).run()
        app.sidebar.multiselect(key=ACTOR_FILTER_KEY).set_value(list(actor_ids)).run()
        app.sidebar.multiselect(key=ACTOR_FILTER_KEY).set_value([]).run()
        assert not app.exception, (spec.path, [e.message for e in app.exception])

    folder = str(resolve_data_dir())
    assert app_data._load(folder) is app_data._load(folder)
    assert_same_tables(app_data._load(folder), fresh)
    assert_same_tables(
        app_data._filter(folder, tuple(actor_ids)), filter_dataset(fresh, list(actor_ids))
    )
