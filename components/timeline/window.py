"""The rows of one time window: the placement (see lanes.py) stacked again so that what
lies outside the window takes no rows of its own. Pure pandas.

Rows stacked over every date made a lane as tall as its busiest day anywhere: on the
crisis days (12-16 May 2021), the OSCE Minsk Group's lane drew 13 empty rows for its 13
items of 28 May. Outside the window, a lane's items of one day pile (`piles.py`) when
they would make the lane taller than its items inside the window do. They stay on the
chart (a click on the pile lists them; the note beside the axis counts them) and the
preset that shows their day draws them one by one.
"""

from __future__ import annotations

import pandas as pd

from components.timeline.lanes import _lane_offsets, _stack_rows
from components.timeline.piles import PILE_PREFIX, day_keys, pileable

# Off the window, two items of a lane on one day already pile: a row they would add is
# empty where the reader looks.
OFF_WINDOW_MIN_PILE = 2


def reaches(placed: pd.DataFrame, window: tuple[pd.Timestamp, pd.Timestamp]) -> pd.Series:
    """Whether each item's marker or span reaches into ``window``."""
    start, end = pd.Timestamp(window[0]), pd.Timestamp(window[1])
    first = placed["x_start"].fillna(placed["x_marker"])
    last = placed["x_end"].fillna(placed["x_marker"])
    return (last >= start) & (first <= end)


def placed_for_window(
    placed: pd.DataFrame, window: tuple[pd.Timestamp, pd.Timestamp]
) -> pd.DataFrame:
    """``placed`` with rows and y for ``window``: the lanes that items outside it make
    taller than the items inside do have those items' days piled, then every lane is
    stacked again. Lanes and their order, and the piles already made, stay."""
    if placed.empty or "pile_id" not in placed:
        return placed
    inside = reaches(placed, window)
    rows_all = _lane_rows(placed)
    rows_inside = _lane_rows(placed[inside]).reindex(rows_all.index, fill_value=1)
    crowded = rows_all.index[rows_all > rows_inside]
    can = pileable(placed) & placed["pile_id"].isna() & placed["lane_index"].isin(crowded)
    keys = day_keys(placed[can])
    # A day an item of the window shares (an evening reaching past midnight) stays whole.
    off = ~keys.isin(keys[inside[can]])
    keys = keys[off]
    if keys.empty:
        return placed
    big = keys.map(keys.value_counts()) >= OFF_WINDOW_MIN_PILE
    placed = placed.assign(pile_id=placed["pile_id"].copy())
    placed.loc[big[big].index, "pile_id"] = PILE_PREFIX + keys[big]
    placed["row"] = _stack_rows(placed)
    placed["y"] = _lane_offsets(placed) + placed["row"]
    return placed.sort_values(["lane_index", "row", "x_marker"], kind="stable")


def _lane_rows(placed: pd.DataFrame) -> pd.Series:
    """Rows of each lane (lane_index -> count) when ``placed`` alone is stacked."""
    if placed.empty:
        return pd.Series(dtype="int64")
    rows = _stack_rows(placed)
    return rows.groupby(placed["lane_index"]).max() + 1
