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


# The crisis window, 12–16 May 2021: the days the "Crisis days" preset shows
# whatever the data (with more articles, later items would stretch a window taken from them).
CRISIS_WINDOW = (pd.Timestamp("2021-05-12"), pd.Timestamp("2021-05-17"))


# The long view starts with the autumn 2020 war; older background (the 1990s war) is left
# of it, counted by the chart's note, not a 30-year axis.
WAR_START = pd.Timestamp("2020-09-01")


# The presets of the time axis: key -> label, in the page's order.
ZOOM_PRESETS = {
    "crisis": "Crisis days",
    "reporting": "Reporting period",
    "since_war": "Since the war",
}


def zoom_windows(
    items: pd.DataFrame, published_dates: pd.Series | None = None
) -> dict[str, tuple[pd.Timestamp, pd.Timestamp]]:
    """The presets of the time axis (ZOOM_PRESETS), from the items and publication days.

    "crisis": CRISIS_WINDOW; "reporting": the first to the last publication day (the
    corpus's reporting period), at least the crisis window; "since_war": from the first
    item since WAR_START to the end of the other two, with a margin.
    """
    crisis_start, crisis_end = CRISIS_WINDOW
    reporting = (crisis_start, crisis_end)
    if published_dates is not None and len(published_dates):
        first_day = published_dates.min().normalize()
        after_last_day = published_dates.max().normalize() + pd.Timedelta(days=1)
        reporting = (min(first_day, crisis_start), max(after_last_day, crisis_end))
    # The two date columns only: taking the crisis rows of every column cost 30 ms at scale.
    crisis = ~items["is_background"].astype(bool).to_numpy()
    ends = items["end_date"][crisis] if crisis.any() else items["end_date"]
    last_day = max(ends.max().normalize() + pd.Timedelta(days=2), reporting[1])
    starts = items["start_date"]
    recent = starts[starts >= WAR_START]
    earliest = min(recent.min() if len(recent) else crisis_start, crisis_start).normalize()
    margin = (last_day - earliest) * LONG_VIEW_MARGIN
    return {
        "crisis": (crisis_start, crisis_end),
        "reporting": reporting,
        "since_war": (earliest - margin, last_day + margin),
    }


def report_day(published_dates: pd.Series) -> pd.Timestamp | None:
    """The publication day to mark on the chart, when every article shares one (a single
    article: its undated items sit on that day). Over many days, a line per day would be
    noise: the Sources page shows when each article came out."""
    days = published_dates.dropna().dt.normalize().unique()
    return pd.Timestamp(days[0]) if len(days) == 1 else None
