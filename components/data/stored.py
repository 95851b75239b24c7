"""What the build cache keeps between builds (components/data/build.py): each article's
rows, put back together in article order, and its event reports as read.

A report is stored as read from its article, before the events are combined: its claims and
background dates (mappings of any shape) as JSON, with dates tagged so that they come back
as dates. A report with a value JSON cannot hold is not stored (that build is not cached).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .cache import digest_of


@dataclass
class LastBuild:
    """What the folder's last build holds for the next one."""

    key: str
    tables: dict[str, pd.DataFrame]
    article_keys: dict[str, tuple[str, str]]
    report_parts: pa.Table
    # The key of its event tables, and the digest of the data/events.yaml they come from.
    events_key: str
    events_registry: str
    # The key each of its tables' files was written with (that of an earlier build for a
    # file it shares with it).
    table_keys: dict[str, str]

    def table_key(self, name: str) -> str:
        return self.table_keys.get(name, self.key)

    def report_parts_of(self, article_ids: set[str]) -> pa.Table:
        """The stored event reports of these articles."""
        kept = self.report_parts.filter(
            pc.is_in(
                self.report_parts["article_id"], value_set=pa.array(list(article_ids), pa.string())
            )
        )
        return kept.replace_schema_metadata(None)


# An event report as read, for the next build: its claims and background dates (mappings
# of any shape) as JSON, with dates tagged so that they come back as dates.
_AS_JSON = ("_claims", "background_dates")


def reports_key(stored: list[dict]) -> str | None:
    """A digest of an article's stored reports; None if they cannot be stored."""
    if None in stored:
        return None
    try:
        return digest_of([json.dumps(stored, default=_encode_value, sort_keys=True)])
    except (TypeError, ValueError):
        return None


def stored_report(report: dict) -> dict | None:
    """The report as stored, or None if a value has no JSON form (then nothing is stored)."""
    stored = dict(report)
    try:
        for field in _AS_JSON:
            stored[field] = json.dumps(report[field], default=_encode_value, ensure_ascii=False)
    except (TypeError, ValueError):
        return None
    return stored


def read_reports(tables: list[pa.Table]) -> dict[str, list[dict]]:
    """Stored event reports as the loader's records, by article."""
    by_article: dict[str, list[dict]] = {}
    for table in tables:
        for row in table.to_pylist():
            by_article.setdefault(row["article_id"], []).append(read_report(row))
    return by_article


def read_report(stored: dict) -> dict:
    for field in _AS_JSON:
        stored[field] = json.loads(stored[field], object_hook=_decode_object)
    if stored["actor_ids"] is not None:
        stored["actor_ids"] = tuple(stored["actor_ids"])
    return stored


def _encode_value(value):
    if type(value) is date:
        return {"$date": value.isoformat()}
    raise TypeError(f"cannot store {type(value).__name__} in the build cache")


def _decode_object(content: dict):
    if content.keys() == {"$date"}:
        return date.fromisoformat(content["$date"])
    return content


def assembled(
    reused: pd.DataFrame | None, kept: set[str], parts: list[pd.DataFrame], order: list[str]
) -> tuple[pd.DataFrame, bool]:
    """One table in article order: the rows of the ``kept`` articles from the last build,
    the others from the frames just read; and whether it is the last build's table (every
    article read again has the rows it had, and no removed article had any).

    Each source holds an article's rows together, so the table is a few slices of the
    sources, put end to end (slices of text columns share their memory).
    """
    sources = [reused, *parts]
    where: dict[str, tuple[int, int, int]] = {}
    before: dict[str, tuple[int, int, int]] = {}
    for number, frame in enumerate(sources):
        if frame is None:
            continue
        for article_id, start, end in _article_ranges(frame):
            if number == 0:
                before[article_id] = (0, start, end)
            if number or article_id in kept:
                where[article_id] = (number, start, end)
    if reused is not None and all(
        _same_rows(sources, before.get(article_id), where.get(article_id))
        for article_id in {*before, *where} - kept
    ):
        return reused, True
    runs: list[tuple[int, int, int]] = []
    for article_id in order:
        if article_id not in where:
            continue
        number, start, end = where[article_id]
        if runs and runs[-1][0] == number and runs[-1][2] == start:
            runs[-1] = (number, runs[-1][1], end)
        else:
            runs.append((number, start, end))
    if not runs:
        return next(frame for frame in sources if frame is not None).iloc[0:0], False
    pieces = [sources[number].iloc[start:end] for number, start, end in runs]
    if len(pieces) == 1 and len(pieces[0]) == len(sources[runs[0][0]]):
        return sources[runs[0][0]], False
    return pd.concat(pieces, ignore_index=True), False


def _same_rows(sources: list, old: tuple | None, new: tuple | None) -> bool:
    """Whether two (source, start, end) ranges hold equal rows (equal dtypes too)."""
    if old is None or new is None:
        return old is None and new is None
    rows = [
        sources[number].iloc[start:end].reset_index(drop=True) for number, start, end in (old, new)
    ]
    return rows[0].equals(rows[1])


def _article_ranges(frame: pd.DataFrame) -> list[tuple[str, int, int]]:
    """(article_id, first row, end row) of each article's rows, which are contiguous."""
    codes, ids = pd.factorize(frame["article_id"])
    bounds = [0, *(np.flatnonzero(np.diff(codes)) + 1).tolist(), len(codes)]
    return [
        (ids[codes[start]], start, end)
        for start, end in zip(bounds, bounds[1:], strict=False)
        if end > start
    ]
