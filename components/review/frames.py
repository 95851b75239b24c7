"""The review of a draft as tables a person edits, and the article folder they make.

A draft (components.extract) becomes one editable row per statement (speaker, type, date,
place, confirm/delete), one row per new actor and one per new place; the rows become the
codebook's files (article.txt, article.yaml, statements.yaml, events.yaml) and
registry_additions.yaml, as text, then a ZIP. Nothing here writes a file or imports
streamlit: the page calls these and offers the result for download.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import date

import pandas as pd
import yaml

from components.data.coverage import Gap, uncovered
from components.data.schemas import LOCATION_TYPES

# A speaker the registry lacks is chosen as "new: <name>" in the speaker column.
NEW_PREFIX = "new: "
ADDITIONS_FILE = "registry_additions.yaml"
# The columns of the statements editor, in the order the page shows them.
STATEMENT_COLUMNS = (
    "number",
    # Beside the number, to check the least sure rows first (sorting by it).
    "confidence",
    "confirm",
    "delete",
    "speaker",
    "mention",
    "statement_type",
    "when",
    "date_quote",
    "location_id",
    "is_direct_quote",
    "quote",
    "start_char",
    "rule",
    "cue_start",
    "cue_end",
)
# Columns the reviewer never edits (where the draft sits in the text, how it was found).
HIDDEN_COLUMNS = ("start_char", "rule", "cue_start", "cue_end")
NEW_ACTOR_COLUMNS = ("actor_name", "actor_id", "actor_type", "aliases")
NEW_PLACE_COLUMNS = (
    "keep",
    "location_name",
    "location_id",
    "location_type",
    "lat",
    "lon",
    "coord_source",
    "aliases",
)
# Gazetteer kinds -> the codebook's location types (the rest are towns).
_LOCATION_TYPES = {"region": "region", "lake": "lake", "city": "city"}
_LOCATION_TYPES["national capital"] = "national capital"
ALIAS_SEPARATOR = "; "


@dataclass(frozen=True)
class ArticleMeta:
    """What the reviewer says about the article: article.yaml's fields."""

    outlet: str
    outlet_type: str
    side: str
    published_date: date
    title: str = ""
    url: str = ""
    rights: str = ""
    article_id: str = ""
    not_statements: tuple[dict, ...] = field(default_factory=tuple)


def decode_upload(name: str, data: bytes) -> tuple[str, str | None]:
    """An uploaded file's text, or "" and a message naming the file when it is not UTF-8."""
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as error:
        return "", (
            f"The file {name!r} is not UTF-8 text (byte {error.start}): save it as UTF-8 "
            "plain text, or paste the text instead."
        )


def slug(text: str, joiner: str = "-") -> str:
    """Lower-case ASCII words of ``text`` joined by ``joiner`` ("Gegharkunik" -> "gegharkunik")."""
    plain = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return joiner.join(re.findall(r"[a-z0-9]+", plain))


def suggest_article_id(outlet: str, published: date, title: str) -> str:
    """The codebook's `<outlet>-<YYYY-MM-DD>-<slug>`, the slug from the title's first words."""
    words = slug(title).split("-")[:4]
    parts = [slug(outlet) or "outlet", published.isoformat(), "-".join(words) or "article"]
    return "-".join(parts)


def other_statement_ids(statements: pd.DataFrame, article_id: str) -> set[str]:
    """The statement ids of every other article (a reviewed article must not reuse them)."""
    return set(statements.loc[statements["article_id"] != article_id, "statement_id"])


def statement_prefix(meta: ArticleMeta, taken_ids: set[str]) -> str:
    """The article's short code (`pan0527`), with a letter added when another article
    already uses it for its statement ids."""
    base = (slug(meta.outlet, "")[:3] or "art") + meta.published_date.strftime("%m%d")
    prefixes = {statement_id.rpartition("-s")[0] for statement_id in taken_ids}
    if base not in prefixes:
        return base
    return next(
        f"{base}{letter}" for letter in "bcdefghijklmnopqrstuvwxyz" if base + letter not in prefixes
    )


def new_speaker(name: str) -> str:
    """The speaker column's value for a speaker the registry lacks."""
    return f"{NEW_PREFIX}{name}"


def is_new_speaker(value: str) -> bool:
    return value.startswith(NEW_PREFIX)


def statement_rows(draft) -> pd.DataFrame:
    """One editable row per drafted statement, in text order, none confirmed yet."""
    rows = []
    for number, statement in enumerate(draft.statements, start=1):
        speaker = statement.speaker_actor_id or new_speaker(statement.speaker_name)
        rows.append(
            {
                "number": number,
                "confirm": False,
                "delete": False,
                "speaker": speaker,
                "mention": statement.speaker_mention,
                "statement_type": statement.statement_type,
                "when": statement.date_expression,
                "date_quote": statement.date_quote or "",
                "location_id": statement.location_id or "",
                "is_direct_quote": bool(statement.is_direct_quote),
                "confidence": float(statement.confidence),
                "quote": statement.quote.strip(),
                "start_char": int(statement.start_char),
                "rule": statement.rule,
                "cue_start": -1 if statement.cue_start is None else int(statement.cue_start),
                "cue_end": -1 if statement.cue_end is None else int(statement.cue_end),
            }
        )
    return _typed(pd.DataFrame(rows, columns=list(STATEMENT_COLUMNS)))


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """The editor's column types, also for an empty table."""
    return frame.astype(
        {
            "number": "int64",
            "confirm": "bool",
            "delete": "bool",
            "is_direct_quote": "bool",
            "confidence": "float64",
            "start_char": "int64",
            "cue_start": "int64",
            "cue_end": "int64",
        }
    )


def added_statement(rows: pd.DataFrame, gap: Gap, speaker: str) -> pd.DataFrame:
    """``rows`` with one more row: the gap's words as a statement of ``speaker``."""
    number = int(rows["number"].max()) + 1 if len(rows) else 1
    row = {
        "number": number,
        "confirm": True,
        "delete": False,
        "speaker": speaker,
        "mention": "",
        "statement_type": "report",
        "when": "as reported",
        "date_quote": "",
        "location_id": "",
        "is_direct_quote": '"' in gap.words or "“" in gap.words,
        "confidence": 1.0,
        "quote": gap.words.strip(),
        "start_char": gap.start,
        "rule": "added by the reviewer",
        "cue_start": -1,
        "cue_end": -1,
    }
    added = pd.concat([rows, pd.DataFrame([row])], ignore_index=True)
    return _typed(added[list(STATEMENT_COLUMNS)])


def kept(rows: pd.DataFrame) -> pd.DataFrame:
    """The statements not deleted."""
    return rows[~rows["delete"].astype(bool)]


def speaker_options(actor_names: dict[str, str], rows: pd.DataFrame, extra: list[str]) -> list[str]:
    """Every speaker the column offers: the registry's actors, then the new ones in use or
    created by the reviewer (``extra``: names)."""
    new = [value for value in rows["speaker"] if is_new_speaker(value)]
    new += [new_speaker(name) for name in extra]
    return [*actor_names, *dict.fromkeys(new)]


def speaker_label(value: str, actor_names: dict[str, str]) -> str:
    """How the speaker column shows a value: the actor's name and id, or "new: <name>"."""
    if value in actor_names:
        return f"{actor_names[value]} ({value})"
    return value


def new_actor_rows(rows: pd.DataFrame, previous: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per new speaker the kept statements use, keeping what the reviewer already
    filled in (``previous``) for the same name."""
    names = list(
        dict.fromkeys(v[len(NEW_PREFIX) :] for v in kept(rows)["speaker"] if is_new_speaker(v))
    )
    filled = {} if previous is None else previous.set_index("actor_name").to_dict("index")
    records = []
    for name in names:
        mentions = [
            m
            for m, s in zip(rows["mention"], rows["speaker"], strict=True)
            if s == new_speaker(name) and m
        ]
        default = {
            "actor_id": slug(name, "_") or "new_actor",
            "actor_type": None,
            "aliases": ALIAS_SEPARATOR.join(
                dict.fromkeys([_without_article(m) for m in mentions] or [name])
            ),
        }
        records.append({"actor_name": name, **default, **filled.get(name, {})})
    return pd.DataFrame(records, columns=list(NEW_ACTOR_COLUMNS)).astype({"actor_type": "object"})


def _without_article(mention: str) -> str:
    """ "the press service" -> "press service": an alias is the name, not the phrase."""
    return re.sub(r"^(?:the|The)\s+", "", mention)


def new_place_rows(draft) -> pd.DataFrame:
    """One row per gazetteer place of the draft (the registry lacks it), to keep or drop."""
    records = [
        {
            "keep": True,
            "location_name": place.location_name,
            "location_id": slug(place.location_name, "_"),
            "location_type": _LOCATION_TYPES.get(place.kind, "town"),
            "lat": float(place.lat),
            "lon": float(place.lon),
            "coord_source": place.coord_source,
            "aliases": ALIAS_SEPARATOR.join(place.aliases),
        }
        for place in draft.locations
        if place.location_id is None
    ]
    return pd.DataFrame(records, columns=list(NEW_PLACE_COLUMNS)).astype({"keep": "bool"})


def location_options(registry_places: dict[str, str], places: pd.DataFrame) -> list[str]:
    """The place column's values: none, the registry's places, the kept new ones."""
    new = places.loc[places["keep"].astype(bool), "location_id"].tolist() if len(places) else []
    return ["", *registry_places, *dict.fromkeys(new)]


# ---------------------------------------------------------------------------- the folder


def quote_span(text: str, quote: str, near: int) -> tuple[int, int] | None:
    """Where ``quote`` is in ``text``: the occurrence nearest ``near``; None if absent."""
    if not quote:
        return None
    starts = [m.start() for m in re.finditer(re.escape(quote), text)]
    if not starts:
        return None
    start = min(starts, key=lambda s: abs(s - near))
    return start, start + len(quote)


def nth_span(text: str, words: str, occurrence: int) -> tuple[int, int] | None:
    """The span of the ``occurrence``-th (1-based) occurrence of ``words``; None if absent."""
    starts = [m.start() for m in re.finditer(re.escape(words), text)] if words else []
    if not 1 <= occurrence <= len(starts):
        return None
    return starts[occurrence - 1], starts[occurrence - 1] + len(words)


def not_statement(text: str, gap: Gap, reason: str) -> dict:
    """article.yaml's not_statements entry for a gap the reviewer says is no statement."""
    words = gap.words.strip()
    start = gap.start + (len(gap.words) - len(gap.words.lstrip()))
    entry = {"quote": words}
    occurrence = _occurrence(text, words, start)
    if occurrence:
        entry["occurrence"] = occurrence
    entry["reason"] = reason
    return entry


def _occurrence(text: str, words: str, start: int) -> int | None:
    """The 1-based occurrence of ``words`` starting at ``start``, when they occur twice or more."""
    starts = [m.start() for m in re.finditer(re.escape(words), text)]
    if len(starts) <= 1 or start not in starts:
        return None
    return starts.index(start) + 1


def _new_ids(actors: pd.DataFrame) -> dict[str, str]:
    return dict(zip(actors["actor_name"], actors["actor_id"], strict=True))


def statement_records(
    text: str, rows: pd.DataFrame, actors: pd.DataFrame, prefix: str
) -> list[dict]:
    """statements.yaml's records: the kept rows in text order, numbered s01, s02, ..."""
    new_ids = _new_ids(actors)
    ordered = kept(rows).sort_values("start_char", kind="stable")
    records = []
    for number, row in enumerate(ordered.itertuples(index=False), start=1):
        speaker = row.speaker
        record: dict = {
            "statement_id": f"{prefix}-s{number:02d}",
            "speaker_actor_id": new_ids.get(speaker[len(NEW_PREFIX) :], "")
            if is_new_speaker(speaker)
            else speaker,
            "quote": row.quote,
        }
        span = quote_span(text, row.quote, row.start_char)
        occurrence = _occurrence(text, row.quote, span[0]) if span else None
        if occurrence:
            record["occurrence"] = occurrence
        record["is_direct_quote"] = bool(row.is_direct_quote)
        record["statement_type"] = row.statement_type
        record["when"] = row.when or "as reported"
        if row.date_quote:
            record["date_quote"] = row.date_quote
            date_span = quote_span(text, row.date_quote, row.start_char)
            date_occurrence = _occurrence(text, row.date_quote, date_span[0]) if date_span else None
            if date_occurrence:
                record["date_quote_occurrence"] = date_occurrence
        if row.location_id:
            record["location_id"] = row.location_id
        record["note"] = (
            f"Reviewed ({row.rule})."
            if row.confirm
            else f"Drafted ({row.rule}, confidence {row.confidence:.2f}); not confirmed."
        )
        records.append(record)
    return records


def article_record(meta: ArticleMeta, article_id: str) -> dict:
    """article.yaml: the reviewer's metadata, empty fields left out so the validator names them."""
    record = {
        "article_id": article_id,
        "title": meta.title or None,
        "outlet": meta.outlet or None,
        "outlet_type": meta.outlet_type or None,
        "side": meta.side or None,
        "published_date": meta.published_date.isoformat(),
        "language": "en",
        "is_translation": False,
        "url": meta.url or None,
        "rights": meta.rights or None,
        "not_statements": [dict(entry) for entry in meta.not_statements],
    }
    return record


def registry_additions(actors: pd.DataFrame, places: pd.DataFrame) -> dict[str, list[dict]]:
    """The new actors and kept new places, as records of actors.yaml and locations.yaml."""
    actor_records = [
        {
            "actor_id": row.actor_id,
            "actor_name": row.actor_name,
            "actor_type": row.actor_type
            if isinstance(row.actor_type, str) and row.actor_type
            else None,
            "aliases": _aliases(row.aliases),
        }
        for row in actors.itertuples(index=False)
    ]
    place_records = [
        {
            "location_id": row.location_id,
            "location_name": row.location_name,
            "location_type": row.location_type if row.location_type in LOCATION_TYPES else None,
            "aliases": _aliases(row.aliases),
            "lat": float(row.lat),
            "lon": float(row.lon),
            "geo_precision": "point of the gazetteer entry",
            "coord_source": row.coord_source,
        }
        for row in places.itertuples(index=False)
        if row.keep
    ]
    return {"actors": actor_records, "locations": place_records}


def _aliases(value) -> list[str]:
    if not isinstance(value, str):
        return []
    return [alias.strip() for alias in value.split(";") if alias.strip()]


def _dump(records) -> str:
    return yaml.safe_dump(records, allow_unicode=True, sort_keys=False, width=100)


def folder_files(
    text: str,
    meta: ArticleMeta,
    rows: pd.DataFrame,
    actors: pd.DataFrame,
    places: pd.DataFrame,
    prefix: str,
) -> dict[str, str]:
    """The article folder's files by name, and registry_additions.yaml, as text."""
    article_id = meta.article_id or suggest_article_id(meta.outlet, meta.published_date, meta.title)
    header = "# Reviewed on the dashboard's Review page (issue 20). Codebook: data/README.md.\n"
    additions_header = "# New registry entries: move them into actors.yaml and locations.yaml.\n"
    return {
        "article.txt": text,
        "article.yaml": header + _dump(article_record(meta, article_id)),
        "statements.yaml": header + _dump(statement_records(text, rows, actors, prefix)),
        "events.yaml": "# Events: none drafted; add what the article narrates (codebook).\n[]\n",
        ADDITIONS_FILE: additions_header + _dump(registry_additions(actors, places)),
    }


def zip_bytes(article_id: str, files: dict[str, str]) -> bytes:
    """A ZIP of the folder: `<article_id>/<file>` for every file."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(f"{article_id}/{name}", content.encode("utf-8"))
    return buffer.getvalue()


# ---------------------------------------------------------------------------- coverage


def coverage_gaps(text: str, rows: pd.DataFrame, not_statements: tuple[dict, ...]) -> list[Gap]:
    """The quotations and reporting sentences that no kept statement and no
    not-a-statement entry covers (the validator's coverage check, on the rows)."""
    covered = []
    for row in kept(rows).itertuples(index=False):
        span = quote_span(text, row.quote, row.start_char)
        if span:
            covered.append(span)
    for entry in not_statements:
        span = nth_span(text, entry["quote"], entry.get("occurrence", 1))
        if span:
            covered.append(span)
    return uncovered(text, covered)


def gap_label(gap: Gap, limit: int = 90) -> str:
    """One line naming a gap: its kind and its first words."""
    words = " ".join(gap.words.split())
    words = words if len(words) <= limit else words[: limit - 1] + "…"
    return f"{gap.kind}: {words}"


def short_problems(problems: pd.DataFrame, article_id: str) -> pd.DataFrame:
    """The validator's problems with the article's files named by file name alone
    ("statements.yaml") and the copy's registry files by theirs ("actors.yaml")."""
    shown = problems.copy()
    folder = f"data/articles/{article_id}/"
    shown["file"] = shown["file"].str.replace(folder, "", regex=False)
    shown["file"] = shown["file"].str.replace(r"^data/", "", regex=True)
    shown["record"] = shown["record"].str.replace(f"{article_id} ", "", regex=False)
    return shown
