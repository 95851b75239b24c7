"""Column help and row search of the Data page (components/tables/codebook.py)."""

from __future__ import annotations

import pandas as pd
import pytest

from components.data.schemas import SCHEMAS
from components.tables.codebook import TABLE_ROWS, column_help, display_frame, search_rows
from components.tables.downloads import table_names


@pytest.mark.parametrize("table", table_names())
def test_every_column_has_help_from_its_schema(dataset, table):
    help_texts = column_help(table)
    assert set(help_texts) == set(getattr(dataset, table).columns)
    columns = SCHEMAS[table].to_schema().columns
    for column, text in help_texts.items():
        assert text
        assert text == columns[column].description


def test_every_table_says_what_a_row_is():
    assert set(TABLE_ROWS) == set(table_names())


def test_search_is_case_insensitive_plain_text(dataset):
    statements = dataset.statements
    found = search_rows(statements, "DENIAL")
    denials = statements.loc[statements["statement_type"] == "denial", "statement_id"]
    assert set(denials) <= set(found["statement_id"])
    assert all(
        "denial" in " ".join(str(value) for value in row).lower()
        for row in found.itertuples(index=False)
    )


def test_search_reads_special_characters_literally():
    frame = pd.DataFrame({"quote": ["a (b) c", "a b c", "x.*y"]})
    assert list(search_rows(frame, "(b)")["quote"]) == ["a (b) c"]
    assert list(search_rows(frame, ".*")["quote"]) == ["x.*y"]


def test_search_looks_inside_list_cells(dataset):
    found = search_rows(dataset.actors, "Pachinian")
    assert "pashinyan" in set(found["actor_id"])


def test_empty_search_keeps_every_row(dataset):
    assert len(search_rows(dataset.events, "  ")) == len(dataset.events)


def test_display_frame_lists_tuples_and_leaves_the_original(dataset):
    shown = display_frame(dataset.actors)
    assert isinstance(shown.loc[0, "aliases"], list)
    assert isinstance(dataset.actors.iloc[0]["aliases"], tuple)


def test_vectorised_search_agrees_with_cell_by_cell_search(dataset):
    """Every table, several queries: the rows found are those where some cell's text has it."""

    def cell_text(value):
        if isinstance(value, tuple):
            return " ".join(value)
        if isinstance(value, pd.Timestamp):
            return f"{value:%Y-%m-%d}"
        return "" if not isinstance(value, str | bool) and pd.isna(value) else str(value)

    for table in table_names():
        frame = getattr(dataset, table)
        for query in ("ARMENIA", "2021-05", "true", "lake sev", "e0"):
            expected = [
                any(query.lower() in cell_text(value).lower() for value in row)
                for row in frame.itertuples(index=False)
            ]
            assert list(search_rows(frame, query).index) == list(frame.index[expected]), (
                table,
                query,
            )


def test_search_never_matches_across_two_cells():
    frame = pd.DataFrame({"a": ["lake", "x"], "b": ["sev", "lake sev"], "c": ["a\nb", "c"]})
    assert list(search_rows(frame, "lake sev")["b"]) == ["lake sev"]
    assert list(search_rows(frame, "lakesev")["b"]) == []
    assert list(search_rows(frame, "a\nb")["c"]) == ["a\nb"]
