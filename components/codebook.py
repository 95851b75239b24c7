"""The codebook for the Data page: what a row of each table is, and each column's help.

Column help is the `description` of the column's pandera Field (components/data/schemas.py),
declared once, the same words as data/README.md. Also the plain-text row search of the
Data page. No streamlit here.
"""

from __future__ import annotations

import pandas as pd

from components.data.schemas import SCHEMAS

# What one row of each table stands for, shown above the table.
TABLE_ROWS = {
    "articles": "One row per article: its source, date, translation note and full text.",
    "actors": "One row per actor (person, state, body, group) named in the texts.",
    "locations": "One row per place: places mentioned in the texts and the actors' seats.",
    "issues": "One row per issue: a proposition actors support or oppose.",
    "statements": "One row per attributed statement: who said what about whom, and when.",
    "events": "One row per event the article reports: talks, calls, troop moves, the war.",
    "stances": "One row per stance: an actor supports or opposes an issue in a statement.",
    "mentions": "One row per mention of an actor or place in the text (found from aliases).",
}


def column_help(table: str) -> dict[str, str]:
    """Column -> its description in the table's schema."""
    columns = SCHEMAS[table].to_schema().columns
    return {name: column.description or "" for name, column in columns.items()}


def display_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy for showing: tuple cells become lists, which st.dataframe lists as chips."""
    shown = frame.copy()
    for column in shown.columns:
        if shown[column].map(lambda value: isinstance(value, tuple)).any():
            shown[column] = shown[column].map(list)
    return shown.reset_index(drop=True)


def search_rows(frame: pd.DataFrame, query: str) -> pd.DataFrame:
    """The rows where any cell contains ``query`` (plain text, case-insensitive).

    Tuple cells are searched item by item; an empty query keeps every row.
    """
    needle = query.strip().casefold()
    if not needle:
        return frame
    mask = pd.Series(False, index=frame.index)
    for column in frame.columns:
        mask |= frame[column].map(lambda value: needle in _cell_text(value).casefold())
    return frame[mask]


def _cell_text(value: object) -> str:
    if isinstance(value, tuple | list):
        return " ".join(str(item) for item in value)
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return f"{value:%Y-%m-%d}"
    return str(value)
