"""Piles and per-window rows on hand-made items: a lane's busy day as one marker, and days
outside the window taking no rows of their own."""

import pandas as pd

from components.timeline.figure_layout import EMPTY_LANE_NOTE, _lanes
from components.timeline.figures import build_timeline_figure
from components.timeline.items import ITEM_COLUMNS
from components.timeline.lanes import _plain, lanes_of_items, place_in_lanes, stack_in_lanes
from components.timeline.piles import (
    pile_centres,
    pile_label,
    pile_members,
    pile_period,
    pile_sizes,
    piles_of,
)
from components.timeline.window import EMPTY_LANE_ROWS, MAX_DAY_ROWS, placed_for_window

ACTORS = pd.DataFrame(
    {"actor_id": ["a"], "actor_name": ["A"], "actor_type": ["state"],
     "parent_actor_id": [None], "state_actor_id": ["a"]}
)  # fmt: skip

MAY_14 = pd.Timestamp("2021-05-14")
MAY_28 = pd.Timestamp("2021-05-28")


def _items(days: list[pd.Timestamp], precision: str = "day") -> pd.DataFrame:
    """Statements of actor "a", one per day given, dated to that day (a point at midday)."""
    items = pd.DataFrame(
        {
            "item_id": [f"statement:s{i}" for i in range(len(days))],
            "kind": "statement",
            "record_id": [f"s{i}" for i in range(len(days))],
            "item_type": "claim",
            "lane_actor_ids": [("a",)] * len(days),
            "start_date": days,
            "end_date": days,
            "date_precision": precision,
            "x_marker": [day + pd.Timedelta(hours=12) for day in days],
            "x_start": pd.NaT,
            "x_end": pd.NaT,
            "background_start_date": pd.NaT,
        }
    )
    return items.reindex(columns=ITEM_COLUMNS)


def test_a_busy_day_piles_on_one_row_and_lists_every_item():
    items = _items([MAY_14] * 4 + [MAY_28] * 2)
    laned = _plain(lanes_of_items(items, ACTORS, "actor"))
    assert pile_sizes(laned) == [4], "two items on a day are no pile"
    placed = stack_in_lanes(laned, min_pile=4)
    assert placed["row"].max() == 1, "the pile's row, and the two of 28 May"
    assert placed["pile_id"].dropna().unique().tolist() == ["pile:a/2021-05-14"]
    assert len(pile_members(placed, "pile:a/2021-05-14")) == 4
    assert pile_label(placed, "pile:a/2021-05-14") == "A, 14 May 2021"
    assert pile_label(placed, "pile:a/2021-05-15") is None


def test_days_outside_the_window_take_no_rows_of_their_own():
    """Two items on 14 May inside, five on 28 May outside: two rows, not five."""
    placed = place_in_lanes(_items([MAY_14] * 2 + [MAY_28] * 5), ACTORS, "actor")
    assert placed["row"].max() + 1 == 5
    shown = placed_for_window(placed, (pd.Timestamp("2021-05-12"), pd.Timestamp("2021-05-17")))
    assert shown["row"].max() + 1 == 2
    assert shown.loc[shown["start_date"] == MAY_28, "pile_id"].eq("pile:a/2021-05-28").all()
    assert shown.loc[shown["start_date"] == MAY_14, "pile_id"].isna().all()
    # The window that shows 28 May draws its items one by one.
    late = placed_for_window(placed, (pd.Timestamp("2021-05-27"), pd.Timestamp("2021-05-29")))
    assert late.loc[late["start_date"] == MAY_28, "pile_id"].isna().all()
    assert late["row"].max() + 1 == 5


def test_a_lane_no_taller_outside_the_window_is_left_as_it_is():
    placed = place_in_lanes(_items([MAY_14] * 3 + [MAY_28] * 2), ACTORS, "actor")
    shown = placed_for_window(placed, (pd.Timestamp("2021-05-12"), pd.Timestamp("2021-05-17")))
    assert shown["pile_id"].isna().all()
    assert shown["row"].tolist() == placed["row"].tolist()


def _two_lanes(days_a: list[pd.Timestamp], days_b: list[pd.Timestamp]) -> pd.DataFrame:
    """Statements of actor "a" on ``days_a`` and of actor "b" on ``days_b``."""
    a, b = _items(days_a), _items(days_b)
    b = b.assign(
        item_id=[f"statement:b{i}" for i in range(len(b))],
        record_id=[f"b{i}" for i in range(len(b))],
        lane_actor_ids=[("b",)] * len(b),
    )
    return pd.concat([a, b], ignore_index=True)


TWO_ACTORS = pd.concat(
    [ACTORS, ACTORS.assign(actor_id="b", actor_name="B", state_actor_id="b")], ignore_index=True
)
CRISIS_DAYS = (pd.Timestamp("2021-05-12"), pd.Timestamp("2021-05-17"))


def test_a_lane_with_nothing_in_the_window_is_a_thin_line():
    """B speaks on 28 May only: on 12-17 May its lane is half a row (its label and a line),
    not the row its pile of 28 May took; its items stay in that pile."""
    placed = place_in_lanes(_two_lanes([MAY_14] * 2, [MAY_28] * 3), TWO_ACTORS, "actor")
    shown = placed_for_window(placed, CRISIS_DAYS)
    b = shown[shown["lane_id"] == "b"]
    assert b["lane_empty"].all()
    assert not shown.loc[shown["lane_id"] == "a", "lane_empty"].any()
    assert b["pile_id"].eq("pile:b/2021-05-28").all()
    lanes = _lanes(shown)
    heights = dict(zip(lanes["lane_label"], lanes["bottom"] - lanes["top"], strict=True))
    assert heights == {"A": 2, "B": EMPTY_LANE_ROWS}
    drawn = build_timeline_figure(placed, CRISIS_DAYS)
    notes = [note.text for note in drawn.layout.annotations]
    assert notes.count(EMPTY_LANE_NOTE) == 1
    # The window that shows 28 May draws B's items one by one, and A's lane is the line.
    late = placed_for_window(placed, (pd.Timestamp("2021-05-27"), pd.Timestamp("2021-05-29")))
    assert late.loc[late["lane_id"] == "b", "pile_id"].isna().all()
    assert late.groupby("lane_id")["lane_empty"].first().to_dict() == {"a": True, "b": False}


def test_piles_are_chosen_for_the_window_shown():
    """Piles made for all dates (both busy days, to fit a budget of 7 rows) are chosen again
    for the window: 12-17 May fits its 6 items of 14 May one by one; 27-29 May piles its 8
    items of 28 May; a day of more than MAX_DAY_ROWS items piles in any window."""
    placed = stack_in_lanes(_plain(lanes_of_items(_items([MAY_14] * 6 + [MAY_28] * 8), ACTORS)), 6)
    assert placed["pile_id"].notna().all()
    early = placed_for_window(placed, CRISIS_DAYS, max_rows=7)
    assert early.loc[early["start_date"] == MAY_14, "pile_id"].isna().all()
    assert early["row"].max() + 1 == 6
    assert early.loc[early["start_date"] == MAY_28, "pile_id"].eq("pile:a/2021-05-28").all()
    late = placed_for_window(placed, (pd.Timestamp("2021-05-27"), pd.Timestamp("2021-05-29")), 7)
    assert late.loc[late["start_date"] == MAY_28, "pile_id"].eq("pile:a/2021-05-28").all()
    busy = place_in_lanes(_items([MAY_14] * (MAX_DAY_ROWS + 1)), ACTORS, "actor")
    assert placed_for_window(busy, CRISIS_DAYS)["pile_id"].eq("pile:a/2021-05-14").all()
    fits = place_in_lanes(_items([MAY_14] * MAX_DAY_ROWS), ACTORS, "actor")
    assert placed_for_window(fits, CRISIS_DAYS)["pile_id"].isna().all()


# About 232 days on the plot, as the corpus's reporting period: half a day a pixel, so a
# marker's 15 px take seven days and a pile's 24 px twelve.
LONG_SPAN = (pd.Timestamp("2021-05-12"), pd.Timestamp("2021-12-30"))


def test_over_a_long_span_a_busy_week_piles_when_no_day_can():
    """One statement a day, 10-23 May: at half a day a pixel the markers of a week overlap,
    so they need 8 rows; no day holds the 3 items a pile needs. With a budget of 4 rows, each
    week piles (10-16 May, 17-23 May; the days of 10 and 11 May, before the window, are in
    the first): two squares at the weeks' middles (Thursday noon) that a pile's room keeps
    on two rows. With a budget of 1, the month piles."""
    days = list(pd.date_range("2021-05-10", "2021-05-23"))
    placed = place_in_lanes(_items(days), ACTORS, "actor")
    assert placed_for_window(placed, LONG_SPAN, max_rows=8)["pile_id"].isna().all()
    weeks = placed_for_window(placed, LONG_SPAN, max_rows=4)
    assert weeks["pile_id"].tolist() == ["pile:a/2021-W19"] * 7 + ["pile:a/2021-W20"] * 7
    assert weeks["row"].tolist() == [0] * 7 + [1] * 7
    centres = pile_centres(weeks).unique().tolist()
    assert centres == [pd.Timestamp("2021-05-13 12:00"), pd.Timestamp("2021-05-20 12:00")]
    assert len(pile_members(weeks, "pile:a/2021-W19")) == 7
    assert pile_label(weeks, "pile:a/2021-W19") == "A, week of 10 May 2021"
    assert piles_of(weeks)["when"].tolist() == [
        "in the week of 10 May 2021",
        "in the week of 17 May 2021",
    ]
    month = placed_for_window(placed, LONG_SPAN, max_rows=1)
    assert month["pile_id"].eq("pile:a/2021-05").all()
    assert pile_label(month, "pile:a/2021-05") == "A, May 2021"
    assert pile_centres(month).eq(pd.Timestamp("2021-05-16 12:00")).all()


def test_a_week_that_is_one_pile_already_stays_a_day():
    """Eight statements on 14 May and one a day on 24-30 May, a budget of 2 rows: the busy
    day piles; its week, the busiest but one square already, stays the day's (as a week
    it would save no row and lose its day); the next week piles."""
    days = [MAY_14] * 8 + list(pd.date_range("2021-05-24", "2021-05-30"))
    placed = place_in_lanes(_items(days), ACTORS, "actor")
    shown = placed_for_window(placed, LONG_SPAN, max_rows=2)
    assert shown["pile_id"].unique().tolist() == ["pile:a/2021-05-14", "pile:a/2021-W21"]
    assert shown["row"].max() == 0


def test_a_piles_period_is_read_from_its_id():
    assert pile_period("pile:a/b/2021-05-14") == (
        "day",
        pd.Timestamp("2021-05-14"),
        pd.Timestamp("2021-05-15"),
    )
    assert pile_period("pile:a/2021-W01")[1:] == (
        pd.Timestamp("2021-01-04"),
        pd.Timestamp("2021-01-11"),
    )
    assert pile_period("pile:a/2020-12") == (
        "month",
        pd.Timestamp("2020-12-01"),
        pd.Timestamp("2021-01-01"),
    )
