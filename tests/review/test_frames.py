"""The review's tables and folder on a real corpus article: draft -> editable rows -> YAML
records -> ZIP, the validator in a temporary copy, and the highlighted text escaped."""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from dataclasses import replace
from datetime import date

import pytest
import yaml

from components.data.coverage import Gap
from components.extract import extract, load_registry
from components.extract.calibration import LOW_CONFIDENCE
from components.extract.draft import DraftStatement
from components.review import frames
from components.review.markup import article_html, find_cue, legend_html, marks
from components.review.validation import validate_review
from tests.conftest import DATA_DIR, folder_digest

ARTICLE_ID = "panarmenian-2021-05-27-six-captured"
TEXT = (DATA_DIR / "articles" / ARTICLE_ID / "article.txt").read_text(encoding="utf-8")
PUBLISHED = date(2021, 5, 27)
META = frames.ArticleMeta(
    outlet="PanARMENIAN.Net",
    outlet_type="private media",
    side="armenia",
    published_date=PUBLISHED,
    title="Azerbaijanis capture six Armenian soldiers, says Defense Ministry",
    url="http://www.panarmenian.net/eng/news/293163/",
    rights="© PanARMENIAN.Net; short news text quoted verbatim for research, source named.",
    article_id=ARTICLE_ID,
)
FIRST_SENTENCE_END = TEXT.index("May 27.") + len("May 27.")


# The statement the review's tests correct: the press service's quotation, drafted with a
# speaker new to the registry. Fixed here, so that these tests follow the review and not
# the extractor's rules of the day (test_the_extractors_draft_becomes_rows uses those).
QUOTE = (
    "All necessary measures are being taken to ensure the return of the captured military "
    'servicemen," the press service said'
)
PRESS_SERVICE = DraftStatement(
    start_char=TEXT.index(QUOTE),
    end_char=TEXT.index(QUOTE) + len(QUOTE),
    quote=QUOTE,
    speaker_name="press service",
    speaker_mention="the press service",
    speaker_actor_id=None,
    statement_type="report",
    date_expression="as reported",
    start_date=PUBLISHED,
    date_precision="as_reported",
    confidence=0.63,
    is_direct_quote=True,
    rule="reporting verb",
)


@pytest.fixture(scope="module")
def real_draft():
    return extract(TEXT, PUBLISHED, load_registry(DATA_DIR))


@pytest.fixture(scope="module")
def draft(real_draft):
    return replace(real_draft, statements=[PRESS_SERVICE], locations=[])


def test_the_extractors_draft_becomes_rows(real_draft):
    """Whatever the extractor drafts becomes one unconfirmed row per statement, in the text."""
    rows = frames.statement_rows(real_draft)
    assert len(rows) == len(real_draft.statements) >= 1
    assert not rows["confirm"].any()
    assert not rows["delete"].any()
    assert all(quote in TEXT for quote in rows["quote"])


@pytest.fixture
def rows(draft):
    return frames.statement_rows(draft)


def build(rows, draft, meta=META):
    actors = frames.new_actor_rows(rows)
    places = frames.new_place_rows(draft)
    return frames.folder_files(TEXT, meta, rows, actors, places, "pan0527")


def test_draft_becomes_one_unconfirmed_row_per_statement(draft, rows):
    """The extractor finds the press service's quotation; its speaker is new to the registry."""
    assert len(rows) == len(draft.statements) == 1
    row = rows.iloc[0]
    assert row["speaker"] == "new: press service"
    assert row["mention"] == "the press service"
    assert not row["confirm"]
    assert not row["delete"]
    assert row["quote"].startswith("All necessary measures")
    assert row["quote"] in TEXT
    assert frames.new_actor_rows(rows)["actor_id"].tolist() == ["press_service"]


def test_rows_become_statement_records_and_additions(draft, rows):
    files = build(rows, draft)
    statements = yaml.safe_load(files["statements.yaml"])
    assert statements == [
        {
            "statement_id": "pan0527-s01",
            "speaker_actor_id": "press_service",
            "quote": rows.iloc[0]["quote"],
            "is_direct_quote": True,
            "statement_type": "report",
            "when": "as reported",
            "note": "Drafted (reporting verb, confidence 0.63); not confirmed.",
        }
    ]
    additions = yaml.safe_load(files[frames.ADDITIONS_FILE])
    assert additions["actors"] == [
        {
            "actor_id": "press_service",
            "actor_name": "press service",
            "actor_type": None,
            "aliases": ["press service"],
        }
    ]
    article = yaml.safe_load(files["article.yaml"])
    assert article["outlet"] == "PanARMENIAN.Net"
    assert article["side"] == "armenia"
    assert files["article.txt"] == TEXT


def test_edits_change_the_records(draft, rows):
    """A registry speaker replaces the new one (no addition left), a deleted row goes, a
    confirmed one says it was reviewed, and an added gap is numbered in text order."""
    rows.loc[0, ["speaker", "confirm", "when", "date_quote"]] = [
        "armenian_defence_ministry",
        True,
        "2021-05-27",
        "on Thursday, May 27",
    ]
    gap = Gap("reporting sentence", 0, FIRST_SENTENCE_END, TEXT[:FIRST_SENTENCE_END])
    rows = frames.added_statement(rows, gap, "armenian_defence_ministry")
    files = build(rows, draft)
    statements = yaml.safe_load(files["statements.yaml"])
    assert [s["statement_id"] for s in statements] == ["pan0527-s01", "pan0527-s02"]
    assert statements[0]["quote"] == TEXT[:FIRST_SENTENCE_END]
    assert statements[1]["speaker_actor_id"] == "armenian_defence_ministry"
    assert statements[1]["date_quote"] == "on Thursday, May 27"
    assert statements[1]["note"] == "Reviewed (reporting verb)."
    assert yaml.safe_load(files[frames.ADDITIONS_FILE])["actors"] == []
    rows.loc[rows["number"] == 1, "delete"] = True
    assert len(yaml.safe_load(build(rows, draft)["statements.yaml"])) == 1


def test_zip_holds_the_folder_and_the_additions(draft, rows):
    files = build(rows, draft)
    archive = zipfile.ZipFile(io.BytesIO(frames.zip_bytes(ARTICLE_ID, files)))
    assert sorted(archive.namelist()) == sorted(f"{ARTICLE_ID}/{name}" for name in files)
    assert archive.read(f"{ARTICLE_ID}/article.txt").decode("utf-8") == TEXT


def test_validator_problems_fall_as_the_review_goes(draft, rows):
    """Unreviewed: the new actor has no type and the first sentence is uncovered; with the
    ministry as speaker and the sentence added, the real validator accepts the folder."""
    problems = validate_review(DATA_DIR, ARTICLE_ID, build(rows, draft))
    assert problems.loc[0, ["file", "field"]].tolist() == ["data/actors.yaml", "actor_type"]
    assert problems.loc[0, "record"].startswith("press_service")
    rows.loc[0, "speaker"] = "armenian_defence_ministry"
    problems = validate_review(DATA_DIR, ARTICLE_ID, build(rows, draft))
    assert problems["field"].tolist() == ["quote"]
    assert "Six Armenian servicemen have been captured" in problems.loc[0, "message"]
    (gap,) = frames.coverage_gaps(TEXT, rows, ())
    assert gap.start == 0
    rows = frames.added_statement(rows, gap, "armenian_defence_ministry")
    assert frames.coverage_gaps(TEXT, rows, ()) == []
    assert validate_review(DATA_DIR, ARTICLE_ID, build(rows, draft)).empty


def test_a_gap_marked_not_a_statement_is_covered(rows):
    (gap,) = frames.coverage_gaps(TEXT, rows, ())
    entry = frames.not_statement(TEXT, gap, "the outlet's own summary")
    assert entry == {"quote": TEXT[:FIRST_SENTENCE_END], "reason": "the outlet's own summary"}
    assert frames.coverage_gaps(TEXT, rows, (entry,)) == []


def test_missing_metadata_is_named_by_the_validator(draft, rows):
    meta = frames.ArticleMeta("", "", "", PUBLISHED, article_id=ARTICLE_ID)
    rows.loc[0, "speaker"] = "armenian_defence_ministry"
    problems = validate_review(DATA_DIR, ARTICLE_ID, build(rows, draft, meta))
    assert {"outlet", "side", "rights"} <= set(problems["field"])


def test_validation_writes_only_a_temporary_folder_it_removes(draft, rows, tmp_path, monkeypatch):
    # The test's own temporary folder stands for the system's, which other processes (other
    # pytest workers, their browsers and servers) write into meanwhile.
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    before = folder_digest(DATA_DIR)
    temp_before = set(os.listdir(tempfile.gettempdir()))
    validate_review(DATA_DIR, ARTICLE_ID, build(rows, draft))
    assert folder_digest(DATA_DIR) == before
    assert set(os.listdir(tempfile.gettempdir())) - temp_before == set()


def test_statement_prefix_avoids_another_articles_ids():
    assert frames.statement_prefix(META, {"civ0512-s01"}) == "pan0527"
    assert frames.statement_prefix(META, {"pan0527-s01", "pan0527b-s01"}) == "pan0527c"


def test_highlight_colours_the_speaker_marks_the_cue_and_escapes(rows):
    labels = {"new: press service": "new: press service"}
    (mark,) = marks(TEXT, rows, labels)
    assert TEXT[mark.cue[0] : mark.cue[1]] == "said"
    markup = article_html(TEXT, [mark])
    assert '<b class="rv-cue">said</b>' in markup
    assert ">0.63</sup>" in markup
    assert "&quot;Early in the morning" in markup  # text is escaped
    hostile = '<script>alert(1)</script> "It is calm," the minister said.'
    rows.loc[0, ["quote", "start_char"]] = ['"It is calm," the minister said.', 0]
    markup = article_html(hostile, marks(hostile, rows, labels))
    assert "<script>" not in markup
    assert "&lt;script&gt;" in markup


def test_according_to_is_the_cue_of_its_rule():
    text = "According to the ministry, the border is calm."
    assert find_cue(text, 0, len(text), "according to") == (0, 12)


def test_an_upload_that_is_not_utf8_is_refused_by_name():
    assert frames.decode_upload("a.txt", "Café".encode()) == ("Café", None)
    text, problem = frames.decode_upload("latin.txt", "Café".encode("latin-1"))
    assert text == ""
    assert problem.startswith("The file 'latin.txt' is not UTF-8 text (byte 3)")


def test_the_cue_underlined_is_the_verb_the_extractor_read():
    # A development article: the word list alone would underline "warning" (a cue word
    # elsewhere), but the statement rests on "has informed" at the end of the sentence.
    article = "caucasianknot-2021-05-21-shooting"
    text = (DATA_DIR / "articles" / article / "article.txt").read_text(encoding="utf-8")
    draft = extract(text, date(2021, 5, 21), load_registry(DATA_DIR))
    sentence = text.index("Armenian militaries opened a warning fire")
    (statement,) = [s for s in draft.statements if s.start_char <= sentence < s.end_char]
    assert text[statement.cue_start : statement.cue_end] == "informed"
    rows = frames.statement_rows(draft)
    labels = dict(zip(rows["speaker"], rows["speaker"], strict=True))
    (mark,) = [m for m in marks(text, rows, labels) if m.start_char <= sentence < m.end_char]
    assert text[mark.cue[0] : mark.cue[1]] == "informed"
    listed = find_cue(text, mark.start_char, mark.end_char, statement.rule)
    assert text[listed[0] : listed[1]] == "warning"  # what the list alone would pick


def test_low_confidence_stands_out_in_the_text_and_the_key(real_draft):
    """The real article's draft holds sentences placed by context (confidence under 0.5):
    their confidence is marked to check first; the reporting verbs' are not."""
    rows = frames.statement_rows(real_draft)
    labels = {value: value for value in rows["speaker"]}
    markup = article_html(TEXT, marks(TEXT, rows, labels))
    low = rows[rows["confidence"] < LOW_CONFIDENCE]
    assert not low.empty
    assert len(low) < len(rows)
    assert markup.count('class="rv-conf rv-conf-low"') == len(low)
    for row in low.itertuples():
        mark = f'rv-conf-low" title="confidence of #{row.number}">{row.confidence:.2f}</sup>'
        assert mark in markup
    assert f"under {LOW_CONFIDENCE}" in legend_html(rows, labels)
