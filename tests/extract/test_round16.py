"""Rules of round 16 (issue 20), each on real sentences of articles read in earlier rounds,
written while round 15's fresh set was recorded. The drafts are made against the
leave-one-out registry the evaluator uses (the corpus registry minus the aliases only
that article has), as a new article meets it."""

from __future__ import annotations

from .conftest import speakers_with


def test_the_other_side_s_information_is_its_statement(read_drafts):
    """Azertag, 26 July: '“The information spread by the Armenian side about allegedly
    taking place a firefight ... is completely unfounded,” Azerbaijan`s Ministry of Defense
    told AZERTAC.': the ministry denies; what the information said is Armenia's, a
    statement the denial names (the small model makes "spread" the sentence's verb)."""
    draft = read_drafts("azertag-2021-07-26-firefight-unfounded")
    said = speakers_with(draft, "spread by the Armenian side about allegedly")
    assert "azerbaijani_defence_ministry" in said
    assert "armenia" in said


def test_information_disseminated_that_is_its_author_s(read_drafts):
    """Azerbaijani foreign ministry, 25 May: 'The information disseminated by Armenia that,
    on May 25, 2021, the Armed Forces of Azerbaijan allegedly shelled the Armenian
    positions ... is not true.': Armenia's information, in the ministry's denial (the
    parser takes "that" for the subject of the clause it opens)."""
    draft = read_drafts("mfaaz-2021-05-25-verin-shorzha")
    assert "armenia" in speakers_with(draft, "The information disseminated by Armenia that")


def test_reports_on_a_death_are_the_reporter_s(read_drafts):
    """AzerNews, 16 August: 'Baku has dismissed as inaccurate Armenia's reports on the death
    of an Azerbaijani serviceman in the Garagol Lake vicinity ...': Baku dismisses, the
    reports on the death are Armenia's."""
    draft = read_drafts("azernews-2021-08-16-garagol-denial")
    said = speakers_with(draft, "Armenia's reports on the death")
    assert "armenia" in said


def test_the_agency_s_press_service_speaks_for_the_agency_named_before(read_drafts):
    """Today.az, 10 July: 'Azerbaijan’s State Border Service has inaugurated two military
    units in liberated Gubadli and Lachin districts ..., the agency’s press service
    reported.': the agency is the State Border Service, not a new speaker "agency’s press
    service"."""
    draft = read_drafts("todayaz-2021-07-10-sbs-units-gubadli-lachin")
    said = speakers_with(draft, "has inaugurated two military units")
    assert said == ["azerbaijani_state_border_service"]


# Of round 15's fresh set, read after its one look (READ_IN_ROUND_15).


def test_the_leadership_of_a_ministry_speaks_for_it(read_drafts):
    """The Azerbaijani defence ministry's release of 11 January 2022: 'The leadership of the
    Ministry of Defense expresses its deepest condolences to the family ...': the ministry
    (of the country its first sentence is about), and the release's sentences with no
    reporting word of their own are its too; before, none of them was drafted."""
    draft = read_drafts("modaz-2022-01-11-serviceman-shehid")
    ministry = ["azerbaijani_defence_ministry"]
    assert speakers_with(draft, "expresses its deepest condolences") == ministry
    assert speakers_with(draft, "the opposing side was suppressed") == ministry


def test_an_unnamed_spokesperson_speaks_for_the_ministry(read_drafts):
    """Public Radio of Armenia, 18 November: '“This has absolutely nothing to do with
    reality,” a spokesperson for the Ministry of Defense told ...': no name identifies the
    spokesperson; the ministry speaks, not a new speaker."""
    draft = read_drafts("armradio-2021-11-18-denies-six-captives")
    said = speakers_with(draft, "This has absolutely nothing to do with reality")
    assert said == ["armenian_defence_ministry"]


def test_the_press_release_is_its_author_s_named_before(read_drafts):
    """Turan, 16 November: '..., according to a press release of the Azerbaijani Ministry
    of Defense.' then 'According to the press release, the Armenian military launched a
    military operation ...': the ministry's release, not a new speaker "press"."""
    draft = read_drafts("turan-2021-11-16-lachin-servicemen-detained")
    said = speakers_with(draft, "the Armenian military launched a military operation")
    assert said == ["azerbaijani_defence_ministry"]


def test_a_state_that_thanks_speaks_and_is_its_text_s_we(read_drafts):
    """The UK's statement at the OSCE (Media Pigeon, 5 August): 'The United Kingdom thanks
    the French delegation for ...' (the small model tags "thanks" a noun) then 'We urge
    both parties to de-escalate': the United Kingdom, whose statement it is."""
    draft = read_drafts("mediapigeon-2021-08-05-uk-osce-statement")
    uk = ["united_kingdom"]
    assert speakers_with(draft, "thanks the French delegation") == uk
    assert speakers_with(draft, "We urge both parties to de-escalate") == uk
