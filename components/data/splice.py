"""The event tables of an edit: only the events whose reports changed are combined again.

An event's row, its reports' rows and their claims depend on the event's definition and on
its reports alone. When data/events.yaml is as in the last build, the events to combine
again are those that an article whose reports changed (edited, added or removed) reported
before or reports now: with every report of each, from every article, they go through the
loader's own combination (components/data/events.py, which finds the same problems: an
unknown event, two definitions, two reports in one article). Their rows then replace the
last build's rows of those events.

The order is the loader's: it combines the reports of every article in article order (in
each article, in the order of its events.yaml), keeps every report of a build without
problems, lists the events by their first report and the claims report by report. So each
row is placed by its article, its report's position in the article, then the order it had.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .stored import read_report

# Frames of the combination: events, event_reports, event_claims (validated).
Combine = Callable[[list[dict], list[dict]], dict[str, pd.DataFrame]]
# Events combined at once: their reports are Python dicts meanwhile (20,000 reports took
# 65 MiB at the peak of a cold build of 1,000 articles).
BATCH_EVENTS = 2000
_TABLES = ("events", "event_reports", "event_claims")
# Runs of rows put end to end above which a table is taken row by row (see _in_order).
MAX_RUNS = 256


def splice_events(
    last: dict[str, pd.DataFrame],
    last_reports: pa.Table,
    reports: pa.Table,
    changed: set[str],
    definitions: list[dict],
    order: list[str],
    combine: Combine,
) -> dict[str, pd.DataFrame] | None:
    """The event tables, from the last build's (``last``) and the reports of the events that
    articles in ``changed`` report now or reported (``last_reports``: the stored reports of
    the last build; ``reports``: this build's, each article's rows together and in order).
    With empty ``last`` tables and every article changed: every event, BATCH_EVENTS at once.

    ``combine`` is the loader's combination of (definitions, reports) into validated frames;
    None if the rows do not line up as a build without problems has them (then the caller
    combines every event).
    """
    affected = _event_ids(last_reports, changed) | _event_ids(reports, changed)
    # An event of data/events.yaml that no article reports is a problem combine() finds.
    affected |= {row["event_id"] for row in definitions} - set(reports["event_id"].to_pylist())
    where = {article_id: number for number, article_id in enumerate(order)}
    reports = _with_positions(reports)
    positions: dict[tuple[str, str], int] = {}
    batches: dict[str, list[pd.DataFrame]] = {name: [] for name in _TABLES}
    ordered = sorted(affected)
    for start in range(0, len(ordered), BATCH_EVENTS):
        batch = set(ordered[start : start + BATCH_EVENTS])
        rows = _reports_of(reports, batch, where)
        positions.update(
            ((row["article_id"], row["event_id"]), row.pop("_position")) for row in rows
        )
        combined = combine([row for row in definitions if row["event_id"] in batch], rows)
        del rows
        for name in _TABLES:
            batches[name].append(combined[name])
    if not ordered:
        batches = {name: [last[name].iloc[0:0]] for name in _TABLES}
    combined = {name: _joined(*frames) for name, frames in batches.items()}
    new = combined["event_reports"]
    if len(new) != len(positions):
        return None

    old = last["event_reports"]
    old_positions = old.groupby("article_id", sort=False).cumcount().to_numpy()
    kept = ~old["event_id"].isin(affected).to_numpy()
    pairs = zip(old["article_id"][kept], old["event_id"][kept], strict=True)
    positions.update(zip(pairs, old_positions[kept].tolist(), strict=True))
    event_reports = _placed(old, kept, new, where, positions)
    old_claims = last["event_claims"]
    kept_claims = ~old_claims["event_id"].isin(affected).to_numpy()
    claims = _placed(old_claims, kept_claims, combined["event_claims"], where, positions)
    if event_reports is None or claims is None:
        return None

    firsts = pd.Index(event_reports["event_id"].drop_duplicates())
    old_events, new_events = last["events"], combined["events"]
    kept_events = ~old_events["event_id"].isin(affected).to_numpy()
    ranks = [
        firsts.get_indexer(frame["event_id"][rows])
        for frame, rows in ((old_events, kept_events), (new_events, slice(None)))
    ]
    if kept_events.sum() + len(new_events) != len(firsts) or any((r < 0).any() for r in ranks):
        return None
    return {
        "events": _in_order(old_events, kept_events, new_events, [(rank,) for rank in ranks]),
        "event_reports": event_reports,
        "event_claims": claims,
    }


def _event_ids(reports: pa.Table, articles: set[str]) -> set[str]:
    of_articles = reports.filter(
        pc.is_in(reports["article_id"], value_set=pa.array(sorted(articles), pa.string()))
    )
    return set(of_articles["event_id"].to_pylist())


def _with_positions(reports: pa.Table) -> pa.Table:
    """The reports with the position of each among its article's reports."""
    articles = reports["article_id"].to_pylist()
    positions = np.zeros(len(articles), dtype=np.int64)
    for number in range(1, len(articles)):
        if articles[number] == articles[number - 1]:
            positions[number] = positions[number - 1] + 1
    return reports.append_column("_position", pa.array(positions))


def _reports_of(reports: pa.Table, events: set[str], where: dict[str, int]) -> list[dict]:
    """The stored reports of ``events`` as the loader's records, in the loader's order."""
    chosen = pc.is_in(reports["event_id"], value_set=pa.array(sorted(events), pa.string()))
    selected = reports.filter(chosen).replace_schema_metadata(None)
    rows = [read_report(row) for row in selected.to_pylist()]
    rows.sort(key=lambda row: (where[row["article_id"]], row["_position"]))
    return rows


def _joined(*frames: pd.DataFrame) -> pd.DataFrame:
    """The rows of all (an empty frame adds no rows and no dtypes)."""
    given = [frame for frame in frames if len(frame)] or [frames[0]]
    return pd.concat(given, ignore_index=True) if len(given) > 1 else given[0]


def _placed(
    old: pd.DataFrame,
    kept: np.ndarray,
    new: pd.DataFrame,
    where: dict[str, int],
    positions: dict[tuple[str, str], int],
) -> pd.DataFrame | None:
    """The ``kept`` rows of ``old`` and the rows of ``new`` in the loader's order: by
    article, by the position of their report in the article, then as they were (rows of
    one report come from one frame)."""
    keys = []
    for frame, rows in ((old, kept), (new, slice(None))):
        articles = frame["article_id"][rows]
        pairs = zip(articles, frame["event_id"][rows], strict=True)
        keys.append(
            (
                pd.Series([positions.get(pair) for pair in pairs], dtype="float64").to_numpy(),
                articles.map(where).to_numpy(dtype="float64"),
            )
        )
    if any(np.isnan(key).any() for pair in keys for key in pair):
        return None
    return _in_order(old, kept, new, keys)


def _in_order(old: pd.DataFrame, kept: np.ndarray, new: pd.DataFrame, keys: list) -> pd.DataFrame:
    """The ``kept`` rows of ``old`` and the rows of ``new`` sorted by ``keys`` (for each
    frame, its keys least significant first; ties keep the rows' order, old first).

    An edit changes a few runs of rows: the table is those runs, put end to end (slices
    of text columns share their memory); otherwise the rows are taken one by one.
    """
    source = np.repeat([0, 1], [int(kept.sum()), len(new)])
    index = np.concatenate([np.flatnonzero(kept), np.arange(len(new))])
    columns = [np.concatenate([a, b]) for a, b in zip(*keys, strict=True)]
    order = np.lexsort((np.arange(len(index)), *columns))
    source, index = source[order], index[order]
    breaks = np.flatnonzero((np.diff(source) != 0) | (np.diff(index) != 1)) + 1
    starts = [0, *breaks.tolist()]
    ends = [*breaks.tolist(), len(index)]
    frames = (old, new)
    if len(index) == 0:
        return old.iloc[0:0]
    if len(starts) <= MAX_RUNS:
        pieces = [
            frames[source[a]].iloc[index[a] : index[a] + b - a]
            for a, b in zip(starts, ends, strict=True)
        ]
        return (
            pd.concat(pieces, ignore_index=True)
            if len(pieces) > 1
            else pieces[0].reset_index(drop=True)
        )
    rows = _joined(old.iloc[np.flatnonzero(kept)], new)
    return rows.take(order).reset_index(drop=True)
