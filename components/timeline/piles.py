"""Piles: the items of one lane on one day (or, over a long span, one week or one month)
drawn as one marker that says how many they are, when stacking them one per row would pass
the chart's row budget (frames.MAX_ROWS) or make a column of more than
window.MAX_DAY_ROWS markers; the time span shown chooses them (window.py).

A day's items stack one per row in their lane (their dates say the day, not the hour), so a
busy day made a column of 42 markers, and that one day set the whole lane's height. A pile
keeps the lane and its period, says its count and kinds in its hover, and lists its items
when clicked: none is hidden. Only items dated to a day (or a part of it, or undated at the
report day) pile; spans of days, months and seasons keep their own rows.

A pile's id names its lane and period: "pile:<lane_id>/2021-05-14" (a day),
"pile:<lane_id>/2021-W19" (the ISO week, Monday to Sunday), "pile:<lane_id>/2021-05" (a
month). Pure pandas.
"""

from __future__ import annotations

import datetime
from functools import lru_cache

import pandas as pd

from components.timeline.items import readable
from components.timeline.precision import MIDDAY

# The prefix of a pile's id (customdata of its marker, the page's clicked "count").
PILE_PREFIX = "pile:"


# Precisions whose items lie inside one day, so they can share that day's pile.
PILED_PRECISIONS = ("day", "as_reported", "part_of_day")


# The fewest items a pile holds: two markers stacked read as well as a count of 2.
MIN_PILE = 3


# The periods a pile may stand for, finest first: a day's items pile first; over a long
# span, where a day is narrower than a marker, a lane's week or month (window.py).
PILE_PERIODS = ("day", "week", "month")


def pileable(laned: pd.DataFrame) -> pd.Series:
    """Whether each item lies inside one day, so it can share that day's pile."""
    inside_a_day = laned["date_precision"].astype(str).isin(PILED_PRECISIONS)
    # An item with exact outside dates keeps its own bracket.
    return inside_a_day & laned["background_start_date"].isna()


def day_keys(laned: pd.DataFrame) -> pd.Series:
    """ "<lane_id>/<YYYY-MM-DD>" of each item: its lane and day."""
    return period_keys(laned, "day")


def period_keys(laned: pd.DataFrame, period: str) -> pd.Series:
    """ "<lane_id>/<period>" of each item: its lane and its day ("2021-05-14"), ISO week
    ("2021-W19") or month ("2021-05")."""
    return laned["lane_id"].astype(str) + "/" + _period_names(laned["start_date"], period)


def _period_names(dates: pd.Series, period: str) -> pd.Series:
    if period == "day":
        return dates.dt.strftime("%Y-%m-%d")
    if period == "month":
        return dates.dt.strftime("%Y-%m")
    if period == "week":
        weeks = dates.dt.isocalendar()
        return weeks["year"].astype(str) + "-W" + weeks["week"].astype(str).str.zfill(2)
    raise ValueError(f"unknown pile period {period!r}; expected one of {list(PILE_PERIODS)}")


@lru_cache(maxsize=4096)
def pile_period(pile: str) -> tuple[str, pd.Timestamp, pd.Timestamp]:
    """(period, first moment, end) of a pile's id: "day", "week" or "month", its start and
    the start of the next."""
    name = pile.rsplit("/", 1)[-1]
    if "-W" in name:
        year, week = name.split("-W")
        start = pd.Timestamp(datetime.date.fromisocalendar(int(year), int(week), 1))
        return "week", start, start + pd.Timedelta(days=7)
    if len(name) == len("2021-05"):
        start = pd.Timestamp(f"{name}-01")
        return "month", start, start + pd.DateOffset(months=1)
    start = pd.Timestamp(name)
    return "day", start, start + pd.Timedelta(days=1)


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
    """The rows of ``placed`` a pile stands for: every item of its lane and period that can
    pile (the same whichever window made the pile)."""
    if not pile.startswith(PILE_PREFIX) or placed.empty or "pile_id" not in placed:
        return placed.head(0)
    can = placed[pileable(placed)]
    period, _, _ = pile_period(pile)
    return can[period_keys(can, period) == pile.removeprefix(PILE_PREFIX)]


def pile_centres(placed: pd.DataFrame) -> pd.Series:
    """Where each item's pile sits: the middle of its period (midday of a day, Thursday
    noon of a week), from the pile's id; midday of its own day for an item of no pile (the
    item's own hour, if its part of the day is known, is in its detail)."""
    centres = placed["start_date"].dt.normalize() + MIDDAY
    ids = placed["pile_id"] if "pile_id" in placed else pd.Series(dtype=object)
    distinct = ids.dropna().unique()
    if not len(distinct):
        return centres
    middles = {}
    for pile in distinct:
        _, start, end = pile_period(pile)
        middles[pile] = start + (end - start) / 2
    return ids.map(middles).fillna(centres)


def piles_of(placed: pd.DataFrame) -> pd.DataFrame:
    """One row per pile of ``placed``: pile_id, lane, y, x (the middle of its period), day
    (its first), when ("on 14 May 2021", "in the week of 10 May 2021"), count, how many
    statements and events, and their types ("demand 6, claim 5")."""
    columns = ["pile_id", "lane_label", "y", "x", "day", "when", "count", "statements"]
    piled = placed[placed["pile_id"].notna()] if "pile_id" in placed else placed.head(0)
    if piled.empty:
        return pd.DataFrame(columns=[*columns, "events", "types"])
    piled = piled.assign(x=pile_centres(piled))
    groups = piled.groupby("pile_id", sort=False)
    piles = groups[["lane_label", "y", "x"]].first()
    piles["day"] = [pile_period(pile)[1] for pile in piles.index]
    piles["when"] = [_when(pile) for pile in piles.index]
    piles["count"] = groups.size()
    piles["statements"] = groups["kind"].agg(lambda kinds: int((kinds == "statement").sum()))
    piles["events"] = piles["count"] - piles["statements"]
    piles["types"] = groups["item_type"].agg(_type_list)
    return piles.reset_index()


def _type_list(types: pd.Series) -> str:
    counts = types.astype(str).value_counts()
    return ", ".join(f"{readable(name)} {count}" for name, count in counts.items())


def pile_period_label(pile: str) -> str:
    """ "14 May 2021", "week of 10 May 2021", "May 2021": the period a pile stands for."""
    period, start, _ = pile_period(pile)
    if period == "month":
        return f"{start:%B %Y}"
    day = f"{start.day} {start:%B %Y}"
    return f"week of {day}" if period == "week" else day


def _when(pile: str) -> str:
    """ "on 14 May 2021", "in the week of 10 May 2021", "in May 2021": for a hover."""
    period, start, _ = pile_period(pile)
    if period == "month":
        return f"in {start:%b %Y}"
    day = f"{start.day} {start:%b %Y}"
    return f"in the week of {day}" if period == "week" else f"on {day}"


def pile_label(placed: pd.DataFrame, pile: str) -> str | None:
    """ "Other actors (54), 14 May 2021" (or "..., week of 10 May 2021", "..., May 2021"):
    the lane and period of one pile (None if unknown)."""
    rows = pile_members(placed, pile)
    if rows.empty:
        return None
    return f"{rows['lane_label'].iloc[0]}, {pile_period_label(pile)}"
