"""Rules of round 10 (issue 20), each on real sentences of the articles held out in round 9
and read after that round's one look (READ_IN_ROUND_9 in components/extract/splits.py).

The drafts are made against the leave-one-out registry the evaluator uses (the corpus
registry minus the aliases only that article has), as a new article meets it."""

from __future__ import annotations

import pytest

from components.extract.splits import READ_IN_ROUND_9

from .conftest import speakers_with, unseen_drafts


@pytest.fixture(scope="module")
def unseen(gold_corpus):
    return unseen_drafts(gold_corpus, READ_IN_ROUND_9)


def test_a_surname_after_another_first_name_is_another_person(unseen):
    """'The commander of a military unit, Major General Arayik Harutyunyan informed the
    Ambassador ...': "Harutyunyan" is an alias of Vagharshak Harutyunyan, the defence
    minister; after "Arayik" it is someone else."""
    draft = unseen("mirrorspectator-2021-07-29-tracy")
    assert "harutyunyan" not in speakers_with(draft, "Major General Arayik Harutyunyan informed")


def test_an_embassy_placed_elsewhere_is_another_embassy(unseen):
    """'The US Embassy in Armenia has issued a statement ...': not the registry's US Embassy
    in Baku."""
    draft = unseen("mamul-2021-07-20-us-embassy")
    assert "us_embassy_baku" not in speakers_with(draft, "The US Embassy in Armenia has issued")


def test_sides_that_accuse_each_other_are_the_states_even_after_a_summit(unseen):
    """'The two sides accused each other of provocations.' after the Sochi meeting of Putin,
    Aliyev and Pashinyan: the two states, not two of the leaders."""
    draft = unseen("meduza-2021-11-26-sochi-talks")
    assert sorted(speakers_with(draft, "The two sides accused each other")) == [
        "armenia",
        "azerbaijan",
    ]


def test_a_subject_the_parser_hung_on_the_verb_speaks(unseen):
    """'The RA Ministry of Defense shares the bitterness of the loss and expresses its
    support to the family members ...': the parser makes the ministry a modifier (nmod) of
    "shares"; it is the subject, and the release's other sentences are its too."""
    draft = unseen("milam-2021-11-22-norabak")
    assert speakers_with(draft, "expresses its support") == ["armenian_defence_ministry"]
    assert speakers_with(draft, "the firefight has stopped") == ["armenian_defence_ministry"]


def test_it_should_be_noted_is_the_writers_aside(unseen):
    """'It should be noted that Azerbaijan’s Defence Minister Zakir Hasanov on August 2
    instructed the army to be ready ...': nobody "notes"; the minister instructs (a
    separate actor from his ministry in the registry)."""
    draft = unseen("azernews-2021-08-11-sadarak-kalbajar-fire")
    statement = next(s for s in draft.statements if "instructed the army" in s.quote)
    assert statement.speaker_actor_id != "azerbaijani_defence_ministry"
    assert statement.rule != "reporting verb"
