"""The Source page opens one article's own report of an event several articles report."""

from __future__ import annotations

import pandas as pd

from components.app.state import SOURCE_ARTICLE_KEY, SOURCE_RECORD_KEY
from components.source.frames import article_part, record_article, reported_events
from tests.conftest import DATA_DIR
from tests.source.test_page import article_markup, open_source

EVENT = "ev-capture-six"
TREND = "trend-2021-05-27-attaches-briefing"


def test_on_one_article_the_reported_events_are_its_events(dataset):
    article_id = dataset.articles["article_id"].iloc[0]
    pd.testing.assert_frame_equal(
        reported_events(dataset, article_id), dataset.events.reset_index(drop=True)
    )


def test_an_article_shows_its_own_report_of_a_shared_event(corpus):
    main = corpus.events.set_index("event_id").loc[EVENT]
    assert main.article_id != TREND
    part = article_part(corpus, TREND)
    event = part.events.set_index("event_id").loc[EVENT]
    report = corpus.event_reports.set_index("report_id").loc[f"{EVENT}:{TREND}"]
    assert (event.quote, event.start_char, event.date_label) == (
        report.quote,
        report.start_char,
        report.date_label,
    )
    assert event.title == main.title
    text = corpus.articles.set_index("article_id").loc[TREND, "text"]
    assert text[event.start_char : event.end_char] == event.quote


def test_a_link_to_a_report_opens_the_reporting_article(corpus):
    assert record_article(corpus, "event", EVENT, TREND) == TREND
    main = corpus.events.set_index("event_id").loc[EVENT, "article_id"]
    assert record_article(corpus, "event", EVENT, None) == main
    assert record_article(corpus, "event", EVENT, "no-such-article") == main


def test_the_page_opens_the_report_and_keeps_the_link(monkeypatch, corpus):
    app = open_source(monkeypatch, data_dir=DATA_DIR, event=EVENT, article=TREND)
    assert not app.exception
    assert app.session_state[SOURCE_ARTICLE_KEY] == TREND
    assert app.session_state[SOURCE_RECORD_KEY] == f"event:{EVENT}"
    report = corpus.event_reports.set_index("report_id").loc[f"{EVENT}:{TREND}"]
    assert EVENT in article_markup(app)
    card = "\n".join(element.value for element in app.markdown)
    assert report.quote[:40] in " ".join(card.split()).replace("\\", "")
    assert app.query_params["article"] in (TREND, [TREND])
