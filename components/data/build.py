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
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from . import records as rec
from .cache import (
    CODE_VERSION,
    BuildCache,
    aliases_digest,
    digest_of,
    files_digest,
    folder_digests,
)
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
from .splice import splice_events
from .stored import (
    LastBuild,
    assembled,
    read_report,
    read_reports,
    reports_key,
    stored_report,
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
_TABLE = "table "
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


class _CachedBuild:
    def __init__(self, root: Path, store: BuildCache):
        self.root = root
        self.store = store
        self.loader = _Loader(root)
        # What the build did, for tests and the benchmark: the articles it read from YAML,
        # and how it made the event tables: "reused" (the last build's), "spliced" (only
        # the events whose reports changed combined again) or "combined" (every event).
        self.articles_read: list[str] = []
        self.events_built = ""
        # Each article's files as stat and digest (stored for the next build).
        self.files: dict[str, tuple[str, str]] = {}

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

        latest = self.store.read_latest(self.root)
        stored_keys = self.store.read(latest, ARTICLE_KEYS) if latest else None
        keys = self._article_keys(article_dirs, aliases_digest(actors, locations), stored_keys)
        registries = {
            name: files_digest([self.root / file]) for name, file in REGISTRY_FILES.items()
        }
        build_key = digest_of(
            [
                CODE_VERSION,
                *registries.values(),
                *(f"{article_id}={key}" for article_id, key in keys.items()),
            ]
        )
        stored = self._read_build(build_key)
        if stored is not None:
            self._point_at(build_key)
            return Dataset(**stored, data_dir=self.root)

        last = self._last_build(latest, stored_keys, keys)
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
            stored_reports = [stored_report(report) for report in reports]
            reports_keys[article_id] = reports_key(stored_reports)
            if reports_keys[article_id] is None:
                raw_reports[article_id] = reports
            else:
                pending[REPORT_PARTS] += stored_reports
            if number % CHUNK_ARTICLES == 0:
                self._flush(pending, parts, report_tables, raw_reports, reports_keys)
        self._flush(pending, parts, report_tables, raw_reports, reports_keys)
        _give_back_memory()

        order = [path.name for path in article_dirs]
        frames = {}
        # Tables as in the last build, by the key their file was written with: the new
        # build shares the file (cache.BuildCache.link) rather than writing it again.
        shared: dict[str, str] = {}
        for name in PER_ARTICLE:
            frames[name], same = assembled(last and last.tables[name], kept, parts.pop(name), order)
            if same:
                shared[name] = last.table_key(name)
        if last is not None:
            last.tables.clear()  # its rows live on in the frames, the rest is let go
        events_key = digest_of(
            [
                CODE_VERSION,
                registries["events"],
                *(f"{article_id}={reports_keys[article_id]}" for article_id in order),
            ]
        )
        frames.update(
            self._events(
                last,
                (events_key, registries["events"]),
                definitions,
                (report_tables, raw_reports, reports_keys),
            )
        )
        if self.events_built == "reused":
            shared.update((name, last.table_key(name)) for name in (*EVENT_TABLES, REPORT_PARTS))
        frames.update(
            actors=_frame(actors, "actors"),
            locations=_frame(locations, "locations"),
            issues=_frame(issues, "issues"),
            aspects=_frame(aspects, "aspects"),
        )
        # The checks name a row's file only in a problem, and a problem sends the load to
        # the loader without the cache, which names the real files.
        _give_back_memory()
        frames = {name: frame.assign(_file=_no_file(len(frame))) for name, frame in frames.items()}
        loader._check_references(frames)
        self._stop_if_problems()
        _give_back_memory()
        frames = {name: _frame_without(frame, ("_file",)) for name, frame in frames.items()}
        derive_columns(frames)
        # The per-article tables were validated as they were read (here or in an earlier
        # build of the same code): pandera's checks are row by row, and its unique ids are
        # unique across articles too (statement, stance and event ids by the checks above;
        # the others contain the article id). So were the event tables, when combined.
        validated = {
            name: frame
            if name in PER_ARTICLE or name in EVENT_TABLES
            else loader._validate(name, frame, [])
            for name, frame in frames.items()
        }
        self._stop_if_problems()
        dataset = Dataset(**{name: validated[name] for name in Dataset.TABLES}, data_dir=self.root)
        build_keys = {"events": events_key, "events_registry": registries["events"]}
        _give_back_memory()
        self._store(
            build_key,
            dataset,
            (keys, reports_keys, build_keys),
            report_tables,
            (last and last.key, shared),
        )
        _give_back_memory()
        return dataset

    def _events(
        self,
        last: LastBuild | None,
        keys: tuple[str, str],
        definitions: list[dict],
        reports_read: tuple[list[pa.Table], dict[str, list[dict]], dict[str, str | None]],
    ) -> dict[str, pd.DataFrame]:
        """The event tables: the last build's if data/events.yaml and every article's
        reports are as they were (an edit to statements, say); else the last build's with
        the events whose reports changed combined again; else every event combined."""
        events_key, events_registry = keys
        report_tables, raw_reports, reports_keys = reports_read
        old = self._read_build(last.key, EVENT_TABLES) if last else None
        if old is not None and last.events_key == events_key:
            self.events_built = "reused"
            return old
        order = [path.name for path in self._article_dirs()]
        try:
            reports = (
                None if raw_reports else pa.concat_tables(report_tables, promote_options="default")
            )
        except pa.ArrowException:
            reports = None
        if reports is not None:
            if old is not None and last.events_registry == events_registry:
                self.events_built, before = "spliced", last.article_keys
                base = (old, last.report_parts)
            else:  # every event, into empty tables (a batch at a time)
                self.events_built, before = "combined", {}
                base = (self._combined([], []), reports.slice(0, 0))
            changed = {
                article_id
                for article_id in {*before, *reports_keys}
                if reports_keys.get(article_id) != before.get(article_id, ("", ""))[1]
            }
            spliced = splice_events(*base, reports, changed, definitions, order, self._combined)
            if spliced is not None:
                return spliced
        del old
        self.events_built = "combined"
        stored = read_reports(report_tables)
        reports = []
        for article_id in order:
            if article_id in raw_reports:
                reports += raw_reports[article_id]
            else:
                reports += stored.pop(article_id, [])
        return self._combined(definitions, reports)

    def _combined(self, definitions: list[dict], reports: list[dict]) -> dict[str, pd.DataFrame]:
        """The loader's combination of these reports into events, as validated tables."""
        events, claims = self.loader._events(definitions, reports)
        self._stop_if_problems()
        frames = {
            "events": _frame(events, "events"),
            "event_reports": _frame(reports, "event_reports", drop=("_claims",)),
            "event_claims": _frame(claims, "event_claims"),
        }
        validated = {
            name: self.loader._validate(name, _frame_without(frame, ("_file",)), [])
            for name, frame in frames.items()
        }
        self._stop_if_problems()
        return validated

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

    def _article_keys(
        self, article_dirs: list[Path], aliases_digest: str, stored: pd.DataFrame | None
    ) -> dict[str, str]:
        """Each article's key: its files, the aliases its mentions come from, the code. The
        files are read unless the last build (``stored``) has their digest for their stat."""
        remembered = {}
        if stored is not None and "files_signature" in stored.columns:
            columns = (stored[name] for name in ("files_signature", "files_digest"))
            remembered = dict(zip(stored["article_id"], zip(*columns, strict=True), strict=True))
        self.files = folder_digests(article_dirs, ARTICLE_FILES, remembered)
        return {
            article_id: digest_of([CODE_VERSION, aliases_digest, digest])
            for article_id, (_, digest) in self.files.items()
        }

    def _read_build(
        self, key: str, names: tuple[str, ...] = Dataset.TABLES
    ) -> dict[str, pd.DataFrame] | None:
        build_keys = self._build_keys(key)
        frames = {}
        for name in names:
            frame = build_keys and self.store.read(key, name, build_keys.get(_TABLE + name))
            if frame is None:
                return None
            frames[name] = frame
        return frames

    def _build_keys(self, key: str) -> dict[str, str] | None:
        """The keys stored with build ``key``: of its event tables ("events"), of the
        data/events.yaml they come from, and (_TABLE + name) of each table whose file it
        shares with an earlier build."""
        build_keys = self.store.read(key, BUILD_KEYS)
        if build_keys is None:
            return None
        return dict(zip(build_keys["name"], build_keys["key"], strict=True))

    def _last_build(
        self, last: str | None, stored_keys: pd.DataFrame | None, keys: dict[str, str]
    ) -> LastBuild | None:
        """The folder's last build, if it is whole and has an article to reuse."""
        if (
            last is None
            or stored_keys is None
            or not any(
                keys.get(article_id) == key
                for article_id, key in zip(
                    stored_keys["article_id"], stored_keys["key"], strict=True
                )
            )
        ):
            return None
        build_keys = self._build_keys(last)
        if build_keys is None:
            return None
        table_keys = {
            name.removeprefix(_TABLE): table_key
            for name, table_key in build_keys.items()
            if name.startswith(_TABLE)
        }
        report_parts = self.store.read_arrow(last, REPORT_PARTS, table_keys.get(REPORT_PARTS))
        # The event tables are read only if they are reused or spliced.
        tables = {name: self.store.read(last, name, table_keys.get(name)) for name in PER_ARTICLE}
        if any(table is None for table in (report_parts, *tables.values())):
            return None
        return LastBuild(
            key=last,
            tables=tables,
            article_keys={
                row["article_id"]: (row["key"], row["reports_key"])
                for row in stored_keys.to_dict("records")
            },
            report_parts=report_parts.replace_schema_metadata(None),
            events_key=build_keys.get("events", ""),
            events_registry=build_keys.get("events_registry", ""),
            table_keys=table_keys,
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
                raw_reports.setdefault(row["article_id"], []).append(read_report(dict(row)))
                reports_keys[row["article_id"]] = None
        stored.clear()

    def _store(
        self,
        key: str,
        dataset: Dataset,
        keys: tuple[dict[str, str], dict[str, str | None], dict[str, str]],
        report_parts: list[pa.Table],
        shared: tuple[str | None, dict[str, str]],
    ) -> None:
        """Write the build; a cache that cannot be written costs speed, never the load.

        ``shared``: the last build's key and, by name, the table key of each of its tables
        this build holds unchanged: those files are linked, not written again.
        """
        article_keys, reports_keys, build_keys = keys
        last_key, same = shared
        if None in reports_keys.values():
            return
        tables: dict[str, pd.DataFrame | pa.Table | None] = {
            ARTICLE_KEYS: pd.DataFrame(
                {
                    "article_id": list(article_keys),
                    "key": list(article_keys.values()),
                    "reports_key": [reports_keys[article_id] for article_id in article_keys],
                    "files_signature": [self.files[article_id][0] for article_id in article_keys],
                    "files_digest": [self.files[article_id][1] for article_id in article_keys],
                }
            ),
            REPORT_PARTS: None,
            **dataset.tables(),
        }
        try:
            for name, frame in tables.items():
                if name in same and self.store.link(key, name, last_key):
                    build_keys[_TABLE + name] = same[name]
                elif name == REPORT_PARTS:
                    parts = pa.concat_tables(report_parts, promote_options="default")
                    self.store.write(key, name, parts)
                else:
                    self.store.write(key, name, frame)
            self.store.write(
                key,
                BUILD_KEYS,
                pd.DataFrame({"name": list(build_keys), "key": list(build_keys.values())}),
            )
            self.store.write_latest(self.root, key)
            self.store.prune()
        except (OSError, pa.ArrowException, TypeError, ValueError) as error:
            warnings.warn(f"the build cache was not written: {error}", stacklevel=2)


def _no_file(rows: int) -> pd.Categorical:
    """A column of "" (one byte a row: a column of text took 20 MiB at the peak)."""
    return pd.Categorical.from_codes(np.zeros(rows, dtype=np.int8), categories=[""])


def _give_back_memory() -> None:
    """Return the heap the records read so far no longer use to the system (glibc only).

    Freed memory otherwise stays with the process, and the next step's peak comes on top
    of it: 70 MiB of the peak of a 1,000-article build.
    """
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)
