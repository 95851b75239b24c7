"""Counts per lane and period: what the chart draws instead of single items when there are
too many markers, with the finest period (day, week, month...) that fits. Pure pandas.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from components.timeline.items import readable
from components.timeline.lanes import _lane_offsets, _plain

# Count bubbles drawn at most: the period (day, week, month...) is the finest that fits.
MAX_BUBBLES = 2_000


# Periods a count bubble may stand for, finest first.
BUCKETS = ("day", "week", "month", "quarter", "year")


# What counting needs of each item (see count_in_lanes).
COUNTED_COLUMNS = ["item_id", "kind", "item_type", "x_marker"]


def count_in_lanes(
    laned: pd.DataFrame, max_bubbles: int = MAX_BUBBLES
) -> tuple[pd.DataFrame, pd.DataFrame, str]:
    """Items counted per lane, period and kind: the chart when there are too many to draw.

    ``laned`` comes from `lanes_of_items`. The period is the finest of BUCKETS that gives
    at most ``max_bubbles`` counts. Returns (counts, laned with a bubble_id per row, bucket):
    counts has one row per bubble with lane, kind, period start/end, x (its middle), count,
    the types counted ("accusation 4, denial 3") and y (statements above events in a lane).
    """
    marker = laned["x_marker"].to_numpy("datetime64[ns]")
    lane = laned["lane_index"].to_numpy()
    # Sorted codes, so that bubbles are numbered in lane, period and kind order.
    kind, kinds = pd.factorize(laned["kind"], sort=True)
    # Periods are worked out on the distinct days (a few thousand), then spread by code.
    day_code, days = pd.factorize(marker.astype("datetime64[D]"), use_na_sentinel=False)
    for bucket in BUCKETS:
        start, end = _bucket_bounds(days, bucket)
        period_of_day, periods = pd.factorize(start, sort=True, use_na_sentinel=False)
        key = (lane * len(periods) + period_of_day[day_code]) * len(kinds) + kind
        # Keys run up to lanes x periods x kinds: counted in one array, not hashed.
        sizes = np.bincount(key)
        if bucket == BUCKETS[-1] or np.count_nonzero(sizes) <= max_bubbles:
            break
    # Bubbles numbered in key order; the first row of each gives its lane and period.
    bubble = (np.cumsum(sizes > 0) - 1)[key]
    first_rows = np.flatnonzero(~pd.Series(bubble).duplicated().to_numpy())
    first = np.empty(np.count_nonzero(sizes), dtype=np.int64)
    first[bubble[first_rows]] = first_rows
    laned = laned.assign(bubble=bubble)
    counts = laned.iloc[first][["lane_id", "lane_label", "lane_group", "lane_index", "kind"]]
    counts = _plain(counts.reset_index(drop=True))
    counts["count"] = sizes[sizes > 0]
    counts["start"] = start[day_code[first]]
    counts["end"] = end[day_code[first]]
    counts["x_marker"] = counts["start"] + (counts["end"] - counts["start"]) / 2
    # Stable across filters and reruns (unlike the group number), so a click stays meaningful.
    counts.insert(
        0,
        "bubble_id",
        "counts:" + counts["lane_id"] + "|" + counts["kind"] + "|"
        + counts["start"].dt.strftime("%Y-%m-%d"),
    )  # fmt: skip
    counts["types"] = _type_counts(laned["item_type"], bubble, len(counts))
    kinds_per_lane = counts.groupby("lane_index")["kind"].transform("nunique")
    counts["row"] = ((counts["kind"] == "event") & (kinds_per_lane > 1)).astype(int)
    counts["y"] = _lane_offsets(counts) + counts["row"]
    return counts, laned, bucket


def bucket_period(start: pd.Timestamp, bucket: str) -> str:
    """ "week of 10 May 2021", "May 2021": the period a count bubble stands for."""
    start = pd.Timestamp(start)
    if bucket == "day":
        return f"{start.day} {start:%B %Y}"
    if bucket == "week":
        return f"week of {start.day} {start:%B %Y}"
    if bucket == "month":
        return f"{start:%B %Y}"
    if bucket == "quarter":
        return f"{start:%B} to {start + pd.DateOffset(months=2):%B %Y}"
    return f"{start:%Y}"


def _bucket_bounds(marker: np.ndarray, bucket: str) -> tuple[np.ndarray, np.ndarray]:
    """Start and end (exclusive) of the day, Monday week, month, quarter or year of each x
    (datetime64 of any unit)."""
    day = marker.astype("datetime64[D]")
    if bucket == "day":
        start, end = day, day + 1
    elif bucket == "week":
        # Day 0 of numpy time, 1 Jan 1970, was a Thursday: +3 makes Monday 0.
        start = day - (day.astype(np.int64) + 3) % 7
        end = start + 7
    elif bucket == "month":
        month = marker.astype("datetime64[M]")
        start, end = month, month + 1
    elif bucket == "quarter":
        month = marker.astype("datetime64[M]")
        start = month - month.astype(np.int64) % 3
        end = start + 3
    else:
        year = marker.astype("datetime64[Y]")
        start, end = year, year + 1
    return start.astype("datetime64[ns]"), end.astype("datetime64[ns]")


def _type_counts(item_types: pd.Series, bubble: np.ndarray, n_bubbles: int) -> list[str]:
    """For each bubble, its types with their counts, most frequent first (then by name)."""
    type_code, types = pd.factorize(item_types, sort=True)
    # Each (bubble, type) pair once, with its size; a count per possible pair is at most
    # MAX_BUBBLES x the types, so no sort is needed.
    pair_sizes = np.bincount(bubble * len(types) + type_code, minlength=n_bubbles * len(types))
    pairs = np.flatnonzero(pair_sizes)
    sizes = pair_sizes[pairs]
    pair_bubble, pair_type = np.divmod(pairs, len(types))
    order = np.lexsort((pair_type, -sizes, pair_bubble))
    words = [readable(item_type) for item_type in types]
    joined = [[] for _ in range(n_bubbles)]
    for number, code, size in zip(
        pair_bubble[order].tolist(), pair_type[order].tolist(), sizes[order].tolist(), strict=True
    ):
        joined[number].append(f"{words[code]} {size}")
    return [", ".join(parts) for parts in joined]
