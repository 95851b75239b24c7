"""Rules of round 12 (issue 20), each on real sentences of the articles held out in round
11 and read after that round's one look (READ_IN_ROUND_11 in components/extract/splits.py),
and on one of round 10's.

The drafts are made against the leave-one-out registry the evaluator uses (the corpus
registry minus the aliases only that article has), as a new article meets it."""

from __future__ import annotations

import pytest

from components.extract.splits import (
    DEV_ARTICLE_IDS,
    READ_IN_ROUND_5,
    READ_IN_ROUND_10,
    READ_IN_ROUND_11,
)

from .conftest import speakers_with, unseen_drafts


@pytest.fixture(scope="module")
def unseen(gold_corpus):
    return unseen_drafts(gold_corpus, READ_IN_ROUND_10 | READ_IN_ROUND_11)


def test_the_subject_of_a_passive_report_is_what_is_told(unseen):
    """'At the moment, Meruzhan Harutyunyan, born in 1991, has been confirmed dead.': the
    soldier is not the speaker; the ministry's release goes on."""
    draft = unseen("armradio-2021-11-16-fire-stopped")
    assert speakers_with(draft, "has been confirmed dead") == ["armenian_defence_ministry"]
    assert speakers_with(draft, "will provide further updates") == ["armenian_defence_ministry"]


def test_a_dismissal_is_no_statement_of_the_dismissed(unseen):
    """'Armenia's Defense Minister Arshak Karapetyan was dismissed. Pashinyan attributed his
    dismissal to the border developments.': Pashinyan's words, not Karapetyan's."""
    draft = unseen("tass-2021-11-16-syunik-extremely-tense")
    assert "karapetyan_arshak" not in speakers_with(draft, "Pashinyan attributed his dismissal")


@pytest.mark.parametrize(
    ("article_id", "words", "author"),
    [
        (
            "armradio-2021-12-08-denies-shooting",
            "The statement spread by the Ministry of Defense of Azerbaijan on December 8",
            "azerbaijani_defence_ministry",
        ),
        (
            "turan-2021-11-15-mfa-response-pashinyan",
            "the statement of Armenian Prime Minister Nikol Pashinyan about",
            "pashinyan",
        ),
        (
            "newsaz-2021-07-31-territorial-claims",
            "the statement (dated July 30) of the Armenian Foreign Ministry contains",
            "armenian_foreign_ministry",
        ),
        (
            "hyetert-2021-07-28-ombudsman-gegharkunik",
            "the official statement of the Ministry of Defense of Armenia, that",
            "armenian_defence_ministry",
        ),
    ],
)
def test_a_statement_named_inside_another_is_its_authors(unseen, article_id, words, author):
    """One speaker's words name another's statement and what it said: that statement is
    drafted too, as its author's, beside the one that names it."""
    draft = unseen(article_id)
    named = [s for s in draft.statements if s.quote.startswith(words)]
    assert [s.speaker_actor_id for s in named] == [author]
    assert named[0].rule == "statement named"
    outer = [s for s in draft.statements if words in s.quote and s is not named[0]]
    assert outer, "the statement that names it is drafted too"
    assert all(s.speaker_actor_id != author for s in outer)


def test_an_acronym_spelled_out_before_is_that_body(unseen):
    """'..., the State Border Service (SBS) of Azerbaijan told AzVision.az. The situation
    on the border with Armenia is stable ..., SBS noted': the leave-one-out registry does
    not know "SBS"; the text spelled it out."""
    draft = unseen("azvision-2021-05-31-sbs-border-stable")
    assert speakers_with(draft, "under full control") == ["azerbaijani_state_border_service"]


def test_a_site_reporting_with_reference_to_a_body_relays_that_body(unseen):
    """'Azerbaijan’s President Ilham Aliyev and President Charles Michel of the European
    Council had phone talks on November 19, News.Az reports with reference to the European
    Council.': the Council's readout ("News.Az" is one word, not the end of a sentence)."""
    draft = unseen("newsaz-2021-11-19-aliyev-michel-call")
    assert speakers_with(draft, "had phone talks on November 19") == ["european_council"]
    statement = next(s for s in draft.statements if "had phone talks" in s.quote)
    assert statement.quote.endswith("with reference to the European Council")


def test_a_recalled_month_dates_no_other_statement(unseen):
    """'Pashinyan reminded that back in May he had announced that he was ready ...': May
    dates that announcement, not his other words of 17 November (the lead "says")."""
    draft = unseen("armenpress-2021-11-17-pashinyan-delimitation")
    lead = next(s for s in draft.statements if "Nikol Pashinyan says" in s.quote)
    assert lead.date_precision == "as_reported"
    assert str(lead.start_date) == "2021-11-17"


@pytest.fixture(scope="module")
def earlier(gold_corpus):
    """Articles of the first rounds, whose remaining errors round 12 read again."""
    return unseen_drafts(gold_corpus, DEV_ARTICLE_IDS | READ_IN_ROUND_5)


def test_a_rebuttal_is_written_by_the_other_sides_body(earlier):
    """'The Armenian defense ministry has once again spread false information about ...
    . We unequivocally state that our units did not open an aimed fire': with no issuer
    given, the text is the other side's defence ministry's, its "we" and its opening."""
    draft = earlier("azmod-2021-05-25-information")
    assert speakers_with(draft, "We unequivocally state") == ["azerbaijani_defence_ministry"]
    assert speakers_with(draft, "has once again spread false information") == [
        "azerbaijani_defence_ministry"
    ]


def test_a_rebuttal_keeps_the_claim_it_answers(earlier):
    """'The Ministry of Defence of Azerbaijan issued a statement claiming that allegedly
    Armenian subdivisions fired ..., which is another misinformation. The Armenian
    subdivisions did not fire ...': the claim stays Azerbaijan's, the answer is Armenia's
    defence ministry's."""
    draft = earlier("milam-2021-06-11-kut")
    assert speakers_with(draft, "issued a statement claiming") == ["azerbaijani_defence_ministry"]
    assert speakers_with(draft, "did not fire on the military positions") == [
        "armenian_defence_ministry"
    ]
