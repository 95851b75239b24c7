"""The Sources page with AppTest, on the corpus and on the seed alone."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

import dashboard
from components.app.state import SIDE_PARAM, SOURCES_INDIVIDUALS_KEY
from components.data import load_dataset
from components.sources.frames import corpus_counts, cross_quoting, parties, quote_coverage
from tests.conftest import DATA_DIR

APP_FILE = Path(dashboard.__file__).resolve()
RUN_TIMEOUT_S = 60
SOURCES_PAGE = "pages/sources.py"


def open_sources(monkeypatch, data_dir: Path | None = None, **query) -> AppTest:
    if data_dir is not None:
        monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data_dir))
    app = AppTest.from_file(str(APP_FILE), default_timeout=RUN_TIMEOUT_S)
    app.query_params.update(query)
    app.switch_page(SOURCES_PAGE)
    app.run()
    assert not app.exception, [exception.message for exception in app.exception]
    return app


def test_every_article_is_a_row(monkeypatch):
    app = open_sources(monkeypatch, DATA_DIR)
    table = app.dataframe[0].value
    articles = load_dataset(DATA_DIR).articles
    assert len(table) == len(articles)
    assert table["reader"].str.startswith("source?article=").all()
    # The counts sentence, checked against plain pandas in tests/sources/test_frames.py.
    assert corpus_counts(articles).sentence() in app.caption[0].value


def test_the_page_answers_who_quotes_the_other_side(monkeypatch):
    app = open_sources(monkeypatch, DATA_DIR)
    answer = next(block.value for block in app.markdown if "outlets quote" in block.value)
    assert "Azerbaijani outlets quote Armenian speakers in 1 of the 45 statements" in answer
    # Armenian outlets' total grows with the corpus; checked by plain pandas in test_frames.py.
    corpus = load_dataset(DATA_DIR)
    armenian = next(
        quote
        for quote in cross_quoting(quote_coverage(corpus), parties(corpus))
        if quote.outlet_side == "armenia"
    )
    assert armenian.quoted[0] == ("azerbaijan", 1)
    assert (
        f"Armenian outlets quote Azerbaijani speakers in 1 of the {armenian.of_statements} "
        "statements" in answer
    )
    assert any("counts once" in caption.value for caption in app.caption)


def test_side_link_narrows_the_table(monkeypatch):
    app = open_sources(monkeypatch, DATA_DIR, **{SIDE_PARAM: "azerbaijan"})
    table = app.dataframe[0].value
    assert len(table) == 7
    assert set(table["side"]) == {"Azerbaijani"}
    assert all("side=azerbaijan" in link for link in table["reader"])


def test_individual_actors_toggle(monkeypatch):
    app = open_sources(monkeypatch, DATA_DIR)
    rows_by_state = len(app.get("plotly_chart")[1].proto.spec)
    app.toggle(key=SOURCES_INDIVIDUALS_KEY).set_value(True).run()
    assert not app.exception
    assert len(app.get("plotly_chart")[1].proto.spec) > rows_by_state


def test_the_seed_alone_renders(monkeypatch):
    """On the seed article alone: one row, and no party's outlets to compare."""
    app = open_sources(monkeypatch)
    assert len(app.dataframe[0].value) == 1
    assert not [block for block in app.markdown if "outlets quote" in block.value]
