"""The rules across tables: every id points at a record that exists, no actor is its own
ancestor, and nothing is invented (every alias, actor and place is borne out by some text
or record). Each broken rule is a Problem naming the file, the record and the field.
"""

from __future__ import annotations

import functools

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from . import records as rec
from .dates import resolve_claimed_date
from .errors import Problems


def check_references(
    frames: dict[str, pd.DataFrame], registry: dict[str, str], problems: Problems
) -> None:
    """Referential integrity across tables: every id points at a record that exists.

    ``frames``: the tables before validation, each row with the ``_file`` it came from;
    ``registry``: the label of each registry file by table. Then the values of date claims
    (a day or a month) and the support checks.
    """
    actors, locations = frames["actors"], frames["locations"]
    actor_ids = set(actors.get("actor_id", []))
    location_ids = set(locations.get("location_id", []))

    for row in frames["actors"].to_dict("records"):
        _ref(
            problems,
            registry["actors"],
            row["actor_id"],
            "parent_actor_id",
            row["parent_actor_id"],
            actor_ids,
            "actor",
        )
        _ref(
            problems,
            registry["actors"],
            row["actor_id"],
            "seat_location_id",
            row["seat_location_id"],
            location_ids,
            "location",
        )
    _check_parent_cycles(frames["actors"], registry["actors"], problems)

    for table, id_field in (("statements", "statement_id"), ("events", "event_id")):
        frame = frames[table]
        if _all_distinct(frame[id_field]):
            continue
        duplicated = frame[id_field].duplicated()
        first_file = frame.drop_duplicates(id_field).set_index(id_field)["_file"]
        for row in _rows(frame, duplicated):
            problems.add(
                row["_file"],
                row[id_field],
                id_field,
                f"duplicate id (also in {first_file[row[id_field]]}); "
                "expected ids unique across all articles",
            )
    # The ids as a column, not a set of 100,000 strings (a set only for rows flagged).
    statement_ids = _Known(frames["statements"]["statement_id"])

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
            _ref(problems, *where, field, row[field], actor_ids, "actor")
        _ref(problems, *where, "location_id", row["location_id"], location_ids, "location")
        _ref(
            problems,
            *where,
            "contradicts_statement_id",
            row["contradicts_statement_id"],
            statement_ids,
            "statement",
        )
        if row["contradicts_statement_id"] == row["statement_id"]:
            problems.add(*where, "contradicts_statement_id", "a statement cannot contradict itself")
    events = frames["events"]
    suspect = _unknown(events["location_id"], location_ids)
    if len(events):
        exploded = events["actor_ids"].explode()
        unknown_actor = _unknown(exploded, actor_ids).groupby(level=0).any()
        suspect |= unknown_actor.reindex(events.index, fill_value=False)
    for row in _rows(events, suspect):
        where = (row["_file"], row["event_id"])
        for actor_id in row["actor_ids"]:
            _ref(problems, *where, "actor_ids", actor_id, actor_ids, "actor")
        _ref(problems, *where, "location_id", row["location_id"], location_ids, "location")
    reports = frames["event_reports"]
    # A report's place is checked where it differs from its event's (checked above).
    event_place = events.set_index("event_id")["location_id"] if len(events) else pd.Series()
    own_place = reports["location_id"].ne(reports["event_id"].map(event_place))
    for row in _rows(reports, _unknown(reports["location_id"], location_ids) & own_place):
        _ref(
            problems,
            row["_file"],
            row["report_id"],
            "location_id",
            row["location_id"],
            location_ids,
            "location",
        )
    aspect_ids = set(frames["aspects"].get("aspect_id", []))
    claims = frames["event_claims"]
    suspect = _unknown(claims["aspect"], aspect_ids) | _unknown(claims["by_actor_id"], actor_ids)
    for row in _rows(claims, suspect):
        where = (row["_file"], row["claim_id"])
        _ref(problems, *where, "aspect", row["aspect"], aspect_ids, "aspect")
        _ref(problems, *where, "by_actor_id", row["by_actor_id"], actor_ids, "actor")
    _check_claimed_dates(claims, frames["aspects"], problems)
    issue_ids = set(frames["issues"].get("issue_id", []))
    stances = frames["stances"]
    suspect = _unknown(stances["issue_id"], issue_ids) | _unknown(stances["actor_id"], actor_ids)
    seen_stances: set[str] = set()
    if not _all_distinct(stances["stance_id"]):
        suspect |= stances["stance_id"].duplicated(keep=False)
    for row in _rows(stances, suspect):
        where = (row["_file"], f"{row['statement_id']} stance on {row['issue_id']}")
        _ref(problems, *where, "issue_id", row["issue_id"], issue_ids, "issue")
        _ref(problems, *where, "actor_id", row["actor_id"], actor_ids, "actor")
        if row["stance_id"] in seen_stances:
            problems.add(
                *where, "issue_id", "duplicate stance; expected one stance per issue and actor"
            )
        seen_stances.add(row["stance_id"])
    _check_support(frames, registry, problems)


def _ref(
    problems: Problems, file: str, record: str, field: str, value, known: set, kind: str
) -> None:
    if rec.present(value) and value not in known:
        problems.add(
            file,
            record,
            field,
            f"unknown {kind} id {value!r}; expected one defined in the data",
        )


def _check_claimed_dates(claims: pd.DataFrame, aspects: pd.DataFrame, problems: Problems) -> None:
    """A claim on a date aspect gives a day YYYY-MM-DD or a month YYYY-MM, which stays a
    month: the Disagreements page draws it as one and compares it with days at that
    precision."""
    if claims.empty or "value_kind" not in aspects:
        return
    date_aspects = set(aspects.loc[aspects["value_kind"] == "date", "aspect_id"])
    for row in _rows(claims, claims["aspect"].isin(date_aspects)):
        try:
            resolve_claimed_date(row["value"])
        except ValueError as error:
            problems.add(
                row["_file"],
                row["claim_id"],
                "value",
                f"{error} (the aspect {row['aspect']!r} is a date)",
            )


def _check_parent_cycles(actors: pd.DataFrame, label: str, problems: Problems) -> None:
    parents = dict(zip(actors["actor_id"], actors["parent_actor_id"], strict=True))
    for actor_id in parents:
        chain = [actor_id]
        while rec.present(parent := parents.get(chain[-1])) and parent in parents:
            if parent in chain:
                problems.add(
                    label,
                    actor_id,
                    "parent_actor_id",
                    f"parent chain loops: {' → '.join([*chain, parent])}",
                )
                break
            chain.append(parent)


def _check_support(
    frames: dict[str, pd.DataFrame], registry: dict[str, str], problems: Problems
) -> None:
    """Nothing invented: every alias, actor and place is borne out by some text or record."""
    mentioned = frames["mentions"]
    in_texts = _found_in_texts(frames)
    for table, id_field in (("actors", "actor_id"), ("locations", "location_id")):
        for row in frames[table].to_dict("records"):
            for alias in row["aliases"]:
                if alias not in in_texts:
                    problems.add(
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
            problems.add(
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
    remaining = aliases - found
    column = frames["articles"].get("text")
    texts = None if column is None else _arrow(column)
    if remaining and texts is not None:
        # Arrow's search of the texts as they are (a list of them held 11 MiB at 1,000).
        found |= {alias for alias in remaining if pc.any(pc.match_substring(texts, alias)).as_py()}
    elif remaining and column is not None:
        found |= {alias for alias in remaining if any(alias in text for text in column)}
    return found


class _Known:
    """The values of a column, as ``_unknown`` and ``_ref`` ask for them."""

    def __init__(self, values: pd.Series):
        self.values = values

    def __contains__(self, value) -> bool:
        return value in self.as_set

    @functools.cached_property
    def as_set(self) -> set:
        return _distinct(self.values)


def _all_distinct(values: pd.Series) -> bool:
    array = _arrow(values)
    if array is None:
        return not values.duplicated().any()
    return len(pc.unique(array)) == len(array)


def _unknown(values: pd.Series, known: set | _Known) -> pd.Series:
    """True where a value is given but is not one of ``known``."""
    array = _arrow(values)
    if array is not None:
        # Arrow's hash lookup, on the column as it is (no Python objects).
        if isinstance(known, _Known) and (column := _arrow(known.values)) is not None:
            value_set = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
            value_set = value_set.cast(array.type)
        else:
            value_set = pa.array(list(known), array.type)
        found = pc.is_in(array, value_set=value_set)
        unknown = pc.and_(pc.is_valid(array), pc.invert(found))
        return pd.Series(unknown.to_numpy(), index=values.index)
    # A hash lookup; Series.isin walks a list of 100,000 ids in Python for text columns.
    known = known.as_set if isinstance(known, _Known) else known
    missing = pd.Index(list(known)).get_indexer(values) < 0
    return values.notna() & pd.Series(missing, index=values.index)


def _distinct(values: pd.Series) -> set:
    """The distinct values given in ``values``, as a set (without walking every row)."""
    array = _arrow(values)
    if array is not None:
        return set(pc.unique(array).drop_null().to_pylist())
    return set(values.dropna().drop_duplicates().to_list())


def _arrow(values: pd.Series) -> pa.ChunkedArray | pa.Array | None:
    """A text column's Arrow data (shared, not copied); None for other columns."""
    if not isinstance(values.dtype, pd.StringDtype) or values.dtype.storage != "pyarrow":
        return None
    return values.array.__arrow_array__()


def _rows(frame: pd.DataFrame, mask: pd.Series) -> list[dict]:
    """The rows of ``frame`` where ``mask`` holds, as dicts, in order."""
    return frame[mask].to_dict("records")
