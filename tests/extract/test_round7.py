"""The seventh round's rules (issue 20), each on real sentences of the articles held out in
round 6 and read in round 7 (READ_IN_ROUND_7 in components/extract/splits.py).

The drafts are made against the leave-one-out registry the evaluator uses (the corpus
registry minus the aliases only that article has), as a new article meets it."""

from __future__ import annotations

import pytest

from components.extract.splits import READ_IN_ROUND_7

from .conftest import speakers_with, statement_with, unseen_drafts


@pytest.fixture(scope="module")
def unseen(gold_corpus):
    return unseen_drafts(gold_corpus, READ_IN_ROUND_7)


def test_a_release_signed_on_its_last_line_is_the_signatorys(unseen):
    """'The United States is concerned by recent developments ... . We call on both sides
    ...' ending 'US State Department Spokesman Ned Price, May 27, 2021': the state speaks
    through the spokesman who signs."""
    draft = unseen("mirrorspectator-2021-05-30-us-statement")
    assert speakers_with(draft, "The United States is concerned") == ["price"]
    assert speakers_with(draft, "We call on both sides to urgently") == ["price"]


def test_a_state_in_its_own_ministrys_release_is_the_ministry(unseen):
    """'France expresses its deep concern ...' in a release whose issuer (the outlet) is the
    French foreign ministry: the ministry (the registry knows it from RFI's report of 17
    November, round 14; before, it was a new speaker named as the issuer is)."""
    draft = unseen("diplomatie-2021-05-27-border-incidents", with_outlet=True)
    assert speakers_with(draft, "France expresses its deep concern") == ["french_foreign_ministry"]
    # without the issuer, the state is all the text names
    assert speakers_with(unseen("diplomatie-2021-05-27-border-incidents"), "France expresses") == [
        "france"
    ]


def test_a_readout_gives_what_a_person_said_to_that_person(unseen):
    """'"Mr. Sullivan conveyed the commitment of the United States ..." - the White House said
    in a statement' and '"He welcomed the ongoing communication ..."': Sullivan speaks, the
    White House reports."""
    draft = unseen("turan-2021-05-18-white-house")
    for words in ("Mr. Sullivan conveyed", "He welcomed the ongoing", "he underscored the need"):
        statement = statement_with(draft, words)
        assert statement.speaker_actor_id == "sullivan", words
        assert statement.reported_by_actor_id is None  # the White House is new to the registry
    assert speakers_with(draft, "the White House said in a statement") == ["White House"]


def test_a_passive_agent_speaks_and_both_agents_do(unseen):
    """'These reports were denied by both the Armenian Defense Ministry and the Central
    Command of the Russian peacekeeping mission in Nagorno-Karabakh.'"""
    speakers = speakers_with(
        unseen("civilnet-2021-06-02-denies-crossing"), "These reports were denied"
    )
    assert speakers[0] == "armenian_defence_ministry"
    assert len(speakers) == 2


def test_according_to_which_is_the_claim_of_the_document_before_it(unseen):
    """'The Defense Ministry of Armenia denies the statement of the Azerbaijani defense
    ministry according to which the Armenian armed forces opened fire ...'."""
    draft = unseen("armenpress-2021-06-28-tavush-denial")
    claims = [s for s in draft.statements if s.quote.startswith("according to which")]
    assert [s.speaker_actor_id for s in claims] == ["azerbaijani_defence_ministry"]
    assert claims[0].quote.endswith("in the border area of Tavush province")
    assert speakers_with(draft, "The Defense Ministry of Armenia denies")[0] == (
        "armenian_defence_ministry"
    )


def test_the_diplomat_is_the_foreign_ministrys_spokesperson(unseen):
    """'Zakharova noted ... . "There is close coordination ...," the diplomat added.' and
    '"... We confirm our readiness ...," concluded the diplomatic representative.'"""
    draft = unseen("russiaislworld-2021-06-17-zakharova")
    assert speakers_with(draft, "There is close coordination")[0] == "zakharova"
    assert speakers_with(draft, "We confirm our readiness")[0] == "zakharova"


def test_the_us_abbreviated_with_stops(unseen):
    """'The U.S. Department of State said late on Thursday it remains concerned ...'."""
    draft = unseen("armradio-2021-05-28-menendez-capture")
    assert speakers_with(draft, "The U.S. Department of State said")[0] == "us_state_department"


def test_an_attribution_in_the_present(unseen):
    """'The situation ... has not changed significantly as of the morning of May 19, the
    Armenian Ministry of Defense informs.' (and the release's sentences after it)"""
    draft = unseen("armradio-2021-05-19-no-changes")
    assert speakers_with(draft, "has not changed significantly")[0] == "armenian_defence_ministry"
    assert speakers_with(draft, "under the full control of the Armenian forces")[0] == (
        "armenian_defence_ministry"
    )


def test_a_bare_ministry_is_of_the_country_the_subject_itself_names(unseen):
    """'The situation with Azerbaijan's encroachment on Armenian soil has not been resolved
    as of May 15 morning, the Defense Ministry reports' (PanARMENIAN): the subject's own
    words ("The situation") name no country, so the ministry is not Azerbaijan's."""
    draft = unseen("panarmenian-2021-05-15-not-resolved")
    assert speakers_with(draft, "has not been resolved")[0] == "armenian_defence_ministry"
    draft = unseen("armradio-2021-05-15-talks-tomorrow")
    assert speakers_with(draft, "The situation created after the encroachments")[0] == (
        "armenian_defence_ministry"
    )


def test_an_agency_that_carries_a_statement_is_not_its_speaker(unseen):
    """'"The Armenian side yet again firmly asked ...," the statement said, TASS reported.'"""
    draft = unseen("mehrnews-2021-05-16-talks-resume")
    assert "TASS" not in speakers_with(draft, "yet again firmly asked")
