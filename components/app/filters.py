"""The shared filter as pure functions: which records concern the chosen actors, and which
come from the chosen sides and outlets.

A statement concerns an actor when its speaker, target or reporter is that actor or one
of the actor's descendants (a spokeswoman belongs to her department and her state). An
event concerns an actor when the actor or a descendant is among its actor_ids. An empty
selection means everyone. No streamlit here.

The side and outlet filter keeps the articles whose side and outlet are chosen (an empty
choice means all) and every record of those articles; an event stays when at least one of
its reports is in a kept article, with its main report and report_count as in the whole
data. The registries (actors, places, issues, aspects) stay whole. The actor filter then
applies on top.

Cached page views take one hashable filter key (`filter_key`): the chosen actor ids, then
one ``side:<side>`` and one ``outlet:<outlet name>`` token per chosen side and outlet. Ids
never hold a colon, so a token is never taken for an actor id; a view that reads the key
as actor ids (``with_descendants``) ignores the tokens, as it ignores any unknown id.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from components.data import Dataset

STATEMENT_ACTOR_COLUMNS = ("speaker_actor_id", "target_actor_id", "reported_by_actor_id")

# Prefixes of the side and outlet tokens in a filter key (see the module docstring).
SIDE_TOKEN = "side:"
OUTLET_TOKEN = "outlet:"

# The tables made of one article's records: under the side and outlet filter they keep the
# rows of the kept articles.
ARTICLE_TABLES = (
    "statements",
    "stances",
    "mentions",
    "event_reports",
    "event_claims",
    "not_statements",
)


@dataclass(frozen=True)
class FilterChoice:
    """What a filter key asks for; an empty tuple means everyone, every side, every outlet."""

    actor_ids: tuple[str, ...] = ()
    sides: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()


def filter_key(
    actor_ids: Iterable[str], sides: Iterable[str] = (), outlets: Iterable[str] = ()
) -> tuple[str, ...]:
    """One hashable key for the whole filter: the actor ids, then the side and outlet tokens."""
    return (
        *actor_ids,
        *(SIDE_TOKEN + side for side in sides),
        *(OUTLET_TOKEN + outlet for outlet in outlets),
    )


def split_filter_key(key: Iterable[str]) -> FilterChoice:
    """The actor ids, sides and outlets a `filter_key` holds."""
    actor_ids, sides, outlets = [], [], []
    for item in key:
        if item.startswith(SIDE_TOKEN):
            sides.append(item.removeprefix(SIDE_TOKEN))
        elif item.startswith(OUTLET_TOKEN):
            outlets.append(item.removeprefix(OUTLET_TOKEN))
        else:
            actor_ids.append(item)
    return FilterChoice(tuple(actor_ids), tuple(sides), tuple(outlets))


def articles_mask(
    articles: pd.DataFrame, sides: Iterable[str], outlets: Iterable[str]
) -> np.ndarray:
    """True for each article whose side and outlet are chosen (an empty choice means all)."""
    mask = np.ones(len(articles), dtype=bool)
    sides, outlets = list(sides), list(outlets)
    if sides:
        mask &= articles["side"].isin(sides).to_numpy(dtype=bool)
    if outlets:
        mask &= articles["outlet"].isin(outlets).to_numpy(dtype=bool)
    return mask


def filter_sources(ds: Dataset, sides: Iterable[str], outlets: Iterable[str]) -> Dataset:
    """The part of ``ds`` that the chosen sides' and outlets' articles hold (all of it when
    neither is chosen): see the module docstring for the rule."""
    sides, outlets = list(sides), list(outlets)
    if not sides and not outlets:
        return ds
    articles = ds.articles[articles_mask(ds.articles, sides, outlets)]
    kept_ids = articles["article_id"]
    narrowed = {
        name: getattr(ds, name)[isin_many(getattr(ds, name)["article_id"], kept_ids)]
        for name in ARTICLE_TABLES
    }
    reported = narrowed["event_reports"]["event_id"]
    events = ds.events[isin_many(ds.events["event_id"], reported)]
    return replace(ds, articles=articles, events=events, **narrowed)


def apply_filter(ds: Dataset, key: Iterable[str]) -> Dataset:
    """``ds`` narrowed by a whole `filter_key`: sides and outlets first, then the actors."""
    choice = split_filter_key(key)
    return filter_dataset(filter_sources(ds, choice.sides, choice.outlets), choice.actor_ids)


def with_descendants(actors: pd.DataFrame, actor_ids: Iterable[str]) -> set[str]:
    """The chosen actors and every actor below them in the parent chain."""
    children: dict[str, list[str]] = {}
    for actor_id, parent_id in zip(actors["actor_id"], actors["parent_actor_id"], strict=True):
        if isinstance(parent_id, str):
            children.setdefault(parent_id, []).append(actor_id)
    found = set()
    stack = [actor_id for actor_id in actor_ids if actor_id in set(actors["actor_id"])]
    while stack:
        actor_id = stack.pop()
        if actor_id not in found:
            found.add(actor_id)
            stack.extend(children.get(actor_id, ()))
    return found


def statements_mask(statements: pd.DataFrame, actor_ids: set[str]) -> np.ndarray:
    """True for each statement whose speaker, target or reporter is in ``actor_ids``."""
    wanted = pd.Series(sorted(actor_ids), dtype=object)
    mask = np.zeros(len(statements), dtype=bool)
    for column in STATEMENT_ACTOR_COLUMNS:
        mask |= isin_many(statements[column], wanted)
    return mask


def events_mask(events: pd.DataFrame, actor_ids: set[str]) -> np.ndarray:
    """True for each event with at least one actor in ``actor_ids``."""
    # One set test per event: exploding the tuples into a Series costs ten times more.
    return np.array(
        [not actor_ids.isdisjoint(ids) for ids in events["actor_ids"].tolist()], dtype=bool
    )


def filter_dataset(ds: Dataset, actor_ids: Iterable[str] | None) -> Dataset:
    """The part of ``ds`` that concerns the chosen actors (all of it when none is chosen)."""
    chosen = list(actor_ids or [])
    if not chosen:
        return ds
    scope = with_descendants(ds.actors, chosen)
    statements = ds.statements[statements_mask(ds.statements, scope)]
    events = ds.events[events_mask(ds.events, scope)]
    involved = set(scope)
    for column in STATEMENT_ACTOR_COLUMNS:
        involved |= _values(statements[column])
    for ids in events["actor_ids"].tolist():
        involved.update(ids)
    actors = ds.actors[ds.actors["actor_id"].isin(involved)]
    places = _values(statements["location_id"]) | _values(events["location_id"])
    places |= _values(actors["seat_location_id"])
    mentions = ds.mentions
    is_actor = (mentions["entity_type"] == "actor").to_numpy(dtype=bool)
    entity_ids = mentions["entity_id"]
    in_scope = isin_many(entity_ids, pd.Series(sorted(scope), dtype=object))
    at_place = isin_many(entity_ids, pd.Series(sorted(places), dtype=object))
    keep_mention = (is_actor & in_scope) | (~is_actor & at_place)
    return replace(
        ds,
        actors=actors,
        statements=statements,
        events=events,
        stances=ds.stances[isin_many(ds.stances["statement_id"], statements["statement_id"])],
        locations=ds.locations[ds.locations["location_id"].isin(places)],
        mentions=mentions[keep_mention],
    )


def isin_many(column: pd.Series, values: pd.Series) -> np.ndarray:
    """``column.isin(values)`` as a NumPy mask, through Arrow's hashed ``is_in`` (a missing
    value never matches).

    Arrow-backed ``Series.isin`` converts each of the values one by one (13,000 statement
    ids cost 0.2 s); Arrow's kernel on the same arrays takes a few milliseconds.
    """
    haystack = pa.array(column.array, from_pandas=True)
    needles = pa.array(values.array, from_pandas=True)
    if len(haystack) == 0 or len(needles) == 0 or pa.types.is_null(haystack.type):
        return np.zeros(len(haystack), dtype=bool)
    if needles.type != haystack.type:
        needles = needles.cast(haystack.type)
    found = pc.is_in(haystack, value_set=needles, skip_nulls=True)
    return found.to_numpy(zero_copy_only=False)


def in_order(values: pd.Series) -> tuple[pa.Array, np.ndarray]:
    """``values`` as one Arrow array, and for each value but the last whether the next one
    is not smaller (False where either is missing).

    Ids are numbered in the order of their files: checking neighbours tells in one pass
    that they are still in order, where sorting 100,000 string ids takes 10 to 20 ms.
    """
    array = pa.array(values.array, from_pandas=True)
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks()
    if len(array) < 2:
        return array, np.zeros(0, dtype=bool)
    rising = pc.less_equal(array.slice(0, len(array) - 1), array.slice(1))
    return array, pc.fill_null(rising, False).to_numpy(zero_copy_only=False)


def _values(column: pd.Series) -> set[str]:
    """The distinct non-empty values of a column, as a plain set.

    Going through ``unique().tolist()`` matters at scale: iterating an Arrow-backed string
    column element by element (``set(column)``, or passing it to ``isin``) is ten times
    slower than converting it at once.
    """
    return set(column.dropna().unique().tolist())
