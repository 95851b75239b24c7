"""One event, many reports: the Timeline draws an event or an utterance once, with its
reports counted by side, and its detail lists every report. Corpus and seed."""

from components.app.filters import filter_dataset
from components.timeline.detail import item_detail
from components.timeline.figures import hover_text
from components.timeline.items import items_in, timeline_items
from components.timeline.reports import item_reports, one_per_utterance


def test_an_utterance_several_articles_carry_is_drawn_once(corpus):
    items = timeline_items(corpus)
    statements = items.loc[items["kind"] == "statement"]
    assert len(statements) == corpus.statements["utterance_id"].nunique()
    assert statements["group_id"].is_unique
    macron = statements.loc[statements["group_id"] == "u-macron-0601"].iloc[0]
    assert macron["report_count"] == 14
    assert macron["report_sides"] == "Armenian 14"


def test_an_event_carries_its_reports_by_side(corpus):
    items = timeline_items(corpus).set_index("item_id")
    capture = items.loc["event:ev-capture-six"]
    # 26 records of ev-capture-six in the articles' events.yaml (round 13: armenpress-2021-05-27,
    # Armenian; trend-2021-05-27-asryan-besiege, Azerbaijani; round 16: armenianclub.com's
    # copy of Caucasian Knot of 27 May, Russian).
    assert capture["report_count"] == 26
    assert capture["report_sides"] == (
        "Armenian 12 · Azerbaijani 4 · Russian 4 · Western 4 · International organisations 1"
        " · Other 1"
    )
    assert "Reported by 26 articles: Armenian 12" in hover_text(capture)


def test_the_detail_lists_every_report_main_first(corpus):
    detail = item_detail(corpus, "event:ev-capture-six")
    reports = detail.reports
    expected = corpus.event_reports.loc[corpus.event_reports["event_id"] == "ev-capture-six"]
    assert sorted(reports["article_id"]) == sorted(expected["article_id"])
    assert reports["is_main_report"].tolist() == [True] + [False] * 25
    assert reports["outlet"].notna().all()
    assert dict(detail.facts)["Reported by"].startswith("26 articles: Armenian 12")


def test_an_utterance_detail_lists_each_article_statement(corpus):
    first = one_per_utterance(corpus.statements)
    statement_id = first.loc[first["utterance_id"] == "u-azerbaijani-mod-0527-capture"]
    reports = item_reports(corpus, "statement", statement_id["statement_id"].iloc[0])
    # bamz 1, eutoday 1, islamtimes 3, trend-2021-05-27-asryan-besiege 2 (one ministry
    # statement); round 16: armenianclub-2021-05-27-caucasianknot-versions 3.
    assert len(reports) == 10
    assert set(reports["kind"]) == {"statement"}
    assert reports["record_id"].is_unique


def test_a_filter_keeps_an_utterance_when_any_report_concerns_it(corpus):
    items = timeline_items(corpus)
    part = filter_dataset(corpus, ["macron"])
    kept = items_in(items, part)
    assert "u-macron-0601" in set(kept["group_id"])


def test_the_seed_items_have_one_report_each(dataset):
    items = timeline_items(dataset)
    assert (items["report_count"] == 1).all()
    assert items["report_sides"].isna().all()
    assert "Reported by" not in hover_text(items.iloc[0])
    assert len(item_detail(dataset, items["item_id"].iloc[0]).reports) == 1
