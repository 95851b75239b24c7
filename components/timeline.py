"""Reshaping for the Timeline page: statements and events as one frame of dated items.

`timeline_items` turns both tables into items with one id ("statement:s05", "event:e08"),
a readable who/what/when and the time span to draw: a point for a day, a span for a part
of the day, a month or a season (never a made-up exact day). `place_in_lanes` puts each
item in the swimlane of each of its actors (or of their type, or of the state they count
for) and stacks items that would overlap in a lane, so every item can be seen and clicked.
Pure pandas, no streamlit, no plotting.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from components.data import Dataset
from components.data.schemas import ACTOR_TYPES

ITEM_KINDS = ("statement", "event")

# Lane groupings the page offers: key -> label.
LANE_GROUPINGS = {
    "actor": "Actor",
    "actor_type": "Actor type",
    "state": "State or organisation",
}

# Hours after midnight where a part of the day is drawn: what the words say, not a time
# the text gives. "night" runs into the next morning.
PART_OF_DAY_HOURS = {
    "morning": (6, 12),
    "daytime": (8, 20),
    "afternoon": (12, 18),
    "evening": (18, 24),
    "night": (21, 30),
}

# A day-precise or undated item is drawn at midday, the middle of the day it stands for.
MIDDAY = pd.Timedelta(hours=12)

# Room a point takes in its lane when items are stacked: points on the same day of a lane
# go on separate rows, points on different days may share one.
POINT_HALF_WIDTH = pd.Timedelta(hours=3)

# Precisions drawn as spans; the coarse ones are also labelled with their precision.
SPAN_PRECISIONS = ("part_of_day", "month", "season", "range")
COARSE_PRECISIONS = ("month", "season")
# Precisions whose span says "somewhere in here", drawn as visibly uncertain.
UNCERTAIN_PRECISIONS = ("part_of_day", "month", "season")

# What each precision means for the reader, shown in hover text and the detail panel.
PRECISION_NOTES = {
    "day": "exact day",
    "part_of_day": "part of a day",
    "month": "month only: the text gives no day",
    "season": "season only: the text gives no month or day",
    "range": "range of days",
    "as_reported": "undated in the text: shown at the date of the report",
}

# Room either side of the long view, as a share of its length, so no marker sits on the edge.
LONG_VIEW_MARGIN = 0.04

# Vertical room between two lanes, in rows.
LANE_GAP = 0.7

# Length of the shortened quote in hover text.
SUMMARY_CHARS = 110

ITEM_COLUMNS = [
    "item_id",
    "kind",
    "record_id",
    "item_type",
    "type_key",
    "title",
    "quote",
    "who",
    "target_name",
    "lane_actor_ids",
    "start_date",
    "end_date",
    "date_precision",
    "part_of_day",
    "date_label",
    "precision_note",
    "is_background",
    "background_start_date",
    "background_end_date",
    "background_date_source",
    "x_marker",
    "x_start",
    "x_end",
]

TABLE_COLUMNS = {
    "start_date": "From",
    "end_date": "To",
    "date_label": "When",
    "date_precision": "Precision",
    "kind": "Kind",
    "item_type": "Type",
    "who": "Who",
    "title": "What",
    "quote": "Words of the article",
    "is_background": "Background",
    "item_id": "Item",
}


def item_id(kind: str, record_id: str) -> str:
    """The item id of a record: "statement:s05", "event:e08"."""
    return f"{kind}:{record_id}"


def split_item_id(value: str) -> tuple[str, str]:
    """("statement", "s05") from "statement:s05"; ValueError for anything else."""
    kind, _, record_id = str(value).partition(":")
    if kind not in ITEM_KINDS or not record_id:
        raise ValueError(f"not a timeline item id: {value!r} (expected 'statement:<id>')")
    return kind, record_id


def shorten(text: str, limit: int = SUMMARY_CHARS) -> str:
    """The text cut at a word boundary to at most ``limit`` characters, with an ellipsis."""
    flat = " ".join(str(text).split())
    if len(flat) <= limit:
        return flat
    return flat[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def timeline_items(ds: Dataset) -> pd.DataFrame:
    """One row per statement and per event, with what to show and the time span to draw."""
    names = ds.actors.set_index("actor_id")["actor_name"]
    frames = [_statement_items(ds.statements, names), _event_items(ds.events, names)]
    frames = [frame for frame in frames if not frame.empty]
    if not frames:
        return pd.DataFrame(columns=ITEM_COLUMNS)
    items = pd.concat(frames, ignore_index=True)
    items["precision_note"] = items.apply(_precision_note, axis=1)
    items = items.pipe(_with_positions)
    items = items.sort_values(["start_date", "kind", "record_id"], kind="stable")
    return items[ITEM_COLUMNS].reset_index(drop=True)


def _statement_items(statements: pd.DataFrame, names: pd.Series) -> pd.DataFrame:
    speaker = statements["speaker_actor_id"].map(names)
    target = statements["target_actor_id"].map(names)
    who = speaker.where(target.isna(), speaker + " → " + target)
    item_type = statements["statement_type"]
    return pd.DataFrame(
        {
            "item_id": [item_id("statement", sid) for sid in statements["statement_id"]],
            "kind": "statement",
            "record_id": statements["statement_id"],
            "item_type": item_type,
            "type_key": "statement:" + item_type,
            "title": speaker + ": " + item_type.str.replace("_", " "),
            "quote": statements["quote"],
            "who": who,
            "target_name": target,
            "lane_actor_ids": [(actor_id,) for actor_id in statements["speaker_actor_id"]],
            "start_date": statements["start_date"],
            "end_date": statements["end_date"],
            "date_precision": statements["date_precision"],
            "part_of_day": statements["part_of_day"],
            "date_label": statements["date_label"],
            "is_background": False,
            "background_start_date": pd.NaT,
            "background_end_date": pd.NaT,
            "background_date_source": None,
        }
    )


def _event_items(events: pd.DataFrame, names: pd.Series) -> pd.DataFrame:
    who = [
        ", ".join(names.get(actor_id, actor_id) for actor_id in ids) for ids in events["actor_ids"]
    ]
    return pd.DataFrame(
        {
            "item_id": [item_id("event", eid) for eid in events["event_id"]],
            "kind": "event",
            "record_id": events["event_id"],
            "item_type": events["event_type"],
            "type_key": "event:" + events["event_type"],
            "title": events["title"],
            "quote": events["quote"],
            "who": who,
            "target_name": None,
            "lane_actor_ids": [tuple(ids) for ids in events["actor_ids"]],
            "start_date": events["start_date"],
            "end_date": events["end_date"],
            "date_precision": events["date_precision"],
            "part_of_day": events["part_of_day"],
            "date_label": events["date_label"],
            "is_background": events["is_background"].astype(bool),
            "background_start_date": events["background_start_date"],
            "background_end_date": events["background_end_date"],
            "background_date_source": events["background_date_source"],
        },
        index=events.index,
    )


def _precision_note(item: pd.Series) -> str:
    if item["date_precision"] == "part_of_day" and isinstance(item["part_of_day"], str):
        first, last = PART_OF_DAY_HOURS[item["part_of_day"]]
        return f"{item['part_of_day']} (drawn {_hour(first)}–{_hour(last)})"
    return PRECISION_NOTES[item["date_precision"]]


def _hour(hours: int) -> str:
    if hours > 24:
        return f"{hours - 24:02d}:00 next day"
    return f"{hours:02d}:00"


def _with_positions(items: pd.DataFrame) -> pd.DataFrame:
    """Add x_start/x_end (the span, NaT for points) and x_marker (where the marker sits)."""
    spans = [_span(item) for _, item in items.iterrows()]
    x_start = pd.Series([span[0] if span else pd.NaT for span in spans], index=items.index)
    x_end = pd.Series([span[1] if span else pd.NaT for span in spans], index=items.index)
    x_start, x_end = x_start.astype("datetime64[ns]"), x_end.astype("datetime64[ns]")
    midday = items["start_date"].astype("datetime64[ns]") + MIDDAY
    middle = x_start + (x_end - x_start) / 2
    marker = middle.where(x_start.notna(), midday)
    return items.assign(x_start=x_start, x_end=x_end, x_marker=marker)


def _span(item: pd.Series) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    precision = item["date_precision"]
    day = pd.Timestamp(item["start_date"])
    if precision == "part_of_day" and isinstance(item["part_of_day"], str):
        first, last = PART_OF_DAY_HOURS[item["part_of_day"]]
        return day + pd.Timedelta(hours=first), day + pd.Timedelta(hours=last)
    if precision in SPAN_PRECISIONS:
        return day, pd.Timestamp(item["end_date"]) + pd.Timedelta(days=1)
    return None


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
    ordered = items.drop_duplicates("type_key").sort_values(
        ["kind", "item_type"], ascending=[False, True]
    )
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
    crisis = items[~items["is_background"].astype(bool)]
    basis = crisis if not crisis.empty else items
    first_day = basis["start_date"].min().normalize() - pd.Timedelta(days=1)
    after_last_day = basis["end_date"].max().normalize() + pd.Timedelta(days=2)
    earliest = min(items["start_date"].min().normalize(), first_day)
    margin = (after_last_day - earliest) * LONG_VIEW_MARGIN
    return {
        "crisis": (first_day, after_last_day),
        "since_war": (earliest - margin, after_last_day + margin),
    }


def place_in_lanes(
    items: pd.DataFrame, actors: pd.DataFrame, grouping: str = "actor"
) -> pd.DataFrame:
    """One row per item and lane, with the lane, the row inside it (stacking) and y.

    An item goes in the lane of each of its actors: the speaker for a statement, every
    actor for an event (talks between two states appear in both lanes, so each actor's lane
    tells its whole story). Lanes are ordered top to bottom by ``lane_index``; y grows
    downwards, one unit per row, with LANE_GAP between lanes.
    """
    if grouping not in LANE_GROUPINGS:
        raise ValueError(
            f"unknown lane grouping {grouping!r}; expected one of {list(LANE_GROUPINGS)}"
        )
    columns = [*ITEM_COLUMNS, "lane_id", "lane_label", "lane_group", "lane_index", "row", "y"]
    if items.empty:
        return pd.DataFrame(columns=columns)
    exploded = items.explode("lane_actor_ids").rename(columns={"lane_actor_ids": "actor_id"})
    info = _actor_lane_info(actors, grouping)
    exploded = exploded.merge(info, on="actor_id", how="left", validate="m:1")
    exploded = exploded.drop_duplicates(["item_id", "lane_id"])
    lanes = _ordered_lanes(exploded, actors, grouping)
    exploded = exploded.merge(lanes, on="lane_id", how="left", validate="m:1")
    exploded["row"] = _stack_rows(exploded)
    rows_per_lane = exploded.groupby("lane_index")["row"].max() + 1
    offsets = (rows_per_lane + LANE_GAP).cumsum().shift(fill_value=0)
    exploded["y"] = exploded["lane_index"].map(offsets) + exploded["row"]
    exploded["lane_actor_ids"] = exploded["actor_id"]
    placed = exploded.drop(columns="actor_id")
    placed = placed.sort_values(["lane_index", "row", "x_marker"], kind="stable")
    return placed[columns].reset_index(drop=True)


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


def _ordered_lanes(placed: pd.DataFrame, actors: pd.DataFrame, grouping: str) -> pd.DataFrame:
    """lane_id -> lane_index: busiest groups first; inside a group, the state before its people."""
    lanes = placed.groupby("lane_id", as_index=False).agg(
        lane_label=("lane_label", "first"),
        lane_group=("lane_group", "first"),
        items=("item_id", "nunique"),
    )
    group_items = placed.groupby("lane_group")["item_id"].nunique()
    lanes["group_items"] = lanes["lane_group"].map(group_items)
    if grouping == "actor":
        depth = _depths(actors)
        lanes["depth"] = lanes["lane_id"].map(depth).fillna(0)
    elif grouping == "actor_type":
        lanes["depth"] = lanes["lane_id"].map({kind: i for i, kind in enumerate(ACTOR_TYPES)})
    else:
        lanes["depth"] = 0
    if grouping == "actor_type":
        keys, ascending = ["depth", "lane_label"], [True, True]
    else:
        keys = ["group_items", "lane_group", "depth", "items", "lane_label"]
        ascending = [False, True, True, False, True]
    lanes = lanes.sort_values(keys, ascending=ascending, kind="stable").reset_index(drop=True)
    lanes["lane_index"] = range(len(lanes))
    return lanes[["lane_id", "lane_index"]]


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


def _stack_rows(placed: pd.DataFrame) -> pd.Series:
    """Row of each item in its lane: the first row free at its start (interval stacking)."""
    starts = placed["x_start"].fillna(placed["x_marker"] - POINT_HALF_WIDTH)
    ends = placed["x_end"].fillna(placed["x_marker"] + POINT_HALF_WIDTH)
    order = placed.assign(_start=starts, _end=ends).sort_values(
        ["lane_index", "_start", "kind", "record_id"], kind="stable"
    )
    rows = pd.Series(0, index=placed.index)
    for _, lane in order.groupby("lane_index", sort=False):
        row_ends: list[pd.Timestamp] = []
        for index, start, end in zip(lane.index, lane["_start"], lane["_end"], strict=True):
            free = next((row for row, last in enumerate(row_ends) if last <= start), None)
            if free is None:
                row_ends.append(end)
                free = len(row_ends) - 1
            else:
                row_ends[free] = end
            rows[index] = free
    return rows


def items_table(items: pd.DataFrame) -> pd.DataFrame:
    """The items as the page's table shows them: one row each, readable column names."""
    table = items.sort_values(["start_date", "x_marker", "item_id"], kind="stable")
    table = table[list(TABLE_COLUMNS)].rename(columns=TABLE_COLUMNS)
    for column in ("From", "To"):
        table[column] = table[column].dt.date
    for column in ("Precision", "Type"):
        table[column] = table[column].str.replace("_", " ")
    return table.reset_index(drop=True)


def table_csv(table: pd.DataFrame) -> bytes:
    """The table exactly as shown, as UTF-8 CSV; cells stay literal (README, "Downloads")."""
    return table.to_csv(index=False).encode("utf-8")


@dataclass(frozen=True)
class ItemDetail:
    """Everything the detail panel shows about one item."""

    item_id: str
    kind: str
    record_id: str
    title: str
    item_type: str
    quote: str
    sentence: str
    date_label: str
    date_precision: str
    precision_note: str
    date_quote: str | None
    people: list[tuple[str, str]]
    facts: list[tuple[str, str]] = field(default_factory=list)
    stances: pd.DataFrame = field(default_factory=pd.DataFrame)


def item_detail(ds: Dataset, value: str) -> ItemDetail | None:
    """The detail of one item id, or None when the item is not in ``ds``."""
    kind, record_id = split_item_id(value)
    table = ds.statements if kind == "statement" else ds.events
    matches = table[table[f"{kind}_id"] == record_id]
    if matches.empty:
        return None
    record = matches.iloc[0]
    names = ds.actors.set_index("actor_id")["actor_name"]
    places = ds.locations.set_index("location_id")["location_name"]
    precision_note = _precision_note(record)
    common = {
        "item_id": value,
        "kind": kind,
        "record_id": record_id,
        "quote": record["quote"],
        "sentence": record["sentence"],
        "date_label": record["date_label"],
        "date_precision": record["date_precision"],
        "precision_note": precision_note,
        "date_quote": _text_or_none(record["date_quote"]),
    }
    place = places.get(record["location_id"]) if isinstance(record["location_id"], str) else None
    if kind == "statement":
        return _statement_detail(ds, record, names, place, common)
    return _event_detail(record, names, place, common)


def _statement_detail(ds, record, names, place, common) -> ItemDetail:
    people = [("Speaker", names.get(record["speaker_actor_id"], record["speaker_actor_id"]))]
    if isinstance(record["target_actor_id"], str):
        people.append(("Target", names.get(record["target_actor_id"], record["target_actor_id"])))
    if isinstance(record["reported_by_actor_id"], str):
        people.append(("Reported by", names.get(record["reported_by_actor_id"])))
    facts = [("Words", "direct quote" if record["is_direct_quote"] else "reported speech")]
    if isinstance(record["cameo_code"], str):
        facts.append(("CAMEO code", record["cameo_code"]))
    if place:
        facts.append(("About", place))
    if isinstance(record["contradicts_statement_id"], str):
        other = ds.statements["statement_id"] == record["contradicts_statement_id"]
        facts.append(("Contradicts", _statement_names(ds.statements[other], names)))
    contradicted_by = ds.statements["contradicts_statement_id"] == record["statement_id"]
    if contradicted_by.any():
        facts.append(("Contradicted by", _statement_names(ds.statements[contradicted_by], names)))
    return ItemDetail(
        title=f"{readable(record['statement_type']).capitalize()} by {people[0][1]}",
        item_type=record["statement_type"],
        people=people,
        facts=facts,
        stances=_stances(ds, record["statement_id"], names),
        **common,
    )


def _event_detail(record, names, place, common) -> ItemDetail:
    people = [
        ("Actors", ", ".join(names.get(actor_id, actor_id) for actor_id in record["actor_ids"]))
    ]
    facts = [("Status", record["status"])]
    if place:
        facts.append(("Where", place))
    if pd.notna(record["background_start_date"]):
        exact = _day_range(record["background_start_date"], record["background_end_date"])
        facts.append(("Exact dates (outside source)", exact))
        facts.append(("Source of the exact dates", record["background_date_source"]))
    if record["is_background"]:
        facts.append(("Background", "before the May 2021 crisis"))
    return ItemDetail(
        title=record["title"],
        item_type=record["event_type"],
        people=people,
        facts=facts,
        **common,
    )


def _statement_names(statements: pd.DataFrame, names: pd.Series) -> str:
    """ "s19 (Spokesperson for the Russian presidency, denial)" for each statement."""
    return "; ".join(
        f"{row.statement_id} ({names.get(row.speaker_actor_id)}, {readable(row.statement_type)})"
        for row in statements.itertuples(index=False)
    )


def _stances(ds: Dataset, statement_id: str, names: pd.Series) -> pd.DataFrame:
    stances = ds.stances[ds.stances["statement_id"] == statement_id]
    labels = ds.issues.set_index("issue_id")["issue_label"]
    return pd.DataFrame(
        {
            "Actor": stances["actor_id"].map(names),
            "Issue": stances["issue_id"].map(labels),
            "Stance": stances["stance"],
        }
    ).reset_index(drop=True)


def _day_range(start: pd.Timestamp, end: pd.Timestamp) -> str:
    if pd.isna(end) or start == end:
        return f"{start.day} {start:%B %Y}"
    return f"{start.day} {start:%B %Y} – {end.day} {end:%B %Y}"


def _text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def readable(item_type: str) -> str:
    """A codebook type as words: "appeal_for_assistance" -> "appeal for assistance"."""
    return str(item_type).replace("_", " ")
