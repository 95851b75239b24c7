"""Data: every table to browse (search, sort, column help) and the whole dataset to download."""

from functools import partial

import streamlit as st

from components.app.dataset import view_key
from components.app.routing import ensure_router
from components.app.state import DATA_SEARCH_KEY, DATA_TABLE_KEY
from components.tables.codebook import (
    TABLE_ROWS,
)
from components.tables.downloads import (
    table_names,
)
from components.tables.view import (
    data_geojson,
    data_json,
    data_selection_csv,
    data_side_matrix,
    data_table_csv,
    data_table_view,
    data_zip,
)

# Height of the table view: it scrolls inside, so the downloads stay on the first screen.
TABLE_HEIGHT_PX = 350

ensure_router()


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
    placeholder="e.g. Pashinyan, Lake Sev",
)

view = data_table_view(data_dir, actor_ids, table, query)
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
    data=partial(data_selection_csv, data_dir, actor_ids, table, query),
    file_name=f"{table}-selection.csv",
    mime="text/csv",
    icon=":material/download:",
    key="data_download_view",
    # No rerun on click: a rerun could drop the file's id before the server made it
    # (issue 22, tests/e2e/test_downloads.py).
    on_click="ignore",
)

st.header("Download the whole dataset")
st.caption(
    "All rows, whatever the filter. In CSV, list columns (aliases, actor_ids) are joined "
    "with “|”, dates are YYYY-MM-DD and an empty cell is a missing value. Each file is "
    "made when you click, so a large dataset may take a moment."
)
# Rows that wrap, each button as wide as its label: equal columns cut labels off.
whole_dataset = st.container(horizontal=True, key="data_download_whole")
whole_dataset.download_button(
    "Everything (ZIP)",
    data=partial(data_zip, data_dir),
    file_name="lake-sev-dataset.zip",
    mime="application/zip",
    icon=":material/folder_zip:",
    help="CSV per table, the JSON bundle, the places as GeoJSON, the article text, "
    "the codebook and the sources and licences of the map data.",
    key="data_download_zip",
    on_click="ignore",
    type="primary",
)
whole_dataset.download_button(
    "All tables (JSON)",
    data=partial(data_json, data_dir),
    file_name="lake-sev-dataset.json",
    mime="application/json",
    icon=":material/data_object:",
    key="data_download_json",
    on_click="ignore",
)
whole_dataset.download_button(
    "Places (GeoJSON)",
    data=partial(data_geojson, data_dir),
    file_name="lake-sev-places.geojson",
    mime="application/geo+json",
    icon=":material/place:",
    key="data_download_geojson",
    on_click="ignore",
)
whole_dataset.download_button(
    "Actor × issue by side (CSV)",
    data=partial(data_side_matrix, data_dir),
    file_name="actor_issue_by_side.csv",
    mime="text/csv",
    icon=":material/grid_on:",
    help="The stance matrix split by the side of the outlet: one row per side, actor and "
    "issue, with its support, oppose and neutral stances.",
    key="data_download_side_matrix",
    on_click="ignore",
)
st.markdown("**One table (CSV)**")
one_table = st.container(horizontal=True, key="data_download_tables")
for name in table_names():
    one_table.download_button(
        name,
        data=partial(data_table_csv, data_dir, name),
        file_name=f"{name}.csv",
        mime="text/csv",
        icon=":material/table:",
        key=f"data_download_csv_{name}",
        on_click="ignore",
    )
