"""Hostile text on every page, headless with AppTest: data text never becomes markup.

The hostile copy of data/ (tests/hostile.py) puts script tags, HTML, Markdown, LaTeX and a
5,000-character word into names, titles, labels, notes and quotes. Here every page runs on
it with the hostile actor chosen, and what the page hands to the browser is checked: text
rendered as Markdown carries no payload unescaped, and plotly figures (which render a
subset of HTML in labels and hovers) carry the payloads only HTML-escaped. The downloads
give the literal strings back.
"""

import csv
import html
import io
import json
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

import dashboard
from components.app.state import ACTOR_FILTER_KEY, STATEMENT_PARAM
from components.app.text_safety import escape_markdown
from components.data import load_dataset
from components.tables.downloads import json_bundle, read_table_csv, table_csv, table_names
from tests.hostile import (
    FORMULA,
    HOSTILE,
    HOSTILE_ACTOR_ID,
    HOSTILE_QUOTE,
    HOSTILE_STATEMENT_ID,
    HTML_BOLD,
    IMG,
    LONG_WORD,
    PAYLOADS,
    SCRIPT,
    write_hostile_data,
)

APP_FILE = Path(dashboard.__file__).resolve()
RUN_TIMEOUT_S = 60
PAGE_PATHS = [spec.path for spec in dashboard.PAGES]
# Payloads that are HTML: plotly would render them if they reached a figure unescaped.
HTML_PAYLOADS = (SCRIPT, IMG, HTML_BOLD)
# Element kinds whose text Streamlit renders as Markdown.
MARKDOWN_ELEMENTS = ("title", "header", "subheader", "markdown", "caption")
NOTICE_ELEMENTS = ("warning", "error", "info", "success")


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_hostile_data(tmp_path_factory.mktemp("hostile") / "data")


def start_app(monkeypatch: pytest.MonkeyPatch, data_dir: Path, **query_params) -> AppTest:
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data_dir))
    app = AppTest.from_file(str(APP_FILE), default_timeout=RUN_TIMEOUT_S)
    app.query_params.update(query_params)
    return app.run()


def markdown_texts(app: AppTest) -> list[str]:
    """The source text of every element Streamlit renders as Markdown."""
    texts = []
    for kind in MARKDOWN_ELEMENTS + NOTICE_ELEMENTS:
        texts += [str(element.value) for element in getattr(app, kind)]
    return texts


def figure_strings(app: AppTest) -> list[str]:
    """Every string inside every plotly figure of the page (labels, hovers, ticks)."""
    strings: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, str):
            strings.append(node)
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for chart in app.get("plotly_chart"):
        walk(json.loads(chart.proto.spec))
    return strings


def assert_ran_cleanly(app: AppTest) -> None:
    assert not app.exception, [exception.message for exception in app.exception]
    assert not app.error, [error.value for error in app.error]


@pytest.mark.parametrize("page_path", PAGE_PATHS)
def test_page_shows_hostile_text_inert(monkeypatch, hostile_dir, page_path):
    """With the hostile actor chosen, no payload reaches Markdown or a figure unescaped."""
    app = start_app(monkeypatch, hostile_dir)
    app.sidebar.multiselect(key=ACTOR_FILTER_KEY).set_value([HOSTILE_ACTOR_ID]).run()
    app.switch_page(page_path).run()
    assert_ran_cleanly(app)
    for text in markdown_texts(app):
        for payload in PAYLOADS:
            assert payload not in text, f"unescaped {payload!r} in Markdown: {text[:200]!r}"
    for text in figure_strings(app):
        for payload in HTML_PAYLOADS:
            assert payload not in text, f"unescaped {payload!r} in a figure: {text[:200]!r}"


@pytest.mark.parametrize("page_path", PAGE_PATHS)
def test_figures_show_hostile_names_escaped(monkeypatch, hostile_dir, page_path):
    """A figure naming the hostile actor names it HTML-escaped, so it reads literally."""
    app = start_app(monkeypatch, hostile_dir)
    app.switch_page(page_path).run()
    strings = figure_strings(app)
    naming = [text for text in strings if "window.__xss=1" in text]
    for text in naming:
        assert html.escape("<script>", quote=False) in text, text[:200]
    if page_path in ("pages/timeline.py", "pages/stances.py"):
        assert naming, "the hostile actor has statements, so the chart names it"


def test_source_deep_link_to_hostile_statement(monkeypatch, hostile_dir):
    """The Source page opens the hostile statement's card with every payload escaped."""
    app = start_app(monkeypatch, hostile_dir)
    app.query_params[STATEMENT_PARAM] = HOSTILE_STATEMENT_ID
    app.switch_page("pages/source.py").run()
    assert_ran_cleanly(app)
    card = "\n".join(element.value for element in app.markdown)
    assert escape_markdown(SCRIPT) in card, "the card shows the hostile quote, escaped"
    for payload in PAYLOADS:
        assert payload not in card


def test_hostile_fixture_is_valid(hostile_dir):
    """load_dataset accepts the hostile copy and keeps every string exactly."""
    ds = load_dataset(hostile_dir)
    statement = ds.statements.set_index("statement_id").loc[HOSTILE_STATEMENT_ID]
    assert statement["quote"] == HOSTILE_QUOTE
    assert ds.articles.iloc[0]["title"] == HOSTILE
    assert LONG_WORD in set(ds.actors["actor_name"])


@pytest.mark.parametrize("table", table_names())
def test_csv_download_round_trips_hostile_text(hostile_dir, table):
    """A table's CSV reads back equal: HTML, Markdown and formula-like cells stay literal.

    CSV cells starting with = + - @ are not prefixed with ' (a spreadsheet guard would
    change the data and break the round trip); see README "Downloads".
    """
    frame = getattr(load_dataset(hostile_dir), table)
    data = table_csv(table, frame)
    back = read_table_csv(table, data)
    pd.testing.assert_frame_equal(back, frame.reset_index(drop=True))


def test_downloads_hold_literal_strings(hostile_dir):
    """The CSV and the JSON bundle carry the payloads literally (not escaped, not dropped)."""
    ds = load_dataset(hostile_dir)
    rows = csv.reader(io.StringIO(table_csv("statements", ds.statements).decode("utf-8")))
    csv_text = "\n".join(cell for row in rows for cell in row)
    bundle = json.loads(json_bundle(ds))
    json_text = "\n".join(
        str(value) for rows in bundle["tables"].values() for row in rows for value in row.values()
    )
    for payload in PAYLOADS:
        assert payload in csv_text
        assert payload in json_text
    assert FORMULA in csv_text
