"""Rules of round 17 (issue 20), each on real sentences of articles read in earlier rounds,
written while round 16's fresh set was recorded. The drafts are made against the
leave-one-out registry the evaluator uses (the corpus registry minus the aliases only
that article has), as a new article meets it."""

from __future__ import annotations

from components.extract.pronouns import UNNAMED_ISSUER

from .conftest import speakers_with


def test_the_villagers_are_the_registered_residents_of_the_village_named(read_drafts):
    """Gagrule.net, 28 June: 'Residents of the Tekh village yesterday went to the field ...
    This morning, the villagers turned to the head of the rural community Teh Nerses
    Shadunets, presented the situation and informed that ...': the villagers of Tegh (so
    spelt in the registry), not a new speaker "villagers"."""
    draft = read_drafts("gagrule-2021-06-28-tegh-grass")
    said = speakers_with(draft, "agricultural machinery could not enter the territory")
    assert said
    assert set(said) == {"tegh_villagers"}


def test_a_village_that_only_begins_alike_is_another_village():
    """'Verin Shorzha' is not 'Verishen', nor 'Tehran' 'Tegh'; 'Tekh' and 'Teh' are."""
    from components.extract.communities import _same_place

    assert _same_place("Tekh", "Tegh")
    assert _same_place("Teh", "Tegh")
    assert not _same_place("Verin", "Verishen")
    assert not _same_place("Tehran", "Tegh")


def test_the_statement_named_before_speaks_for_its_author_not_its_carrier(read_drafts):
    """Eurasia Diary, 28 September: '..., says a statement by the press-office of the UN
    Secretary-General, Azeri Daily reports. One year after the hostilities ..., the
    Secretary-General is encouraged by ..., says the statement.': the statement is the
    press office's, for the Secretary-General; Azeri Daily only carries it."""
    draft = read_drafts("ednews-2021-09-28-un-sg-foreign-ministers")
    said = speakers_with(draft, "the Secretary-General is encouraged by the resumption")
    assert said
    assert "Azeri Daily" not in said
    # Since round 18 the title before Guterres's name is his, so the registry's actor.
    assert all(name == "un_secretary_general" or "Secretary-General" in name for name in said)


def test_as_reported_with_the_speaker_after_the_verb(read_drafts):
    """News.am, 28 July: '... and one is in medium grave condition, as reported Head of the
    Military-Medical Department of the Armed Forces of Armenia Sahak Ohanyan. According to
    him, one injured soldier was transferred ...': Ohanyan reports, and "him" is Ohanyan,
    not the defence ministry whose press release comes later."""
    draft = read_drafts("newsam-2021-07-28-wounded-condition")
    for words in ("is in extremely critical condition", "According to him, one injured"):
        said = speakers_with(draft, words)
        assert said
        assert all(name and name.endswith("Sahak Ohanyan") for name in said), said


def test_an_acronym_is_the_body_named_before_with_its_initials(read_drafts):
    """Trend, 16 September: 'Meanwhile, previously, the State Customs Committee of
    Azerbaijan said that ... “According to the existing code, vehicles are subject to road
    tax, ...,” the SCC had said.': the SCC is that committee, not a new speaker."""
    draft = read_drafts("trend-2021-09-16-iranian-trucks-gorus")
    said = speakers_with(draft, "According to the existing code, vehicles are subject")
    assert said
    assert set(said) == {"azerbaijani_customs_committee"}


def test_initials_of_a_name_and_of_its_words_before_of():
    from components.extract.speakers import initials

    assert initials("State Customs Committee of Azerbaijan") == {"SCCA", "SCC"}
    assert "CSTO" in initials("Collective Security Treaty Organization")


# Of round 16's fresh set, read after its one look (READ_IN_ROUND_16).


def test_a_bare_title_is_not_the_body_of_the_country_it_blames(read_drafts):
    """Trend, 11 January 2022: 'According to the Foreign Ministry, the military-political
    leadership of Armenia, which committed another bloody provocation along the state
    border, ... is directly responsible for the escalation in the region.': the subject
    is blamed, so the ministry is not Armenia's but that of the side the text speaks for."""
    draft = read_drafts("trend-2022-01-11-mfa-condemns-provocations")
    said = speakers_with(draft, "is directly responsible for the escalation")
    assert said == ["azerbaijani_foreign_ministry"]


def test_a_statement_said_then_carried_by_an_agency(read_drafts):
    """Trend, 11 January 2022: 'Azerbaijan strongly condemns the ongoing military
    provocations of Armenia, statement of the Ministry of Foreign Affairs in connection
    with the next provocation ... said, Trend reports.': the ministry's statement (the
    parser hangs "in connection with ..." elsewhere, and "Trend" names no speaker)."""
    draft = read_drafts("trend-2022-01-11-mfa-condemns-provocations")
    said = speakers_with(draft, "Azerbaijan strongly condemns the ongoing military")
    assert "azerbaijani_foreign_ministry" in said


def test_a_named_spokesman_speaks_not_the_one_he_speaks_for(read_drafts):
    """The Decision Maker, 16 November 2021: 'Farhan Haq, spokesman for Antonio Guterres,
    the Secreatry-General, said: "At this point, we urge all sides to ..."': Haq, not the
    Secretary-General the apposition names."""
    draft = read_drafts("thedecisionmaker-2021-11-16-un-urges-restraint")
    said = speakers_with(draft, "we urge all sides")
    assert said
    assert set(said) == {"Farhan Haq"}


def test_according_to_stops_at_a_semicolon_before_another_speaker(read_drafts):
    """Caucasian Knot via armenianclub.com, 27 May 2021: 'According to the Armenian MoD,
    they performed some engineering works there; Azerbaijan insists that the detainees
    are scouts.': the ministry's clause, Azerbaijan's clause."""
    draft = read_drafts("armenianclub-2021-05-27-caucasianknot-versions")
    assert "armenian_defence_ministry" in speakers_with(draft, "engineering works there;")
    assert "azerbaijan" in speakers_with(draft, "the detainees are scouts")


def test_mod_before_a_full_stop_is_the_ministry_then_the_stop():
    """ "... on the website of the Azerbaijani MoD. “Armenian soldiers were ...": the
    tokenizer took "MoD." for an abbreviation, so the sentence ran on."""
    from components.extract.model import load_pipeline

    doc = load_pipeline()(
        "It says the message posted on the website of the Azerbaijani MoD. It is so."
    )
    assert "MoD" in [t.text for t in doc]
    assert len(list(doc.sents)) == 2


def test_attention_drawn_and_a_commitment_are_speech_acts(read_drafts):
    """News.az, 7 February 2022: 'During the discussions, President Ilham Aliyev drew
    special attention to determining the fate of those missing ... . The Armenian side
    undertook to cooperate in this matter.': Aliyev's and Armenia's, not the commission's
    that the article quotes before."""
    draft = read_drafts("newsaz-2022-02-07-eight-servicemen-handed-over")
    assert "aliyev" in speakers_with(draft, "drew special attention to")
    assert "armenia" in speakers_with(draft, "undertook to cooperate")


def test_an_unnamed_issuer_s_we_stays_the_issuer(read_drafts):
    """The Armenian foreign ministry, 7 March 2022, a release naming no issuer: 'We extend
    our deepest condolences ... . Although the Ministry of Defense of Azerbaijan has
    denied ..., ... . Condemning the murder ..., we consider it necessary to emphasize
    ...': the release's "we", to be named by the reviewer, and not the Azerbaijani
    ministry its words contradict."""
    draft = read_drafts("mfaam-2022-03-07-manasaryan-ceasefire")
    for words in ("We extend our deepest condolences", "we consider it necessary"):
        said = speakers_with(draft, words)
        assert said
        assert set(said) == {UNNAMED_ISSUER}, said
