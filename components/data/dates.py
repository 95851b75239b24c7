"""Resolve the article's date expressions against its publication date.

An annotation says *when* in a small, documented vocabulary (data/README.md, "Dates");
this module turns it into a start date, an end date and an explicit precision. It never
invents a day where the expression gives a month or a season.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

PRECISIONS = ("day", "part_of_day", "month", "season", "range", "as_reported")
PARTS_OF_DAY = ("morning", "daytime", "afternoon", "evening", "night")
WEEKDAYS = tuple(name.lower() for name in calendar.day_name)
MONTHS = tuple(name.lower() for name in calendar.month_name[1:])
# Meteorological seasons (northern hemisphere): first month of each, and its length.
SEASON_START_MONTH = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}
SEASON_ALIASES = {"fall": "autumn"}
# Fixed phrases of news prose that name a part of the publication day.
PUBLICATION_DAY_PHRASES = {"end of the day": "evening", "during the day": "daytime"}

_ISO_DAY = r"\d{4}-\d{2}-\d{2}"
# What a claim on a date aspect may give (data/README.md, "Claims"): a day or a month.
_CLAIMED_DATE = re.compile(r"\d{4}-\d{2}(?:-\d{2})?")


@dataclass(frozen=True)
class ResolvedDate:
    """A resolved date: an inclusive day range with its precision and a readable label."""

    start_date: date
    end_date: date
    precision: str
    part_of_day: str | None
    label: str


def resolve_when(expression: str, published: date) -> ResolvedDate:
    """Resolve one date expression; raise ValueError saying what is accepted."""
    text = " ".join(str(expression).strip().lower().split())
    for resolver in _RESOLVERS:
        resolved = resolver(text, published)
        if resolved is not None:
            return resolved
    raise ValueError(
        f"cannot resolve the date expression {expression!r}; expected one of: 'as reported', "
        "'YYYY-MM-DD', 'YYYY-MM-DD evening', 'YYYY-MM', '<season> YYYY', "
        "'YYYY-MM-DD/YYYY-MM-DD', '<weekday>', 'next <weekday>', '<weekday> evening', "
        "'end of the day', 'during the day', 'last <season>', 'in <month>', '<month> YYYY'"
    )


def resolve_claimed_date(value: str) -> ResolvedDate:
    """The value of a claim on a date aspect: a day YYYY-MM-DD (precision ``day``) or a
    month YYYY-MM (``month``, 1st to last day: "since August" is never 1 August). Raise
    ValueError saying what is accepted."""
    text = str(value).strip()
    if _CLAIMED_DATE.fullmatch(text):
        # Both forms are resolved as `when` reads them; the publication day plays no part.
        resolved = _resolve_iso(text, date.min)
        if resolved is not None:
            return resolved
    raise ValueError(f"expected a day YYYY-MM-DD or a month YYYY-MM; got {value!r}")


def range_unit(start: date, end: date) -> str:
    """What a range of days is a range of, as its ends read: "years" (1 January to 31
    December), "months" (the 1st to a month's last day) or "days"."""
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return "years"
    if start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]:
        return "months"
    return "days"


def range_label(start: date, end: date) -> str:
    """A range of days as its ends read, never finer than they are (range_unit): whole
    years as years ("1990s" for a decade, "1991", "1990–1994"), whole months as months
    ("May–Jun 2021", "Dec 2020 – Jan 2021"), other ranges by day ("12–16 May 2021",
    "30 Apr – 2 May 2021", "28 Dec 2020 – 3 Jan 2021")."""
    unit = range_unit(start, end)
    if unit == "years":
        if start.year % 10 == 0 and end.year == start.year + 9:
            return f"{start.year}s"
        return f"{start.year}" if start.year == end.year else f"{start.year}–{end.year}"
    if unit == "months":
        if (start.year, start.month) == (end.year, end.month):
            return f"{start:%b %Y}"
        if start.year == end.year:
            return f"{start:%b}–{end:%b %Y}"
        return f"{start:%b %Y} – {end:%b %Y}"
    if start == end:
        return f"{start.day} {start:%b %Y}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {end:%b %Y}"
    if start.year == end.year:
        return f"{start.day} {start:%b} – {end.day} {end:%b %Y}"
    return f"{start.day} {start:%b %Y} – {end.day} {end:%b %Y}"


def _day_label(day: date) -> str:
    return f"{day:%a} {day.day} {day:%B %Y}"


def _day(day: date) -> ResolvedDate:
    return ResolvedDate(day, day, "day", None, _day_label(day))


def _part_of_day(day: date, part: str) -> ResolvedDate:
    return ResolvedDate(day, day, "part_of_day", part, f"{_day_label(day)}, {part}")


def _month(year: int, month: int) -> ResolvedDate:
    last = calendar.monthrange(year, month)[1]
    start = date(year, month, 1)
    return ResolvedDate(start, date(year, month, last), "month", None, f"{start:%B %Y} (month)")


def _season(name: str, year: int) -> ResolvedDate:
    first_month = SEASON_START_MONTH[name]
    start = date(year, first_month, 1)
    end_year, end_month = (year + (first_month + 2 > 12), (first_month + 2 - 1) % 12 + 1)
    end = date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])
    years = f"{year}" if end_year == year else f"{year}/{end_year - 2000:02d}"
    return ResolvedDate(start, end, "season", None, f"{name} {years} (season)")


def _parse_iso(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise ValueError(f"{value!r} is not a real calendar date (YYYY-MM-DD)") from error


def _resolve_as_reported(text: str, published: date) -> ResolvedDate | None:
    if text != "as reported":
        return None
    label = f"{_day_label(published)} (date of the report; the text gives no date)"
    return ResolvedDate(published, published, "as_reported", None, label)


def _resolve_iso(text: str, published: date) -> ResolvedDate | None:
    if match := re.fullmatch(rf"({_ISO_DAY})(?: ({'|'.join(PARTS_OF_DAY)}))?", text):
        day = _parse_iso(match[1])
        return _part_of_day(day, match[2]) if match[2] else _day(day)
    if match := re.fullmatch(rf"({_ISO_DAY})/({_ISO_DAY})", text):
        start, end = _parse_iso(match[1]), _parse_iso(match[2])
        if end < start:
            raise ValueError(f"the range {text!r} ends before it starts")
        return ResolvedDate(start, end, "range", None, f"{range_label(start, end)} (range)")
    if match := re.fullmatch(r"(\d{4})-(\d{2})", text):
        year, month = int(match[1]), int(match[2])
        if not 1 <= month <= 12:
            raise ValueError(f"{text!r} has no month {month}")
        return _month(year, month)
    return None


def _resolve_weekday(text: str, published: date) -> ResolvedDate | None:
    pattern = rf"(next )?({'|'.join(WEEKDAYS)})(?: ({'|'.join(PARTS_OF_DAY)}))?"
    match = re.fullmatch(pattern, text)
    if not match:
        return None
    offset = (WEEKDAYS.index(match[2]) - published.weekday()) % 7
    if match[1]:
        day = published + timedelta(days=offset or 7)
    else:
        day = published - timedelta(days=(7 - offset) % 7)
    return _part_of_day(day, match[3]) if match[3] else _day(day)


def _resolve_publication_day_phrase(text: str, published: date) -> ResolvedDate | None:
    if text == "today":
        return _day(published)
    if text in PUBLICATION_DAY_PHRASES:
        return _part_of_day(published, PUBLICATION_DAY_PHRASES[text])
    return None


def _resolve_season(text: str, published: date) -> ResolvedDate | None:
    names = "|".join([*SEASON_START_MONTH, *SEASON_ALIASES])
    if match := re.fullmatch(rf"({names}) (\d{{4}})", text):
        return _season(SEASON_ALIASES.get(match[1], match[1]), int(match[2]))
    if match := re.fullmatch(rf"last ({names})", text):
        name = SEASON_ALIASES.get(match[1], match[1])
        for year in range(published.year, published.year - 3, -1):
            candidate = _season(name, year)
            if candidate.end_date < published:
                return candidate
    return None


def _resolve_month_name(text: str, published: date) -> ResolvedDate | None:
    if match := re.fullmatch(rf"({'|'.join(MONTHS)}) (\d{{4}})", text):
        return _month(int(match[2]), MONTHS.index(match[1]) + 1)
    if match := re.fullmatch(rf"in ({'|'.join(MONTHS)})", text):
        month = MONTHS.index(match[1]) + 1
        year = published.year if month <= published.month else published.year - 1
        return _month(year, month)
    return None


_RESOLVERS = (
    _resolve_as_reported,
    _resolve_iso,
    _resolve_weekday,
    _resolve_publication_day_phrase,
    _resolve_season,
    _resolve_month_name,
)
