"""The Review page with AppTest, on a real corpus article: fill the form, draft, see the
draft in the text, correct the speaker, watch the validator's problems fall, download."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import dashboard
from components.review import view as rv
from tests.conftest import DATA_DIR, folder_digest

APP_FILE = Path(dashboard.__file__).resolve()
RUN_TIMEOUT_S = 90
REVIEW_PAGE = "pages/review.py"
ARTICLE_ID = "eutoday-2021-05-27-sabotage"
TEXT = (DATA_DIR / "articles" / ARTICLE_ID / "article.txt").read_text(encoding="utf-8")
URL = "https://eutoday.net/news/security-defence/2021/azerbaijan-troops-foil-armenian-border-sabotage-attempt"


def open_review(monkeypatch) -> AppTest:
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(DATA_DIR))
    app = AppTest.from_file(str(APP_FILE), default_timeout=RUN_TIMEOUT_S).run()
    app.switch_page(REVIEW_PAGE)
    return app.run()


def fill_and_draft(app: AppTest) -> AppTest:
    app.text_area(key=rv.TEXT_KEY).input(TEXT)
    app.text_input(key=rv.OUTLET_KEY).input("EU Today")
    app.selectbox(key=rv.OUTLET_TYPE_KEY).select("private media")
    app.selectbox(key=rv.SIDE_KEY).select("west")
    app.date_input(key=rv.PUBLISHED_KEY).set_value(date(2021, 5, 27))
    app.text_input(key=rv.TITLE_KEY).input(
        'Azerbaijan: troops foil Armenian border "sabotage" attempt'
    )
    app.text_input(key=rv.URL_KEY).input(URL)
    app.text_input(key=rv.RIGHTS_KEY).input("© EU Today (text credited to the BBC); quoted")
    app.run()
    app.button(key="review_run").click().run()
    app.text_input(key=rv.ARTICLE_ID_KEY).input(ARTICLE_ID).run()
    return app


def markup(app: AppTest) -> str:
    return next(e.proto.body for e in app.get("html") if 'class="rv-article"' in e.proto.body)


def problems(app: AppTest) -> list[tuple[str, str]]:
    (frame,) = [df.value for df in app.dataframe if "message" in df.value.columns]
    return list(zip(frame["file"], frame["field"], strict=True))


@pytest.fixture
def reviewed(monkeypatch):
    return fill_and_draft(open_review(monkeypatch))


def test_review_is_in_the_navigation():
    assert ("pages/review.py", "review") in [(p.path, p.url_path) for p in dashboard.PAGES]


def test_before_a_draft_the_page_explains_itself(monkeypatch):
    app = open_review(monkeypatch)
    assert not app.exception
    assert "check every row" in app.info[0].value
    app.button(key="review_run").click().run()
    assert "Paste or upload" in app.error[0].value


def test_draft_is_highlighted_with_speaker_cue_and_confidence(reviewed):
    assert not reviewed.exception
    body = markup(reviewed)
    assert 'class="rv-statement"' in body
    assert '<b class="rv-cue">said</b>' in body
    assert ">0.63</sup>" in body
    assert "new: officials" in next(
        e.proto.body for e in reviewed.get("html") if "rv-legend" in e.proto.body
    )


def leave_out_the_first_statement(app: AppTest) -> AppTest:
    """Tick Delete on the first row: its words become a gap the validator reports."""
    rows = app.session_state[rv.ROWS_KEY].copy()
    rows.loc[rows.index[0], "delete"] = True
    app.session_state[rv.ROWS_KEY] = rows
    return app.run()


def test_typing_the_new_speaker_and_covering_a_gap_makes_the_folder_valid(reviewed):
    """The new speaker has no type (registry problem); typed, the folder is valid; a deleted
    row leaves its words uncovered, and adding them back as a statement covers them."""
    assert ("actors.yaml", "actor_type") in problems(reviewed)
    actors = reviewed.session_state[rv.ACTORS_KEY].copy()
    actors["actor_type"] = "group"
    reviewed.session_state[rv.ACTORS_KEY] = actors
    reviewed.run()
    assert not reviewed.exception
    assert "The folder is valid" in reviewed.success[0].value
    drafted = len(reviewed.session_state[rv.ROWS_KEY])

    leave_out_the_first_statement(reviewed)
    assert ("statements.yaml", "quote") in problems(reviewed)
    reviewed.selectbox(key=rv.GAP_KEY).select_index(0)
    reviewed.selectbox(key=rv.GAP_SPEAKER_KEY).select("armenian_defence_ministry")
    reviewed.run()
    reviewed.button(key="review_add_gap").click().run()
    assert not reviewed.exception
    assert "The folder is valid" in reviewed.success[0].value
    assert len(reviewed.session_state[rv.ROWS_KEY]) == drafted + 1
    assert markup(reviewed).count('class="rv-num"') == drafted


def gap_choices(app: AppTest) -> list:
    return [box.options for box in app.selectbox if box.key == rv.GAP_KEY]


def test_a_gap_can_be_set_aside_with_a_reason(reviewed):
    leave_out_the_first_statement(reviewed)
    assert len(gap_choices(reviewed)[0]) == 1
    reviewed.selectbox(key=rv.GAP_KEY).select_index(0)
    reviewed.text_input(key=rv.GAP_REASON_KEY).input("the outlet's summary of the release")
    reviewed.run()
    reviewed.button(key="review_skip_gap").click().run()
    assert reviewed.session_state[rv.NOT_STATEMENTS_KEY][0]["reason"] == (
        "the outlet's summary of the release"
    )
    assert gap_choices(reviewed) == []


def test_a_new_speaker_is_offered_after_it_is_added(reviewed):
    leave_out_the_first_statement(reviewed)
    reviewed.text_input(key=rv.NEW_SPEAKER_NAME_KEY).input("Armen Mirzoyan").run()
    reviewed.button(key="review_add_speaker").click().run()
    assert reviewed.session_state[rv.EXTRA_SPEAKERS_KEY] == ["Armen Mirzoyan"]
    assert "new: Armen Mirzoyan" in reviewed.selectbox(key=rv.GAP_SPEAKER_KEY).options


def test_the_review_writes_nothing_into_data(monkeypatch):
    before = folder_digest(DATA_DIR)
    app = fill_and_draft(open_review(monkeypatch))
    assert not app.exception
    assert folder_digest(DATA_DIR) == before
