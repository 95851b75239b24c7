"""The Sources page with AppTest, on the corpus and on the seed alone."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

import dashboard
from components.app.state import SIDE_PARAM, SOURCES_INDIVIDUALS_KEY
from tests.conftest import DATA_DIR
from tests.corpus_files import article_count, counts_sentence

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
    assert len(table) == article_count()
    assert table["reader"].str.startswith("source?article=").all()
    assert counts_sentence() in app.caption[0].value


def test_the_page_answers_who_quotes_the_other_side(monkeypatch):
    app = open_sources(monkeypatch, DATA_DIR)
    answer = next(block.value for block in app.markdown if "outlets quote" in block.value)
    # Counted from statements.yaml (tests/sources/test_frames.py: which side quotes the other).
    # Round 17: 24 of 366 and 34 of 850 (round 16: 23 of 351 and 34 of 822; round 15: 22 of
    # 330 and 32 of 794; 17 of 299 and 32 of 744 on 279 articles).
    assert "Azerbaijani outlets quote Armenian speakers in 24 of the 366 statements" in answer
    assert "Armenian outlets quote Azerbaijani speakers in 34 of the 850 statements" in answer
    assert any("counts once" in caption.value for caption in app.caption)


def test_side_link_narrows_the_table(monkeypatch):
    app = open_sources(monkeypatch, DATA_DIR, **{SIDE_PARAM: "azerbaijan"})
    table = app.dataframe[0].value
    assert len(table) == article_count("azerbaijan")
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
