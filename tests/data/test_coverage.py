"""The coverage check: every quotation and reporting sentence is covered by a statement."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from components.data import load_dataset
from components.data.coverage import candidates, coverage_problems, uncovered

from .conftest import REAL_DATA_DIR, article_file, edit_yaml

ROOT = Path(__file__).resolve().parents[2]


def _validate(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "components.data", "validate", str(folder)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_every_bundled_article_is_covered():
    dataset = load_dataset(REAL_DATA_DIR)
    assert coverage_problems(dataset) == []
    assert _validate(REAL_DATA_DIR).returncode == 0


def test_quotations_and_reporting_sentences_are_found_in_real_sentences():
    text = (
        'Baku rejected these accusations described as "staggering". '
        "This small lake is located in the high mountains.\n\n"
        "The Armenian Prime Minister had indicated in a statement that he would seize the CSTO. "
        "According to the spokesperson, the leader “communicated his concern”."
    )
    found = [(gap.kind, gap.words) for gap in candidates(text)]
    assert ("quotation", '"staggering"') in found
    assert ("quotation", "“communicated his concern”") in found
    assert ("reporting sentence", "This small lake is located in the high mountains.") not in found
    assert any(
        kind == "reporting sentence" and words.startswith("According to") for kind, words in found
    )
    # A span that overlaps a candidate covers it; the page furniture after the body is not checked.
    start = text.index("staggering")
    assert all(gap.words != '"staggering"' for gap in uncovered(text, [(start, start + 3)]))
    assert uncovered(text, [], body_end=10) == []


def test_a_statement_file_cut_inside_a_text_field_is_reported(data_copy):
    path = article_file(data_copy, "statements.yaml")
    raw = path.read_text(encoding="utf-8")
    # Cut in the middle of s08's note, its last field: the YAML still parses, s08 keeps a
    # shorter note, and s09 to s24 are gone.
    cut = raw.index("note: One sentence for two speakers") + len("note: One sentence for two")
    path.write_text(raw[:cut] + "\n", encoding="utf-8")
    dataset = load_dataset(data_copy)
    assert len(dataset.statements) == 8

    result = _validate(data_copy)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("- ")]
    assert lines
    assert all("france24-2021-05-14-lake-sev/statements.yaml" in line for line in lines)
    assert any(
        "Military movements in disputed territories are irresponsible" in line for line in lines
    )
    assert any("Pashinian did not ask for help" in line for line in lines)


def test_a_quotation_left_out_of_not_statements_is_reported(data_copy):
    def drop(meta):
        del meta["not_statements"]

    edit_yaml(article_file(data_copy, "article.yaml"), drop)
    problems = coverage_problems(load_dataset(data_copy))
    assert [p.message.split(" is covered")[0] for p in problems] == [
        "the quotation '\"Staggering\"'",
        "the quotation '\"a normalization of the situation\"'",
    ]
    assert all(p.file.endswith("statements.yaml") and p.field == "quote" for p in problems)
