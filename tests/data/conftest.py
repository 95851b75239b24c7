"""Fixtures for data-layer tests: the real data folder, the seed article on its own
(tests/seed.py), and editable copies of it."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

REAL_DATA_DIR = Path(__file__).resolve().parents[2] / "data"
ARTICLE_ID = "france24-2021-05-14-lake-sev"


@pytest.fixture(scope="session")
def seed_dir(seed_data_dir) -> Path:
    """The seed article with the registry records it uses, projected from the real data."""
    return seed_data_dir


@pytest.fixture
def data_copy(tmp_path: Path, seed_dir: Path) -> Path:
    """A writable copy of the seed's data folder (without the map layers the loader ignores)."""
    target = tmp_path / "data"
    shutil.copytree(seed_dir, target, ignore=shutil.ignore_patterns("geo"))
    return target


def edit_yaml(path: Path, change: Callable[[object], object | None]) -> None:
    """Load a YAML file, let ``change`` mutate (or replace) it, and write it back."""
    content = yaml.safe_load(path.read_text(encoding="utf-8"))
    replaced = change(content)
    content = content if replaced is None else replaced
    path.write_text(yaml.safe_dump(content, sort_keys=False, allow_unicode=True), encoding="utf-8")


def article_file(data_dir: Path, name: str) -> Path:
    return data_dir / "articles" / ARTICLE_ID / name
