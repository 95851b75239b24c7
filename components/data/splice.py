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

    ``combine`` is the loader's combination of (definitions, reports) into validated frames;
    None if the rows do not line up as a build without problems has them (then the caller
    combines every event).
    """
    affected = _event_ids(last_reports, changed) | _event_ids(reports, changed)
    where = {article_id: number for number, article_id in enumerate(order)}
    rows = _reports_of(reports, affected, where)
    positions = {(row["article_id"], row["event_id"]): row.pop("_position") for row in rows}
    combined = combine([row for row in definitions if row["event_id"] in affected], rows)
    new = combined["event_reports"]
    if len(new) != len(positions):
        return None

    old = last["event_reports"]
    old_positions = old.groupby("article_id", sort=False).cumcount().to_numpy()
    kept = ~old["event_id"].isin(affected).to_numpy()
    pairs = zip(old["article_id"][kept], old["event_id"][kept], strict=True)
    positions.update(zip(pairs, old_positions[kept].tolist(), strict=True))
    event_reports = _placed(old[kept], new, where, positions)
    claims = _placed(
        _rows_not_of(last["event_claims"], affected), combined["event_claims"], where, positions
    )
    if event_reports is None or claims is None:
        return None

    firsts = pd.Index(event_reports["event_id"].drop_duplicates())
    events = _joined(_rows_not_of(last["events"], affected), combined["events"])
    rank = firsts.get_indexer(events["event_id"])
    if len(events) != len(firsts) or (rank < 0).any():
        return None
    return {
        "events": events.take(np.argsort(rank, kind="stable")).reset_index(drop=True),
        "event_reports": event_reports,
        "event_claims": claims,
    }


def _event_ids(reports: pa.Table, articles: set[str]) -> set[str]:
    of_articles = reports.filter(
        pc.is_in(reports["article_id"], value_set=pa.array(sorted(articles), pa.string()))
    )
    return set(of_articles["event_id"].to_pylist())


def _reports_of(reports: pa.Table, events: set[str], where: dict[str, int]) -> list[dict]:
    """The stored reports of ``events`` as the loader's records, in the loader's order, each
    with its position among its article's reports."""
    articles = reports["article_id"].to_pylist()
    positions = np.zeros(len(articles), dtype=np.int64)
    for number in range(1, len(articles)):
        if articles[number] == articles[number - 1]:
            positions[number] = positions[number - 1] + 1
    chosen = pc.is_in(reports["event_id"], value_set=pa.array(sorted(events), pa.string()))
    selected = reports.append_column("_position", pa.array(positions)).filter(chosen)
    rows = [read_report(row) for row in selected.replace_schema_metadata(None).to_pylist()]
    rows.sort(key=lambda row: (where[row["article_id"]], row["_position"]))
    return rows


def _rows_not_of(frame: pd.DataFrame, events: set[str]) -> pd.DataFrame:
    return frame[~frame["event_id"].isin(events).to_numpy()]


def _joined(old: pd.DataFrame, new: pd.DataFrame) -> pd.DataFrame:
    """The rows of both (an empty frame adds no rows and no dtypes)."""
    frames = [frame for frame in (old, new) if len(frame)] or [old]
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]


def _placed(
    old: pd.DataFrame,
    new: pd.DataFrame,
    where: dict[str, int],
    positions: dict[tuple[str, str], int],
) -> pd.DataFrame | None:
    """Rows of both frames in the loader's order: by article, by the position of their
    report in the article, then as they were (rows of one report come from one frame)."""
    rows = _joined(old, new)
    articles = rows["article_id"].map(where)
    report_positions = pd.Series(
        [positions.get(pair) for pair in zip(rows["article_id"], rows["event_id"], strict=True)],
        dtype="float64",
    )
    if articles.isna().any() or report_positions.isna().any():
        return None
    ranked = np.lexsort(
        (np.arange(len(rows)), report_positions.to_numpy(), articles.to_numpy(dtype="int64"))
    )
    return rows.take(ranked).reset_index(drop=True)
