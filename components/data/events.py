"""Events from their reports: each article's reports of events (a report with a title
also defines its event) with the claims they make, and one row per event with the words
and date of its main report, its report count and any outside dates.

The events of data/events.yaml and those a report defines are combined here; an event no
article reports, a report of an unknown event and a second report in one article are
problems naming the file, the record and the field.
"""

from __future__ import annotations

from . import records as rec
from .errors import Problems
from .placing import place_quote, placed_items, resolve_date

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


def parse_event_reports(items: list, article: dict, label: str, problems: Problems) -> list[dict]:
    """The reports of events in an article's events.yaml ``items``; a report with a title
    also defines its event."""
    out = []
    for position, item in enumerate(items, start=1):
        row = rec.parse_record(
            item, rec.EVENT_FIELDS, "event_id", f"item {position}", label, problems
        )
        if row is None:
            continue
        name = rec.row_name(row, "event_id")
        defining = [key for key in _DEFINITION_ONLY if key in item]
        if defining and "title" not in item:
            problems.add(
                label,
                name,
                defining[0],
                "only allowed in a record that defines the event (with a title); "
                "a report of an event defined elsewhere gives event_id, quote and date",
            )
            continue
        if "title" in item and not _definition_complete(row, label, name, problems):
            continue
        if not place_quote(row, article, label, name, problems) or not resolve_date(
            row, article, label, name, problems
        ):
            continue
        row["_definition"] = "title" in item
        row["report_id"] = f"{row['event_id']}:{article['article_id']}"
        row["_published"] = article["published_date"]
        row["_claims"] = _claims(row, article, label, name, problems)
        out.append(row)
    return out


def _definition_complete(row: dict, label: str, name: str, problems: Problems) -> bool:
    missing = [key for key in ("event_type", "actor_ids") if row[key] is None]
    for key in missing:
        spec = rec.EVENT_DEFINITION_FIELDS[key]
        problems.add(label, name, key, f"missing; expected {rec.describe(spec.kind)}")
    return not missing


def _claims(report: dict, article: dict, label: str, name: str, problems: Problems) -> list[dict]:
    out = []
    claims = placed_items(
        report.pop("claims"),
        rec.CLAIM_FIELDS,
        "quote",
        f"{name} claim",
        article["text"],
        label,
        problems,
    )
    for position, _, claim, start, end in claims:
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


def combine_events(
    registry: list[dict], reports: list[dict], registry_label: str, problems: Problems
) -> tuple[list[dict], list[dict]]:
    """One row per event: its definition with the words and date of its main report.

    ``registry``: the events of data/events.yaml (read from ``registry_label``);
    ``reports``: every article's reports, which this keeps (as event_reports rows) when
    their event is kept; returns the events and the claims of the reports kept.
    """
    definitions: dict[str, tuple[dict, str]] = {}
    for row in registry:
        definitions[row["event_id"]] = (row, registry_label)
    for report in reports:
        if not report["_definition"]:
            continue
        event_id = report["event_id"]
        if event_id in definitions:
            problems.add(
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
            problems.add(
                report["_file"],
                event_id,
                "event_id",
                f"unknown event id {event_id!r}; expected one defined in "
                f"{registry_label} or by a record with a title",
            )
            continue
        same = by_event.setdefault(event_id, [])
        if any(other["article_id"] == report["article_id"] for other in same):
            problems.add(
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
            problems.add(
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
        for key in REPORT_COLUMNS:
            event[key] = main[key]
        event["location_id"] = definition["location_id"] or main["location_id"]
        event["report_count"] = len(same)
        event["_file"] = label
        # Outside dates refine the date of the record that defines the event (for a
        # registry event, of any of its reports).
        dated_by = [r for r in same if r["_definition"]] or same
        if _background_dates(event, label, event_id, problems, dated_by):
            events.append(event)
    kept = {event["event_id"] for event in events}
    accepted = [report for report in reports if "is_main_report" in report]
    for report in accepted:
        claims += report.pop("_claims")
    reports[:] = [_report_row(report) for report in accepted if report["event_id"] in kept]
    claims[:] = [claim for claim in claims if claim["event_id"] in kept]
    return events, claims


def _background_dates(
    row: dict, label: str, name: str, problems: Problems, reports: list[dict] | None = None
) -> bool:
    refined = row.pop("background_dates")
    row.update(background_start_date=None, background_end_date=None, background_date_source=None)
    if refined is None:
        return True
    field_label = f"{name} background_dates"
    parsed = rec.parse_record(refined, rec.BACKGROUND_DATE_FIELDS, "", field_label, label, problems)
    if parsed is None:
        return False
    if not row["is_background"]:
        problems.add(label, name, "background_dates", "only allowed with is_background: true")
        return False
    start, end = parsed["start_date"], parsed["end_date"]
    within = reports or [row]
    if end < start or not any(r["start_date"] <= start and end <= r["end_date"] for r in within):
        problems.add(
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


# The columns an event takes from its main report (the Source page, from one article's report).
REPORT_COLUMNS = (
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
    row.update({key: report[key] for key in REPORT_COLUMNS})
    row.update(
        location_id=report["location_id"],
        is_main_report=report["is_main_report"],
        note=report["note"],
        _file=report["_file"],
    )
    return row
