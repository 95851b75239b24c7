"""The Data page's cached views: the table as searched, and every download's bytes.

The download bytes are only built when a reader clicks (the page hands st.download_button
a callable).
"""

import pandas as pd
import streamlit as st

from components.app.dataset import cached_view, filtered_dataset, full_dataset
from components.tables.codebook import (
    TableView,
    column_help,
    column_kinds,
    display_frame,
    search_rows,
    search_text,
    table_view_caption,
)
from components.tables.downloads import json_bundle, places_geojson_bytes, table_csv, zip_archive


@cached_view
def data_search_text(data_dir: str, actor_ids: tuple[str, ...], table: str) -> pd.Series:
    return search_text(getattr(filtered_dataset(data_dir, actor_ids), table))


def _found_rows(data_dir: str, actor_ids: tuple[str, ...], table: str, query: str) -> pd.DataFrame:
    frame = getattr(filtered_dataset(data_dir, actor_ids), table)
    if not query.strip():
        # Every row: the searchable text is only built once a reader searches.
        return frame
    return search_rows(frame, query, data_search_text(data_dir, actor_ids, table))


@cached_view
def data_table_view(data_dir: str, actor_ids: tuple[str, ...], table: str, query: str) -> TableView:
    rows = _found_rows(data_dir, actor_ids, table, query)
    shown = display_frame(rows)
    return TableView(
        frame=shown,
        column_config=_column_config(table, shown),
        caption=table_view_caption(
            table, len(rows), len(getattr(full_dataset(data_dir), table)), bool(actor_ids)
        ),
    )


@cached_view
def data_selection_csv(data_dir: str, actor_ids: tuple[str, ...], table: str, query: str) -> bytes:
    return table_csv(table, _found_rows(data_dir, actor_ids, table, query))


@cached_view
def data_zip(data_dir: str) -> bytes:
    return zip_archive(full_dataset(data_dir))


@cached_view
def data_json(data_dir: str) -> bytes:
    return json_bundle(full_dataset(data_dir))


@cached_view
def data_geojson(data_dir: str) -> bytes:
    return places_geojson_bytes(full_dataset(data_dir))


@cached_view
def data_table_csv(data_dir: str, table: str) -> bytes:
    return table_csv(table, getattr(full_dataset(data_dir), table))


def _column_config(table: str, frame: pd.DataFrame) -> dict[str, object]:
    """Help from the codebook on every column header; dates as days, tuples as lists."""
    help_texts = column_help(table)
    config: dict[str, object] = {}
    for column, kind in column_kinds(frame).items():
        help_text = help_texts.get(column)
        if kind == "date":
            config[column] = st.column_config.DateColumn(
                column, help=help_text, format="YYYY-MM-DD"
            )
        elif kind == "list":
            config[column] = st.column_config.ListColumn(column, help=help_text)
        else:
            config[column] = st.column_config.Column(column, help=help_text)
    return config
