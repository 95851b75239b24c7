"""The frames the Timeline page draws: its items placed in lanes, or counted per lane and
period when there are too many markers (`timeline_view`). Pure pandas, no streamlit, no
plotting; the figures are in figures.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from components.timeline.choices import item_options
from components.timeline.counts import COUNTED_COLUMNS, bucket_period, count_in_lanes
from components.timeline.items import ITEM_KINDS
from components.timeline.lanes import (
    MAX_LANES,
    _plain,
    folded_lane_count,
    lanes_of_items,
    place_in_lanes,
    stack_in_lanes,
)
from components.timeline.piles import PILE_PREFIX, pile_label, pile_members, pile_sizes
from components.timeline.table import _table_order, items_table, table_csv

# Above this many markers (items x lanes) the chart draws counts per lane and period, not
# single items: more SVG markers make the browser slow to draw and the chart unreadable.
MAX_MARKERS = 1_500


# Rows of stacked markers the chart holds at most (26 px each): past them, the quieter
# lanes are folded into "Other", down to MIN_LANES, so the chart stays a few screens tall.
MAX_ROWS = 80


MIN_LANES = 10


# Rows of the item table sent to the browser at most, the first in time order; the CSV
# download has them all. 120,000 rows took ~250 ms to send on every rerun.
MAX_TABLE_ROWS = 5_000


@dataclass(frozen=True)
class TimelineView:
    """What the page shows for one choice of filters and lanes, built once and shared.

    ``placed`` has one row per item and lane: with row and y when the chart draws items one
    by one, with a bubble_id when it draws ``counts`` (more than MAX_MARKERS markers).
    The table is made when first asked: the rows the page shows, the whole for the CSV.
    """

    items: pd.DataFrame
    placed: pd.DataFrame
    counts: pd.DataFrame | None
    bucket: str | None
    lane_count: int
    folded_lanes: int
    options: dict[str, str]

    @property
    def is_counted(self) -> bool:
        return self.counts is not None

    @property
    def row_count(self) -> int:
        """The table's rows: one per item."""
        return len(self.items)

    @cached_property
    def kind_counts(self) -> dict[str, int]:
        """How many statements and events the view has (every kind, 0 when none)."""
        counts = self.items["kind"].value_counts()
        return {kind: int(counts.get(kind, 0)) for kind in ITEM_KINDS}

    @cached_property
    def table(self) -> pd.DataFrame:
        """Every item as the page's table shows it (the CSV; made when first asked)."""
        return items_table(self.items)

    @cached_property
    def shown_table(self) -> pd.DataFrame:
        """The first MAX_TABLE_ROWS rows of the table, the part the page shows: made from
        those rows only when the items are in table order (as `timeline_items` gives them)."""
        if len(self.items) > MAX_TABLE_ROWS and _table_order(self.items) is None:
            return items_table(self.items.head(MAX_TABLE_ROWS))
        return self.table.head(MAX_TABLE_ROWS)

    @cached_property
    def csv(self) -> bytes:
        """The table as CSV, made on the first download only (large at scale)."""
        return table_csv(self.table)

    def csv_bytes(self) -> bytes:
        return self.csv

    def count_items(self, bubble_id: str) -> pd.DataFrame:
        """The items of one count bubble or pile (none for an unknown id)."""
        if bubble_id.startswith(PILE_PREFIX) and not self.is_counted:
            ids = pile_members(self.placed, bubble_id)["item_id"]
            return self.items[self.items["item_id"].isin(ids)]
        if self.counts is None:
            return self.items.head(0)
        numbers = self.counts.index[self.counts["bubble_id"] == bubble_id]
        ids = self.placed.loc[self.placed["bubble"].isin(numbers), "item_id"]
        return self.items[self.items["item_id"].isin(ids)]

    def count_label(self, bubble_id: str) -> str | None:
        """ "Armenia, week of 10 May 2021": the lane and period of one bubble; "Armenia,
        14 May 2021": the lane and day of one pile."""
        if bubble_id.startswith(PILE_PREFIX) and not self.is_counted:
            return pile_label(self.placed, bubble_id)
        if self.counts is None:
            return None
        rows = self.counts[self.counts["bubble_id"] == bubble_id]
        if rows.empty:
            return None
        row = rows.iloc[0]
        return f"{row['lane_label']}, {bucket_period(row['start'], self.bucket)}"


def timeline_view(
    items: pd.DataFrame, actors: pd.DataFrame, grouping: str, max_markers: int = MAX_MARKERS
) -> TimelineView:
    """Lanes, stacking or counts, the table and the item list of the filtered ``items``."""
    laned = lanes_of_items(items, actors, grouping, columns=COUNTED_COLUMNS)
    counted = len(laned) > max_markers
    counts, bucket = None, None
    if counted:
        counts, placed, bucket = count_in_lanes(laned)
        options = {}
    else:
        placed = _placed_within_rows(items, actors, grouping)
        options = item_options(items)
    # The lanes drawn: folded further than ``laned`` when items are placed one by one.
    shown = laned if counted else placed
    return TimelineView(
        items=items,
        placed=placed,
        counts=counts,
        bucket=bucket,
        lane_count=int(shown["lane_id"].nunique()),
        folded_lanes=folded_lane_count(shown),
        options=options,
    )


def _placed_within_rows(items: pd.DataFrame, actors: pd.DataFrame, grouping: str) -> pd.DataFrame:
    """Items placed in lanes (`place_in_lanes`), the quieter lanes folded into "Other" until
    the chart has at most MAX_ROWS rows or MIN_LANES lanes: many actors speaking on the
    same days stack tall lanes. Past MIN_LANES, folding makes "Other" taller, not the chart
    shorter: the busiest days of a lane then pile (`piles.py`), the tallest first, until
    the rows fit (or no day of MIN_PILE items is left to pile)."""
    max_lanes = MAX_LANES
    placed = place_in_lanes(items, actors, grouping, max_lanes)
    while _row_count(placed) > MAX_ROWS and max_lanes > MIN_LANES:
        max_lanes = max(MIN_LANES, max_lanes - 5)
        placed = place_in_lanes(items, actors, grouping, max_lanes)
    if _row_count(placed) <= MAX_ROWS:
        return placed
    laned = _plain(lanes_of_items(items, actors, grouping, max_lanes))
    for size in pile_sizes(laned):
        placed = stack_in_lanes(laned, min_pile=size)
        if _row_count(placed) <= MAX_ROWS:
            break
    return placed


def _row_count(placed: pd.DataFrame) -> int:
    if placed.empty:
        return 0
    return int((placed.groupby("lane_index")["row"].max() + 1).sum())
