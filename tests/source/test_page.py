"""The Source page with AppTest: deep links, the side panel, the filter, hostile data."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import dashboard
from bench.synthetic import write_corpus
from components.app.filters import filter_dataset
from components.app.state import ACTOR_FILTER_KEY, SOURCE_ARTICLE_KEY, SOURCE_RECORD_KEY
from components.data import load_dataset
from tests.hostile import (
    HOSTILE_ACTOR_NAME,
    HOSTILE_QUOTE,
    HOSTILE_STATEMENT_ID,
    JS_LINK,
    LIVE_FRAGMENTS,
    MARKDOWN_BOLD,
    SCRIPT,
    write_hostile_data,
)
from tests.seed import seed_data_dir

APP_FILE = Path(dashboard.__file__).resolve()
RUN_TIMEOUT_S = 60
SOURCE_PAGE = "pages/source.py"


def open_source(monkeypatch, data_dir: Path | None = None, **query_params) -> AppTest:
    """Run the router, switch to the Source page with ``query_params`` as a deep link would."""
    if data_dir is None:
        monkeypatch.setenv("DASHBOARD_DATA_DIR", str(seed_data_dir()))
    else:
        monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data_dir))
    app = AppTest.from_file(str(APP_FILE), default_timeout=RUN_TIMEOUT_S).run()
    app.switch_page(SOURCE_PAGE)
    app.query_params.update(query_params)
    return app.run()


def html_bodies(app: AppTest) -> list[str]:
    return [element.proto.body for element in app.get("html")]


def article_markup(app: AppTest) -> str:
    return next(body for body in html_bodies(app) if 'class="src-article"' in body)


def marked_ids(markup: str, css_class: str) -> set[str]:
    pattern = rf'class="src-statement[^"]*\b{css_class}\b[^"]*" data-statement-ids="([^"]+)"'
    return {sid for ids in re.findall(pattern, markup) for sid in ids.split()}


def test_deep_link_selects_outlines_and_scrolls_to_the_statement(monkeypatch):
    app = open_source(monkeypatch, statement="s05")
    assert not app.exception
    assert app.selectbox(key=SOURCE_RECORD_KEY).value == "statement:s05"
    assert marked_ids(article_markup(app), "src-selected") == {"s05"}
    assert any('"statement-s05"' in body and "<script>" in body for body in html_bodies(app))


def test_side_panel_shows_the_record(monkeypatch, dataset):
    app = open_source(monkeypatch, statement="s19")
    statement = dataset.statements.set_index("statement_id").loc["s19"]
    panel = " ".join(markdown.value for markdown in app.markdown)
    assert "Contradicts s05" in " ".join(link.proto.label for link in app.get("page_link"))
    assert statement["date_label"].split(" (")[0] in panel


def test_event_deep_link(monkeypatch):
    app = open_source(monkeypatch, event="e03")
    assert app.selectbox(key=SOURCE_RECORD_KEY).value == "event:e03"
    assert re.search(r'class="src-event src-selected" data-event-ids="e03"', article_markup(app))


def test_unknown_id_says_so_and_selects_nothing(monkeypatch):
    app = open_source(monkeypatch, statement="s999")
    assert not app.exception
    assert "s999" in app.warning[0].value
    assert app.selectbox(key=SOURCE_RECORD_KEY).value is None


def test_picking_a_record_moves_the_link(monkeypatch):
    app = open_source(monkeypatch, statement="s05")
    app.selectbox(key=SOURCE_RECORD_KEY).set_value("statement:s07").run()
    assert app.query_params["statement"] in ("s07", ["s07"])  # AppTest keeps lists
    assert marked_ids(article_markup(app), "src-selected") == {"s07"}


def test_filter_dims_what_it_excludes(monkeypatch, dataset):
    app = open_source(monkeypatch)
    app.sidebar.multiselect(key=ACTOR_FILTER_KEY).set_value(["azerbaijan"]).run()
    kept = set(filter_dataset(dataset, ["azerbaijan"]).statements["statement_id"])
    dimmed = marked_ids(article_markup(app), "src-dimmed")
    assert dimmed
    assert dimmed == set(dataset.statements["statement_id"]) - kept


def test_hostile_data_is_escaped_everywhere(monkeypatch, tmp_path):
    """Names, quotes and titles with tags and Markdown render as text, never as markup."""
    app = open_source(
        monkeypatch, write_hostile_data(tmp_path / "data"), statement=HOSTILE_STATEMENT_ID
    )
    assert not app.exception
    bodies = html_bodies(app)
    for body in bodies:
        for fragment in LIVE_FRAGMENTS:
            assert fragment not in body
    markup = article_markup(app)
    assert html.escape(SCRIPT) in markup
    assert f"{MARKDOWN_BOLD} {JS_LINK}" in markup  # shown as typed, inert in HTML
    legend = next(body for body in bodies if "src-legend" in body)
    assert "Nikol &lt;script&gt;" in legend
    markdown = " ".join(element.value for element in app.markdown)
    assert "<script>" not in markdown
    assert MARKDOWN_BOLD not in markdown
    assert HOSTILE_QUOTE not in markdown
    assert HOSTILE_ACTOR_NAME not in markdown


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory):
    """A synthetic data folder of three small articles (bench.synthetic)."""
    folder = tmp_path_factory.mktemp("corpus") / "data"
    write_corpus(folder, 3, statements_per_article=12, events_per_article=3)
    return folder


def test_several_articles_show_one_at_a_time(monkeypatch, corpus_dir):
    """An article picker, the first article by default, and only its records on offer."""
    corpus = load_dataset(corpus_dir)
    app = open_source(monkeypatch, corpus_dir)
    assert not app.exception
    picker = app.selectbox(key=SOURCE_ARTICLE_KEY)
    assert picker.options == list(
        corpus.articles["title"] + " · " + corpus.articles["published_date"].dt.strftime("%d %b %Y")
    )
    first = corpus.articles["article_id"].iloc[0]
    assert picker.value == first
    own = corpus.statements.loc[corpus.statements["article_id"] == first, "statement_id"]
    offered = app.selectbox(key=SOURCE_RECORD_KEY).options
    assert {label.partition(" · ")[0] for label in offered if " · event" not in label} == set(own)
    markup = article_markup(app)
    assert set(own) <= set(re.findall(r'id="statement-([^"]+)"', markup)) <= set(own)


def test_deep_link_opens_the_article_of_the_record(monkeypatch, corpus_dir):
    corpus = load_dataset(corpus_dir)
    last = corpus.statements.iloc[-1]
    app = open_source(monkeypatch, corpus_dir, statement=last["statement_id"])
    assert app.selectbox(key=SOURCE_ARTICLE_KEY).value == last["article_id"]
    assert app.selectbox(key=SOURCE_RECORD_KEY).value == f"statement:{last['statement_id']}"
    assert marked_ids(article_markup(app), "src-selected") == {last["statement_id"]}


def test_changing_the_article_drops_the_record(monkeypatch, corpus_dir):
    corpus = load_dataset(corpus_dir)
    last = corpus.statements.iloc[-1]
    app = open_source(monkeypatch, corpus_dir, statement=last["statement_id"])
    app.selectbox(key=SOURCE_ARTICLE_KEY).set_value(corpus.articles["article_id"].iloc[0]).run()
    assert not app.exception
    assert app.selectbox(key=SOURCE_RECORD_KEY).value is None
    assert "statement" not in app.query_params
    assert not marked_ids(article_markup(app), "src-selected")
