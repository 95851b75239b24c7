"""Broken copies of data/ for the app's error page: one mistake an annotator could make each.

Each kind names what the error page must name: the file, the record and the field.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from tests.hostile import ARTICLE_ID, MARKDOWN_BOLD, SCRIPT
from tests.seed import write_seed_data

ARTICLE_DIR = Path("articles") / ARTICLE_ID


@dataclass(frozen=True)
class Breakage:
    """One way to break the data, and where the error must point."""

    name: str
    file: str
    record: str
    field: str
    apply: Callable[[Path], None]


def _edit_record(relative: Path, record_id: str, id_field: str, **changes) -> Callable:
    def apply(data: Path) -> None:
        path = data / relative
        records = yaml.safe_load(path.read_text(encoding="utf-8"))
        next(record for record in records if record[id_field] == record_id).update(changes)
        path.write_text(yaml.safe_dump(records, sort_keys=False, allow_unicode=True), "utf-8")

    return apply


BREAKAGES = (
    Breakage(
        "quote not in the text",
        "statements.yaml",
        "s05",
        "quote",
        _edit_record(
            ARTICLE_DIR / "statements.yaml", "s05", "statement_id", quote="asked Putin nicely"
        ),
    ),
    Breakage(
        "unknown speaker",
        "statements.yaml",
        "s03",
        "speaker_actor_id",
        _edit_record(
            ARTICLE_DIR / "statements.yaml", "s03", "statement_id", speaker_actor_id="nobody"
        ),
    ),
    Breakage(
        "hostile quote not in the text",
        "events.yaml",
        "e02",
        "quote",
        _edit_record(
            ARTICLE_DIR / "events.yaml", "e02", "event_id", quote=f"{SCRIPT} {MARKDOWN_BOLD}"
        ),
    ),
)


def write_broken_data(target: Path, breakage: Breakage) -> Path:
    """Copy data/ into ``target`` (created), apply ``breakage`` and return ``target``."""
    write_seed_data(target)
    breakage.apply(target)
    return target
