"""Fixtures for data-layer tests: the real data folder, and editable copies of it."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

REAL_DATA_DIR = Path(__file__).resolve().parents[2] / "data"
ARTICLE_ID = "france24-2021-05-14-lake-sev"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the real data folder (without the map layers the loader ignores)."""
    target = tmp_path / "data"
    shutil.copytree(REAL_DATA_DIR, target, ignore=shutil.ignore_patterns("geo"))
    return target


def edit_yaml(path: Path, change: Callable[[object], object | None]) -> None:
    """Load a YAML file, let ``change`` mutate (or replace) it, and write it back."""
    content = yaml.safe_load(path.read_text(encoding="utf-8"))
    replaced = change(content)
    content = content if replaced is None else replaced
    path.write_text(yaml.safe_dump(content, sort_keys=False, allow_unicode=True), encoding="utf-8")


def article_file(data_dir: Path, name: str) -> Path:
    return data_dir / "articles" / ARTICLE_ID / name
