"""The detail panel of one item: quote, speaker and target, the sentence it comes from,
its stances. Pure pandas.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from components.data import Dataset
from components.timeline.items import readable, split_item_id
from components.timeline.precision import _precision_note


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
