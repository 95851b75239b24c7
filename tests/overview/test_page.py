"""The Overview page with AppTest: figures from the data, links into the other pages."""

from pathlib import Path
from urllib.parse import parse_qsl

from streamlit.testing.v1 import AppTest

import dashboard
from bench.synthetic import write_corpus
from components.app.filters import filter_dataset
from components.app.state import ACTOR_FILTER_KEY
from components.app.text_safety import escape_markdown
from components.data import load_dataset
from components.overview.frames import (
    CONTRADICTIONS_SHOWN,
    MAX_STORY_STEPS,
    SOURCE_LINES_SHOWN,
    contradiction_lines,
    story_strip,
)
from tests.seed import seed_data_dir

APP_FILE = Path(dashboard.__file__).resolve()
RUN_TIMEOUT_S = 60


def start_overview(monkeypatch) -> AppTest:
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(seed_data_dir()))
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


def test_a_large_corpus_shows_a_short_page_and_says_what_it_leaves_out(monkeypatch, tmp_path):
    """1,000 statements over three years: a strip of at most MAX_STORY_STEPS grouped steps
    with its note, CONTRADICTIONS_SHOWN contradiction links and a count of the others, three
    of the ten articles named as the source and the others counted."""
    folder = tmp_path / "data"
    write_corpus(folder, 10)
    large = load_dataset(folder)
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(folder))
    app = AppTest.from_file(str(APP_FILE), default_timeout=RUN_TIMEOUT_S).run()
    assert not app.exception
    assert metrics(app)["Statements"] == f"{len(large.statements):,}"
    captions = [caption.value for caption in app.caption]
    steps = story_strip(large).steps
    assert f":material/info: {escape_markdown(story_strip(large).note)}" in captions
    more = len(large.articles) - SOURCE_LINES_SHOWN
    assert f"and {more} more articles: the Source page lists them all." in captions
    hidden = len(contradiction_lines(large)) - CONTRADICTIONS_SHOWN
    assert f"{hidden:,} more contradictions: the Stances page lists them all." in captions
    statement_links = [q for page, q in page_links(app) if page == "source" and "statement" in q]
    step_links = sum(1 for step in steps if step.layer == "statement")
    assert len(statement_links) == CONTRADICTIONS_SHOWN + step_links
    assert len(steps) <= MAX_STORY_STEPS
