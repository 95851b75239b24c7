"""load_dataset(): the one entry point to the data. Reads a data folder, checks every
record against the article text and the schemas, and returns an immutable Dataset.

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
from .dates import resolve_when
from .errors import DatasetError, Problem, Problems
from .schemas import SCHEMAS
from .text import find_mentions, find_span, sentence_bounds

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
# Which report of an event the events table takes its words and date from: the most
# precise, then the earliest published, then the first article id.
_PRECISION_RANK = {"day": 0, "part_of_day": 0, "range": 1, "month": 2, "season": 3}
_LAST_RANK = 4
_DEFINITION_ONLY = (
    "title",
    "event_type",
    "status",
    "is_background",
    "background_dates",
    "actor_ids",
)
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
        events, claims = self._events(definitions, reports, articles)

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
        _derive(frames)
        validated = {
            name: self._validate(name, frame, origins[name]) for name, frame in frames.items()
        }
        self.problems.raise_if_any()
        return Dataset(**validated, data_dir=self.root)

    def _validate(
        self, name: str, frame: pd.DataFrame, origins: list[tuple[str, str]]
    ) -> pd.DataFrame:
        """Check a table against its pandera schema; map each failure to file, record, field."""
        schema = SCHEMAS[name].to_schema()
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
        self.sources[table] = [(label, _name(row, id_field)) for row in rows]
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
            name = _name(row, "statement_id")
            if not self._place(row, article, label, name) or not self._date(
                row, article, label, name
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
        out = []
        for position, item in enumerate(items, start=1):
            row = rec.parse_record(
                item, rec.EVENT_FIELDS, "event_id", f"item {position}", label, self.problems
            )
            if row is None:
                continue
            name = _name(row, "event_id")
            defining = [key for key in _DEFINITION_ONLY if key in item]
            if defining and "title" not in item:
                self.problems.add(
                    label,
                    name,
                    defining[0],
                    "only allowed in a record that defines the event (with a title); "
                    "a report of an event defined elsewhere gives event_id, quote and date",
                )
                continue
            if "title" in item and not self._definition_complete(row, label, name):
                continue
            if not self._place(row, article, label, name) or not self._date(
                row, article, label, name
            ):
                continue
            row["_definition"] = "title" in item
            row["report_id"] = f"{row['event_id']}:{article['article_id']}"
            row["_published"] = article["published_date"]
            row["_claims"] = self._claims(row, article, label, name)
            out.append(row)
        return out

    def _definition_complete(self, row: dict, label: str, name: str) -> bool:
        missing = [key for key in ("event_type", "actor_ids") if row[key] is None]
        for key in missing:
            spec = rec.EVENT_DEFINITION_FIELDS[key]
            self.problems.add(label, name, key, f"missing; expected {rec.describe(spec.kind)}")
        return not missing

    def _claims(self, report: dict, article: dict, label: str, name: str) -> list[dict]:
        out = []
        for position, item in enumerate(report.pop("claims"), start=1):
            where = f"{name} claim {position}"
            claim = rec.parse_record(item, rec.CLAIM_FIELDS, "", where, label, self.problems)
            if claim is None:
                continue
            try:
                start, end = find_span(article["text"], claim["quote"], claim["occurrence"])
            except ValueError as error:
                self.problems.add(label, where, "quote", str(error))
                continue
            out.append(
                {
                    "claim_id": f"{report['report_id']}:{position}",
                    "event_id": report["event_id"],
                    "article_id": article["article_id"],
                    "aspect": claim["aspect"],
                    "value": claim["value"],
                    "unit": claim["unit"],
                    "quote": article["text"][start:end],
                    "start_char": start,
                    "end_char": end,
                    "by_actor_id": claim["by_actor_id"],
                    "note": claim["note"],
                    "_file": label,
                }
            )
        return out

    def _events(
        self, registry: list[dict], reports: list[dict], articles: list[dict]
    ) -> tuple[list[dict], list[dict]]:
        """One row per event: its definition with the words and date of its main report."""
        registry_label = self.label(self.root / REGISTRY_FILES["events"])
        definitions: dict[str, tuple[dict, str]] = {}
        for row in registry:
            definitions[row["event_id"]] = (row, registry_label)
        for report in reports:
            if not report["_definition"]:
                continue
            event_id = report["event_id"]
            if event_id in definitions:
                self.problems.add(
                    report["_file"],
                    event_id,
                    "event_id",
                    f"duplicate id (also defined in {definitions[event_id][1]}); expected one "
                    "definition per event (data/events.yaml for one several articles report)",
                )
                continue
            definitions[event_id] = (report, report["_file"])

        by_event: dict[str, list[dict]] = {}
        for report in reports:
            event_id = report["event_id"]
            if event_id not in definitions:
                self.problems.add(
                    report["_file"],
                    event_id,
                    "event_id",
                    f"unknown event id {event_id!r}; expected one defined in "
                    f"{registry_label} or by a record with a title",
                )
                continue
            same = by_event.setdefault(event_id, [])
            if any(other["article_id"] == report["article_id"] for other in same):
                self.problems.add(
                    report["_file"],
                    event_id,
                    "event_id",
                    "the article already reports this event; expected one report per article",
                )
                continue
            report["is_main_report"] = False
            same.append(report)
        for event_id, (_definition, label) in definitions.items():
            if event_id not in by_event:
                self.problems.add(
                    label,
                    event_id,
                    "event_id",
                    "no article reports this event; expected at least one report in an "
                    "article's events.yaml",
                )

        events, claims = [], []
        for event_id, same in by_event.items():
            definition, label = definitions[event_id]
            main = min(same, key=_report_rank)
            for report in same:
                report["is_main_report"] = report is main
            event = {key: definition[key] for key in rec.EVENT_DEFINITION_FIELDS}
            for key in _REPORT_COLUMNS:
                event[key] = main[key]
            event["location_id"] = definition["location_id"] or main["location_id"]
            event["report_count"] = len(same)
            event["_file"] = label
            # Outside dates refine the date of the record that defines the event (for a
            # registry event, of any of its reports).
            dated_by = [r for r in same if r["_definition"]] or same
            if self._background_dates(event, label, event_id, dated_by):
                events.append(event)
        kept = {event["event_id"] for event in events}
        accepted = [report for report in reports if "is_main_report" in report]
        for report in accepted:
            claims += report.pop("_claims")
        reports[:] = [_report_row(report) for report in accepted if report["event_id"] in kept]
        claims[:] = [claim for claim in claims if claim["event_id"] in kept]
        return events, claims

    def _not_statements(self, article: dict) -> list[dict]:
        label = self.label(article["_dir"] / "article.yaml")
        out = []
        for position, item in enumerate(article.get("not_statements") or (), start=1):
            where = f"not_statements {position}"
            parsed = rec.parse_record(
                item, rec.NOT_STATEMENT_FIELDS, "", where, label, self.problems
            )
            if parsed is None:
                continue
            try:
                start, end = find_span(article["text"], parsed["quote"], parsed["occurrence"])
            except ValueError as error:
                self.problems.add(label, where, "quote", str(error))
                continue
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

    def _place(self, row: dict, article: dict, label: str, name: str) -> bool:
        """Find the quote's span in the text and the sentence around it."""
        text = article["text"]
        try:
            start, end = find_span(text, row.pop("quote"), row.pop("occurrence"))
        except ValueError as error:
            self.problems.add(label, name, "quote", str(error))
            return False
        sentence_start, sentence_end = sentence_bounds(text, start, end)
        row.update(
            article_id=article["article_id"],
            quote=text[start:end],
            start_char=start,
            end_char=end,
            sentence=text[sentence_start:sentence_end],
            _file=label,
        )
        return True

    def _date(self, row: dict, article: dict, label: str, name: str) -> bool:
        """Resolve 'when' against the publication date and check its date_quote."""
        expression = row.pop("when")
        try:
            resolved = resolve_when(expression, article["published_date"])
        except ValueError as error:
            self.problems.add(label, name, "when", str(error))
            return False
        asserted = row.pop("date_precision")
        if asserted is not None and asserted != resolved.precision:
            self.problems.add(
                label,
                name,
                "date_precision",
                f"expected {resolved.precision!r} for when={expression!r}, got {asserted!r}",
            )
            return False
        date_quote, occurrence = row["date_quote"], row.pop("date_quote_occurrence")
        if date_quote is not None:
            try:
                find_span(article["text"], date_quote, occurrence)
            except ValueError as error:
                self.problems.add(label, name, "date_quote", str(error))
                return False
        elif resolved.precision != "as_reported":
            self.problems.add(
                label,
                name,
                "date_quote",
                f"missing; expected the article's words that give the date {expression!r} "
                "(only 'as reported' needs none)",
            )
            return False
        row.update(
            date_expression=expression,
            start_date=resolved.start_date,
            end_date=resolved.end_date,
            date_precision=resolved.precision,
            part_of_day=resolved.part_of_day,
            date_label=resolved.label,
        )
        return True

    def _background_dates(
        self, row: dict, label: str, name: str, reports: list[dict] | None = None
    ) -> bool:
        refined = row.pop("background_dates")
        row.update(
            background_start_date=None, background_end_date=None, background_date_source=None
        )
        if refined is None:
            return True
        field_label = f"{name} background_dates"
        parsed = rec.parse_record(
            refined, rec.BACKGROUND_DATE_FIELDS, "", field_label, label, self.problems
        )
        if parsed is None:
            return False
        if not row["is_background"]:
            self.problems.add(
                label, name, "background_dates", "only allowed with is_background: true"
            )
            return False
        start, end = parsed["start_date"], parsed["end_date"]
        within = reports or [row]
        if end < start or not any(
            r["start_date"] <= start and end <= r["end_date"] for r in within
        ):
            self.problems.add(
                label,
                name,
                "background_dates",
                f"expected {start} – {end} to be an ordered range inside the article's date "
                f"({within[0]['date_label']})",
            )
            return False
        row.update(
            background_start_date=start,
            background_end_date=end,
            background_date_source=parsed["source"],
        )
        return True

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
        index: dict[str, tuple[str, str]] = {}
        entities = [("actor", "actor_id", "actors", row) for row in actors]
        entities += [("location", "location_id", "locations", row) for row in locations]
        for entity_type, id_field, table, row in entities:
            for alias in row["aliases"]:
                if alias in index and index[alias] != (entity_type, row[id_field]):
                    other = index[alias]
                    self.problems.add(
                        self.label(self.root / REGISTRY_FILES[table]),
                        row[id_field],
                        "aliases",
                        f"the alias {alias!r} already belongs to {other[0]} {other[1]!r}; "
                        "expected each surface form to name one entity",
                    )
                index[alias] = (entity_type, row[id_field])
        return index

    def _mentions(self, article: dict, aliases: dict[str, tuple[str, str]]) -> list[dict]:
        skipped = self._not_mentions(article)
        mentions = []
        for entity_type, entity_id, surface, start, end in find_mentions(article["text"], aliases):
            if skipped.pop(start, None) is not None:
                continue
            mentions.append(
                {
                    "mention_id": f"{article['article_id']}:{start}",
                    "article_id": article["article_id"],
                    "entity_type": entity_type,
                    "entity_id": entity_id,
                    "surface": surface,
                    "start_char": start,
                    "end_char": end,
                }
            )
        for where in skipped.values():
            self.problems.add(
                self.label(article["_dir"] / "article.yaml"),
                where,
                "surface",
                "the words start no mention; expected them to begin with an alias of the registry",
            )
        return mentions

    def _not_mentions(self, article: dict) -> dict[int, str]:
        """Starts of the words article.yaml says are no mention, with where they are listed."""
        label = self.label(article["_dir"] / "article.yaml")
        starts = {}
        for position, item in enumerate(article.get("not_mentions") or (), start=1):
            where = f"not_mentions {position}"
            parsed = rec.parse_record(item, rec.NOT_MENTION_FIELDS, "", where, label, self.problems)
            if parsed is None:
                continue
            try:
                start, _ = find_span(article["text"], parsed["surface"], parsed["occurrence"])
            except ValueError as error:
                self.problems.add(label, where, "surface", str(error))
                continue
            starts[start] = where
        return starts

    def _unique(self, rows: list[dict], id_field: str, label: str) -> None:
        seen: set[str] = set()
        for row in rows:
            if row[id_field] in seen:
                self.problems.add(
                    label, row[id_field], id_field, "duplicate id; expected each id once"
                )
            seen.add(row[id_field])

    # -- cross-table rules -----------------------------------------------------------------

    def _check_references(self, frames: dict[str, pd.DataFrame]) -> None:
        """Referential integrity across tables: every id points at a record that exists."""
        actors, locations = frames["actors"], frames["locations"]
        actor_ids = set(actors.get("actor_id", []))
        location_ids = set(locations.get("location_id", []))
        registry = {t: self.label(self.root / f) for t, f in REGISTRY_FILES.items()}

        for row in frames["actors"].to_dict("records"):
            self._ref(
                registry["actors"],
                row["actor_id"],
                "parent_actor_id",
                row["parent_actor_id"],
                actor_ids,
                "actor",
            )
            self._ref(
                registry["actors"],
                row["actor_id"],
                "seat_location_id",
                row["seat_location_id"],
                location_ids,
                "location",
            )
        self._check_parent_cycles(frames["actors"], registry["actors"])

        for table, id_field in (("statements", "statement_id"), ("events", "event_id")):
            frame = frames[table]
            first_file = frame.drop_duplicates(id_field).set_index(id_field)["_file"]
            for row in _rows(frame, frame[id_field].duplicated()):
                self.problems.add(
                    row["_file"],
                    row[id_field],
                    id_field,
                    f"duplicate id (also in {first_file[row[id_field]]}); "
                    "expected ids unique across all articles",
                )
        statement_ids = _distinct(frames["statements"]["statement_id"])

        # The per-row checks below only visit rows a vectorised test flags, so that a large
        # corpus is not turned back into Python dicts; the messages and their order are
        # the same as checking every row.
        statements = frames["statements"]
        suspect = _unknown(statements["location_id"], location_ids)
        suspect |= _unknown(statements["contradicts_statement_id"], statement_ids)
        suspect |= statements["contradicts_statement_id"] == statements["statement_id"]
        for field in ("speaker_actor_id", "target_actor_id", "reported_by_actor_id"):
            suspect |= _unknown(statements[field], actor_ids)
        for row in _rows(statements, suspect):
            where = (row["_file"], row["statement_id"])
            for field in ("speaker_actor_id", "target_actor_id", "reported_by_actor_id"):
                self._ref(*where, field, row[field], actor_ids, "actor")
            self._ref(*where, "location_id", row["location_id"], location_ids, "location")
            self._ref(
                *where,
                "contradicts_statement_id",
                row["contradicts_statement_id"],
                statement_ids,
                "statement",
            )
            if row["contradicts_statement_id"] == row["statement_id"]:
                self.problems.add(
                    *where, "contradicts_statement_id", "a statement cannot contradict itself"
                )
        events = frames["events"]
        suspect = _unknown(events["location_id"], location_ids)
        if len(events):
            exploded = events["actor_ids"].explode()
            unknown_actor = _unknown(exploded, actor_ids).groupby(level=0).any()
            suspect |= unknown_actor.reindex(events.index, fill_value=False)
        for row in _rows(events, suspect):
            where = (row["_file"], row["event_id"])
            for actor_id in row["actor_ids"]:
                self._ref(*where, "actor_ids", actor_id, actor_ids, "actor")
            self._ref(*where, "location_id", row["location_id"], location_ids, "location")
        reports = frames["event_reports"]
        # A report's place is checked where it differs from its event's (checked above).
        event_place = events.set_index("event_id")["location_id"] if len(events) else pd.Series()
        own_place = reports["location_id"].ne(reports["event_id"].map(event_place))
        for row in _rows(reports, _unknown(reports["location_id"], location_ids) & own_place):
            self._ref(
                row["_file"],
                row["report_id"],
                "location_id",
                row["location_id"],
                location_ids,
                "location",
            )
        aspect_ids = set(frames["aspects"].get("aspect_id", []))
        claims = frames["event_claims"]
        suspect = _unknown(claims["aspect"], aspect_ids) | _unknown(
            claims["by_actor_id"], actor_ids
        )
        for row in _rows(claims, suspect):
            where = (row["_file"], row["claim_id"])
            self._ref(*where, "aspect", row["aspect"], aspect_ids, "aspect")
            self._ref(*where, "by_actor_id", row["by_actor_id"], actor_ids, "actor")
        issue_ids = set(frames["issues"].get("issue_id", []))
        stances = frames["stances"]
        suspect = _unknown(stances["issue_id"], issue_ids) | _unknown(
            stances["actor_id"], actor_ids
        )
        seen_stances: set[str] = set()
        for row in _rows(stances, suspect | stances["stance_id"].duplicated(keep=False)):
            where = (row["_file"], f"{row['statement_id']} stance on {row['issue_id']}")
            self._ref(*where, "issue_id", row["issue_id"], issue_ids, "issue")
            self._ref(*where, "actor_id", row["actor_id"], actor_ids, "actor")
            if row["stance_id"] in seen_stances:
                self.problems.add(
                    *where, "issue_id", "duplicate stance; expected one stance per issue and actor"
                )
            seen_stances.add(row["stance_id"])
        self._check_support(frames, registry)

    def _ref(self, file: str, record: str, field: str, value, known: set, kind: str) -> None:
        if _present(value) and value not in known:
            self.problems.add(
                file,
                record,
                field,
                f"unknown {kind} id {value!r}; expected one defined in the data",
            )

    def _check_parent_cycles(self, actors: pd.DataFrame, label: str) -> None:
        parents = dict(zip(actors["actor_id"], actors["parent_actor_id"], strict=True))
        for actor_id in parents:
            chain = [actor_id]
            while _present(parent := parents.get(chain[-1])) and parent in parents:
                if parent in chain:
                    self.problems.add(
                        label,
                        actor_id,
                        "parent_actor_id",
                        f"parent chain loops: {' → '.join([*chain, parent])}",
                    )
                    break
                chain.append(parent)

    def _check_support(self, frames: dict[str, pd.DataFrame], registry: dict[str, str]) -> None:
        """Nothing invented: every alias, actor and place is borne out by some text or record."""
        mentioned = frames["mentions"]
        in_texts = _found_in_texts(frames)
        for table, id_field in (("actors", "actor_id"), ("locations", "location_id")):
            for row in frames[table].to_dict("records"):
                for alias in row["aliases"]:
                    if alias not in in_texts:
                        self.problems.add(
                            registry[table],
                            row[id_field],
                            "aliases",
                            f"the alias {alias!r} occurs in no article text; "
                            "expected exact words of a text",
                        )
        used_actors = (
            _distinct(mentioned.loc[mentioned["entity_type"] == "actor", "entity_id"])
            if len(mentioned)
            else set()
        )
        statements = frames["statements"]
        for field in ("speaker_actor_id", "target_actor_id", "reported_by_actor_id"):
            used_actors |= _distinct(statements[field]) if len(statements) else set()
        for ids in frames["events"].get("actor_ids", []):
            used_actors |= set(ids)
        used_actors |= _distinct(frames["event_claims"].get("by_actor_id", pd.Series()))
        for row in frames["actors"].to_dict("records"):
            actor_id = row["actor_id"]
            in_text = any(alias in in_texts for alias in row["aliases"])
            if actor_id not in used_actors and not in_text:
                self.problems.add(
                    registry["actors"],
                    actor_id,
                    "actor_id",
                    "no article mentions this actor and no record uses it; "
                    "expected an alias found in a text",
                )


def _found_in_texts(frames: dict[str, pd.DataFrame]) -> set[str]:
    """The registry aliases that occur somewhere in an article text.

    An alias with a mention occurs in its text, and so does one inside a mention's words
    ('Armenia' in 'Armenian Prime Minister'); only the others are searched for in the
    texts, so the check does not cost every alias times every text.
    """
    aliases = set(frames["actors"]["aliases"].explode().dropna())
    aliases |= set(frames["locations"]["aliases"].explode().dropna())
    surfaces = _distinct(frames["mentions"]["surface"])
    found = surfaces & aliases
    found |= {alias for alias in aliases - found if any(alias in s for s in surfaces)}
    texts = list(frames["articles"].get("text", []))
    found |= {alias for alias in aliases - found if any(alias in text for text in texts)}
    return found


# The columns an event takes from its main report.
_REPORT_COLUMNS = (
    "article_id",
    "quote",
    "start_char",
    "end_char",
    "sentence",
    "date_expression",
    "date_quote",
    "start_date",
    "end_date",
    "date_precision",
    "part_of_day",
    "date_label",
)


def _report_rank(report: dict) -> tuple:
    rank = _PRECISION_RANK.get(report["date_precision"], _LAST_RANK)
    return (rank, report["_published"], report["article_id"])


def _report_row(report: dict) -> dict:
    """A report as the event_reports table holds it."""
    row = {"report_id": report["report_id"], "event_id": report["event_id"]}
    row.update({key: report[key] for key in _REPORT_COLUMNS})
    row.update(
        location_id=report["location_id"],
        is_main_report=report["is_main_report"],
        note=report["note"],
        _file=report["_file"],
    )
    return row


def _name(row: dict, id_field: str) -> str:
    return str(row.get(id_field) or "(record)")


def _frame(rows: list[dict], table: str, drop: tuple[str, ...] = ()) -> pd.DataFrame:
    """The rows as a frame; with no rows, an empty frame that still has the table's columns."""
    if not rows:
        return pd.DataFrame(columns=[*SCHEMAS[table].to_schema().columns, "_file"])
    return _frame_without(pd.DataFrame(rows), drop)


def _frame_without(frame: pd.DataFrame, drop: tuple[str, ...]) -> pd.DataFrame:
    return frame.drop(columns=[c for c in drop if c in frame.columns])


def _derive(frames: dict[str, pd.DataFrame]) -> None:
    """Columns computed from the records: counts, first mentions, the state an actor counts for."""
    actors, locations, mentions = frames["actors"], frames["locations"], frames["mentions"]
    counts = (
        mentions.groupby(["entity_type", "entity_id"]).size()
        if len(mentions)
        else pd.Series(dtype=int)
    )
    firsts = (
        mentions.groupby(["entity_type", "entity_id"])["start_char"].min()
        if len(mentions)
        else pd.Series(dtype=float)
    )
    actors["mention_count"] = [int(counts.get(("actor", a), 0)) for a in actors["actor_id"]]
    locations["mention_count"] = [
        int(counts.get(("location", p), 0)) for p in locations["location_id"]
    ]
    locations["first_mention_char"] = [
        firsts.get(("location", p), float("nan")) for p in locations["location_id"]
    ]
    parents = dict(zip(actors["actor_id"], actors["parent_actor_id"], strict=True))
    actors["state_actor_id"] = [_top(actor_id, parents) for actor_id in actors["actor_id"]]


def _top(actor_id: str, parents: dict) -> str:
    while _present(parents.get(actor_id)):
        actor_id = parents[actor_id]
    return actor_id


def _unknown(values: pd.Series, known: set) -> pd.Series:
    """True where a value is given but is not one of ``known``."""
    # A hash lookup; Series.isin walks a list of 100,000 ids in Python for text columns.
    missing = pd.Index(list(known)).get_indexer(values) < 0
    return values.notna() & pd.Series(missing, index=values.index)


def _distinct(values: pd.Series) -> set:
    """The distinct values given in ``values``, as a set (without walking every row)."""
    return set(values.dropna().drop_duplicates().to_list())


def _rows(frame: pd.DataFrame, mask: pd.Series) -> list[dict]:
    """The rows of ``frame`` where ``mask`` holds, as dicts, in order."""
    return frame[mask].to_dict("records")


def _present(value) -> bool:
    """True for a real value; False for None and the NaN that pandas puts in empty cells."""
    return value is not None and not (isinstance(value, float) and value != value)
