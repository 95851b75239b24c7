"""Read annotation files into checked Python records.

Each annotation file is YAML: a mapping (article.yaml) or a list of mappings. The
field specifications below are the input format documented in data/README.md; every
deviation becomes a Problem that names the file, the record and the field.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from .errors import Problems

# Larger annotation or text files are refused rather than read: a synthetic article of
# a thousand statements is well under 1 MiB, so 16 MiB means a wrong file, not a big one.
MAX_FILE_BYTES = 16 * 1024 * 1024
_ID = re.compile(r"^[a-z0-9][a-z0-9_\-]*$")
_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BASE_LOADER):
    """The safe loader, refusing a key given twice in one mapping: YAML would keep the last
    value and silently drop the first (a merge that adds a second ``aliases:`` line)."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = getattr(key_node, "value", None)
            if isinstance(key, str):
                if key in seen:
                    raise yaml.constructor.ConstructorError(
                        None,
                        None,
                        f"the key {key!r} is given twice in one record",
                        key_node.start_mark,
                    )
                seen.add(key)
        return super().construct_mapping(node, deep=deep)


_LOADER = _Loader


@dataclass(frozen=True)
class Field:
    """One input field: its kind, whether it is required, and its default."""

    kind: str
    required: bool = False
    default: Any = None


ARTICLE_FIELDS = {
    "article_id": Field("id", True),
    "title": Field("str", True),
    "title_note": Field("str"),
    "outlet": Field("str", True),
    "agency": Field("str"),
    "published_date": Field("date", True),
    "language": Field("str", True),
    "is_translation": Field("bool", False, False),
    "translation_note": Field("str"),
    "url": Field("str"),
    "body_ends_after": Field("str"),
    "outlet_type": Field("str", True),
    "side": Field("str", True),
    "syndicated_from": Field("str"),
    "story_id": Field("id"),
    "rights": Field("str", True),
    "left_out": Field("str"),
    "not_statements": Field("mapping_list", False, ()),
    "not_mentions": Field("mapping_list", False, ()),
}
# Words of a text that match a registry alias but do not name that entity there
# ("border guards" of the other side): no mention is derived from them.
NOT_MENTION_FIELDS = {
    "surface": Field("str", True),
    "occurrence": Field("int"),
    "reason": Field("str", True),
}
NOT_STATEMENT_FIELDS = {
    "quote": Field("str", True),
    "occurrence": Field("int"),
    "reason": Field("str", True),
}
ACTOR_FIELDS = {
    "actor_id": Field("id", True),
    "actor_name": Field("str", True),
    "actor_type": Field("str", True),
    "role_title": Field("str"),
    "country_code": Field("str"),
    "parent_actor_id": Field("id"),
    "seat_location_id": Field("id"),
    "aliases": Field("str_list", False, ()),
    "description": Field("str"),
    "name_note": Field("str"),
}
LOCATION_FIELDS = {
    "location_id": Field("id", True),
    "location_name": Field("str", True),
    "location_type": Field("str", True),
    "aliases": Field("str_list", False, ()),
    "lat": Field("float", True),
    "lon": Field("float", True),
    "geo_precision": Field("str", True),
    "coord_source": Field("str", True),
    "border_note": Field("str"),
    "note": Field("str"),
}
ISSUE_FIELDS = {
    "issue_id": Field("id", True),
    "issue_label": Field("str", True),
    "proposition": Field("str", True),
}
STANCE_FIELDS = {
    "issue_id": Field("id", True),
    "stance": Field("str", True),
    "actor_id": Field("id"),
    "evidence": Field("str"),
    "evidence_occurrence": Field("int"),
    "note": Field("str"),
}
_DATED_FIELDS = {
    "quote": Field("str", True),
    "occurrence": Field("int"),
    # A bare YAML date (when: 2021-05-27) reads as a date; it means the same as the text.
    "when": Field("scalar", True),
    "date_quote": Field("str"),
    "date_quote_occurrence": Field("int"),
    "date_precision": Field("str"),
    "location_id": Field("id"),
    "note": Field("str"),
}
STATEMENT_FIELDS = {
    "statement_id": Field("id", True),
    "utterance_id": Field("id"),
    "speaker_actor_id": Field("id", True),
    "target_actor_id": Field("id"),
    "reported_by_actor_id": Field("id"),
    "is_direct_quote": Field("bool", True),
    "statement_type": Field("str", True),
    "cameo_code": Field("str"),
    "contradicts_statement_id": Field("id"),
    "stances": Field("mapping_list", False, ()),
    **_DATED_FIELDS,
}
# What an event is, said once: in data/events.yaml (events several articles report) or in
# the one article's events.yaml record that reports it (a record with a title).
EVENT_DEFINITION_FIELDS = {
    "event_id": Field("id", True),
    "title": Field("str", True),
    "event_type": Field("str", True),
    "status": Field("str", False, "occurred"),
    "is_background": Field("bool", False, False),
    "background_dates": Field("mapping"),
    "actor_ids": Field("id_list", True),
    "location_id": Field("id"),
    "note": Field("str"),
}
# One article's account of an event: its words, its date, the details it claims.
EVENT_REPORT_FIELDS = {
    "event_id": Field("id", True),
    "claims": Field("mapping_list", False, ()),
    **_DATED_FIELDS,
}
# An article's events.yaml record: a report, which may also define the event.
EVENT_FIELDS = {
    **{
        name: Field(spec.kind, False, spec.default)
        for name, spec in EVENT_DEFINITION_FIELDS.items()
    },
    **EVENT_REPORT_FIELDS,
}
CLAIM_FIELDS = {
    "aspect": Field("id", True),
    "value": Field("scalar", True),
    "unit": Field("str"),
    "quote": Field("str", True),
    "occurrence": Field("int"),
    "by_actor_id": Field("id"),
    "note": Field("str"),
}
ASPECT_FIELDS = {
    "aspect_id": Field("id", True),
    "aspect_label": Field("str", True),
    "value_kind": Field("str", True),
    "description": Field("str"),
}
BACKGROUND_DATE_FIELDS = {
    "start_date": Field("date", True),
    "end_date": Field("date", True),
    "source": Field("str", True),
}


def read_text(path: Path, label: str, problems: Problems) -> str | None:
    """Read a UTF-8 text file, or record why it cannot be read."""
    raw = _read_bytes(path, label, problems)
    if raw is None:
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        problems.add(
            label,
            "(file)",
            "(encoding)",
            f"expected UTF-8 text; byte {error.start} is not valid UTF-8",
        )
        return None


def read_yaml(path: Path, label: str, problems: Problems, expect: type) -> Any:
    """Parse a YAML file that must hold a ``expect`` (list or dict); None on failure."""
    text = read_text(path, label, problems)
    if text is None:
        return None
    if not text.strip():
        problems.add(
            label, "(file)", "(content)", f"the file is empty; expected a YAML {_kind(expect)}"
        )
        return None
    try:
        content = yaml.load(text, Loader=_LOADER)  # noqa: S506 - CSafeLoader/SafeLoader only
    except yaml.YAMLError as error:
        where = getattr(error, "problem_mark", None)
        line = f"line {where.line + 1}" if where else "(file)"
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        problems.add(label, line, "(syntax)", f"expected valid YAML; {reason}")
        return None
    except ValueError as error:
        problems.add(label, "(file)", "(syntax)", f"expected valid YAML values; {error}")
        return None
    if not isinstance(content, expect):
        got = type(content).__name__ if content is not None else "nothing"
        problems.add(label, "(file)", "(content)", f"expected a YAML {_kind(expect)}, got {got}")
        return None
    return content


def parse_records(
    items: list, specs: dict[str, Field], id_field: str, label: str, problems: Problems
) -> list[dict]:
    """Check each mapping of a list against ``specs``; return the usable records."""
    records = []
    for position, item in enumerate(items, start=1):
        record = parse_record(item, specs, id_field, f"item {position}", label, problems)
        if record is not None:
            records.append(record)
    return records


def parse_record(
    item: Any, specs: dict[str, Field], id_field: str, fallback: str, label: str, problems: Problems
) -> dict | None:
    """Check one mapping; return it with defaults filled in, or None if it is unusable."""
    if not isinstance(item, dict):
        problems.add(
            label, fallback, "(record)", f"expected a mapping of fields, got {type(item).__name__}"
        )
        return None
    name = record_name(item, id_field, fallback)
    before = len(problems.items)
    for key in item:
        if key not in specs:
            allowed = ", ".join(specs)
            problems.add(label, name, str(key), f"unknown field; expected one of: {allowed}")
    record = {}
    for key, spec in specs.items():
        value = item.get(key)
        if value is None:
            if spec.required:
                problems.add(label, name, key, f"missing; expected {describe(spec.kind)}")
            record[key] = spec.default
            continue
        record[key] = _coerce(value, spec.kind, label, name, key, problems)
    return record if len(problems.items) == before else None


def record_name(item: dict, id_field: str, fallback: str) -> str:
    value = item.get(id_field)
    return f"{value} ({fallback})" if isinstance(value, str) and value else fallback


def _coerce(value: Any, kind: str, label: str, name: str, key: str, problems: Problems) -> Any:
    expected = describe(kind)
    if kind == "str":
        if isinstance(value, str) and value.strip():
            return value
    elif kind == "id":
        if isinstance(value, str) and _ID.match(value):
            return value
        expected += " (lower-case letters, digits, '_' or '-')"
    elif kind == "bool":
        if isinstance(value, bool):
            return value
    elif kind == "int":
        if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
            return value
    elif kind == "float":
        if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
            return float(value)
    elif kind == "date":
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                expected = "a real calendar date YYYY-MM-DD"
    elif kind == "str_list":
        if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
            return tuple(value)
    elif kind == "id_list":
        if (
            isinstance(value, list)
            and value
            and all(isinstance(v, str) and _ID.match(v) for v in value)
        ):
            return tuple(value)
    elif kind == "scalar":
        if isinstance(value, str) and value.strip():
            return value
        if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
            return str(value)
        if isinstance(value, date):
            return value.isoformat()
    elif kind == "mapping" and isinstance(value, dict):
        return value
    elif kind == "mapping_list" and isinstance(value, list):
        return tuple(value)
    problems.add(label, name, key, f"expected {expected}, got {_show(value)}")
    return None


def describe(kind: str) -> str:
    return {
        "str": "a non-empty text",
        "id": "an identifier",
        "bool": "true or false",
        "int": "a whole number of at least 1",
        "float": "a number",
        "date": "a date YYYY-MM-DD",
        "str_list": "a list of non-empty texts",
        "id_list": "a non-empty list of identifiers",
        "scalar": "a text, a number or a date",
        "mapping": "a mapping of fields",
        "mapping_list": "a list of mappings",
    }[kind]


def _show(value: Any) -> str:
    text = repr(value)
    return f"{type(value).__name__} {text[:60]}{'…' if len(text) > 60 else ''}"


def _kind(expect: type) -> str:
    return "list of records" if expect is list else "mapping of fields"


def _read_bytes(path: Path, label: str, problems: Problems) -> bytes | None:
    if not path.is_file():
        problems.add(
            label, "(file)", "(file)", "the file is missing; expected it in the data folder"
        )
        return None
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        problems.add(
            label,
            "(file)",
            "(size)",
            f"the file is {size:,} bytes; expected at most {MAX_FILE_BYTES:,} bytes",
        )
        return None
    return path.read_bytes()


def row_name(row: dict, id_field: str) -> str:
    """The record's id to name it by in a problem, or "(record)" when it has none."""
    return str(row.get(id_field) or "(record)")


def present(value) -> bool:
    """True for a real value; False for None and the NaN that pandas puts in empty cells."""
    return value is not None and not (isinstance(value, float) and value != value)
