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
from functools import cached_property
from itertools import chain

import numpy as np
import pandas as pd

from components.data import Dataset
from components.data.schemas import ACTOR_TYPES
from components.filters import in_order, isin_many

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

# Above this many markers (items x lanes) the chart draws counts per lane and period, not
# single items: more SVG markers make the browser slow to draw and the chart unreadable.
MAX_MARKERS = 1_500
# Count bubbles drawn at most: the period (day, week, month...) is the finest that fits.
MAX_BUBBLES = 2_000
# Lanes drawn at most; the quieter ones are folded into one last lane, so the chart stays
# readable with hundreds of actors (the curated data has 17).
MAX_LANES = 30
OTHER_LANE_ID = "__other__"
# Rows of the item table sent to the browser at most, the first in time order; the CSV
# download has them all. 120,000 rows took ~250 ms to send on every rerun.
MAX_TABLE_ROWS = 5_000
# Periods a count bubble may stand for, finest first.
BUCKETS = ("day", "week", "month", "quarter", "year")

# Item columns of few distinct values, filled per kind of item: pandas categoricals (see
# `timeline_items`). The precision, the part of the day and the precision note are too.
KIND_CATEGORY_COLUMNS = ("kind", "item_type", "type_key", "title", "who", "target_name")

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
    """One row per statement and per event, with what to show and the time span to draw.

    Columns of few distinct values (KIND_CATEGORY_COLUMNS, the precision, the part of the
    day and the precision note) are pandas categoricals with sorted categories: they read,
    compare and sort as their strings do, and are carried as integer codes.
    """
    names = ds.actors.set_index("actor_id")["actor_name"]
    frames = [_statement_items(ds.statements, names), _event_items(ds.events, names)]
    frames = [frame for frame in frames if not frame.empty]
    if not frames:
        return pd.DataFrame(columns=ITEM_COLUMNS)
    items = _concat_items(frames).pipe(_with_positions)
    return items[ITEM_COLUMNS].take(_time_order(items)).reset_index(drop=True)


def _concat_items(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """The items of each kind one after the other, their categoricals united (a plain concat
    turns categoricals with different categories back into strings)."""
    united = {
        name: _united([_categorical(frame[name]) for frame in frames])
        for name in KIND_CATEGORY_COLUMNS
    }
    items = pd.concat(
        [frame.drop(columns=list(KIND_CATEGORY_COLUMNS)) for frame in frames], ignore_index=True
    )
    return items.assign(**united)[frames[0].columns]


def _categorical(values: pd.Series) -> pd.Categorical:
    """``values`` as a categorical with sorted string categories (as it is if it is one)."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        return values.array
    return _categorical_at(values, np.arange(len(values)))


def _united(parts: list[pd.Categorical]) -> pd.Categorical:
    """The categoricals one after the other, on the sorted union of their categories."""
    categories = parts[0].categories
    for part in parts[1:]:
        categories = categories.union(part.categories)
    categories = categories.sort_values()
    # A code of -1 (no value) stays -1: it picks the -1 appended to each recoding.
    codes = [np.append(categories.get_indexer(part.categories), -1)[part.codes] for part in parts]
    return pd.Categorical.from_codes(np.concatenate(codes), categories=categories)


def _categorical_at(values: pd.Series, positions: np.ndarray) -> pd.Categorical:
    """``values.take(positions)`` as a categorical (sorted categories): the few ``values``
    are factorized, and only their integer codes are taken."""
    codes, uniques = pd.factorize(values, sort=True)
    return pd.Categorical.from_codes(codes[positions], categories=uniques.astype("str"))


def items_in(items: pd.DataFrame, ds: Dataset) -> pd.DataFrame:
    """The rows of ``items`` (from `timeline_items` of a whole dataset) whose statement or
    event is in ``ds`` (a part of it, `components.filters.filter_dataset`), in their order.

    The same rows as ``timeline_items(ds)``, because an item only depends on its record and
    the names of its actors, which a filtered dataset keeps; taking them is much cheaper
    than building them again (a mask, where building sorts and formats every row).
    """
    keep = np.zeros(len(items), dtype=bool)
    for kind, frame, id_column in (
        ("statement", ds.statements, "statement_id"),
        ("event", ds.events, "event_id"),
    ):
        of_kind = (items["kind"] == kind).to_numpy(dtype=bool)
        keep |= of_kind & isin_many(items["record_id"], frame[id_column])
    return items[keep].reset_index(drop=True)


def _time_order(items: pd.DataFrame) -> np.ndarray:
    """Positions of the items by start date, marker, kind and record id, ties in frame order.

    What a stable ``sort_values`` on those columns gives, on integer keys (sorting on the
    strings took 85 ms at 120,000 items). Kind and record id sort as the item id does, so
    this is also the order of the page's table (`items_table`), which then needs no sort.
    """
    kind_rank = pd.factorize(items["kind"], sort=True)[0]
    record_rank = _record_rank(items["record_id"], kind_rank)
    day = items["start_date"].to_numpy("datetime64[ns]").view(np.int64)
    marker = items["x_marker"].to_numpy("datetime64[ns]").view(np.int64)
    return np.lexsort((record_rank, kind_rank, marker, day))


def _record_rank(record_ids: pd.Series, kind_rank: np.ndarray) -> np.ndarray:
    """A rank of the record ids that orders the items of each kind as their ids sort.

    When the items of each kind come in one block, their ids in increasing order (records
    are numbered in the order of their files, and `timeline_items` keeps it), the positions
    are such a rank: checked on neighbours, where sorting 120,000 ids took 10 ms.
    """
    if len(record_ids) < 2:
        return np.arange(len(record_ids))
    _, rising = in_order(record_ids)
    kind_changes = kind_rank[1:] != kind_rank[:-1]
    # Each kind in one block (statements, then events), ids not decreasing inside a block.
    in_blocks = np.count_nonzero(kind_changes) == len(np.unique(kind_rank)) - 1
    if in_blocks and (rising | kind_changes).all():
        return np.arange(len(record_ids))
    rank = np.empty(len(record_ids), dtype=np.int64)
    rank[record_ids.argsort(kind="stable").to_numpy()] = np.arange(len(record_ids))
    return rank


def _per_distinct(keys: pd.DataFrame, build, categories: tuple[str, ...] = ()) -> pd.DataFrame:
    """``build(keys)``, computed once per distinct row of ``keys`` and spread back.

    A string operation on 100,000 rows costs 10 to 40 ms; speakers, targets, types and
    precisions take a few hundred distinct values, so the work is done on those. The built
    columns named in ``categories`` come back as categoricals with sorted categories (their
    codes spread, not their strings), the others as values.
    """
    codes = np.zeros(len(keys), dtype=np.int64)
    uniques = []
    for name in keys.columns:
        column_codes, column_uniques = pd.factorize(keys[name], use_na_sentinel=False)
        codes = codes * len(column_uniques) + column_codes
        uniques.append(column_uniques)
    codes, combined = pd.factorize(codes)
    distinct = {}
    for name, column_uniques in zip(keys.columns[::-1], uniques[::-1], strict=True):
        combined, column_codes = np.divmod(combined, len(column_uniques))
        distinct[name] = column_uniques.take(column_codes)
    built = build(pd.DataFrame(distinct)[keys.columns])
    spread = {}
    for name in built.columns:
        if name in categories:
            spread[name] = _categorical_at(built[name], codes)
        else:
            spread[name] = built[name].array.take(codes)
    return pd.DataFrame(spread, index=keys.index)


def _statement_texts(statements: pd.DataFrame, names: pd.Series) -> pd.DataFrame:
    """Type, type key, title, who, target name and lane actors of each statement (speaker,
    target, type)."""
    speaker = statements["speaker_actor_id"].map(names)
    target = statements["target_actor_id"].map(names)
    item_type = statements["statement_type"]
    return pd.DataFrame(
        {
            "item_type": item_type,
            "type_key": "statement:" + item_type,
            "title": speaker + ": " + item_type.str.replace("_", " "),
            "who": speaker.where(target.isna(), speaker + " → " + target),
            "target_name": target,
            "lane_actor_ids": [(actor_id,) for actor_id in statements["speaker_actor_id"].tolist()],
        }
    )


def _statement_items(statements: pd.DataFrame, names: pd.Series) -> pd.DataFrame:
    keys = statements[["speaker_actor_id", "target_actor_id", "statement_type"]]
    built = _per_distinct(
        keys, lambda distinct: _statement_texts(distinct, names), KIND_CATEGORY_COLUMNS
    )
    return pd.DataFrame(
        _key_columns(statements, "statement", built)
        | {
            "is_background": False,
            "background_start_date": pd.NaT,
            "background_end_date": pd.NaT,
        }
        | _text_columns(statements, built["title"], built["who"], built["target_name"])
    )


def _key_columns(records: pd.DataFrame, kind: str, built: pd.DataFrame) -> dict:
    """The columns a statement and an event fill alike, from their own fields (`records` of
    one ``kind``; ``built``: their type, type key and lane actors)."""
    record_id = records[f"{kind}_id"]
    kinds = sorted(ITEM_KINDS)
    return {
        "item_id": f"{kind}:" + record_id,
        "kind": pd.Categorical.from_codes(
            np.full(len(records), kinds.index(kind)), categories=pd.Index(kinds, dtype="str")
        ),
        "record_id": record_id,
        "item_type": built["item_type"],
        "type_key": built["type_key"],
        "lane_actor_ids": built["lane_actor_ids"],
        "start_date": records["start_date"],
        "end_date": records["end_date"],
        "date_precision": records["date_precision"],
        "part_of_day": records["part_of_day"],
    }


def _text_columns(
    records: pd.DataFrame,
    title: pd.Series,
    who: pd.Series,
    target_name: pd.Series | None,
    date_source: pd.Series | None = None,
) -> dict:
    """The text columns (but the precision note) of statements or events (`records`)."""
    return {
        "title": title,
        "quote": records["quote"],
        "who": who,
        "target_name": target_name,
        "date_label": records["date_label"],
        "background_date_source": date_source,
    }


def _event_texts(events: pd.DataFrame, names: pd.Series) -> pd.DataFrame:
    """Type, type key, who and lane actors of each event (actors, type)."""
    name_of = names.to_dict()
    return pd.DataFrame(
        {
            "item_type": events["event_type"],
            "type_key": "event:" + events["event_type"],
            "who": [
                ", ".join([name_of.get(actor_id, actor_id) for actor_id in ids])
                for ids in events["actor_ids"].tolist()
            ],
            "lane_actor_ids": [tuple(ids) for ids in events["actor_ids"].tolist()],
        }
    )


def _event_items(events: pd.DataFrame, names: pd.Series) -> pd.DataFrame:
    keys = events[["actor_ids", "event_type"]]
    built = _per_distinct(
        keys, lambda distinct: _event_texts(distinct, names), KIND_CATEGORY_COLUMNS
    )
    return pd.DataFrame(
        _key_columns(events, "event", built)
        | {
            "is_background": events["is_background"].astype(bool),
            "background_start_date": events["background_start_date"],
            "background_end_date": events["background_end_date"],
        }
        | _text_columns(
            events, events["title"], built["who"], None, events["background_date_source"]
        ),
        index=events.index,
    )


def _precision_note(item: pd.Series) -> str:
    if item["date_precision"] == "part_of_day" and isinstance(item["part_of_day"], str):
        return PART_OF_DAY_NOTES[item["part_of_day"]]
    return PRECISION_NOTES[item["date_precision"]]


def _hour(hours: int) -> str:
    if hours > 24:
        return f"{hours - 24:02d}:00 next day"
    return f"{hours:02d}:00"


# "evening (drawn 18:00–24:00)": a part of the day and the hours it is drawn over.
PART_OF_DAY_NOTES = {
    part: f"{part} (drawn {_hour(first)}–{_hour(last)})"
    for part, (first, last) in PART_OF_DAY_HOURS.items()
}


def _with_positions(items: pd.DataFrame) -> pd.DataFrame:
    """Add the precision note, x_start/x_end (the span, NaT for points) and x_marker (where
    the marker sits); the precision and part of the day become categoricals.

    A part of the day spans its hours; the other span precisions run from the first day to
    the end of the last one; a day or an undated item is a point at midday.
    """
    precision_columns = ("date_precision", "part_of_day", "precision_note")
    drawn = _per_distinct(items[["date_precision", "part_of_day"]], _drawn, precision_columns)
    day = items["start_date"].to_numpy("datetime64[ns]")
    last_day = items["end_date"].to_numpy("datetime64[ns]")
    first_hour = drawn["first_hour"].to_numpy(dtype=float)
    is_part = ~np.isnan(first_hour)
    is_span = drawn["is_span"].to_numpy(dtype=bool)
    nat = np.datetime64("NaT", "ns")
    x_start = np.where(is_part, day + _hours(first_hour), np.where(is_span, day, nat))
    x_end = np.where(
        is_part,
        day + _hours(drawn["last_hour"].to_numpy(dtype=float)),
        np.where(is_span, last_day + np.timedelta64(1, "D"), nat),
    )
    marker = np.where(
        np.isnat(x_start), day + MIDDAY.to_timedelta64(), x_start + (x_end - x_start) // 2
    )
    return items.assign(
        **{name: drawn[name] for name in precision_columns},
        x_start=x_start,
        x_end=x_end,
        x_marker=marker,
    )


def _hours(hours: np.ndarray) -> np.ndarray:
    """Whole hours as nanosecond durations (0 where NaN: those are not used)."""
    return np.nan_to_num(hours).astype(np.int64) * np.timedelta64(1, "h").astype("m8[ns]")


def _drawn(keys: pd.DataFrame) -> pd.DataFrame:
    """For each precision and part of the day: the precision note, first and last hour of a
    part of the day (NaN otherwise) and whether a span is drawn (a handful of rows)."""
    rows = []
    for precision, part in zip(
        keys["date_precision"].tolist(), keys["part_of_day"].tolist(), strict=True
    ):
        hours = PART_OF_DAY_HOURS.get(part) if precision == "part_of_day" else None
        note = PART_OF_DAY_NOTES[part] if hours else PRECISION_NOTES.get(precision)
        first, last = hours if hours else (np.nan, np.nan)
        rows.append((note, float(first), float(last), precision in SPAN_PRECISIONS and not hours))
    built = pd.DataFrame(rows, columns=["precision_note", "first_hour", "last_hour", "is_span"])
    return built.assign(date_precision=keys["date_precision"], part_of_day=keys["part_of_day"])


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


LANE_COLUMNS = [*ITEM_COLUMNS, "lane_id", "lane_label", "lane_group", "lane_index"]
# What counting needs of each item (see count_in_lanes).
COUNTED_COLUMNS = ["item_id", "kind", "item_type", "x_marker"]


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
    columns = [*LANE_COLUMNS, "row", "y"]
    placed = _plain(lanes_of_items(items, actors, grouping, max_lanes))
    if placed.empty:
        return pd.DataFrame(columns=columns)
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


def _stack_rows(placed: pd.DataFrame) -> pd.Series:
    """Row of each item in its lane: the first row free at its start (interval stacking).

    Greedy, so a loop; the page only stacks what it draws one by one (MAX_MARKERS at most).
    """
    starts = placed["x_start"].fillna(placed["x_marker"] - POINT_HALF_WIDTH)
    ends = placed["x_end"].fillna(placed["x_marker"] + POINT_HALF_WIDTH)
    order = placed.assign(_start=starts, _end=ends).sort_values(
        ["lane_index", "_start", "kind", "record_id"], kind="stable"
    )
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


def items_table(items: pd.DataFrame) -> pd.DataFrame:
    """The items as the page's table shows them: one row each, readable column names."""
    table = items[list(TABLE_COLUMNS)]
    order = _table_order(items)
    if order is not None:
        table = table.take(order)
    table = table.rename(columns=TABLE_COLUMNS)
    for column in ("From", "To"):
        # Whole days: a datetime at midnight, written "2021-05-14" in the CSV.
        table[column] = table[column].dt.normalize()
    words = ["Precision", "Type"]
    table[words] = _per_distinct(table[words], _readable_columns)
    # Plain strings, as the page shows and writes them (not the items' categoricals).
    return _plain(table.reset_index(drop=True))


def _readable_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """Codebook words with spaces for underscores, in every column."""
    return pd.DataFrame({name: frame[name].str.replace("_", " ") for name in frame.columns})


def _table_order(items: pd.DataFrame) -> np.ndarray | None:
    """Positions of the items by start date, marker and item id, ties in frame order; None
    when they are in that order already.

    Items from `timeline_items` (filtered or not) are (`_time_order`), checked on
    neighbours in a few ms; only other frames pay for sorting the ids.
    """
    day = items["start_date"].to_numpy("datetime64[ns]").view(np.int64)
    marker = items["x_marker"].to_numpy("datetime64[ns]").view(np.int64)
    ids = items["item_id"].array
    if len(items) < 2:
        return None
    ids_up = np.asarray(ids[1:] > ids[:-1], dtype=bool)
    same_day, same_marker = day[1:] == day[:-1], marker[1:] == marker[:-1]
    later = (day[1:] > day[:-1]) | (same_day & (marker[1:] > marker[:-1]))
    if (later | (same_day & same_marker & ids_up)).all():
        return None
    id_rank = np.empty(len(items), dtype=np.int64)
    id_rank[items["item_id"].argsort(kind="stable").to_numpy()] = np.arange(len(items))
    return np.lexsort((id_rank, marker, day))


def table_csv(table: pd.DataFrame) -> bytes:
    """The table exactly as shown, as UTF-8 CSV; cells stay literal (README, "Downloads")."""
    return table.to_csv(index=False).encode("utf-8")


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
        """The items of one count bubble (none for an unknown bubble id)."""
        if self.counts is None:
            return self.items.head(0)
        numbers = self.counts.index[self.counts["bubble_id"] == bubble_id]
        ids = self.placed.loc[self.placed["bubble"].isin(numbers), "item_id"]
        return self.items[self.items["item_id"].isin(ids)]

    def count_label(self, bubble_id: str) -> str | None:
        """ "Armenia, week of 10 May 2021": the lane and period of one bubble."""
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
        placed = place_in_lanes(items, actors, grouping)
        options = item_options(items)
    return TimelineView(
        items=items,
        placed=placed,
        counts=counts,
        bucket=bucket,
        lane_count=int(laned["lane_id"].nunique()),
        folded_lanes=folded_lane_count(laned),
        options=options,
    )


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
