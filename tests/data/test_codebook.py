"""The codebook (data/README.md) documents every column and every allowed value."""

from pathlib import Path

import pytest

from components.data.dates import PRECISIONS
from components.data.schemas import (
    ACTOR_TYPES,
    EVENT_STATUSES,
    EVENT_TYPES,
    LOCATION_TYPES,
    SCHEMAS,
    STANCES,
    STATEMENT_TYPES,
)

CODEBOOK = (Path(__file__).resolve().parents[2] / "data" / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("table", list(SCHEMAS))
def test_every_column_is_documented(table):
    assert f"### `{table}`" in CODEBOOK
    for column, spec in SCHEMAS[table].to_schema().columns.items():
        assert f"| `{column}` |" in CODEBOOK, f"{table}.{column} is not in data/README.md"
        assert spec.description, f"{table}.{column} has no description"


@pytest.mark.parametrize(
    "vocabulary",
    [
        ACTOR_TYPES,
        STATEMENT_TYPES,
        EVENT_TYPES,
        EVENT_STATUSES,
        STANCES,
        LOCATION_TYPES,
        PRECISIONS,
    ],
)
def test_every_allowed_value_is_documented(vocabulary):
    for value in vocabulary:
        assert f"`{value}`" in CODEBOOK, f"{value!r} is not in data/README.md"


def test_the_validator_is_documented():
    assert "python -m components.data validate" in CODEBOOK
