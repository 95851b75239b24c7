"""The build cache: validated frames stored as Parquet, keyed by what they were built from.

A build is found by its key, a digest of the code (CODE_VERSION), the registry files and
every article's key (a digest of the article's files and of the aliases its mentions come
from). Files live outside the data folder, in $DASHBOARD_CACHE_DIR or the user's cache
directory; each is written to a temporary file beside it and moved into place, so two
processes building at once both succeed, and carries a marker with its build key and table
name: a file that is corrupt, foreign or of another build is rebuilt, never trusted.

Also the folder's fingerprint: a cheap stat of every file, for the app to notice edits.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
import warnings
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

# Arrow's default pool (mimalloc) keeps the pages a build frees, so the transient buffers
# of a load stayed in the process: 80 MiB more at the peak of 1,000 articles, for good.
pa.set_memory_pool(pa.system_memory_pool())

CACHE_DIR_ENV = "DASHBOARD_CACHE_DIR"
APP_NAME = "lake-sev-dashboard"
# Written into every file's Parquet metadata and checked on read; bump it when the layout
# of the cache (not of the data) changes.
FORMAT = "lake-sev-dashboard build cache 1"
_MARKER = b"dashboard_cache"
# The modules whose code decides what a build holds: a change to any of them is a new key.
_CODE_FILES = (
    "cache.py",
    "build.py",
    "loader.py",
    "events.py",
    "checks.py",
    "derive.py",
    "placing.py",
    "mentions.py",
    "records.py",
    "schemas.py",
    "text.py",
    "dates.py",
    "splice.py",
    "stored.py",
)
# Builds kept besides the last build of every data folder (BuildCache.prune): each edit
# leaves its previous build behind, which would otherwise pile up for good.
KEEP_BUILDS = 4
# Rows per Parquet row group (see BuildCache.write).
ROW_GROUP = 16384
# A file changed this recently is read for its digest, whatever its stat (files_signature).
STABLE_NS = 2_000_000_000
# Columns holding tuples in the dataset; Parquet gives them back as arrays.
_TUPLE_COLUMNS = ("aliases", "actor_ids")


def default_cache_dir() -> Path:
    """$DASHBOARD_CACHE_DIR, else $XDG_CACHE_HOME/lake-sev-dashboard, else ~/.cache/…"""
    chosen = os.environ.get(CACHE_DIR_ENV)
    if chosen:
        return Path(chosen).expanduser().resolve()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return (Path(base) / APP_NAME).resolve()


def _code_version() -> str:
    digest = hashlib.blake2b(FORMAT.encode(), digest_size=16)
    here = Path(__file__).resolve().parent
    for name in _CODE_FILES:
        digest.update(name.encode())
        digest.update((here / name).read_bytes())
    for package in (pd, pa):
        digest.update(f"{package.__name__} {package.__version__}".encode())
    return digest.hexdigest()


CODE_VERSION = _code_version()


def digest_of(parts: Iterable[str | bytes]) -> str:
    """A digest of a sequence of texts and bytes (each length-prefixed, so none runs into
    the next)."""
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


def files_digest(paths: Iterable[Path]) -> str:
    """A digest of the files' names and bytes; a missing file counts as missing."""
    parts: list[str | bytes] = []
    for path in paths:
        parts.append(path.name)
        try:
            parts.append(path.read_bytes())
        except OSError:
            parts.append("(missing)")
    return digest_of(parts)


class BuildCache:
    """Parquet tables of builds, by build key, in one cache folder."""

    def __init__(self, folder: Path):
        self.folder = folder / "v1"

    @classmethod
    def for_data(cls, data_dir: Path) -> BuildCache | None:
        """The cache for ``data_dir``, or None (with a warning) if it would lie inside it."""
        folder = default_cache_dir()
        if folder == data_dir or data_dir in folder.parents:
            warnings.warn(
                f"{CACHE_DIR_ENV}={folder} is inside the data folder {data_dir}; "
                "loading without the build cache (expected a folder outside the data)",
                stacklevel=3,
            )
            return None
        return cls(folder)

    def read(self, key: str, name: str, table_key: str | None = None) -> pd.DataFrame | None:
        """The table ``name`` of build ``key``, or None if it is missing or not to be trusted.

        ``table_key``: the key its file was written with, if not ``key`` (a file the build
        shares with an earlier build, see ``link``).
        """
        table = self.read_arrow(key, name, table_key)
        if table is None:
            return None
        frame = table.to_pandas()
        for column in _TUPLE_COLUMNS:
            if column in frame.columns:
                frame[column] = [tuple(values) for values in frame[column]]
        return frame

    def read_arrow(self, key: str, name: str, table_key: str | None = None) -> pa.Table | None:
        """The table as Arrow, or None if it is missing, corrupt, foreign or of another build."""
        try:
            # One file as it is: read_table's dataset layer cost twice the time (and its
            # first use 0.1 s more).
            table = pq.ParquetFile(self._path(key, name), memory_map=True).read()
        except (OSError, pa.ArrowException):
            return None
        metadata = table.schema.metadata or {}
        if metadata.get(_MARKER) != _marker(table_key or key, name):
            return None
        return table

    def write(self, key: str, name: str, frame: pd.DataFrame | pa.Table) -> None:
        """Store a table of build ``key``: written beside its place, then moved into it. Its
        file is marked with ``key`` (its table key)."""
        table = (
            frame
            if isinstance(frame, pa.Table)
            else pa.Table.from_pandas(frame, preserve_index=False)
        )
        table = table.replace_schema_metadata(
            {**(table.schema.metadata or {}), _MARKER: _marker(key, name)}
        )
        path = self._path(key, name)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{name}-", suffix=".tmp")
        os.close(handle)
        try:
            # Plain and uncompressed: reading it back is the warm start, on a local disk, and
            # dictionary-encoding long texts doubled the time to write. No column statistics:
            # nothing filters on them, and the minimum and maximum of every text column
            # tripled the time to write. Written by Arrow's own file (a Python file object
            # copied every page into a bytes object) in row groups of ROW_GROUP rows and
            # pages of 64 KiB, which bound the writer's buffers (a table in one group of 1 MiB
            # pages took 20 MiB more at the peak; reading is as fast).
            pq.write_table(
                table,
                temporary,
                row_group_size=ROW_GROUP,
                data_page_size=64 * 1024,
                compression="none",
                use_dictionary=False,
                write_statistics=False,
            )
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def link(self, key: str, name: str, source_key: str) -> bool:
        """Give build ``key`` the file of table ``name`` of build ``source_key`` (a hard link,
        made beside its place and moved into it); False if the file system refused. The file
        keeps the table key it was written with."""
        path = self._path(key, name)
        temporary = path.parent / f".{name}-{os.getpid()}-{id(self)}.tmp"
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            os.link(self._path(source_key, name), temporary)
            os.replace(temporary, path)
        except OSError:
            temporary.unlink(missing_ok=True)
            return False
        return True

    def read_latest(self, data_dir: Path) -> str | None:
        """The key of the last build of ``data_dir``, where a new build finds what to reuse."""
        try:
            content = json.loads(self._latest(data_dir).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(content, dict) or content.get("format") != FORMAT:
            return None
        key = content.get("key")
        return key if isinstance(key, str) and key.isalnum() else None

    def write_latest(self, data_dir: Path, key: str) -> None:
        path = self._latest(data_dir)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".latest-", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump({"format": FORMAT, "key": key, "data_dir": str(data_dir)}, stream)
        os.replace(temporary, path)

    def prune(self, keep: int = KEEP_BUILDS) -> int:
        """Remove the builds that no data folder's last build is, past the ``keep`` most
        recently written; returns how many went. A build being written is among the most
        recent; a file another build shares survives as its hard link."""
        try:
            builds = [path for path in (self.folder / "builds").iterdir() if path.is_dir()]
            pointed = {
                json.loads(path.read_text(encoding="utf-8")).get("key")
                for path in (self.folder / "latest").glob("*.json")
            }
            builds.sort(key=lambda path: path.stat().st_mtime_ns, reverse=True)
        except (OSError, ValueError, AttributeError):
            return 0
        removed = 0
        for path in builds[keep:]:
            if path.name not in pointed:
                shutil.rmtree(path, ignore_errors=True)
                removed += 1
        return removed

    def _path(self, key: str, name: str) -> Path:
        return self.folder / "builds" / key / f"{name}.parquet"

    def _latest(self, data_dir: Path) -> Path:
        return self.folder / "latest" / f"{digest_of([str(data_dir)])}.json"


def _marker(key: str, name: str) -> bytes:
    return json.dumps({"format": FORMAT, "key": key, "table": name}).encode()


def folder_fingerprint(data_dir: Path | str) -> str:
    """A digest of the path, size and modification time of every file under ``data_dir``: it
    changes when a file is edited, added, removed or renamed, and costs a stat per file
    (no file is read). Order is the file system's; a new order only costs a reload."""
    digest = hashlib.blake2b(digest_size=16)
    pending = [str(data_dir)]
    while pending:
        try:
            with os.scandir(pending.pop()) as scan:
                for entry in scan:
                    if entry.is_dir():
                        pending.append(entry.path)
                        continue
                    stat = entry.stat()
                    digest.update(f"{entry.path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
        except OSError:
            continue
    return digest.hexdigest()


def files_signature(paths: Iterable[Path], now_ns: int) -> str:
    """The size, times and inode of each file, or "" if one changed in the last
    STABLE_NS before ``now_ns``: a build may reuse the digest of files whose signature is
    the one it stored, instead of reading them.

    Any write gives a file a new change time (ctime, which no tool sets back); a file
    written again within the clock's tick of the digest taken could keep the old one, so a
    recent change is never trusted (git's "racily clean" files).
    """
    parts = []
    for path in paths:
        try:
            stat = path.stat()
        except OSError:
            parts.append(f"{path.name}:-")
            continue
        if stat.st_ctime_ns > now_ns - STABLE_NS or stat.st_mtime_ns > now_ns - STABLE_NS:
            return ""
        parts.append(
            f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}:{stat.st_ctime_ns}:{stat.st_ino}"
        )
    return "/".join(parts)


def folder_digests(
    folders: Iterable[Path], names: Iterable[str], remembered: dict[str, tuple[str, str]]
) -> dict[str, tuple[str, str]]:
    """Each folder's (files_signature, files_digest) of its files ``names``, by folder name;
    the digest is ``remembered``'s when the signature is the one stored with it."""
    names = tuple(names)
    now = time.time_ns()
    out = {}
    for folder in folders:
        files = [folder / name for name in names]
        signature = files_signature(files, now)
        known = remembered.get(folder.name)
        if signature and known and known[0] == signature:
            out[folder.name] = known
        else:
            out[folder.name] = (signature, files_digest(files))
    return out


def aliases_digest(actors: list[dict], locations: list[dict]) -> str:
    """A digest of every alias and what it names: what an article's mentions depend on."""
    entries = [f"actor {row['actor_id']} {alias}" for row in actors for alias in row["aliases"]]
    entries += [
        f"location {row['location_id']} {alias}" for row in locations for alias in row["aliases"]
    ]
    return digest_of(sorted(entries))
