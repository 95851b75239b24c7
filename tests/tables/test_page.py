"""The Data page with AppTest: every table browsable, search, filter, downloads."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import dashboard
from components.app.filters import filter_dataset
from components.app.state import ACTOR_FILTER_KEY, DATA_SEARCH_KEY, DATA_TABLE_KEY
from components.tables.downloads import table_names
from tests.hostile import LIVE_FRAGMENTS, write_hostile_data
from tests.seed import seed_data_dir

APP_FILE = Path(dashboard.__file__).resolve()
RUN_TIMEOUT_S = 60
DATA_PAGE = "pages/data.py"


def open_data(monkeypatch, data_dir: Path | None = None) -> AppTest:
    if data_dir is None:
        monkeypatch.setenv("DASHBOARD_DATA_DIR", str(seed_data_dir()))
    else:
        monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data_dir))
    app = AppTest.from_file(str(APP_FILE), default_timeout=RUN_TIMEOUT_S).run()
    return app.switch_page(DATA_PAGE).run()


def shown_table(app: AppTest):
    return app.dataframe[0].value


def download_labels(app: AppTest) -> list[str]:
    return [button.proto.label for button in app.get("download_button")]


@pytest.mark.parametrize("table", table_names())
def test_every_table_is_browsable_whole(monkeypatch, dataset, table):
    app = open_data(monkeypatch)
    app.session_state[DATA_TABLE_KEY] = table
    app.run()
    assert not app.exception
    frame = getattr(dataset, table)
    assert list(shown_table(app).columns) == list(frame.columns)
    assert len(shown_table(app)) == len(frame)


def test_search_keeps_the_matching_rows(monkeypatch, dataset):
    app = open_data(monkeypatch)
    app.text_input(key=DATA_SEARCH_KEY).input("Porter").run()
    shown = shown_table(app)
    porter_rows = dataset.statements.apply(
        lambda row: "porter" in " ".join(map(str, row.values)).lower(), axis=1
    )
    assert list(shown["statement_id"]) == list(dataset.statements.loc[porter_rows, "statement_id"])
    assert 0 < len(shown) < len(dataset.statements)


def test_table_follows_the_actor_filter(monkeypatch, dataset):
    app = open_data(monkeypatch)
    app.sidebar.multiselect(key=ACTOR_FILTER_KEY).set_value(["azerbaijan"]).run()
    kept = filter_dataset(dataset, ["azerbaijan"]).statements
    assert list(shown_table(app)["statement_id"]) == list(kept["statement_id"])


def test_every_download_is_offered(monkeypatch):
    app = open_data(monkeypatch)
    labels = download_labels(app)
    for expected in ("Everything (ZIP)", "All tables (JSON)", "Places (GeoJSON)", *table_names()):
        assert expected in labels


def test_hostile_data_page_renders_no_markup(monkeypatch, tmp_path):
    app = open_data(monkeypatch, write_hostile_data(tmp_path / "data"))
    assert not app.exception
    texts = [element.value for element in app.markdown] + [c.value for c in app.caption]
    for text in texts:
        for fragment in LIVE_FRAGMENTS:
            assert fragment not in text
