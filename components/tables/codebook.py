"""The codebook for the Data page: what a row of each table is, and each column's help.

Column help is the `description` of the column's pandera Field (components/data/schemas.py),
declared once, the same words as data/README.md. Also the plain-text row search of the
Data page. No streamlit here.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from components.data.schemas import SCHEMAS

# What one row of each table stands for, shown above the table.
TABLE_ROWS = {
    "articles": "One row per article: its outlet and side, date, address, rights and full text.",
    "actors": "One row per actor (person, state, body, group) named in the texts.",
    "locations": "One row per place: places mentioned in the texts and the actors' seats.",
    "issues": "One row per issue: a proposition actors support or oppose.",
    "statements": "One row per attributed statement: who said what about whom, and when.",
    "events": "One row per event (talks, calls, troop moves, the war), with its main report.",
    "stances": "One row per stance: an actor supports or opposes an issue in a statement.",
    "mentions": "One row per mention of an actor or place in the text (found from aliases).",
    "event_reports": "One row per article's report of an event: its words and its date.",
    "event_claims": "One row per detail a report claims (how far, how many, where, when).",
    "aspects": "One row per aspect claims are about (depth of the advance, soldiers...).",
    "not_statements": "One row per quotation that is no statement, with the reason.",
}


def column_help(table: str) -> dict[str, str]:
    """Column -> its description in the table's schema."""
    columns = SCHEMAS[table].to_schema().columns
    return {name: column.description or "" for name, column in columns.items()}


@dataclass(frozen=True)
class TableView:
    """One table as the Data page shows it: the rows found, their column setup, a caption."""

    frame: pd.DataFrame
    column_config: dict[str, object]
    caption: str


def table_view_caption(table: str, shown: int, total: int, is_filtered: bool) -> str:
    """ "Showing 12 of 40 rows for the actors chosen in the sidebar." """
    scope = " for the actors chosen in the sidebar" if is_filtered else ""
    return f"Showing {shown} of {total} rows{scope}."


# Joins the cells of a row in its search text: the ASCII unit separator, which no text of
# the data holds, so a query never matches the end of one cell and the start of the next.
CELL_SEPARATOR = "\x1f"


def display_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy for showing: tuple cells become lists, which st.dataframe lists as chips."""
    shown = frame.copy()
    for column in shown.columns:
        # Only object columns can hold tuples; the typed ones (str, dates, numbers) cannot.
        if shown[column].dtype != object:
            continue
        if shown[column].map(lambda value: isinstance(value, tuple)).any():
            shown[column] = shown[column].map(
                lambda value: list(value) if isinstance(value, tuple) else value
            )
    return shown.reset_index(drop=True)


def column_kinds(frame: pd.DataFrame) -> dict[str, str]:
    """Column -> how to show it: "date", "list" (tuple or list cells) or "plain"."""
    kinds = {}
    for column in frame.columns:
        values = frame[column]
        if pd.api.types.is_datetime64_any_dtype(values):
            kinds[column] = "date"
        elif values.dtype == object and values.map(lambda v: isinstance(v, tuple | list)).any():
            kinds[column] = "list"
        else:
            kinds[column] = "plain"
    return kinds


def search_text(frame: pd.DataFrame) -> pd.Series:
    """One string per row: its cells as text, joined by CELL_SEPARATOR.

    Built column by column with Arrow's string kernels (only object columns, the tuples,
    go cell by cell), so a table of 100,000 rows takes a fraction of a second. Build it
    once per table and pass it to `search_rows`.
    """
    if frame.columns.empty:
        return pd.Series("", index=frame.index, dtype="str")
    columns = [_column_text(frame[column]) for column in frame]
    joined = pc.binary_join_element_wise(*columns, pa.scalar(CELL_SEPARATOR, pa.large_string()))
    return pd.Series(pd.arrays.ArrowStringArray(joined), index=frame.index)


def _column_text(values: pd.Series) -> pa.Array:
    """The cells of one column as Arrow text, "" where missing (as `_cell_text` says it)."""
    if values.dtype == object:
        text = pa.array(values.map(_cell_text).tolist(), type=pa.large_string())
    elif pd.api.types.is_datetime64_any_dtype(values):
        # Through a day (date32): the ISO day, many times faster than a strftime.
        days = pc.cast(pa.array(values), pa.date32(), safe=False)
        text = pc.cast(days, pa.large_string())
    else:
        text = pc.cast(pa.array(values), pa.large_string())
    return pc.fill_null(pc.cast(text, pa.large_string()), "")


def search_rows(frame: pd.DataFrame, query: str, text: pd.Series | None = None) -> pd.DataFrame:
    """The rows where any cell contains ``query`` (plain text, case-insensitive).

    Tuple cells are searched item by item; an empty query keeps every row. ``text`` is
    `search_text(frame)`, when the caller keeps it between searches.
    """
    needle = query.strip()
    if not needle:
        return frame
    text = search_text(frame) if text is None else text
    found = pc.match_substring(pa.array(text), needle, ignore_case=True)
    return frame[found.to_numpy(zero_copy_only=False)]


def _cell_text(value: object) -> str:
    if isinstance(value, tuple | list):
        return " ".join(str(item) for item in value)
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return f"{value:%Y-%m-%d}"
    return str(value)
