"""Write a draft as an article folder in the codebook's format (data/README.md).

article.txt, article.yaml, statements.yaml and events.yaml, plus registry_additions.yaml:
the actors and places the registry lacks, for a person to check and move into
actors.yaml and locations.yaml. What only a person can know is left empty with a
`# TO FILL` comment (the title, the outlet, a new actor's type), so the validator refuses
the folder until someone has looked at it. The folder is written in a temporary sibling
and renamed into place: it appears whole or not at all, and an existing one is never
touched.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import unicodedata
from pathlib import Path

import yaml

from .draft import Draft, DraftStatement
from .speakers import BODY_PRONOUNS, PERSON_PRONOUNS

ADDITIONS_FILE = "registry_additions.yaml"
TO_FILL = "# TO FILL"
# Gazetteer kinds → the codebook's location types.
_LOCATION_TYPES = {
    "populated place": "town",
    "region": "region",
    "lake": "lake",
    "city": "city",
    "national capital": "national capital",
}


class FolderExistsError(FileExistsError):
    """The output folder exists; the extractor never overwrites one."""


def write_article_folder(draft: Draft, folder: Path | str) -> Path:
    """Write the draft as a new article folder; raise FolderExistsError if it exists."""
    folder = Path(folder)
    if folder.exists():
        raise FolderExistsError(f"{folder} exists; the extractor never overwrites a folder")
    article_id = folder.name
    if not re.fullmatch(r"[a-z0-9][a-z0-9_\-]*", article_id):
        raise ValueError(
            f"{folder}: the folder name is the article_id; expected lower-case letters, "
            "digits, '_' or '-' (e.g. rferl-2021-05-20-syunik)"
        )
    folder.parent.mkdir(parents=True, exist_ok=True)
    new_ids = _new_actor_ids(draft)
    files = {
        "article.txt": draft.text,
        "article.yaml": _article_yaml(draft, article_id),
        "statements.yaml": _statements_yaml(draft, article_id, new_ids),
        "events.yaml": "# Events: none drafted; add what the article narrates (codebook).\n[]\n",
        ADDITIONS_FILE: _additions_yaml(draft, new_ids),
    }
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    try:
        for name, content in files.items():
            (staging / name).write_text(content, encoding="utf-8")
        if folder.exists():
            raise FolderExistsError(f"{folder} appeared while writing; left untouched")
        os.rename(staging, folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return folder


def _article_yaml(draft: Draft, article_id: str) -> str:
    lines = [
        "# Article metadata, drafted by components.extract. Codebook: data/README.md.",
        f"article_id: {article_id}",
        f"title:  {TO_FILL}: the headline as published",
        f"outlet:  {TO_FILL}: the publication",
        f"published_date: {draft.published.isoformat()}",
        "language: en",
        "is_translation: false",
        "",
    ]
    return "\n".join(lines)


def _statements_yaml(draft: Draft, article_id: str, new_ids: dict[str, str]) -> str:
    prefix = _slug(article_id, "")[:12] or "draft"
    records = []
    for number, statement in enumerate(draft.statements, start=1):
        records.append(_statement_record(draft.text, statement, f"{prefix}-s{number:02d}", new_ids))
    header = (
        "# Statements drafted by components.extract: check every speaker, type and date.\n"
        "# Speakers new to the registry have a proposed id, defined in "
        f"{ADDITIONS_FILE}.\n"
    )
    return header + (
        yaml.safe_dump(records, allow_unicode=True, sort_keys=False, width=100)
        if records
        else "[]\n"
    )


def _statement_record(
    text: str, statement: DraftStatement, statement_id: str, new_ids: dict[str, str]
) -> dict:
    record: dict = {
        "statement_id": statement_id,
        "speaker_actor_id": statement.speaker_actor_id or new_ids[statement.speaker_name],
        "quote": statement.quote,
    }
    occurrence = _occurrence(text, statement.quote, statement.start_char)
    if occurrence:
        record["occurrence"] = occurrence
    if (
        statement.reported_by_actor_id
        and statement.reported_by_actor_id != record["speaker_actor_id"]
    ):
        record["reported_by_actor_id"] = statement.reported_by_actor_id
    record["is_direct_quote"] = statement.is_direct_quote
    record["statement_type"] = statement.statement_type
    record["when"] = statement.date_expression
    if statement.date_quote:
        record["date_quote"] = statement.date_quote
        occurrence = _occurrence(text, statement.date_quote, _near(text, statement))
        if occurrence:
            record["date_quote_occurrence"] = occurrence
    if statement.location_id:
        record["location_id"] = statement.location_id
    record["note"] = f"Drafted ({statement.rule}, confidence {statement.confidence})."
    return record


def _near(text: str, statement: DraftStatement) -> int:
    """Where the date words are: the occurrence nearest the statement."""
    starts = [m.start() for m in re.finditer(re.escape(statement.date_quote or ""), text)]
    return min(starts, key=lambda s: abs(s - statement.start_char)) if starts else 0


def _occurrence(text: str, quote: str, start: int) -> int | None:
    """The 1-based occurrence the loader needs when the words occur more than once."""
    starts, position = [], text.find(quote)
    while position >= 0:
        starts.append(position)
        position = text.find(quote, position + len(quote))
    if len(starts) <= 1:
        return None
    return next((i for i, s in enumerate(starts, start=1) if s >= start), len(starts))


def _new_actor_ids(draft: Draft) -> dict[str, str]:
    ids = {}
    for statement in draft.statements:
        if statement.speaker_actor_id is None and statement.speaker_name not in ids:
            ids[statement.speaker_name] = _slug(statement.speaker_name, "_") or "new_actor"
    return ids


def _additions_yaml(draft: Draft, new_ids: dict[str, str]) -> str:
    actors = []
    for name, actor_id in new_ids.items():
        surfaces = {
            s.speaker_mention
            for s in draft.statements
            if s.speaker_name == name and s.speaker_mention.lower() not in _PRONOUNS
        }
        aliases = sorted(a for a in surfaces | {name} if _occurs(draft.text, a))
        actors.append(
            {"actor_id": actor_id, "actor_name": name, "actor_type": None, "aliases": aliases}
        )
    locations = [
        {
            "location_id": _slug(place.location_name, "_"),
            "location_name": place.location_name,
            "location_type": _LOCATION_TYPES.get(place.kind, "town"),
            "aliases": [a for a in place.aliases if _occurs(draft.text, a)],
            "lat": place.lat,
            "lon": place.lon,
            "geo_precision": "point of the gazetteer entry",
            "coord_source": place.coord_source,
        }
        for place in draft.locations
        if place.location_id is None
    ]
    header = (
        "# New registry entries proposed by components.extract. Check them, fill actor_type\n"
        "# (person, state, government body, armed forces, legislature, international\n"
        "# organisation, group), then move them into actors.yaml and locations.yaml.\n"
    )
    body = yaml.safe_dump(
        {"actors": actors, "locations": locations}, allow_unicode=True, sort_keys=False, width=100
    )
    return header + body.replace("actor_type: null", f"actor_type: null  {TO_FILL}")


_PRONOUNS = PERSON_PRONOUNS | BODY_PRONOUNS | {"which", "who", "that"}


def _occurs(text: str, alias: str) -> bool:
    return bool(alias) and re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", text) is not None


def _slug(text: str, joiner: str) -> str:
    plain = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    words = re.findall(r"[a-z0-9]+", plain)
    return joiner.join(words)
