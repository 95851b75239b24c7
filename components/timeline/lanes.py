"""Swimlanes: each item in the lane of each of its actors (or of their type, or of the
state they count for), lanes ordered and folded past MAX_LANES, items that would overlap
in a lane stacked on rows, so every item can be seen and clicked. Pure pandas.
"""

from __future__ import annotations

from itertools import chain

import numpy as np
import pandas as pd

from components.data.schemas import ACTOR_TYPES
from components.timeline.items import ITEM_COLUMNS, _categorical_at
from components.timeline.piles import pile_centres, pile_ids

# Lane groupings the page offers: key -> label.
LANE_GROUPINGS = {
    "actor": "Actor",
    "actor_type": "Actor type",
    "state": "State or organisation",
}


# Room a point takes in its lane when items are stacked: points on the same day of a lane
# go on separate rows, points on different days may share one.
POINT_HALF_WIDTH = pd.Timedelta(hours=3)


# Vertical room between two lanes, in rows.
LANE_GAP = 0.7


# Lanes drawn at most; the quieter ones are folded into one last lane, so the chart stays
# readable with hundreds of actors (the curated data has 17).
MAX_LANES = 30


OTHER_LANE_ID = "__other__"

LANE_COLUMNS = [*ITEM_COLUMNS, "lane_id", "lane_label", "lane_group", "lane_index"]


def lanes_of_items(
    items: pd.DataFrame,
    actors: pd.DataFrame,
    grouping: str = "actor",
    max_lanes: int = MAX_LANES,
    columns: list[str] = ITEM_COLUMNS,
) -> pd.DataFrame:
    """One row per item and lane, with the lane's id, label, group and index (top first).

    ``columns``: the item columns to keep (fewer is faster at scale: the lanes are worked
    out on item positions and the columns taken once, at the end).

    An item goes in the lane of each of its actors: the speaker for a statement, every
    actor for an event (talks between two states appear in both lanes, so each actor's lane
    tells its whole story). Beyond ``max_lanes`` lanes, the lanes with the fewest items are
    folded into one last lane, "Other ..." (OTHER_LANE_ID).
    """
    if grouping not in LANE_GROUPINGS:
        raise ValueError(
            f"unknown lane grouping {grouping!r}; expected one of {list(LANE_GROUPINGS)}"
        )
    lane_columns = ["lane_id", "lane_label", "lane_group", "lane_index"]
    if items.empty:
        return pd.DataFrame(columns=[*columns, *lane_columns])
    info = _actor_lane_info(actors, grouping)
    position, actor = _memberships(items["lane_actor_ids"], info["actor_id"])
    lane_of_actor, _ = pd.factorize(info["lane_id"])
    lanes = info.drop_duplicates("lane_id").reset_index(drop=True)
    position, actor, lane = _first_per_lane(position, actor, lane_of_actor[actor], len(lanes))
    lanes, lane = _fold_quiet_lanes(lanes, lane, grouping, max_lanes)
    position, actor, lane = _first_per_lane(position, actor, lane, len(lanes))
    lane_index = _ordered_lanes(lanes, position, lane, actors, grouping)
    laned = items[[c for c in columns if c != "lane_actor_ids"]].take(position)
    laned = laned.reset_index(drop=True)
    for column in ("lane_id", "lane_label", "lane_group"):
        laned[column] = _categorical_at(lanes[column], lane)
    laned["lane_index"] = lane_index[lane]
    if "lane_actor_ids" in columns:
        laned["lane_actor_ids"] = info["actor_id"].to_numpy(dtype=object)[actor]
    return laned[[*columns, *lane_columns]]


def _memberships(lane_actor_ids: pd.Series, actor_ids: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """(item position, actor position) for each actor of each item, in item order.

    Integer arrays, not an exploded frame of strings (0.5 s at 120,000 items): each distinct
    tuple of actors (a few thousand) is looked up once, then spread by its code. An actor
    missing from ``actor_ids`` has no lane.
    """
    # By identity: the items of one distinct key share their tuple object (`_per_distinct`),
    # and equal tuples that are not one object are only looked up twice.
    tuples = lane_actor_ids.to_numpy(dtype=object)
    codes, _ = pd.factorize(np.fromiter(map(id, tuples), dtype=np.int64, count=len(tuples)))
    distinct = tuples[_first_rows(codes)]
    sizes = np.fromiter(map(len, distinct), dtype=np.int64, count=len(distinct))
    flat = np.fromiter(chain.from_iterable(distinct), dtype=object, count=sizes.sum())
    flat_actor = pd.Index(actor_ids).get_indexer(flat)
    known = flat_actor >= 0
    owner = np.repeat(np.arange(len(distinct)), sizes)[known]
    flat_actor = flat_actor[known]
    sizes = np.bincount(owner, minlength=len(distinct))
    item_sizes = sizes[codes]
    position = np.repeat(np.arange(len(codes)), item_sizes)
    # Where each item's actors start in flat_actor, then 0, 1, ... within the item.
    within = np.arange(len(position)) - np.repeat(np.cumsum(item_sizes) - item_sizes, item_sizes)
    first = np.cumsum(sizes) - sizes
    return position, flat_actor[np.repeat(first[codes], item_sizes) + within]


def _first_rows(codes: np.ndarray) -> np.ndarray:
    """Where each code first appears, for codes from ``pd.factorize`` (numbered in order of
    first appearance: a code is new where it exceeds every code before it)."""
    if not len(codes):
        return np.arange(0)
    running = np.maximum.accumulate(codes)
    return np.flatnonzero(np.r_[True, running[1:] > running[:-1]])


def _first_per_lane(
    position: np.ndarray, actor: np.ndarray, lane: np.ndarray, lane_count: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each item once per lane: the first of its actors in that lane is kept.

    Only the rows of items with more than one actor can repeat a lane (``position`` is in
    item order), so only those are compared.
    """
    shared = np.zeros(len(position), dtype=bool)
    same_item = position[1:] == position[:-1]
    shared[1:] |= same_item
    shared[:-1] |= same_item
    first = np.ones(len(position), dtype=bool)
    rows = np.flatnonzero(shared)
    first[rows] = ~pd.Series(position[rows] * lane_count + lane[rows]).duplicated().to_numpy()
    return position[first], actor[first], lane[first]


def place_in_lanes(
    items: pd.DataFrame,
    actors: pd.DataFrame,
    grouping: str = "actor",
    max_lanes: int = MAX_LANES,
) -> pd.DataFrame:
    """One row per item and lane (see `lanes_of_items`), with the row inside it and y.

    Items that would overlap in a lane are stacked on separate rows, so every item can be
    seen and clicked. Lanes are ordered top to bottom by ``lane_index``; y grows
    downwards, one unit per row, with LANE_GAP between lanes.
    """
    return stack_in_lanes(_plain(lanes_of_items(items, actors, grouping, max_lanes)))


def stack_in_lanes(laned: pd.DataFrame, min_pile: int | None = None) -> pd.DataFrame:
    """``laned`` (from `lanes_of_items`, categoricals made plain) with row, y and pile_id:
    the items of a lane and day that pile (`piles.pile_ids`, at least ``min_pile`` of them;
    None: none piles) share one row, the others are stacked as `place_in_lanes` says."""
    columns = [*LANE_COLUMNS, "row", "y", "pile_id"]
    if laned.empty:
        return pd.DataFrame(columns=columns)
    placed = laned.assign(pile_id=pile_ids(laned, min_pile))
    placed["row"] = _stack_rows(placed)
    placed["y"] = _lane_offsets(placed) + placed["row"]
    placed = placed.sort_values(["lane_index", "row", "x_marker"], kind="stable")
    return placed[columns].reset_index(drop=True)


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with its categoricals as strings: for the few rows a figure draws, whose
    texts are joined and formatted."""
    categorical = [name for name, dtype in frame.dtypes.items() if dtype == "category"]
    if not categorical:
        return frame
    # Each value taken from the categories (astype converts every category first: 25,000
    # event titles for a few rows).
    return frame.assign(
        **{
            name: frame[name].cat.categories.array.take(
                frame[name].cat.codes.to_numpy(), allow_fill=True
            )
            for name in categorical
        }
    )


def _lane_offsets(placed: pd.DataFrame) -> pd.Series:
    """The y of each row's lane top: the rows of the lanes above plus LANE_GAP each."""
    rows_per_lane = placed.groupby("lane_index")["row"].max() + 1
    offsets = (rows_per_lane + LANE_GAP).cumsum().shift(fill_value=0)
    return placed["lane_index"].map(offsets)


def _fold_quiet_lanes(
    lanes: pd.DataFrame, lane: np.ndarray, grouping: str, max_lanes: int
) -> tuple[pd.DataFrame, np.ndarray]:
    """Keep the ``max_lanes - 1`` busiest lanes; the others become one "Other ..." lane.

    ``lanes`` has one row per lane number in ``lane``; returns both, with the Other lane
    added as the last row when lanes were folded.
    """
    counts = np.bincount(lane, minlength=len(lanes))
    present = np.flatnonzero(counts)
    if len(present) <= max_lanes:
        return lanes, lane
    lane_ids = lanes["lane_id"].tolist()
    ranked = sorted(
        present.tolist(), key=lambda number: (-counts[number], _last_if_missing(lane_ids[number]))
    )
    kept = np.array(ranked[: max_lanes - 1], dtype=np.int64)
    noun = {"actor": "actors", "actor_type": "actor types", "state": "states or organisations"}
    label = f"Other {noun[grouping]} ({len(present) - len(kept)})"
    other = pd.DataFrame(
        {"lane_id": [OTHER_LANE_ID], "lane_label": [label], "lane_group": [OTHER_LANE_ID]}
    ).astype(lanes.dtypes[["lane_id", "lane_label", "lane_group"]].to_dict())
    lanes = pd.concat([lanes, other], ignore_index=True)
    return lanes, np.where(np.isin(lane, kept), lane, len(lanes) - 1)


def folded_lane_count(placed: pd.DataFrame) -> int:
    """How many lanes were folded into the "Other ..." lane (0 when none was).

    The Other lane is always the last one (the highest lane_index): only its row is read,
    not every lane id compared (15 ms at 120,000 items).
    """
    if placed.empty:
        return 0
    last = int(placed["lane_index"].to_numpy().argmax())
    if placed["lane_id"].iat[last] != OTHER_LANE_ID:
        return 0
    return int(str(placed["lane_label"].iat[last]).rsplit("(", 1)[1].rstrip(")"))


def _actor_lane_info(actors: pd.DataFrame, grouping: str) -> pd.DataFrame:
    names = actors.set_index("actor_id")["actor_name"]
    if grouping == "actor":
        lane_id = actors["actor_id"]
        label = actors["actor_name"]
        group = actors["state_actor_id"]
    elif grouping == "actor_type":
        lane_id = actors["actor_type"]
        label = actors["actor_type"].str.capitalize()
        group = lane_id
    else:
        lane_id = actors["state_actor_id"]
        label = actors["state_actor_id"].map(names).fillna(actors["state_actor_id"])
        group = lane_id
    return pd.DataFrame(
        {
            "actor_id": actors["actor_id"],
            "lane_id": lane_id,
            "lane_label": label,
            "lane_group": group,
        }
    )


def _ordered_lanes(
    lanes: pd.DataFrame,
    position: np.ndarray,
    lane: np.ndarray,
    actors: pd.DataFrame,
    grouping: str,
) -> np.ndarray:
    """lane number -> lane_index: busiest groups first; inside a group, the state before its
    people (-1 for a lane with no item).

    The "Other ..." lane of folded lanes comes last. Counts are made on the lane numbers of
    each (item position, lane) pair; the few lanes are then sorted in Python.
    """
    group_of_lane, groups = pd.factorize(lanes["lane_group"])
    group = group_of_lane[lane]
    group_pairs = pd.unique(position * len(groups) + group)
    group_items = np.bincount(group_pairs % len(groups), minlength=len(groups))
    counts = np.bincount(lane, minlength=len(lanes))
    lane_ids, labels = lanes["lane_id"].tolist(), lanes["lane_label"].tolist()
    lane_groups = lanes["lane_group"].tolist()
    if grouping == "actor":
        depth_of = _depths(actors)
    elif grouping == "actor_type":
        depth_of = {kind: i for i, kind in enumerate(ACTOR_TYPES)}
    else:
        depth_of = {}

    # A missing value sorts last, as in pandas.
    def key(number: int) -> tuple:
        lane_id = lane_ids[number]
        depth = depth_of.get(lane_id, None if grouping == "actor_type" else 0)
        if grouping == "actor_type":
            first = (_last_if_missing(depth), _last_if_missing(labels[number]))
        else:
            first = (
                -group_items[group_of_lane[number]],
                _last_if_missing(lane_groups[number]),
                depth,
                -counts[number],
                _last_if_missing(labels[number]),
            )
        return (lane_id == OTHER_LANE_ID, *first, _last_if_missing(lane_id))

    ordered = sorted(np.flatnonzero(counts).tolist(), key=key)
    lane_index = np.full(len(lanes), -1, dtype=np.int64)
    lane_index[ordered] = np.arange(len(ordered))
    return lane_index


def _last_if_missing(value: object) -> tuple[bool, object]:
    """A sort key that puts a missing value (None, NaN) after every other."""
    return (True, "") if value is None or pd.isna(value) else (False, value)


def _depths(actors: pd.DataFrame) -> dict[str, int]:
    """Steps from each actor up to the top of its parent chain (a state has depth 0)."""
    parents = dict(zip(actors["actor_id"], actors["parent_actor_id"], strict=True))
    depths = {}
    for actor_id in parents:
        depth, current, seen = 0, actor_id, set()
        while isinstance(parents.get(current), str) and current not in seen:
            seen.add(current)
            current = parents[current]
            depth += 1
        depths[actor_id] = depth
    return depths


def _stack_rows(
    placed: pd.DataFrame,
    point_half: pd.Timedelta = POINT_HALF_WIDTH,
    pile_half: pd.Timedelta = POINT_HALF_WIDTH,
) -> pd.Series:
    """Row of each item in its lane: the first row free at its start (interval stacking).

    Greedy, so a loop; the page only stacks what it draws one by one (MAX_MARKERS at most).
    A pile is stacked once, as a point at the middle of its period, and its items take its
    row. A marker takes ``point_half`` either side of its centre (a span at least that), a
    pile ``pile_half``: the time a marker's or a pile's half width covers at the zoom drawn
    (window.py), so that two of them on one row never touch.
    """
    starts, ends, stacked = _rooms(placed, point_half, pile_half)
    rows = _greedy_rows(placed.assign(_start=starts, _end=ends)[stacked])
    piled = placed["pile_id"].notna()
    leads = placed.loc[stacked & piled, "pile_id"]
    pile_rows = pd.Series(rows[leads.index].to_numpy(), index=leads.to_numpy())
    return rows.reindex(placed.index).fillna(placed["pile_id"].map(pile_rows)).astype(np.int64)


def stacked_row_count(
    placed: pd.DataFrame,
    point_half: pd.Timedelta = POINT_HALF_WIDTH,
    pile_half: pd.Timedelta = POINT_HALF_WIDTH,
) -> int:
    """The rows `_stack_rows` gives ``placed``, every lane's together, without the loop.

    First free row in order of start is the fewest rows that keep a lane's rooms apart: as
    many as the rooms that overlap at one moment, found by a sweep over their starts (+1)
    and ends (-1, first when one room ends where the next starts, as they share a row).
    """
    if placed.empty:
        return 0
    starts, ends, stacked = _rooms(placed, point_half, pile_half)
    lane = placed["lane_index"].to_numpy()[stacked.to_numpy()]
    times = np.concatenate(
        [starts[stacked].to_numpy("datetime64[ns]"), ends[stacked].to_numpy("datetime64[ns]")]
    ).astype(np.int64)
    steps = np.repeat(np.array([1, -1], dtype=np.int64), len(lane))
    lanes = np.concatenate([lane, lane])
    order = np.lexsort((steps, times, lanes))
    # Each lane's steps add up to 0, so one running sum counts every lane from 0.
    depth = np.cumsum(steps[order])
    lanes = lanes[order]
    firsts = np.flatnonzero(np.r_[True, lanes[1:] != lanes[:-1]])
    return int(np.maximum.reduceat(depth, firsts).sum())


def _rooms(
    placed: pd.DataFrame, point_half: pd.Timedelta, pile_half: pd.Timedelta
) -> tuple[pd.Series, pd.Series, pd.Series]:
    """The start and end of the time each item's marker, span or pile takes in its lane,
    and whether it is stacked (an item of no pile, or the first of its pile)."""
    piled = placed["pile_id"].notna()
    centres = placed["x_marker"]
    if piled.any():
        centres = centres.where(~piled, pile_centres(placed))
    half = pd.Series(point_half, index=placed.index).where(~piled, pile_half)
    starts = placed["x_start"].where(~piled).fillna(centres - half)
    ends = placed["x_end"].where(~piled).fillna(centres + half)
    # A span shorter than its marker takes its marker's room.
    starts = starts.where(starts <= centres - half, centres - half)
    ends = ends.where(ends >= centres + half, centres + half)
    stacked = ~piled | ~placed["pile_id"].duplicated()
    return starts, ends, stacked


def _greedy_rows(placed: pd.DataFrame) -> pd.Series:
    """Row of each item (with its _start and _end): the first row of its lane free at its
    start."""
    order = placed.sort_values(["lane_index", "_start", "kind", "record_id"], kind="stable")
    lane_of = order["lane_index"].to_numpy()
    start_of = order["_start"].to_numpy("datetime64[ns]").astype(np.int64)
    end_of = order["_end"].to_numpy("datetime64[ns]").astype(np.int64)
    rows = np.zeros(len(order), dtype=np.int64)
    row_ends: list[int] = []
    lane = None
    for position in range(len(order)):
        if lane_of[position] != lane:
            lane, row_ends = lane_of[position], []
        start = start_of[position]
        free = next((row for row, last in enumerate(row_ends) if last <= start), None)
        if free is None:
            row_ends.append(end_of[position])
            free = len(row_ends) - 1
        else:
            row_ends[free] = end_of[position]
        rows[position] = free
    return pd.Series(rows, index=order.index).reindex(placed.index)
