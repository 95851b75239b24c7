"""The rows of one time window: the placement (see lanes.py) stacked again for the span the
chart shows. Pure pandas.

The placement of `frames.timeline_view` is made once for every date, so its piles and its
rows were those of all time on every preset: on the crisis days (12-16 May 2021), a lane
with nothing in them still took a row or two, and days were piled to keep the rows of
late June within budget. Here, for one window:

- markers and piles keep their room at the zoom shown (`room_at`): two of a row never
  touch, and the axis reaches past those its edges would cut (`fitted_window`);
- the busiest lane-days inside it pile (`piles.py`): those of more than MAX_DAY_ROWS
  items, then the tallest first until the rows inside it fit MAX_ROWS (the budget of all
  time, spent on the span shown). Over a long span a day is narrower than a marker, so
  piling days is not enough: the busiest lane-weeks then pile, then lane-months (a
  pile's period is what the chart can tell apart; its hover and its click say which);
- items outside it take no rows of their own: a lane is as tall as its items inside need.
  Outside, a lane's items of one day pile when they would need more rows than that, and
  what still needs more shares the lane's rows (off the axis, nothing the reader sees
  overlaps). They stay on the chart: a click on a pile lists them, the note beside the
  axis counts them, and the preset that shows their day draws them one by one;
- a lane with nothing inside the window is a thin line (EMPTY_LANE_ROWS) that keeps its
  label and its place, so lanes do not move between presets and the reader sees who is
  silent in the span.

Should a month's piles still pass the budget, the chart grows taller than it: marks are
never drawn over each other.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from components.timeline.frames import MAX_ROWS
from components.timeline.lanes import LANE_GAP, POINT_HALF_WIDTH, _stack_rows, stacked_row_count
from components.timeline.piles import (
    MIN_PILE,
    PILE_PERIODS,
    PILE_PREFIX,
    day_keys,
    period_keys,
    pile_centres,
    pileable,
)

# Off the window, two items of a lane on one day already pile: a row they would add is
# empty where the reader looks.
OFF_WINDOW_MIN_PILE = 2


# A lane-day of more items than this piles in any window: a column of more markers (over
# 300 px) reads as a bar, not as items, and its pile lists them (the corpus's 42 items of
# 14 May in "Other actors" and Nikol Pashinyan's 19 that day).
MAX_DAY_ROWS = 12


# The height, in rows, of a lane with nothing in the window: a line with its label.
EMPTY_LANE_ROWS = 0.5


# The plot's width at its narrowest (the chart box's 640 px on a phone, look.css, less the
# lane labels), and the room a marker and a pile take across it: their size
# (figures.MARKER_SIZE 13 px, figure_piles.PILE_SIZE 22 px) and a pixel either side. At
# the zoom of a window, two items of a row lie at least their half rooms apart.
NARROW_PLOT_PX = 480
MARKER_ROOM_PX = 15
PILE_ROOM_PX = 24


@dataclass(frozen=True)
class Room:
    """The time half a marker's and half a pile's room take at the zoom of one window (at
    least lanes.POINT_HALF_WIDTH, so a close-up stacks as before)."""

    point_half: pd.Timedelta
    pile_half: pd.Timedelta


def room_at(window: tuple[pd.Timestamp, pd.Timestamp]) -> Room:
    per_px = (pd.Timestamp(window[1]) - pd.Timestamp(window[0])) / NARROW_PLOT_PX
    return Room(
        point_half=max(POINT_HALF_WIDTH, per_px * MARKER_ROOM_PX / 2),
        pile_half=max(POINT_HALF_WIDTH, per_px * PILE_ROOM_PX / 2),
    )


def fitted_window(
    placed: pd.DataFrame, window: tuple[pd.Timestamp, pd.Timestamp]
) -> tuple[pd.Timestamp, pd.Timestamp]:
    """``window`` widened so that its edges cut no marker or pile: each edge moves out past
    every one whose room it would cut (an item of the window's first day sat half outside
    the plot). What lies wholly outside stays outside."""
    start, end = pd.Timestamp(window[0]), pd.Timestamp(window[1])
    if placed.empty:
        return start, end
    per_px = (end - start) / NARROW_PLOT_PX
    centres = placed["x_marker"]
    halves = pd.Series(per_px * MARKER_ROOM_PX / 2, index=placed.index)
    if "pile_id" in placed:
        piled = placed["pile_id"].notna()
        centres = centres.where(~piled, pile_centres(placed))
        halves = halves.where(~piled, per_px * PILE_ROOM_PX / 2)
    lows, highs = centres - halves, centres + halves
    # Moving an edge out can bring in the next marker's room: a few rounds settle it.
    for _ in range(MAX_EDGE_ROUNDS):
        cut_start = lows[(lows < start) & (highs > start)]
        cut_end = highs[(lows < end) & (highs > end)]
        if cut_start.empty and cut_end.empty:
            break
        start = min(start, cut_start.min()) if not cut_start.empty else start
        end = max(end, cut_end.max()) if not cut_end.empty else end
    return start, end


# How many times an edge may move out (a marker's room at a time).
MAX_EDGE_ROUNDS = 20


def reaches(placed: pd.DataFrame, window: tuple[pd.Timestamp, pd.Timestamp]) -> pd.Series:
    """Whether each item's marker or span reaches into ``window``."""
    start, end = pd.Timestamp(window[0]), pd.Timestamp(window[1])
    first = placed["x_start"].fillna(placed["x_marker"])
    last = placed["x_end"].fillna(placed["x_marker"])
    return (last >= start) & (first <= end)


def placed_for_window(
    placed: pd.DataFrame, window: tuple[pd.Timestamp, pd.Timestamp], max_rows: int = MAX_ROWS
) -> pd.DataFrame:
    """``placed`` with pile_id, row, y and lane_empty for ``window`` (see the module): piles
    chosen for the window, rows for what it shows. Lanes and their order stay; so does
    the order of the rows of ``placed``."""
    if placed.empty or "pile_id" not in placed:
        return placed
    keys = day_keys(placed).where(pileable(placed))
    inside = reaches(placed, window)
    room = room_at(window)
    piles = window_piles(placed, inside, max_rows, room)
    # A pile with an item inside the window is drawn at its period, inside or beside it.
    in_view = inside | (piles.notna() & piles.isin(piles[inside]))
    piles = _off_window_piles(placed, keys, in_view, piles, room)
    shown = placed.assign(pile_id=piles)
    rows = pd.Series(0, index=placed.index, dtype="int64")
    if in_view.any():
        rows[in_view] = _stack_rows(shown[in_view], room.point_half, room.pile_half)
    lane_rows = _rows_per_lane(shown, rows, in_view)
    if (~in_view).any():
        # Off the window, a lane's rows are shared (row 0 for a lane with nothing inside).
        off_rows = _stack_rows(shown[~in_view])
        rows[~in_view] = off_rows % shown.loc[~in_view, "lane_index"].map(lane_rows).clip(lower=1)
    empty = lane_rows == 0
    heights = lane_rows.astype(float).where(~empty, EMPTY_LANE_ROWS)
    tops = (heights + LANE_GAP).cumsum().shift(fill_value=0.0)
    # Row 0 of the first lane at y 0, as `lanes.place_in_lanes` puts it.
    centres_of_empty = tops + EMPTY_LANE_ROWS / 2 - 0.5
    lane = shown["lane_index"]
    shown["row"] = rows
    shown["lane_empty"] = lane.map(empty)
    shown["y"] = lane.map(tops) + rows
    shown.loc[shown["lane_empty"], "y"] = lane[shown["lane_empty"]].map(centres_of_empty)
    return shown


def window_piles(
    placed: pd.DataFrame,
    inside: pd.Series,
    max_rows: int,
    room: Room,
    periods: tuple[str, ...] = PILE_PERIODS,
) -> pd.Series:
    """Each item's pile for the window ("pile:<lane_id>/<period>", else None), of the
    lane-periods that have an item inside it: the days of more than MAX_DAY_ROWS items,
    then, while the rows drawn (markers and piles kept apart at ``room``) pass
    ``max_rows``, the lane-days of the most items first, then the lane-weeks, then the
    lane-months (``periods``). A lane-period whose items are one pile already is left as
    it is. A pile holds every item of its lane and period (`piles.pile_members`)."""
    piles = pd.Series(None, index=placed.index, dtype=object)
    can = pileable(placed)
    for period in periods:
        keys = period_keys(placed, period).where(can)
        members = keys.notna() & keys.isin(keys[inside].dropna())
        sizes = keys[members].value_counts()
        # A mark is a pile or an item of none; a lane-period of one mark gains no row.
        marks = piles.fillna(pd.Series(placed.index.astype(str), index=placed.index))
        merged = marks[members].groupby(keys[members]).nunique() > 1
        sizes = sizes[sizes.ge(MIN_PILE) & merged.reindex(sizes.index, fill_value=False)]
        for size in sorted({int(size) for size in sizes}, reverse=True):
            forced = period == "day" and size > MAX_DAY_ROWS
            if not forced and _row_count(placed, inside, piles, room) <= max_rows:
                return piles
            big = members & keys.map(sizes).ge(size)
            piles[big] = PILE_PREFIX + keys[big]
    return piles


def _off_window_piles(
    placed: pd.DataFrame, keys: pd.Series, in_view: pd.Series, piles: pd.Series, room: Room
) -> pd.Series:
    """``piles`` with the days off the window piled (OFF_WINDOW_MIN_PILE items or more) in
    the lanes whose items off it would need more rows than those inside do."""
    off = ~in_view & keys.notna()
    if not off.any():
        return piles
    rows = pd.Series(0, index=placed.index, dtype="int64")
    if in_view.any():
        rows[in_view] = _stack_rows(
            placed[in_view].assign(pile_id=piles[in_view]), room.point_half, room.pile_half
        )
    inside_rows = _rows_per_lane(placed, rows, in_view).clip(lower=1)
    outside = placed[~in_view].assign(pile_id=None)
    outside_rows = _stack_rows(outside).groupby(outside["lane_index"]).max() + 1
    crowded = outside_rows.index[outside_rows > inside_rows.reindex(outside_rows.index)]
    can = off & placed["lane_index"].isin(crowded)
    counts = keys[can].value_counts()
    big = can & keys.map(counts).ge(OFF_WINDOW_MIN_PILE)
    piles = piles.copy()
    piles[big] = PILE_PREFIX + keys[big]
    return piles


def _rows_per_lane(placed: pd.DataFrame, rows: pd.Series, in_view: pd.Series) -> pd.Series:
    """Rows each lane (lane_index, in order) needs for what is in view: 0 for none."""
    lanes = pd.Index(sorted(placed["lane_index"].unique()))
    if not in_view.any():
        return pd.Series(0, index=lanes, dtype="int64")
    needed = rows[in_view].groupby(placed.loc[in_view, "lane_index"]).max() + 1
    return needed.reindex(lanes, fill_value=0).astype("int64")


def _row_count(placed: pd.DataFrame, inside: pd.Series, piles: pd.Series, room: Room) -> int:
    """The rows of what a window shows (its items and the piles with an item inside it),
    stacked at ``room``, every lane's together."""
    shown = inside | piles.notna()
    return stacked_row_count(
        placed[shown].assign(pile_id=piles[shown]), room.point_half, room.pile_half
    )
