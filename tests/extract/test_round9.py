"""Rules of round 9 (issue 20), each on real sentences of the articles held out in round 8
and read after that round's one look (READ_IN_ROUND_8 in components/extract/splits.py).

The drafts are made against the leave-one-out registry the evaluator uses (the corpus
registry minus the aliases only that article has), as a new article meets it."""

from __future__ import annotations

import pytest

from components.extract.perspective import perspective
from components.extract.splits import READ_IN_ROUND_7, READ_IN_ROUND_8

from .conftest import unseen_drafts


@pytest.fixture(scope="module")
def unseen(gold_corpus):
    return unseen_drafts(gold_corpus, READ_IN_ROUND_8)


@pytest.fixture(scope="module")
def read_in_round_7(gold_corpus):
    return unseen_drafts(gold_corpus, READ_IN_ROUND_7)


def _speakers(draft, words: str) -> list[str | None]:
    return [s.speaker_actor_id or s.speaker_name for s in draft.statements if words in s.quote]


def test_a_bare_ministry_is_of_the_side_the_text_is_written_from(unseen):
    """'The Defence Ministry on July 23 reported that the soldier of the Azerbaijani army was
    killed in a sniper fire from the Armenian side in the liberated Kalbajar region.'
    (Today.az): "liberated" is Baku's word, so the bare ministry is Azerbaijan's, and so is
    every "the ministry" after it."""
    draft = unseen("todayaz-2021-07-23-kalbajar-sniper")
    assert perspective(draft.text) == "azerbaijan"
    for words in ("The Defence Ministry on July 23 reported", "the ministry declared"):
        assert _speakers(draft, words) == ["azerbaijani_defence_ministry"], words


def test_a_text_with_both_sides_words_has_no_perspective():
    assert perspective("the liberated Kalbajar region; Karvachar in Artsakh") is None
    assert perspective("The Defence Ministry reported shooting near Verin Shorzha.") is None


def test_a_countrys_own_ministry_of_defense_is_not_the_other_sides(unseen):
    """'"... our units control the operational situation," the ministry said.' after
    '"...," Azerbaijan's Ministry of Defense told AZERTAC.': "Ministry of Defense" (an
    alias of Armenia's) inside "Azerbaijan's Ministry of Defense" names no Armenian body,
    so "the ministry" is Azerbaijan's."""
    draft = unseen("azertag-2021-07-20-nakhchivan-fire")
    assert _speakers(draft, "our units control the operational situation") == [
        "azerbaijani_defence_ministry"
    ]


def test_a_ministry_does_not_report_its_own_statement_in_the_third_person(read_in_round_7):
    """'The Armenian Defence Ministry has issued a statement on the fact that ..., the
    Defence Ministry reported on June 10.' (Today.az, round 7's set): the reporting ministry
    is not the Armenian one its words name, and the "the ministry" after it is the same."""
    draft = read_in_round_7("todayaz-2021-06-10-kalbajar-fire")
    assert "azerbaijani_defence_ministry" in _speakers(draft, "the Defence Ministry reported")
    assert _speakers(draft, "the ministry stressed") == ["azerbaijani_defence_ministry"]
