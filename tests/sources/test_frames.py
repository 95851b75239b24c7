"""The Sources page's frames: the article table, coverage by side (a story counting once),
the publication strip and the cross-quoting answer, on the corpus and on hand-made rows."""

from dataclasses import replace

import pandas as pd

from components.app.filters import apply_filter, filter_key
from components.sources.frames import (
    CrossQuote,
    article_table,
    corpus_counts,
    coverage_csv_frame,
    cross_quoting,
    issue_coverage,
    parties,
    publication_strip,
    publication_weeks,
    quote_coverage,
    reader_link,
)
from tests.corpus_files import (
    article_count,
    counts_sentence,
    shared_stories,
    side_story_count,
    statement_count,
    story_count,
)

MACRON_COPIES = {"armradio-2021-06-01-macron", "panarmenian-2021-06-01-macron"}
# The co-chairs' statement of 15 November, one story on two sides: News.az (Azerbaijani)
# and ReliefWeb (International organisations).
MINSK_COPIES = {
    "newsaz-2021-11-15-minsk-group-concern",
    "reliefweb-2021-11-15-minsk-group-statement",
}
# The Azerbaijani defence ministry's statement of 20 July (Nakhchivan) on its own page and
# as AZERTAC carries it: one Azerbaijani story.
NAKHCHIVAN_COPIES = {"azertag-2021-07-20-nakhchivan-fire", "modaz-2021-07-20-sadarak-wounded"}


def test_every_article_is_a_row_with_its_links(corpus):
    table = article_table(corpus, corpus)
    assert len(table) == len(corpus.articles) == article_count()
    assert set(table["article_id"]) == set(corpus.articles["article_id"])
    row = table.set_index("article_id").loc["france24-2021-05-14-lake-sev"]
    assert row["outlet"] == "France 24"
    assert row["side"] == "Western"
    assert row["statements"] == 24
    assert row["reader"] == "source?article=france24-2021-05-14-lake-sev"
    # Every article but the seed (whose address was not recorded) links to its original.
    assert table["url"].dropna().str.startswith("http").sum() == article_count() - 1


def test_reader_link_keeps_the_filter():
    assert reader_link("a-1", [("side", "azerbaijan"), ("outlet", "News.az")]) == (
        "source?article=a-1&side=azerbaijan&outlet=News.az"
    )


def test_the_two_copies_of_a_wire_story_name_each_other(corpus):
    table = article_table(corpus, corpus).set_index("article_id")
    copies = table.loc[sorted(MACRON_COPIES), "copies"].tolist()
    assert copies == [
        "2 copies; also in PanARMENIAN.Net",
        "2 copies; also in Public Radio of Armenia",
    ]
    assert table.loc[sorted(MINSK_COPIES), "copies"].tolist() == [
        "2 copies; also in ReliefWeb",
        "2 copies; also in News.az",
    ]
    assert table.loc[sorted(NAKHCHIVAN_COPIES), "copies"].tolist() == [
        "2 copies; also in Ministry of Defence of Azerbaijan",
        "2 copies; also in AZERTAC",
    ]
    # Every copy of a story the article.yaml files share a story_id for says how many there
    # are (4 stories of 2 copies on 279 articles, as on 246), and no other article names
    # copies.
    copies = {article_id for ids in shared_stories().values() for article_id in ids}
    assert copies >= MACRON_COPIES | MINSK_COPIES | NAKHCHIVAN_COPIES
    for ids in shared_stories().values():
        assert table.loc[list(ids), "copies"].str.startswith(f"{len(ids)} copies; also in ").all()
    assert (table.drop(index=sorted(copies))["copies"] == "").all()


def test_counts_say_articles_stories_outlets_and_sides(corpus):
    assert corpus_counts(corpus.articles).sentence() == counts_sentence()
    assert counts_sentence().endswith(" on 6 sides")


def test_a_story_on_two_sides_counts_once_in_the_counts():
    """The table holds one story when outlets of two sides carry it (the 15 November Minsk
    Group statement made 153 articles read as 152 stories, not 151)."""
    articles = pd.DataFrame(
        {
            "article_id": ["a", "b", "c"],
            "story_id": ["s", "s", "c"],
            "outlet": ["News.az", "ReliefWeb", "News.az"],
            "side": ["azerbaijan", "international", "azerbaijan"],
        }
    )
    assert corpus_counts(articles).sentence() == "3 articles (2 stories) from 2 outlets on 2 sides"
    one_side = articles[articles["side"] == "azerbaijan"]
    assert corpus_counts(one_side).sentence() == "2 articles (2 stories) from 1 outlet on 1 side"


def test_a_story_counts_once_in_the_matrix(corpus):
    """The AFP story of 1 June has 8 statements in one copy and 9 in the other (Macron's 6
    or 8, France 1, Pashinyan 2): the Armenian row counts its fullest copy per cell."""
    both = apply_filter(corpus, filter_key([], [], ["PanARMENIAN.Net", "Public Radio of Armenia"]))
    macron = replace(
        both,
        articles=both.articles[both.articles["article_id"].isin(MACRON_COPIES)],
        statements=both.statements[both.statements["article_id"].isin(MACRON_COPIES)],
    )
    cells = quote_coverage(macron).set_index("actor_id")["statements"].to_dict()
    # France: max(8 Macron, 6 Macron + 1 France) = 8; Armenia: Pashinyan's 2, one copy only.
    assert cells == {"france": 8, "armenia": 2}
    raw = len(macron.statements)
    assert raw == 17
    assert sum(cells.values()) == 10


def test_coverage_rolls_up_to_states_or_keeps_individuals(corpus):
    states = quote_coverage(corpus)
    people = quote_coverage(corpus, individuals=True)
    # Per cell, a story counts as its fullest copy: the AFP story of 1 June is 8 statements
    # for France (Macron's 8 in one copy, 6 + France's 1 in the other) but 8 + 1 for Macron
    # and France apart (7 or 6 of its 17 left out), and the Azerbaijani defence ministry's
    # statements of 20 July (AZERTAC and the ministry's page, 4 each) and of 15 November
    # (News.az and the ministry's page, 7 each) count once: 7 + 4 + 7 and 6 + 4 + 7 fewer
    # than the statements.yaml files hold.
    assert len(corpus.statements) == statement_count()
    assert states["statements"].sum() == statement_count() - 18
    assert people["statements"].sum() == statement_count() - 17
    assert set(states["actor_id"]) <= set(corpus.actors["state_actor_id"])
    assert "pashinyan" in set(people["actor_id"])
    assert "pashinyan" not in set(states["actor_id"])


def test_issue_coverage_splits_stances(corpus):
    issues = issue_coverage(corpus)
    assert (issues["stances"] == issues[["support", "oppose", "neutral"]].sum(axis=1)).all()
    assert set(issues["issue_id"]) <= set(corpus.issues["issue_id"])


def test_which_side_quotes_the_other(corpus):
    """The page's answer, from the corpus: each party's outlets and the other parties."""
    assert parties(corpus) == ["armenia", "azerbaijan", "russia"]
    answer = {
        quote.outlet_side: quote for quote in cross_quoting(quote_coverage(corpus), parties(corpus))
    }
    # Counted from statements.yaml (speaker rolled up by parent_actor_id to the top of its
    # chain, a story once per side: per cell its fullest copy): Azerbaijani outlets 299
    # statements, 17 Armenian, 2 Russian (the defence ministry's statement of 10 November on its
    # page and in Azerbaijan Today's own rendering of 11 November: "the request of the Russian
    # side" to let Armenian servicemen go); Armenian outlets 744, 32 Azerbaijani, 23 Russian;
    # Russian outlets 254, 96 Armenian, 80 Azerbaijani (279 articles). New on 279 (no copies
    # among the 33 new, so each adds its statements): Azerbaijani outlets +39 (7 articles;
    # Armenian +1: Armenia's in News.az's of 15 October); Armenian outlets +92 (16 articles;
    # Azerbaijani +9: Zartonk's of 28 May 3 and of 14 June 2, 1lurer.am's of 28 May,
    # Armenpress's of 8 December, Public Radio's of 11 November and the Mirror-Spectator's of 16
    # December 1 each; Russian +1: Sputnik Armenia in Zartonk's of 3 July); Russian outlets +18
    # (3 articles; Armenian +2, Azerbaijani +6: TASS's of 18 November 1 and 5,
    # armenianclub.com's copy of TASS of 17 November 1 and 1). Round 15 (299 articles, no
    # copies among the 20 new): Azerbaijani outlets 299 -> 330 (6 articles), Armenian 17 -> 22
    # (Azeri Daily's of 11 September 3, Turan's of 16 November 1, AzerNews's of 12 January
    # 2022 1: the Armenian ministry's figures); Armenian outlets 744 -> 794 (11 articles),
    # Russian 23 -> 24 (Zartonk's of 26 July); Russian outlets: Armenian 96 -> 97, no new
    # article: Caucasian Knot's "Naira Zograbyan, a former Armenian MP" (26 August) is now
    # Naira Zohrabyan, who rolls up to Armenia (the merged actor had no parent). Round 16
    # (315 articles, no copies among the 16 new, each adds all its statements): Azerbaijani
    # outlets 330 -> 351 (4 articles), Armenian 22 -> 23 (News.az's of 7 February 2022: Armenia
    # in the commission's words), Russian 2 -> 3 (AzVision's of 10 November); Armenian outlets
    # 794 -> 822 (6 articles), Azerbaijani 32 -> 34 (Public Radio's of 3 March 2022, the MFA's of
    # 7 March 2022); Russian outlets 254 -> 272 (armenianclub.com's copy of Caucasian Knot of 27
    # May, News.ru's of 19 November, Sputnik's of 15 November), Armenian 97 -> 108 (4, 3, 4),
    # Azerbaijani 80 -> 86 (4, 2). Round 17 (329 articles, no copies among the 14 new, each
    # adds all its statements; recounted from statements.yaml and actors.yaml by a script of
    # its own): Azerbaijani outlets 351 -> 366 (5 articles), Armenian 23 -> 24 (AZERTAC's of
    # 24 May 2022: Mher Grigoryan at the commissions' first meeting); Armenian outlets 822 ->
    # 850 (6 articles), Russian 24 -> 26 (Armenpress's of 26 May 2021, News.am's of 17
    # September); Russian outlets 272 -> 277 (Hyetert's copy of TASS of 16 August), Armenian
    # 108 -> 110, Azerbaijani 86 -> 89.
    assert answer["azerbaijan"] == CrossQuote("azerbaijan", (("armenia", 24), ("russia", 3)), 366)
    assert answer["armenia"] == CrossQuote("armenia", (("azerbaijan", 34), ("russia", 26)), 850)
    assert answer["russia"] == CrossQuote("russia", (("armenia", 110), ("azerbaijan", 89)), 277)
    assert answer["azerbaijan"].sentence() == (
        "Azerbaijani outlets quote Armenian speakers in 24 of the 366 statements they report "
        "(7%), Russian speakers in 3 (1%)."
    )


def test_publication_strip_counts_stories_not_copies(corpus):
    strip = publication_strip(corpus.articles).set_index(["published_date", "side"])
    day = strip.loc[(pd.Timestamp("2021-06-01"), "armenia")]
    assert (day["stories"], day["articles"]) == (1, 2)
    assert strip["articles"].sum() == article_count()
    day = strip.loc[(pd.Timestamp("2021-07-20"), "azerbaijan")]
    assert (day["stories"], day["articles"]) == (1, 2)
    # By side: the AFP copies of 1 June are one Armenian story, the defence ministry's
    # statements of 20 July and 15 November (its page and AZERTAC's or News.az's copy) one
    # Azerbaijani story each; the Minsk Group statement of 15 November is one story on each
    # of its two sides.
    assert strip["stories"].sum() == side_story_count() == article_count() - 3
    assert story_count() == article_count() - 4


def test_publication_weeks_add_up_the_days_of_a_week():
    """Monday to Sunday: two days of one week make one row, listing the days with stories;
    the Monday after starts a week of its own."""
    strip = pd.DataFrame(
        {
            "published_date": pd.to_datetime(["2021-05-13", "2021-05-16", "2021-05-17"]),
            "side": ["armenia", "armenia", "armenia"],
            "stories": [2, 0, 1],
            "articles": [3, 1, 1],
        }
    )
    weeks = publication_weeks(strip)
    assert weeks.to_dict("records") == [
        {"week": pd.Timestamp("2021-05-10"), "side": "armenia", "stories": 2, "articles": 4,
         "days": "13 May: 2"},
        {"week": pd.Timestamp("2021-05-17"), "side": "armenia", "stories": 1, "articles": 1,
         "days": "17 May: 1"},
    ]  # fmt: skip


def test_publication_weeks_count_every_story_once_per_side(corpus):
    weeks = publication_weeks(publication_strip(corpus.articles))
    assert weeks["stories"].sum() == side_story_count()
    assert weeks["articles"].sum() == article_count()
    assert (weeks["week"].dt.day_of_week == 0).all()


def test_coverage_csv_has_a_side_column_and_three_kinds(corpus):
    table = coverage_csv_frame(corpus)
    assert list(table.columns[:5]) == ["side", "kind", "row_id", "row_label", "count"]
    assert set(table["kind"]) == {"speaker_state", "speaker_actor", "issue"}
    assert set(table["side"]) == set(corpus.articles["side"])
