"""Rules of round 8 (issue 20), written on articles already read (the round-7 set,
READ_IN_ROUND_7) before the round's fresh held-out set was scored: dates that a lead,
an "as of" or a time of day give, and a speaker's own state inside the speaker's words.

The drafts are made against the leave-one-out registry the evaluator uses (the corpus
registry minus the aliases only that article has), as a new article meets it."""

from __future__ import annotations

from datetime import date

import pytest

from components.extract import extract
from components.extract.draft import blank_datelines
from components.extract.splits import READ_IN_ROUND_7

from .conftest import statement_with, unseen_drafts


@pytest.fixture(scope="module")
def unseen(gold_corpus):
    return unseen_drafts(gold_corpus, READ_IN_ROUND_7)


def _dated(statement) -> tuple[date, str]:
    return statement.start_date, statement.date_precision


def test_a_speakers_own_state_inside_the_speakers_words_is_the_speaker(unseen):
    """'Price said the US considers any movements ... to be provocative': one statement,
    Price's, not a second one of the United States; and the "We reject ..." that follows
    is his too (the spokesman's "we" is his state's, the words are his)."""
    draft = unseen("anews-2021-05-27-us-urges-release")
    statement = statement_with(draft, "the US considers any movements")
    assert statement.speaker_actor_id == "price"
    assert statement.quote.startswith("Price said the US considers")
    assert [s.speaker_actor_id for s in draft.statements if "the US considers" in s.quote] == [
        "price"
    ]
    assert statement_with(draft, "We reject the use of force").speaker_actor_id == "price"


def test_the_lead_dates_the_words_of_the_people_of_its_speaker(unseen):
    """'The US on Thursday called on Azerbaijan ... . In a statement, State Department
    spokesman Ned Price voiced that ...': the spokesman's undated words are of Thursday,
    the occasion the lead dates for his state."""
    draft = unseen("anews-2021-05-27-us-urges-release")
    assert _dated(statement_with(draft, "Ned Price voiced")) == (date(2021, 5, 27), "day")
    # another speaker's undated words keep the report's date
    assert statement_with(draft, "Earlier, Azerbaijan said").date_precision == "as_reported"


def test_a_status_as_of_a_time_of_day_is_dated_by_it(unseen):
    """'... has not changed significantly as of the morning of May 19, the Armenian
    Ministry of Defense informs.' and a release opening 'As of the morning of May 16, the
    situation ...': the status is the speaker's report of that morning."""
    draft = unseen("armradio-2021-05-19-no-changes")
    assert _dated(statement_with(draft, "has not changed significantly")) == (
        date(2021, 5, 19),
        "part_of_day",
    )
    release = unseen("milam-2021-05-16-situation-morning")
    assert _dated(statement_with(release, "As of the morning of May 16")) == (
        date(2021, 5, 16),
        "part_of_day",
    )


def test_late_on_a_day_is_its_evening(unseen):
    """'The U.S. Department of State said late on Thursday it remains concerned ...'."""
    draft = unseen("armradio-2021-05-28-menendez-capture")
    statement = statement_with(draft, "said late on Thursday")
    assert (statement.date_expression, *_dated(statement)) == (
        "thursday evening",
        date(2021, 5, 27),
        "part_of_day",
    )


def test_said_earlier_is_another_occasion(unseen):
    """'The Army General Staff said earlier that the Armenian Armed Forces maintain full
    control ...' in a report dated 'as of May 15 morning': "earlier" is another occasion,
    undated, so it keeps the report's date instead of the morning's."""
    draft = unseen("panarmenian-2021-05-15-not-resolved")
    assert statement_with(draft, "said earlier").date_precision == "as_reported"
    assert _dated(statement_with(draft, "as of May 15 morning")) == (
        date(2021, 5, 15),
        "part_of_day",
    )


def test_a_wire_dateline_does_not_hide_the_first_sentences_speaker(unseen):
    """'BAKU (RIA Novosti): The Ministry of Defense of Azerbaijan reported on the shelling
    ...': the dateline is blanked for the parser (the span keeps the text's characters)
    and "reported on" a matter is a report; the ministry speaks."""
    draft = unseen("frontierpost-2021-05-22-new-shelling")
    statement = statement_with(draft, "reported on the shelling")
    assert statement.speaker_actor_id == "azerbaijani_defence_ministry"
    assert draft.text[statement.start_char : statement.end_char] == statement.quote


def test_the_department_of_a_translated_text_is_the_ministry_named_before(unseen):
    """'"On May 21, at about 16.30, units of the Armenian armed forces ... fired ...," -
    according to the press service of the department.' (RIA Novosti's "vedomstvo")."""
    draft = unseen("frontierpost-2021-05-22-new-shelling")
    statement = statement_with(draft, "fired on the positions of the Azerbaijani army")
    assert statement.speaker_actor_id == "azerbaijani_defence_ministry"


@pytest.mark.parametrize(
    ("text", "blanked"),
    [
        ("BAKU (RIA Novosti): The Ministry", 20),
        ("WASHINGTON, DC — The United States", 17),
        ("YEREVAN, May 14 (Reuters) - Armenia said", 28),
        ("MOSCOW, May 14. /TASS/. Armenia", 24),
        ("NATO said the troops", 0),
        ("The MoD: said", 0),
    ],
)
def test_datelines_are_blanked_in_place(text, blanked):
    result = blank_datelines(text)
    assert len(result) == len(text)
    assert result[:blanked].strip() == ""
    assert result[blanked:] == text[blanked:]


def test_a_quotation_split_by_the_parser_is_one_statement(unseen):
    """'“On May 21, at about 16.30, units ... of the Basarkechyar (Vardenis – ed.) region
    of the state border fired on the positions ...,” – according to the press service of
    the department.': the parser ends a sentence at "ed.)"; the statement still starts at
    the opening mark, so no word of the quotation is left out of the draft."""
    draft = unseen("frontierpost-2021-05-22-new-shelling")
    statement = statement_with(draft, "fired on the positions of the Azerbaijani army")
    assert statement.quote.startswith("“On May 21, at about 16.30")


def test_according_to_which_holds_the_whole_claim(unseen):
    """'... has denied the statement of the Azerbaijani defense ministry according to which
    in the evening of June 1, 40 Armenian servicemen crossed Azerbaijan’s border ...': the
    parser hangs "to which" on "according"; the claim still runs to the sentence's end."""
    draft = unseen("armenpress-2021-06-02-denies-40-crossed")
    statement = next(s for s in draft.statements if s.quote.startswith("according to which"))
    assert statement.speaker_actor_id == "azerbaijani_defence_ministry"
    assert "40 Armenian servicemen crossed" in statement.quote


def test_a_countrys_top_brass_is_its_defence_ministry(registry):
    """TASS, 27 May 2021 (https://tass.com/world/1294707, a copy cut short and so not in
    the corpus): "Azerbaijan’s top brass also claimed that several Armenian combat
    vehicles, including tanks, had amassed near the border on Thursday morning." """
    text = (
        "Azerbaijan’s top brass also claimed that several Armenian combat vehicles, "
        "including tanks, had amassed near the border on Thursday morning."
    )
    draft = extract(text, date(2021, 5, 27), registry)
    assert [s.speaker_actor_id for s in draft.statements] == ["azerbaijani_defence_ministry"]
