"""Data: every table to browse (search, sort, column help) and the whole dataset to download."""

import pandas as pd
import streamlit as st

from components.app_data import get_dataset, get_filtered_dataset
from components.codebook import TABLE_ROWS, column_help, display_frame, search_rows
from components.data import resolve_data_dir
from components.downloads import (
    json_bundle,
    places_geojson_bytes,
    table_csv,
    table_names,
    tables,
    zip_archive,
)
from components.routing import ensure_router
from components.state import DATA_SEARCH_KEY, DATA_TABLE_KEY, selected_actor_ids

# Height of the table view: it scrolls inside, so the downloads stay on the first screen.
TABLE_HEIGHT_PX = 350

ensure_router()


# Keyed by the data folder, so each download is built once per dataset, not on every rerun.
@st.cache_data(show_spinner=False)
def _zip(data_dir: str) -> bytes:
    return zip_archive(get_dataset())


@st.cache_data(show_spinner=False)
def _json(data_dir: str) -> bytes:
    return json_bundle(get_dataset())


@st.cache_data(show_spinner=False)
def _geojson(data_dir: str) -> bytes:
    return places_geojson_bytes(get_dataset())


@st.cache_data(show_spinner=False)
def _csv(data_dir: str, table: str) -> bytes:
    return table_csv(table, getattr(get_dataset(), table))


def _column_config(table: str, frame: pd.DataFrame) -> dict[str, object]:
    """Help from the codebook on every column header; dates as days, tuples as lists."""
    config: dict[str, object] = {}
    for column, help_text in column_help(table).items():
        if column not in frame.columns:
            continue
        if pd.api.types.is_datetime64_any_dtype(frame[column]):
            config[column] = st.column_config.DateColumn(
                column, help=help_text, format="YYYY-MM-DD"
            )
        elif frame[column].map(lambda value: isinstance(value, list)).any():
            config[column] = st.column_config.ListColumn(column, help=help_text)
        else:
            config[column] = st.column_config.Column(column, help=help_text)
    return config


dataset = get_dataset()
shown_dataset = get_filtered_dataset()
data_dir = str(resolve_data_dir())

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

frame = getattr(shown_dataset, table)
rows = search_rows(frame, query)
total = len(getattr(dataset, table))
scope = " for the actors chosen in the sidebar" if selected_actor_ids() else ""
st.caption(f"{TABLE_ROWS[table]} Showing {len(rows)} of {total} rows{scope}.")
shown = display_frame(rows)
st.dataframe(
    shown,
    hide_index=True,
    column_config=_column_config(table, shown),
    height=TABLE_HEIGHT_PX,
    key=f"data_view_{table}",
)
st.download_button(
    f"These {len(rows)} rows (CSV)",
    data=table_csv(table, rows),
    file_name=f"{table}-selection.csv",
    mime="text/csv",
    icon=":material/download:",
    key="data_download_view",
)

st.subheader("Download the whole dataset")
st.caption(
    "All rows, whatever the filter. In CSV, list columns (aliases, actor_ids) are joined "
    "with “|”, dates are YYYY-MM-DD and an empty cell is a missing value."
)
everything, bundle, places = st.columns(3)
everything.download_button(
    "Everything (ZIP)",
    data=_zip(data_dir),
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
    data=_json(data_dir),
    file_name="lake-sev-dataset.json",
    mime="application/json",
    icon=":material/data_object:",
    key="data_download_json",
)
places.download_button(
    "Places (GeoJSON)",
    data=_geojson(data_dir),
    file_name="lake-sev-places.geojson",
    mime="application/geo+json",
    icon=":material/place:",
    key="data_download_geojson",
)
st.markdown("**One table (CSV)**")
for column, name in zip(st.columns(len(tables(dataset))), tables(dataset), strict=True):
    column.download_button(
        name,
        data=_csv(data_dir, name),
        file_name=f"{name}.csv",
        mime="text/csv",
        icon=":material/table:",
        key=f"data_download_csv_{name}",
    )
