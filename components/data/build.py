"""The cached build: load_dataset() through the build cache (components/data/cache.py).

A warm start reads the tables of a build whose key matches the folder (no YAML parsed).
Otherwise the build reuses what the folder's last build holds for every article whose key
is unchanged, and reads, checks and validates only the other articles, in chunks (so a
cold build of a large corpus never holds all its records as Python dicts); then it
combines them as the loader does (events from their reports, the cross-table checks, the
derived columns, pandera) and stores the new build.

It runs the loader's own steps (components/data/loader.py). It never reports a problem
itself: at the first problem it stops, and load_dataset() runs the loader without the
cache, which raises the DatasetError it always did (the same file, record and field).
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import warnings
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from . import records as rec
from .cache import CODE_VERSION, BuildCache, digest_of, files_digest
from .derive import derive_columns
from .loader import (
    ARTICLE_FILES,
    ARTICLES_DIR,
    REGISTRY_FILES,
    Dataset,
    _frame,
    _frame_without,
    _Loader,
)

# Tables whose rows each belong to one article and come from that article's files alone.
PER_ARTICLE = ("articles", "statements", "stances", "mentions", "not_statements")
# Tables that combine the event reports of every article with data/events.yaml.
EVENT_TABLES = ("events", "event_reports", "event_claims")
# Stored beside a build's tables for the next build to reuse: every article's keys, its
# event reports as read (before they are combined across articles), the events' key.
ARTICLE_KEYS = "article_keys"
REPORT_PARTS = "report_parts"
BUILD_KEYS = "build_keys"
# Articles read before their rows become validated frames: bounds the dicts held at once.
CHUNK_ARTICLES = 50
_ARTICLE_ONLY_FIELDS = ("body_ends_after", "_dir", "not_statements", "not_mentions")


class _Stop(Exception):
    """A problem was found; the loader without the cache reports it."""


def load_cached(root: Path, store: BuildCache) -> Dataset:
    """The dataset of ``root`` through ``store``; on bad data, the loader's DatasetError."""
    try:
        return _CachedBuild(root, store).load()
    except _Stop:
        return _Loader(root).load()


@dataclass
class _LastBuild:
    """What the folder's last build holds for the next one."""

    key: str
    tables: dict[str, pd.DataFrame]
    article_keys: dict[str, tuple[str, str]]
    report_parts: pa.Table
    events_key: str

    def report_parts_of(self, article_ids: set[str]) -> pa.Table:
        """The stored event reports of these articles."""
        kept = self.report_parts.filter(
            pc.is_in(
                self.report_parts["article_id"], value_set=pa.array(list(article_ids), pa.string())
            )
        )
        return kept.replace_schema_metadata(None)


class _CachedBuild:
    def __init__(self, root: Path, store: BuildCache):
        self.root = root
        self.store = store
        self.loader = _Loader(root)
        # What the build did, for tests and the benchmark: the articles it read from YAML,
        # and whether it combined the events again.
        self.articles_read: list[str] = []
        self.events_combined = False

    def load(self) -> Dataset:
        loader = self.loader
        if not self.root.is_dir():
            raise _Stop
        actors = loader._registry("actors", rec.ACTOR_FIELDS, "actor_id")
        locations = loader._registry("locations", rec.LOCATION_FIELDS, "location_id")
        issues = loader._registry("issues", rec.ISSUE_FIELDS, "issue_id")
        aspects = loader._registry("aspects", rec.ASPECT_FIELDS, "aspect_id")
        definitions = loader._registry("events", rec.EVENT_DEFINITION_FIELDS, "event_id")
        article_dirs = self._article_dirs()
        self._stop_if_problems()

        keys = self._article_keys(article_dirs, _aliases_digest(actors, locations))
        build_key = digest_of(
            [
                CODE_VERSION,
                *(files_digest([self.root / name]) for name in REGISTRY_FILES.values()),
                *(f"{article_id}={key}" for article_id, key in keys.items()),
            ]
        )
        stored = self._read_build(build_key)
        if stored is not None:
            self._point_at(build_key)
            return Dataset(**stored, data_dir=self.root)

        last = self._last_build(keys)
        kept = {
            article_id
            for article_id, (key, _) in (last.article_keys.items() if last else ())
            if keys.get(article_id) == key
        }
        articles = [loader._article(path) for path in article_dirs if path.name not in kept]
        self._stop_if_problems()
        aliases = loader._alias_index(actors, locations)
        self._stop_if_problems()

        parts: dict[str, list[pd.DataFrame]] = {name: [] for name in PER_ARTICLE}
        pending: dict[str, list[dict]] = {name: [] for name in (*PER_ARTICLE, REPORT_PARTS)}
        # Event reports as stored (Arrow tables), and those that have no stored form.
        report_tables = [last.report_parts_of(kept)] if last else []
        raw_reports: dict[str, list[dict]] = {}
        reports_keys = {article_id: last.article_keys[article_id][1] for article_id in kept}
        # Each article's dict (with its text) is let go once its rows are read.
        articles.reverse()
        number = 0
        while articles:
            article = articles.pop()
            number += 1
            article_id = article["article_id"]
            self.articles_read.append(article_id)
            statements = loader._statements(article)
            reports = loader._event_reports(article, definitions)
            mentions = loader._mentions(article, aliases)
            not_statements = loader._not_statements(article)
            self._stop_if_problems()
            pending["articles"].append(article)
            pending["statements"] += statements
            for statement in statements:
                pending["stances"] += statement.pop("_stances")
            pending["mentions"] += mentions
            pending["not_statements"] += not_statements
            stored_reports = [_stored_report(report) for report in reports]
            reports_keys[article_id] = _reports_key(stored_reports)
            if reports_keys[article_id] is None:
                raw_reports[article_id] = reports
            else:
                pending[REPORT_PARTS] += stored_reports
            if number % CHUNK_ARTICLES == 0:
                self._flush(pending, parts, report_tables, raw_reports, reports_keys)
        self._flush(pending, parts, report_tables, raw_reports, reports_keys)
        _give_back_memory()

        order = [path.name for path in article_dirs]
        frames = {
            name: _assembled(last and last.tables[name], kept, parts.pop(name), order)
            for name in PER_ARTICLE
        }
        if last is not None:
            last.tables.clear()  # its rows live on in the frames, the rest is let go
        events_key = digest_of(
            [
                CODE_VERSION,
                files_digest([self.root / REGISTRY_FILES["events"]]),
                *(f"{article_id}={reports_keys[article_id]}" for article_id in order),
            ]
        )
        # Events depend on data/events.yaml and every article's reports alone: when those
        # are as in the last build (an edit to statements, say), so are the event tables.
        reused_events = last is not None and last.events_key == events_key
        stored_events = self._read_build(last.key, EVENT_TABLES) if reused_events else None
        if stored_events is not None:
            frames.update(stored_events)
        else:
            reused_events = False
            frames.update(self._events(definitions, report_tables, raw_reports, order))
        frames.update(
            actors=_frame(actors, "actors"),
            locations=_frame(locations, "locations"),
            issues=_frame(issues, "issues"),
            aspects=_frame(aspects, "aspects"),
        )
        # The checks name a row's file only in a problem, and a problem sends the load to
        # the loader without the cache, which names the real files.
        _give_back_memory()
        frames = {name: frame.assign(_file="") for name, frame in frames.items()}
        loader._check_references(frames)
        self._stop_if_problems()
        frames = {name: _frame_without(frame, ("_file",)) for name, frame in frames.items()}
        derive_columns(frames)
        # The per-article tables were validated as they were read (here or in an earlier
        # build of the same code): pandera's checks are row by row, and its unique ids are
        # unique across articles too (statement and stance ids by the checks above; the
        # others contain the article id). So were reused event tables.
        validated = {
            name: frame
            if name in PER_ARTICLE or (reused_events and name in EVENT_TABLES)
            else loader._validate(name, frame, [])
            for name, frame in frames.items()
        }
        self._stop_if_problems()
        dataset = Dataset(**{name: validated[name] for name in Dataset.TABLES}, data_dir=self.root)
        self._store(build_key, dataset, keys, reports_keys, events_key, report_tables)
        return dataset

    def _events(
        self,
        definitions: list[dict],
        report_tables: list[pa.Table],
        raw_reports: dict[str, list[dict]],
        order: list[str],
    ) -> dict[str, pd.DataFrame]:
        """The event tables, from every article's reports (the records are let go after)."""
        self.events_combined = True
        stored = _read_reports(report_tables)
        reports = []
        for article_id in order:
            if article_id in raw_reports:
                reports += raw_reports[article_id]
            else:
                reports += stored.pop(article_id, [])
        events, claims = self.loader._events(definitions, reports)
        self._stop_if_problems()
        return {
            "events": _frame(events, "events"),
            "event_reports": _frame(reports, "event_reports", drop=("_claims",)),
            "event_claims": _frame(claims, "event_claims"),
        }

    def _point_at(self, key: str) -> None:
        """Make ``key`` the folder's last build (a copy of another folder may have built it)."""
        if self.store.read_latest(self.root) == key:
            return
        try:
            self.store.write_latest(self.root, key)
        except OSError as error:
            warnings.warn(f"the build cache was not written: {error}", stacklevel=2)

    def _stop_if_problems(self) -> None:
        if self.loader.problems:
            raise _Stop

    def _article_dirs(self) -> list[Path]:
        folder = self.root / ARTICLES_DIR
        if not folder.is_dir():
            raise _Stop
        article_dirs = sorted(path for path in folder.iterdir() if path.is_dir())
        if not article_dirs:
            raise _Stop
        return article_dirs

    def _article_keys(self, article_dirs: list[Path], aliases_digest: str) -> dict[str, str]:
        """Each article's key: its files, the aliases its mentions come from, the code."""
        return {
            path.name: digest_of(
                [CODE_VERSION, aliases_digest, files_digest(path / f for f in ARTICLE_FILES)]
            )
            for path in article_dirs
        }

    def _read_build(
        self, key: str, names: tuple[str, ...] = Dataset.TABLES
    ) -> dict[str, pd.DataFrame] | None:
        frames = {}
        for name in names:
            frame = self.store.read(key, name)
            if frame is None:
                return None
            frames[name] = frame
        return frames

    def _last_build(self, keys: dict[str, str]) -> _LastBuild | None:
        """The folder's last build, if it is whole and has an article to reuse."""
        last = self.store.read_latest(self.root)
        stored_keys = last and self.store.read(last, ARTICLE_KEYS)
        if stored_keys is None or not any(
            keys.get(article_id) == key
            for article_id, key in zip(stored_keys["article_id"], stored_keys["key"], strict=True)
        ):
            return None
        build_keys = self.store.read(last, BUILD_KEYS)
        report_parts = self.store.read_arrow(last, REPORT_PARTS)
        # The event tables are read only if they are reused (events.yaml and every
        # article's reports unchanged).
        tables = {name: self.store.read(last, name) for name in PER_ARTICLE}
        if any(table is None for table in (build_keys, report_parts, *tables.values())):
            return None
        return _LastBuild(
            key=last,
            tables=tables,
            article_keys={
                row["article_id"]: (row["key"], row["reports_key"])
                for row in stored_keys.to_dict("records")
            },
            report_parts=report_parts,
            events_key=dict(zip(build_keys["name"], build_keys["key"], strict=True))["events"],
        )

    def _flush(
        self,
        pending: dict[str, list[dict]],
        parts: dict[str, list[pd.DataFrame]],
        report_tables: list[pa.Table],
        raw_reports: dict[str, list[dict]],
        reports_keys: dict[str, str | None],
    ) -> None:
        """Turn the records read so far into validated frames and the reports into an Arrow
        table, and let go of the dicts."""
        if not pending["articles"]:
            return
        for name in PER_ARTICLE:
            drop = _ARTICLE_ONLY_FIELDS if name == "articles" else ()
            frame = _frame_without(_frame(pending[name], name, drop=drop), ("_file",))
            parts[name].append(self.loader._validate(name, frame, []))
            pending[name].clear()
        self._stop_if_problems()
        stored = pending[REPORT_PARTS]
        try:
            if stored:
                report_tables.append(pa.Table.from_pylist(stored))
        except pa.ArrowException:
            for row in stored:
                raw_reports.setdefault(row["article_id"], []).append(_read_report(dict(row)))
                reports_keys[row["article_id"]] = None
        stored.clear()

    def _store(
        self,
        key: str,
        dataset: Dataset,
        keys: dict[str, str],
        reports_keys: dict[str, str | None],
        events_key: str,
        report_parts: list[pa.Table],
    ) -> None:
        """Write the build; a cache that cannot be written costs speed, never the load."""
        if None in reports_keys.values():
            return
        try:
            self.store.write(
                key,
                ARTICLE_KEYS,
                pd.DataFrame(
                    {
                        "article_id": list(keys),
                        "key": list(keys.values()),
                        "reports_key": [reports_keys[article_id] for article_id in keys],
                    }
                ),
            )
            self.store.write(
                key, BUILD_KEYS, pd.DataFrame({"name": ["events"], "key": [events_key]})
            )
            self.store.write(
                key, REPORT_PARTS, pa.concat_tables(report_parts, promote_options="default")
            )
            for name, frame in dataset.tables().items():
                self.store.write(key, name, frame)
            self.store.write_latest(self.root, key)
        except (OSError, pa.ArrowException, TypeError, ValueError) as error:
            warnings.warn(f"the build cache was not written: {error}", stacklevel=2)


def _give_back_memory() -> None:
    """Return the heap the records read so far no longer use to the system (glibc only).

    Freed memory otherwise stays with the process, and the next step's peak comes on top
    of it: 70 MiB of the peak of a 1,000-article build.
    """
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _aliases_digest(actors: list[dict], locations: list[dict]) -> str:
    """A digest of every alias and what it names: what an article's mentions depend on."""
    entries = [f"actor {row['actor_id']} {alias}" for row in actors for alias in row["aliases"]]
    entries += [
        f"location {row['location_id']} {alias}" for row in locations for alias in row["aliases"]
    ]
    return digest_of(sorted(entries))


def _assembled(
    reused: pd.DataFrame | None, kept: set[str], parts: list[pd.DataFrame], order: list[str]
) -> pd.DataFrame:
    """One table in article order: the rows of the ``kept`` articles from the last build,
    the others from the frames just read.

    Each source holds an article's rows together, so the table is a few slices of the
    sources, put end to end (slices of text columns share their memory).
    """
    sources = [reused, *parts]
    where: dict[str, tuple[int, int, int]] = {}
    for number, frame in enumerate(sources):
        if frame is None:
            continue
        for article_id, start, end in _article_ranges(frame):
            if number or article_id in kept:
                where[article_id] = (number, start, end)
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
        return next(frame for frame in sources if frame is not None).iloc[0:0]
    pieces = [sources[number].iloc[start:end] for number, start, end in runs]
    if len(pieces) == 1 and len(pieces[0]) == len(sources[runs[0][0]]):
        return sources[runs[0][0]]
    return pd.concat(pieces, ignore_index=True)


def _article_ranges(frame: pd.DataFrame) -> list[tuple[str, int, int]]:
    """(article_id, first row, end row) of each article's rows, which are contiguous."""
    codes, ids = pd.factorize(frame["article_id"])
    bounds = [0, *(np.flatnonzero(np.diff(codes)) + 1).tolist(), len(codes)]
    return [
        (ids[codes[start]], start, end)
        for start, end in zip(bounds, bounds[1:], strict=False)
        if end > start
    ]


# An event report as read, for the next build: its claims and background dates (mappings
# of any shape) as JSON, with dates tagged so that they come back as dates.
_AS_JSON = ("_claims", "background_dates")


def _reports_key(stored: list[dict]) -> str | None:
    """A digest of an article's stored reports; None if they cannot be stored."""
    if None in stored:
        return None
    try:
        return digest_of([json.dumps(stored, default=_encode_value, sort_keys=True)])
    except (TypeError, ValueError):
        return None


def _stored_report(report: dict) -> dict | None:
    """The report as stored, or None if a value has no JSON form (then nothing is stored)."""
    stored = dict(report)
    try:
        for field in _AS_JSON:
            stored[field] = json.dumps(report[field], default=_encode_value, ensure_ascii=False)
    except (TypeError, ValueError):
        return None
    return stored


def _read_reports(tables: list[pa.Table]) -> dict[str, list[dict]]:
    """Stored event reports as the loader's records, by article."""
    by_article: dict[str, list[dict]] = {}
    for table in tables:
        for row in table.to_pylist():
            by_article.setdefault(row["article_id"], []).append(_read_report(row))
    return by_article


def _read_report(stored: dict) -> dict:
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
