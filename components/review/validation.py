"""The project's validator, run on the reviewed folder without touching the data folder.

The registry of the app's data folder is copied into a temporary folder with the other
articles, the registry additions are merged into the copy, the reviewed article is written
beside them (replacing an article of the same id), and `load_dataset` plus the coverage
check (what `python -m components.data validate` runs) read that copy. The temporary
folder is removed before the function returns, whatever happens. No streamlit here.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pandas as pd
import yaml

from components.data import DatasetError, Problem, load_dataset
from components.data.coverage import coverage_problems
from components.data.loader import ARTICLES_DIR, REGISTRY_FILES

from .frames import ADDITIONS_FILE

PROBLEM_COLUMNS = ("file", "record", "field", "message")
# Folder name of the copy: problems name files as "data/articles/<id>/...", as the command does.
COPY_NAME = "data"


def merged_copy(data_dir: Path, article_id: str, files: dict[str, str], target: Path) -> Path:
    """Write into ``target`` (empty) the data folder the validator reads: the registry of
    ``data_dir`` with the additions merged, its articles but ``article_id``, and the
    reviewed article. Returns the copy's root."""
    root = target / COPY_NAME
    root.mkdir()
    for name in REGISTRY_FILES.values():
        if (data_dir / name).exists():
            shutil.copy2(data_dir / name, root / name)
    additions = yaml.safe_load(files[ADDITIONS_FILE]) or {}
    for table in ("actors", "locations"):
        new = additions.get(table) or []
        if new:
            path = root / REGISTRY_FILES[table]
            records = yaml.safe_load(path.read_text(encoding="utf-8")) or []
            path.write_text(
                yaml.safe_dump(records + new, allow_unicode=True, sort_keys=False), encoding="utf-8"
            )
    shutil.copytree(
        data_dir / ARTICLES_DIR,
        root / ARTICLES_DIR,
        ignore=lambda folder, names: (
            [article_id] if Path(folder) == data_dir / ARTICLES_DIR else []
        ),
    )
    article = root / ARTICLES_DIR / article_id
    article.mkdir()
    for name, content in files.items():
        if name != ADDITIONS_FILE:
            (article / name).write_text(content, encoding="utf-8")
    return root


def validate_review(data_dir: Path | str, article_id: str, files: dict[str, str]) -> pd.DataFrame:
    """Every problem the validator finds with the reviewed folder merged into a temporary
    copy of ``data_dir``: file, record, field, message (empty when the folder is valid)."""
    with tempfile.TemporaryDirectory(prefix="review-") as folder:
        try:
            root = merged_copy(Path(data_dir), article_id, files, Path(folder))
            problems = coverage_problems(load_dataset(root))
        except DatasetError as error:
            problems = error.problems
        except (OSError, ValueError, yaml.YAMLError) as error:
            problems = [Problem(article_id, "-", "-", f"the folder could not be checked: {error}")]
    rows = [
        {column: getattr(problem, column) for column in PROBLEM_COLUMNS} for problem in problems
    ]
    return pd.DataFrame(rows, columns=list(PROBLEM_COLUMNS))
