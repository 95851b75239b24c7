"""Rules of round 13 (issue 20), each on real sentences of the articles held out in round
12 and read after that round's one look (READ_IN_ROUND_12 in components/extract/splits.py),
and on earlier rounds' articles read again.

The drafts are made against the leave-one-out registry the evaluator uses (the corpus
registry minus the aliases only that article has), as a new article meets it."""

from __future__ import annotations

import pytest

from components.extract.pronouns import UNNAMED_ISSUER
from components.extract.splits import (
    READ_IN_ROUND_7,
    READ_IN_ROUND_10,
    READ_IN_ROUND_12,
)

from .conftest import speakers_with, unseen_drafts


@pytest.fixture(scope="module")
def unseen(gold_corpus):
    return unseen_drafts(gold_corpus, READ_IN_ROUND_7 | READ_IN_ROUND_10 | READ_IN_ROUND_12)


def test_a_defence_ministrys_release_in_the_first_person(unseen):
    """The Azerbaijani defence ministry's own page of 15 November ('... the Armenian armed
    forces units ... subjected to fire the Azerbaijan Army positions ... . We declare once
    again that ...'), read with no issuer: written from Azerbaijan's side ("Basarkechar"),
    of war, so its defence ministry's, every sentence of it."""
    draft = unseen("modaz-2021-11-15-zeylik-yellija-fire")
    assert speakers_with(draft, "We declare once again") == ["azerbaijani_defence_ministry"]
    assert speakers_with(draft, "The equipment was damaged") == ["azerbaijani_defence_ministry"]


def test_the_side_of_a_release_is_the_other_side_of_the_forces_it_accuses(unseen):
    """The Armenian defence ministry's rebuttal of the ombudsman (19 October) has no side's
    words but "RA"; the Azerbaijani ministry's of 10 November says "the Armenian side once
    again attempted to commit a provocation": each is the other side's ministry of
    defence."""
    draft = unseen("modaz-2021-11-10-garagol-provocation")
    assert speakers_with(draft, "We state that the military provocation") == [
        "azerbaijani_defence_ministry"
    ]


def test_an_alleged_or_denied_act_accuses_no_one(unseen):
    """The Azerbaijani foreign ministry's release of 25 May: 'The information disseminated
    by Armenia that ... the Armed Forces of Azerbaijan allegedly shelled ...' and '... our
    units did not open fire': no side is accused, so no writer is guessed from them (the
    release is not given to Armenia's defence ministry)."""
    draft = unseen("mfaaz-2021-05-25-verin-shorzha")
    assert "armenian_defence_ministry" not in speakers_with(draft, "We call on the Armenian")


def test_a_guessed_writer_is_low_in_confidence(unseen):
    """The commission's release of 4 December ('We express our gratitude ...') is guessed,
    by its words of war ("servicemen", "armed forces") and its side, as Azerbaijan's
    defence ministry's: a guess the text does not name (the commission wrote it), so the
    draft marks it low in confidence for the reviewer."""
    draft = unseen("dtx-2021-12-04-ten-servicemen-handed-over")
    statement = next(s for s in draft.statements if "We express our gratitude" in s.quote)
    assert statement.speaker_name != UNNAMED_ISSUER
    assert statement.confidence < 0.6


def test_a_release_that_says_our_units_is_a_release(unseen):
    """The Azerbaijani defence ministry's page of 20 July has no "we" and no reporting verb
    ('... The enemy was suppressed by retaliation fire. Currently, the situation in this
    direction is stable, our units control the operational situation.'): "our units" and
    "the Azerbaijan Army" make it that ministry's release, every sentence drafted."""
    draft = unseen("modaz-2021-07-20-sadarak-wounded")
    assert speakers_with(draft, "The enemy was suppressed") == ["azerbaijani_defence_ministry"]
    assert speakers_with(draft, "subjected to fire the positions") == [
        "azerbaijani_defence_ministry"
    ]
