"""`python -m components.data validate` lists every problem and sets its exit code."""

import subprocess
import sys
from pathlib import Path

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


def test_valid_folder_exits_zero_with_sizes(seed_dir):
    result = _validate(seed_dir)
    assert result.returncode == 0, result.stderr
    assert "valid (1 articles, 25 actors" in result.stdout


def test_the_bundled_corpus_is_valid_and_covered():
    result = _validate(REAL_DATA_DIR)
    assert result.returncode == 0, result.stderr
    assert "valid (" in result.stdout


def test_broken_folder_lists_every_problem_and_exits_one(data_copy):
    def change(items):
        items[1]["speaker_actor_id"] = "nobody"
        items[3]["quote"] = "words nobody wrote"
        items[9]["when"] = "one day"

    edit_yaml(article_file(data_copy, "statements.yaml"), change)
    result = _validate(data_copy)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("- ")]
    assert len(lines) == 3, result.stderr
    assert "3 problems found" in result.stderr
    assert any("s02" in line and "'speaker_actor_id'" in line for line in lines)
    assert any("s04" in line and "'quote'" in line for line in lines)
    assert any("s10" in line and "'when'" in line for line in lines)
