"""The Overview page with AppTest: figures from the data, links into the other pages."""

from pathlib import Path
from urllib.parse import parse_qsl

import pytest
from streamlit.testing.v1 import AppTest

import dashboard
from components.data import load_dataset
from components.filters import filter_dataset
from components.state import ACTOR_FILTER_KEY

APP_FILE = Path(dashboard.__file__).resolve()
RUN_TIMEOUT_S = 60


@pytest.fixture(scope="module")
def dataset():
    return load_dataset()


def start_overview(monkeypatch) -> AppTest:
    monkeypatch.delenv("DASHBOARD_DATA_DIR", raising=False)
    return AppTest.from_file(str(APP_FILE), default_timeout=RUN_TIMEOUT_S).run()


def metrics(app: AppTest) -> dict[str, str]:
    return {metric.label: metric.value for metric in app.metric}


def page_links(app: AppTest) -> list[tuple[str, dict[str, str]]]:
    """(url path of the target page, its query parameters) for every st.page_link."""
    return [
        (link.proto.page, dict(parse_qsl(link.proto.query_string))) for link in app.get("page_link")
    ]


def test_overview_is_the_default_page_and_counts_the_dataset(monkeypatch, dataset):
    app = start_overview(monkeypatch)
    assert not app.exception
    assert metrics(app) == {
        "Actors": str(len(dataset.actors)),
        "Statements": str(len(dataset.statements)),
        "Events": str(len(dataset.events)),
        "Places": str(len(dataset.locations)),
        "Issues": str(len(dataset.issues)),
    }


def test_figures_follow_the_actor_filter(monkeypatch, dataset):
    app = start_overview(monkeypatch)
    app.sidebar.multiselect(key=ACTOR_FILTER_KEY).set_value(["azerbaijan"]).run()
    filtered = filter_dataset(dataset, ["azerbaijan"])
    assert metrics(app)["Statements"] == str(len(filtered.statements))
    assert metrics(app)["Actors"] == str(len(filtered.actors))


def test_contradictions_link_to_their_statement_in_the_source(monkeypatch, dataset):
    app = start_overview(monkeypatch)
    linked = {query.get("statement") for page, query in page_links(app) if page == "source"}
    contradicting = set(
        dataset.statements.loc[
            dataset.statements["contradicts_statement_id"].notna(), "statement_id"
        ]
    )
    assert contradicting <= linked


def test_links_only_to_registered_pages(monkeypatch):
    app = start_overview(monkeypatch)
    registered = {spec.url_path for spec in dashboard.PAGES}
    linked = {page for page, _ in page_links(app)}
    assert linked
    assert linked <= registered
