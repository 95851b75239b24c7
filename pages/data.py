"""Data: every table to browse (search, sort, column help) and the whole dataset to download."""

from functools import partial

import pandas as pd
import streamlit as st

from components.app_data import cached_view, filtered_dataset, full_dataset, view_key
from components.codebook import (
    TABLE_ROWS,
    TableView,
    column_help,
    column_kinds,
    display_frame,
    search_rows,
    search_text,
    table_view_caption,
)
from components.downloads import (
    json_bundle,
    places_geojson_bytes,
    table_csv,
    table_names,
    zip_archive,
)
from components.routing import ensure_router
from components.state import DATA_SEARCH_KEY, DATA_TABLE_KEY

# Height of the table view: it scrolls inside, so the downloads stay on the first screen.
TABLE_HEIGHT_PX = 350

ensure_router()


# Every view and download is built once per data folder, filter, table and search, then
# shared; the download bytes only when a reader clicks (st.download_button calls `data`).
@cached_view
def _search_text(data_dir: str, actor_ids: tuple[str, ...], table: str) -> pd.Series:
    return search_text(getattr(filtered_dataset(data_dir, actor_ids), table))


def _found_rows(data_dir: str, actor_ids: tuple[str, ...], table: str, query: str) -> pd.DataFrame:
    frame = getattr(filtered_dataset(data_dir, actor_ids), table)
    return search_rows(frame, query, _search_text(data_dir, actor_ids, table))


@cached_view
def _table_view(data_dir: str, actor_ids: tuple[str, ...], table: str, query: str) -> TableView:
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
def _selection_csv(data_dir: str, actor_ids: tuple[str, ...], table: str, query: str) -> bytes:
    return table_csv(table, _found_rows(data_dir, actor_ids, table, query))


@cached_view
def _zip(data_dir: str) -> bytes:
    return zip_archive(full_dataset(data_dir))


@cached_view
def _json(data_dir: str) -> bytes:
    return json_bundle(full_dataset(data_dir))


@cached_view
def _geojson(data_dir: str) -> bytes:
    return places_geojson_bytes(full_dataset(data_dir))


@cached_view
def _csv(data_dir: str, table: str) -> bytes:
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


data_dir, actor_ids = view_key()

st.title("Data")
st.markdown(
    "Every table behind the dashboard. Hover a column header for its meaning "
    "(the codebook), click it to sort, and search the rows."
)

pick, search = st.columns([5, 2], vertical_alignment="bottom")
table = pick.segmented_control(
    "Table",
    options=list(table_names()),
    default="statements",
    key=DATA_TABLE_KEY,
    required=True,
)
query = search.text_input(
    "Search the rows",
    key=DATA_SEARCH_KEY,
    placeholder="Any words, e.g. Pashinyan, Lake Sev, denial",
)

view = _table_view(data_dir, actor_ids, table, query)
st.caption(f"{TABLE_ROWS[table]} {view.caption}")
st.dataframe(
    view.frame,
    hide_index=True,
    column_config=view.column_config,
    height=TABLE_HEIGHT_PX,
    key=f"data_view_{table}",
)
st.download_button(
    f"These {len(view.frame)} rows (CSV)",
    data=partial(_selection_csv, data_dir, actor_ids, table, query),
    file_name=f"{table}-selection.csv",
    mime="text/csv",
    icon=":material/download:",
    key="data_download_view",
)

st.subheader("Download the whole dataset")
st.caption(
    "All rows, whatever the filter. In CSV, list columns (aliases, actor_ids) are joined "
    "with “|”, dates are YYYY-MM-DD and an empty cell is a missing value. Each file is "
    "made when you click, so a large dataset may take a moment."
)
everything, bundle, places = st.columns(3)
everything.download_button(
    "Everything (ZIP)",
    data=partial(_zip, data_dir),
    file_name="lake-sev-dataset.zip",
    mime="application/zip",
    icon=":material/folder_zip:",
    help="CSV per table, the JSON bundle, the places as GeoJSON, the article text, "
    "the codebook and the sources and licences of the map data.",
    key="data_download_zip",
    type="primary",
)
bundle.download_button(
    "All tables (JSON)",
    data=partial(_json, data_dir),
    file_name="lake-sev-dataset.json",
    mime="application/json",
    icon=":material/data_object:",
    key="data_download_json",
)
places.download_button(
    "Places (GeoJSON)",
    data=partial(_geojson, data_dir),
    file_name="lake-sev-places.geojson",
    mime="application/geo+json",
    icon=":material/place:",
    key="data_download_geojson",
)
st.markdown("**One table (CSV)**")
for column, name in zip(st.columns(len(table_names())), table_names(), strict=True):
    column.download_button(
        name,
        data=partial(_csv, data_dir, name),
        file_name=f"{name}.csv",
        mime="text/csv",
        icon=":material/table:",
        key=f"data_download_csv_{name}",
    )
