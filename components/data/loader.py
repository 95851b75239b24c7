"""load_dataset(): the one entry point to the data. Reads a data folder, checks every
record against the article text and the schemas, and returns an immutable Dataset.

The loader reads the files and runs the steps in order; what each step computes lives
beside it: placing.py (a quote's span and a date), events.py (events from their reports,
claims), mentions.py (aliases found in the texts), checks.py (the rules across tables),
derive.py (the computed columns), then the schemas.

It imports no streamlit, so it works the same in a notebook, a test or the app, and it
only ever reads: nothing under the data folder is written.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pandera.errors

from . import records as rec
from .checks import check_references
from .derive import derive_columns
from .errors import DatasetError, Problem, Problems
from .events import combine_events, parse_event_reports
from .mentions import alias_index, article_mentions
from .placing import place_quote, placed_items, resolve_date
from .schemas import SCHEMAS
from .text import find_span

DATA_DIR_ENV = "DASHBOARD_DATA_DIR"
DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "data"
ARTICLES_DIR = "articles"
REGISTRY_FILES = {
    "actors": "actors.yaml",
    "locations": "locations.yaml",
    "issues": "issues.yaml",
    "aspects": "aspects.yaml",
    "events": "events.yaml",
}
# Registries a data folder may leave out: with no claims there are no aspects, and events
# that one article reports are defined in that article's events.yaml.
OPTIONAL_REGISTRIES = ("aspects", "events")
ARTICLE_FILES = ("article.yaml", "article.txt", "statements.yaml", "events.yaml")


@dataclass(frozen=True)
class Dataset:
    """The validated tables of one data folder. Treat the frames as read-only."""

    articles: pd.DataFrame
    actors: pd.DataFrame
    locations: pd.DataFrame
    issues: pd.DataFrame
    statements: pd.DataFrame
    events: pd.DataFrame
    stances: pd.DataFrame
    mentions: pd.DataFrame
    event_reports: pd.DataFrame
    event_claims: pd.DataFrame
    aspects: pd.DataFrame
    not_statements: pd.DataFrame
    data_dir: Path

    TABLES = (
        "articles",
        "actors",
        "locations",
        "issues",
        "statements",
        "events",
        "stances",
        "mentions",
        "event_reports",
        "event_claims",
        "aspects",
        "not_statements",
    )

    def tables(self) -> dict[str, pd.DataFrame]:
        """The tables by name, in codebook order."""
        return {name: getattr(self, name) for name in self.TABLES}


def resolve_data_dir(data_dir: Path | str | None = None) -> Path:
    """The folder to read: the argument, else $DASHBOARD_DATA_DIR, else the project's data/."""
    chosen = data_dir or os.environ.get(DATA_DIR_ENV) or DEFAULT_DATA_DIR
    return _resolved(str(chosen), os.getcwd())


# Every app run asks several times; resolving touches the file system each time.
@functools.lru_cache(maxsize=64)
def _resolved(chosen: str, cwd: str) -> Path:
    return (Path(cwd) / Path(chosen).expanduser()).resolve()


def load_dataset(data_dir: Path | str | None = None, *, use_cache: bool = True) -> Dataset:
    """Read and validate a data folder; raise DatasetError naming file, record and field.

    With ``use_cache`` (the default) the validated tables come from the build cache
    (components/data/cache.py) when nothing they were built from changed, and only changed
    articles are read again; the tables and the errors are the same either way.
    """
    # Imported here: the cached build runs this module's loader steps.
    from .build import load_cached
    from .cache import BuildCache

    root = resolve_data_dir(data_dir)
    with collector_paused():
        store = BuildCache.for_data(root) if use_cache else None
        if store is None:
            return _Loader(root).load()
        return load_cached(root, store)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for a bulk build.

    Parsing a large corpus allocates millions of small objects, none of them garbage yet,
    and the collector kept walking them all: 40% of a cold load of 1,000 articles. Reference
    counting still frees what the build drops; the collector resumes afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class _Loader:
    def __init__(self, root: Path):
        self.root = root
        self.problems = Problems()
        self.sources: dict[str, list[tuple[str, str]]] = {}

    def label(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root.parent))
        except ValueError:
            return str(path)

    def registry_labels(self) -> dict[str, str]:
        """The label of each registry file, by table."""
        return {t: self.label(self.root / f) for t, f in REGISTRY_FILES.items()}

    def load(self) -> Dataset:
        if not self.root.is_dir():
            raise DatasetError(
                Problem(str(self.root), "(folder)", "(folder)", "the data folder does not exist")
            )
        actors = self._registry("actors", rec.ACTOR_FIELDS, "actor_id")
        locations = self._registry("locations", rec.LOCATION_FIELDS, "location_id")
        issues = self._registry("issues", rec.ISSUE_FIELDS, "issue_id")
        aspects = self._registry("aspects", rec.ASPECT_FIELDS, "aspect_id")
        definitions = self._registry("events", rec.EVENT_DEFINITION_FIELDS, "event_id")
        articles = self._articles()
        self.problems.raise_if_any()

        statements, reports, stances, mentions, not_statements = [], [], [], [], []
        aliases = self._alias_index(actors, locations)
        for article in articles:
            statements += self._statements(article)
            reports += self._event_reports(article, definitions)
            mentions += self._mentions(article, aliases)
            not_statements += self._not_statements(article)
        for statement in statements:
            stances += statement.pop("_stances")
        events, claims = self._events(definitions, reports)

        origins = {
            "articles": self.sources.get("articles", []),
            "actors": self.sources.get("actors", []),
            "locations": self.sources.get("locations", []),
            "issues": self.sources.get("issues", []),
            "aspects": self.sources.get("aspects", []),
            "statements": [(row["_file"], row["statement_id"]) for row in statements],
            "events": [(row["_file"], row["event_id"]) for row in events],
            "event_reports": [(row["_file"], row["report_id"]) for row in reports],
            "event_claims": [(row["_file"], row["claim_id"]) for row in claims],
            "stances": [(row["_file"], row["stance_id"]) for row in stances],
            "mentions": [("(derived from aliases)", row["mention_id"]) for row in mentions],
            "not_statements": [(row["_file"], row["not_statement_id"]) for row in not_statements],
        }
        frames = {
            "articles": _frame(
                articles,
                "articles",
                drop=("body_ends_after", "_dir", "not_statements", "not_mentions"),
            ),
            "actors": _frame(actors, "actors"),
            "locations": _frame(locations, "locations"),
            "issues": _frame(issues, "issues"),
            "statements": _frame(statements, "statements"),
            "events": _frame(events, "events"),
            "stances": _frame(stances, "stances"),
            "mentions": _frame(mentions, "mentions"),
            "event_reports": _frame(reports, "event_reports", drop=("_claims",)),
            "event_claims": _frame(claims, "event_claims"),
            "aspects": _frame(aspects, "aspects"),
            "not_statements": _frame(not_statements, "not_statements"),
        }
        self._check_references(frames)
        self.problems.raise_if_any()
        frames = {name: _frame_without(frame, ("_file",)) for name, frame in frames.items()}
        derive_columns(frames)
        validated = {
            name: self._validate(name, frame, origins[name]) for name, frame in frames.items()
        }
        self.problems.raise_if_any()
        return Dataset(**validated, data_dir=self.root)

    def _validate(
        self, name: str, frame: pd.DataFrame, origins: list[tuple[str, str]]
    ) -> pd.DataFrame:
        """Check a table against its pandera schema; map each failure to file, record, field."""
        schema = _schema(name)
        ordered = [column for column in schema.columns if column in frame.columns]
        frame = frame[
            ordered + [column for column in frame.columns if column not in schema.columns]
        ]
        try:
            return schema.validate(frame, lazy=True)
        except pandera.errors.SchemaErrors as errors:
            for case in errors.failure_cases.to_dict("records"):
                index = case.get("index")
                file, record = ("(table " + name + ")", "(all records)")
                if isinstance(index, int) and 0 <= index < len(origins):
                    file, record = origins[index]
                field = case.get("column") or "(table)"
                self.problems.add(
                    file,
                    record,
                    str(field),
                    f"expected {case.get('check')}, got {case.get('failure_case')!r}",
                )
            return frame

    # -- reading ---------------------------------------------------------------------------

    def _registry(self, table: str, specs: dict, id_field: str) -> list[dict]:
        path = self.root / REGISTRY_FILES[table]
        label = self.label(path)
        if table in OPTIONAL_REGISTRIES and not path.exists():
            self.sources[table] = []
            return []
        items = rec.read_yaml(path, label, self.problems, list)
        if items is None:
            return []
        if not items and table not in OPTIONAL_REGISTRIES:
            self.problems.add(label, "(file)", "(content)", "no records; expected at least one")
        rows = rec.parse_records(items, specs, id_field, label, self.problems)
        self._unique(rows, id_field, label)
        self.sources[table] = [(label, rec.row_name(row, id_field)) for row in rows]
        return rows

    def _articles(self) -> list[dict]:
        folder = self.root / ARTICLES_DIR
        if not folder.is_dir():
            self.problems.add(
                self.label(folder),
                "(folder)",
                "(folder)",
                "missing; expected one folder per article",
            )
            return []
        article_dirs = sorted(path for path in folder.iterdir() if path.is_dir())
        if not article_dirs:
            self.problems.add(
                self.label(folder),
                "(folder)",
                "(folder)",
                "empty; expected at least one article folder",
            )
        articles = []
        for article_dir in article_dirs:
            article = self._article(article_dir)
            if article is not None:
                articles.append(article)
        self.sources["articles"] = [
            (self.label(a["_dir"] / "article.yaml"), a["article_id"]) for a in articles
        ]
        return articles

    def _article(self, article_dir: Path) -> dict | None:
        meta_path = article_dir / "article.yaml"
        label = self.label(meta_path)
        meta = rec.read_yaml(meta_path, label, self.problems, dict)
        text = rec.read_text(
            article_dir / "article.txt", self.label(article_dir / "article.txt"), self.problems
        )
        if meta is None or text is None:
            return None
        article = rec.parse_record(
            meta, rec.ARTICLE_FIELDS, "article_id", "(metadata)", label, self.problems
        )
        if article is None:
            return None
        if article["article_id"] != article_dir.name:
            self.problems.add(
                label,
                article["article_id"],
                "article_id",
                f"expected the folder name {article_dir.name!r}, got {article['article_id']!r}",
            )
            return None
        if not text.strip():
            self.problems.add(
                self.label(article_dir / "article.txt"),
                "(file)",
                "(content)",
                "the article text is empty",
            )
            return None
        article["text"] = text
        article["story_id"] = article["story_id"] or article["article_id"]
        article["body_end_char"] = len(text)
        if article["body_ends_after"]:
            try:
                article["body_end_char"] = find_span(text, article["body_ends_after"])[1]
            except ValueError as error:
                self.problems.add(label, article["article_id"], "body_ends_after", str(error))
        article["_dir"] = article_dir
        return article

    def _statements(self, article: dict) -> list[dict]:
        path = article["_dir"] / "statements.yaml"
        label = self.label(path)
        items = rec.read_yaml(path, label, self.problems, list)
        rows = rec.parse_records(
            items or [], rec.STATEMENT_FIELDS, "statement_id", label, self.problems
        )
        out = []
        for row in rows:
            name = rec.row_name(row, "statement_id")
            if not place_quote(row, article, label, name, self.problems) or not resolve_date(
                row, article, label, name, self.problems
            ):
                continue
            row["utterance_id"] = row["utterance_id"] or row["statement_id"]
            row["_stances"] = self._stances(row, article, label, name)
            out.append(row)
        return out

    def _event_reports(self, article: dict, registry: list[dict]) -> list[dict]:
        """The article's reports of events; a report with a title also defines its event."""
        path = article["_dir"] / "events.yaml"
        label = self.label(path)
        items = rec.read_yaml(path, label, self.problems, list) or []
        return parse_event_reports(items, article, label, self.problems)

    def _not_statements(self, article: dict) -> list[dict]:
        label = self.label(article["_dir"] / "article.yaml")
        out = []
        listed = placed_items(
            article.get("not_statements"),
            rec.NOT_STATEMENT_FIELDS,
            "quote",
            "not_statements",
            article["text"],
            label,
            self.problems,
        )
        for _, _, parsed, start, end in listed:
            out.append(
                {
                    "not_statement_id": f"{article['article_id']}:{start}",
                    "article_id": article["article_id"],
                    "quote": article["text"][start:end],
                    "start_char": start,
                    "end_char": end,
                    "reason": parsed["reason"],
                    "_file": label,
                }
            )
        return out

    def _stances(self, statement: dict, article: dict, label: str, name: str) -> list[dict]:
        out = []
        for position, item in enumerate(statement.pop("stances"), start=1):
            where = f"{name} stance {position}"
            stance = rec.parse_record(item, rec.STANCE_FIELDS, "", where, label, self.problems)
            if stance is None:
                continue
            actor_id = stance["actor_id"] or statement["speaker_actor_id"]
            quote, start, end = statement["quote"], statement["start_char"], statement["end_char"]
            if stance["evidence"] is not None:
                try:
                    start, end = find_span(
                        article["text"], stance["evidence"], stance["evidence_occurrence"]
                    )
                except ValueError as error:
                    self.problems.add(label, where, "evidence", str(error))
                    continue
                quote = article["text"][start:end]
            out.append(
                {
                    "stance_id": f"{statement['statement_id']}:{stance['issue_id']}:{actor_id}",
                    "statement_id": statement["statement_id"],
                    "article_id": article["article_id"],
                    "actor_id": actor_id,
                    "issue_id": stance["issue_id"],
                    "stance": stance["stance"],
                    "quote": quote,
                    "start_char": start,
                    "end_char": end,
                    "note": stance["note"],
                    "_file": label,
                }
            )
        return out

    def _alias_index(self, actors: list[dict], locations: list[dict]) -> dict[str, tuple[str, str]]:
        return alias_index(actors, locations, self.registry_labels(), self.problems)

    def _mentions(self, article: dict, aliases: dict[str, tuple[str, str]]) -> list[dict]:
        label = self.label(article["_dir"] / "article.yaml")
        return article_mentions(article, aliases, label, self.problems)

    def _events(
        self, definitions: list[dict], reports: list[dict]
    ) -> tuple[list[dict], list[dict]]:
        """The events and their claims (see `components.data.events.combine_events`)."""
        label = self.registry_labels()["events"]
        return combine_events(definitions, reports, label, self.problems)

    def _check_references(self, frames: dict[str, pd.DataFrame]) -> None:
        """The rules across tables (see `components.data.checks.check_references`)."""
        check_references(frames, self.registry_labels(), self.problems)

    def _unique(self, rows: list[dict], id_field: str, label: str) -> None:
        seen: set[str] = set()
        for row in rows:
            if row[id_field] in seen:
                self.problems.add(
                    label, row[id_field], id_field, "duplicate id; expected each id once"
                )
            seen.add(row[id_field])


@functools.cache
def _schema(table: str) -> pandera.api.pandas.container.DataFrameSchema:
    """The table's pandera schema, built once (building it costs ~5 ms; a build of a
    large corpus validates a hundred chunks)."""
    return SCHEMAS[table].to_schema()


def _frame(rows: list[dict], table: str, drop: tuple[str, ...] = ()) -> pd.DataFrame:
    """The rows as a frame; with no rows, an empty frame that still has the table's columns."""
    if not rows:
        return pd.DataFrame(columns=[*_schema(table).columns, "_file"])
    return _frame_without(pd.DataFrame(rows), drop)


def _frame_without(frame: pd.DataFrame, drop: tuple[str, ...]) -> pd.DataFrame:
    return frame.drop(columns=[c for c in drop if c in frame.columns])
