"""Rules of round 15 (issue 20), each on real sentences of articles whose errors were
read in earlier rounds, written while round 14's fresh set was recorded. The drafts are
made against the leave-one-out registry the evaluator uses (the corpus registry minus
the aliases only that article has), as a new article meets it."""

from __future__ import annotations

from datetime import date

from .conftest import speakers_with, statement_with


def test_an_office_speaks_in_its_own_name(read_drafts):
    """Armenpress, 21 May: 'The Human Rights Defender of Armenia has carried out
    fact-finding activities in Gegharkunik province, his Office told Armenpress.' and 'The
    Office of the Ombudsman stated that ...': the office, not the ombudsman whose title
    its name holds, nor a new speaker "Office"."""
    draft = read_drafts("armenpress-2021-05-21-ombudsman-gegharkunik")
    office = ["armenian_ombudsman_office"]
    assert speakers_with(draft, "has carried out fact-finding activities") == office
    assert speakers_with(draft, "the results of the visit will be summed up") == office


def test_the_office_is_the_office_that_spoke_before(read_drafts):
    """Hyetert, 13 May: '..., the Ombudsman’s Office reported.' then '“During the
    defender’s visit to Syunik Province, fact-finding activities will be carried out ...,”
    the office said.': the same office, not a new speaker "office"."""
    draft = read_drafts("hyetert-2021-05-13-ombudsman-syunik")
    assert speakers_with(draft, "During the defender’s visit") == ["armenian_ombudsman_office"]


def test_the_occasion_s_own_day_dates_the_words(read_drafts):
    """News.am, 31 August: 'The tense situation in the region is a consequence of
    Azerbaijan's destructive policy. Armenian Foreign Minister Ararat Mirzoyan stated this
    during Tuesday’s meeting with Russian Foreign Minister Sergey Lavrov, in Moscow.': the
    meeting's day (Tuesday 31 August) is the day he spoke, and his later words' too."""
    draft = read_drafts("newsam-2021-08-31-mirzoyan-lavrov")
    for words in ("The tense situation in the region", "He reaffirmed the readiness"):
        statement = statement_with(draft, words)
        assert (statement.start_date, statement.date_precision) == (date(2021, 8, 31), "day")


def test_a_colon_s_introduction_dates_the_text_it_introduces(read_drafts):
    """Massis Post, 28 May: 'The Co-Chairs of the OSCE Minsk Group (Igor Popov ..., and
    Andrew Schofer ...) released the following statement today:' then the statement's
    paragraphs: each is of that day, not only "as reported"."""
    draft = read_drafts("massispost-2021-05-28-minsk-group-statement")
    for words in ("The Co-Chairs held consultations", "We call on both sides"):
        statement = statement_with(draft, words)
        assert statement.speaker_actor_id == "osce_minsk_group"
        assert (statement.start_date, statement.date_precision) == (date(2021, 5, 28), "day")


def test_an_abbreviated_month_with_a_day_is_a_date(read_drafts):
    """AzerNews, 2 December: '..., OSCE Chairperson-in-Office Ann Linde said on Dec. 2 in
    her opening speech ...': 2 December 2021, a day."""
    draft = read_drafts("azernews-2021-12-02-linde-osce-ministerial")
    statement = statement_with(draft, "The OSCE fully supports")
    assert (statement.start_date, statement.date_precision) == (date(2021, 12, 2), "day")
    assert statement.date_expression == "2021-12-02"
