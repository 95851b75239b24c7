"""The Timeline's item table: readable columns in time order, and its CSV. Pure pandas."""

from __future__ import annotations

import numpy as np
import pandas as pd

from components.timeline.items import _per_distinct
from components.timeline.lanes import _plain

TABLE_COLUMNS = {
    "start_date": "From",
    "end_date": "To",
    "date_label": "When",
    "date_precision": "Precision",
    "kind": "Kind",
    "item_type": "Type",
    "who": "Who",
    "title": "What",
    "quote": "Words of the article",
    "is_background": "Background",
    "item_id": "Item",
}


def items_table(items: pd.DataFrame) -> pd.DataFrame:
    """The items as the page's table shows them: one row each, readable column names."""
    table = items[list(TABLE_COLUMNS)]
    order = _table_order(items)
    if order is not None:
        table = table.take(order)
    table = table.rename(columns=TABLE_COLUMNS)
    for column in ("From", "To"):
        # Whole days: a datetime at midnight, written "2021-05-14" in the CSV.
        table[column] = table[column].dt.normalize()
    words = ["Precision", "Type"]
    table[words] = _per_distinct(table[words], _readable_columns)
    # Plain strings, as the page shows and writes them (not the items' categoricals).
    return _plain(table.reset_index(drop=True))


def _readable_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """Codebook words with spaces for underscores, in every column."""
    return pd.DataFrame({name: frame[name].str.replace("_", " ") for name in frame.columns})


def _table_order(items: pd.DataFrame) -> np.ndarray | None:
    """Positions of the items by start date, marker and item id, ties in frame order; None
    when they are in that order already.

    Items from `timeline_items` (filtered or not) are (`_time_order`), checked on
    neighbours in a few ms; only other frames pay for sorting the ids.
    """
    day = items["start_date"].to_numpy("datetime64[ns]").view(np.int64)
    marker = items["x_marker"].to_numpy("datetime64[ns]").view(np.int64)
    ids = items["item_id"].array
    if len(items) < 2:
        return None
    ids_up = np.asarray(ids[1:] > ids[:-1], dtype=bool)
    same_day, same_marker = day[1:] == day[:-1], marker[1:] == marker[:-1]
    later = (day[1:] > day[:-1]) | (same_day & (marker[1:] > marker[:-1]))
    if (later | (same_day & same_marker & ids_up)).all():
        return None
    id_rank = np.empty(len(items), dtype=np.int64)
    id_rank[items["item_id"].argsort(kind="stable").to_numpy()] = np.arange(len(items))
    return np.lexsort((id_rank, marker, day))


def table_csv(table: pd.DataFrame) -> bytes:
    """The table exactly as shown, as UTF-8 CSV; cells stay literal (README, "Downloads")."""
    return table.to_csv(index=False).encode("utf-8")
