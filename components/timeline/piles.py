"""Piles: the items of one lane on one day drawn as one marker that says how many they are,
when stacking them one per row would pass the chart's row budget (frames.MAX_ROWS) or make
a column of more than window.MAX_DAY_ROWS markers; the time span shown chooses them
(window.py).

A day's items stack one per row in their lane (their dates say the day, not the hour), so a
busy day made a column of 42 markers, and that one day set the whole lane's height. A pile
keeps the day and the lane, says its count and kinds in its hover, and lists its items when
clicked: none is hidden. Only items dated to a day (or a part of it, or undated at the
report day) pile; spans of days, months and seasons keep their own rows. Pure pandas.
"""

from __future__ import annotations

import pandas as pd

from components.timeline.items import readable
from components.timeline.precision import MIDDAY

# The prefix of a pile's id (customdata of its marker, the page's clicked "count").
PILE_PREFIX = "pile:"


# Precisions whose items lie inside one day, so they can share that day's pile.
PILED_PRECISIONS = ("day", "as_reported", "part_of_day")


# The fewest items a pile holds: two markers stacked read as well as a count of 2.
MIN_PILE = 3


def pileable(laned: pd.DataFrame) -> pd.Series:
    """Whether each item lies inside one day, so it can share that day's pile."""
    inside_a_day = laned["date_precision"].astype(str).isin(PILED_PRECISIONS)
    # An item with exact outside dates keeps its own bracket.
    return inside_a_day & laned["background_start_date"].isna()


def day_keys(laned: pd.DataFrame) -> pd.Series:
    """ "<lane_id>/<YYYY-MM-DD>" of each item: its lane and day."""
    day = laned["start_date"].dt.strftime("%Y-%m-%d")
    return laned["lane_id"].astype(str) + "/" + day


def pile_sizes(laned: pd.DataFrame) -> list[int]:
    """The sizes (at least MIN_PILE) of the lane-days that could pile, largest first: the
    thresholds to try, so the tallest days pile first."""
    if laned.empty:
        return []
    sizes = day_keys(laned[pileable(laned)]).value_counts()
    return sorted({int(size) for size in sizes if size >= MIN_PILE}, reverse=True)


def pile_ids(laned: pd.DataFrame, min_size: int | None) -> pd.Series:
    """Each item's pile ("pile:<lane_id>/<day>"), None when it keeps its own marker: the
    items of a lane and day that can pile, when at least ``min_size`` (None: no pile)."""
    ids = pd.Series(None, index=laned.index, dtype=object)
    if min_size is None or laned.empty:
        return ids
    keys = day_keys(laned[pileable(laned)])
    big = keys.map(keys.value_counts()) >= max(min_size, MIN_PILE)
    ids[big[big].index] = PILE_PREFIX + keys[big]
    return ids


def pile_members(placed: pd.DataFrame, pile: str) -> pd.DataFrame:
    """The rows of ``placed`` a pile stands for: every item of its lane and day that can
    pile (the same whichever window made the pile)."""
    if not pile.startswith(PILE_PREFIX) or placed.empty or "pile_id" not in placed:
        return placed.head(0)
    can = placed[pileable(placed)]
    return can[day_keys(can) == pile.removeprefix(PILE_PREFIX)]


def pile_centres(placed: pd.DataFrame) -> pd.Series:
    """Where each piled item's pile sits: midday of its day (the item's own hour, if its
    part of the day is known, is in its detail)."""
    return placed["start_date"].dt.normalize() + MIDDAY


def piles_of(placed: pd.DataFrame) -> pd.DataFrame:
    """One row per pile of ``placed``: pile_id, lane, y, x (midday), day, count, how many
    statements and events, and their types ("demand 6, claim 5")."""
    columns = ["pile_id", "lane_label", "y", "x", "day", "count", "statements", "events"]
    piled = placed[placed["pile_id"].notna()] if "pile_id" in placed else placed.head(0)
    if piled.empty:
        return pd.DataFrame(columns=[*columns, "types"])
    piled = piled.assign(x=pile_centres(piled), day=piled["start_date"].dt.normalize())
    groups = piled.groupby("pile_id", sort=False)
    piles = groups[["lane_label", "y", "x", "day"]].first()
    piles["count"] = groups.size()
    piles["statements"] = groups["kind"].agg(lambda kinds: int((kinds == "statement").sum()))
    piles["events"] = piles["count"] - piles["statements"]
    piles["types"] = groups["item_type"].agg(_type_list)
    return piles.reset_index()


def _type_list(types: pd.Series) -> str:
    counts = types.astype(str).value_counts()
    return ", ".join(f"{readable(name)} {count}" for name, count in counts.items())


def pile_label(placed: pd.DataFrame, pile: str) -> str | None:
    """ "Other actors (54), 14 May 2021": the lane and day of one pile (None if unknown)."""
    rows = pile_members(placed, pile)
    if rows.empty:
        return None
    day = rows["start_date"].iloc[0]
    return f"{rows['lane_label'].iloc[0]}, {day.day} {day:%B %Y}"
