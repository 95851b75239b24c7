"""What the Timeline page offers to choose: kinds and types of items, the item list of the
detail panel, the clicked item, and the zoom presets of the time axis. Pure pandas.
"""

from __future__ import annotations

import pandas as pd

# Room either side of the long view, as a share of its length, so no marker sits on the edge.
LONG_VIEW_MARGIN = 0.04


def filter_items(
    items: pd.DataFrame,
    kinds: list[str] | None = None,
    type_keys: list[str] | None = None,
    include_background: bool = True,
) -> pd.DataFrame:
    """The items of the chosen kinds and types, with or without the background.

    ``kinds``: None keeps both, a list keeps those (an empty list keeps nothing: the reader
    switched both off). ``type_keys``: None or empty keeps every type (like the actor filter).
    """
    keep = pd.Series(True, index=items.index)
    if kinds is not None:
        keep &= items["kind"].isin(kinds)
    if type_keys:
        keep &= items["type_key"].isin(type_keys)
    if not include_background:
        keep &= ~items["is_background"].astype(bool)
    return items[keep]


def type_options(items: pd.DataFrame) -> dict[str, str]:
    """type_key -> label for the type filter: statement types first, then event types."""
    # The three columns of each type's first row (the whole rows cost 8 ms at scale).
    firsts = items.loc[~items["type_key"].duplicated(), ["type_key", "kind", "item_type"]]
    ordered = firsts.sort_values(["kind", "item_type"], ascending=[False, True])
    return {
        row.type_key: f"{row.item_type.replace('_', ' ')} ({row.kind})"
        for row in ordered.itertuples(index=False)
    }


def item_options(items: pd.DataFrame) -> dict[str, str]:
    """item_id -> a one-line label, in time order, for the item list of the detail panel."""
    ordered = items.sort_values(["x_marker", "item_id"], kind="stable")
    return {
        row.item_id: f"{row.start_date.day} {row.start_date:%b %Y} · {row.title}"
        for row in ordered.itertuples(index=False)
    }


def clicked_item(points: list[dict]) -> str | None:
    """The item id of the last clicked point of a plotly selection, if any."""
    ids = [point.get("customdata") for point in points]
    ids = [value for value in ids if isinstance(value, str) and value]
    return ids[-1] if ids else None


def zoom_windows(items: pd.DataFrame) -> dict[str, tuple[pd.Timestamp, pd.Timestamp]]:
    """The two presets of the time axis, from the items themselves.

    "crisis": the days of the crisis items (not background) with one day either side;
    "since_war": from the first item (the background) to the end of the crisis, with a margin.
    """
    # The two date columns only: taking the crisis rows of every column cost 30 ms at scale.
    crisis = ~items["is_background"].astype(bool).to_numpy()
    starts, ends = items["start_date"], items["end_date"]
    if crisis.any():
        starts, ends = starts[crisis], ends[crisis]
    first_day = starts.min().normalize() - pd.Timedelta(days=1)
    after_last_day = ends.max().normalize() + pd.Timedelta(days=2)
    earliest = min(items["start_date"].min().normalize(), first_day)
    margin = (after_last_day - earliest) * LONG_VIEW_MARGIN
    return {
        "crisis": (first_day, after_last_day),
        "since_war": (earliest - margin, after_last_day + margin),
    }
