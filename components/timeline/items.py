"""The Timeline's items: statements and events as one frame of dated items.

`timeline_items` turns both tables into items with one id ("statement:s05", "event:e08"),
a readable who/what/when and the time span to draw (see precision.py). `items_in` takes a
filter's part of them. Pure pandas, no streamlit, no plotting.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from components.app.filters import in_order, isin_many
from components.data import Dataset
from components.data.dates import range_unit
from components.timeline.precision import MIDDAY, _drawn, _hours
from components.timeline.reports import one_per_utterance, report_counts

ITEM_KINDS = ("statement", "event")


# Length of the shortened quote in hover text.
SUMMARY_CHARS = 110


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
    "group_id",
    "report_count",
    "report_sides",
]


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
    statements = one_per_utterance(ds.statements)
    frames = [_statement_items(statements, names), _event_items(ds.events, names)]
    frames = [frame for frame in frames if not frame.empty]
    if not frames:
        return pd.DataFrame(columns=ITEM_COLUMNS)
    items = _concat_items(frames).pipe(_with_positions)
    items = _with_reports(items, ds)
    return items[ITEM_COLUMNS].take(_time_order(items)).reset_index(drop=True)


def _with_reports(items: pd.DataFrame, ds: Dataset) -> pd.DataFrame:
    """Add how many articles report each item and, where several do, their sides.

    An event's reports are its event_reports; a statement's are the statements that share
    its utterance (`one_per_utterance` drew only the first of them).
    """
    by_utterance, by_event = report_counts(ds)
    is_event = (items["kind"] == "event").to_numpy(dtype=bool)
    group_id = np.where(is_event, items["record_id"].to_numpy(dtype=object), None)
    utterances = ds.statements.set_index("statement_id")["utterance_id"]
    statement_ids = items.loc[~is_event, "record_id"]
    group_id[~is_event] = statement_ids.map(utterances).to_numpy(dtype=object)
    group = pd.Series(group_id, index=items.index, dtype=object)
    counts = pd.concat([by_utterance, by_event])
    return items.assign(
        group_id=group,
        report_count=group.map(counts["report_count"]).fillna(1).astype(int),
        report_sides=group.map(counts["report_sides"]),
    )


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
    event is in ``ds`` (a part of it, `components.app.filters.filter_dataset`), in their order.

    The same rows as ``timeline_items(ds)``, because an item only depends on its record and
    the names of its actors, which a filtered dataset keeps; taking them is much cheaper
    than building them again (a mask, where building sorts and formats every row).
    """
    keep = np.zeros(len(items), dtype=bool)
    # A statement item stands for its utterance: it is in ``ds`` when any report of it is.
    for kind, frame, id_column in (
        ("statement", ds.statements, "utterance_id"),
        ("event", ds.events, "event_id"),
    ):
        of_kind = (items["kind"] == kind).to_numpy(dtype=bool)
        keep |= of_kind & isin_many(items["group_id"], frame[id_column])
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


def _with_positions(items: pd.DataFrame) -> pd.DataFrame:
    """Add the precision note, x_start/x_end (the span, NaT for points) and x_marker (where
    the marker sits); the precision and part of the day become categoricals.

    A part of the day spans its hours; the other span precisions run from the first day to
    the end of the last one; a day or an undated item is a point at midday.
    """
    precision_columns = ("date_precision", "part_of_day", "precision_note")
    keys = items[["date_precision", "part_of_day"]].assign(range_unit=_range_units(items))
    drawn = _per_distinct(keys, _drawn, precision_columns)
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


def _range_units(items: pd.DataFrame) -> pd.Series:
    """What each range item is a range of (dates.range_unit: years, months or days), None
    for the other precisions; worked out once per distinct pair of ends."""
    units = pd.Series(None, index=items.index, dtype=object)
    ranges = items["date_precision"] == "range"
    if ranges.any():
        ends = items.loc[ranges, ["start_date", "end_date"]]
        units[ranges] = _per_distinct(ends, _range_unit_of)["range_unit"].to_numpy()
    return units


def _range_unit_of(ends: pd.DataFrame) -> pd.DataFrame:
    units = [
        range_unit(start, end)
        for start, end in zip(ends["start_date"].tolist(), ends["end_date"].tolist(), strict=True)
    ]
    return pd.DataFrame({"range_unit": units}, index=ends.index)


def readable(item_type: str) -> str:
    """A codebook type as words: "appeal_for_assistance" -> "appeal for assistance"."""
    return str(item_type).replace("_", " ")
