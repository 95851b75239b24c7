"""Date phrases of news prose → the codebook's date expressions.

"on Thursday", "Thursday evening", "at the end of the day", "on May 14", "in November",
"last fall", "yesterday", "last week": each becomes one `when` of data/README.md
("Thursday", "Thursday evening", "end of the day", "2021-05-14", "in november", ...), which
components.data.dates.resolve_when turns into dates and a precision against the
publication day. dateparser is not used: it resolves a bare weekday forward or to the
wrong week, where news means the latest such day on or before publication.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from components.data.dates import PARTS_OF_DAY, resolve_when

AS_REPORTED = "as reported"
_WEEKDAYS = "|".join(name.lower() for name in calendar.day_name)
_MONTHS = "|".join(name.lower() for name in calendar.month_name[1:])
_MONTH_ABBR = {name.lower()[:3]: i for i, name in enumerate(calendar.month_name) if name}
# "on Dec. 2", "Sept. 14": an abbreviated month, only with a day.
_SHORT_MONTHS = rf"(?:{'|'.join(_MONTH_ABBR)}|sept)\.?"
_PARTS = "|".join([*PARTS_OF_DAY, "night"])
_SEASONS = "spring|summer|autumn|fall|winter"


@dataclass(frozen=True)
class DatePhrase:
    """A date expression found in the text: the codebook `when`, its words and dates."""

    expression: str
    date_quote: str | None
    start_date: date
    end_date: date
    precision: str


def as_reported(published: date) -> DatePhrase:
    """The date of an undated statement: the publication day, labelled as such."""
    return DatePhrase(AS_REPORTED, None, published, published, "as_reported")


def today(published: date) -> DatePhrase:
    """The date of a statement whose words say "today": the publication day."""
    return DatePhrase("today", "today", published, published, "day")


def date_expression(phrase: str, published: date) -> str | None:
    """The codebook `when` for a date phrase, or None when it names no usable date."""
    text = " ".join(phrase.lower().replace("’", "'").split())
    text = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text)
    for rule in _RULES:
        expression = rule(text, published)
        if expression:
            return expression
    return None


def find_date(text: str, published: date) -> DatePhrase | None:
    """The first date phrase in a stretch of text, resolved; None when there is none."""
    for match in DATE_PATTERN.finditer(text):
        expression = date_expression(match[0], published)
        if expression is None:
            continue
        try:
            resolved = resolve_when(expression, published)
        except ValueError:
            continue
        return DatePhrase(
            expression, match[0], resolved.start_date, resolved.end_date, resolved.precision
        )
    return None


# "the situation is unchanged as of Tuesday, May 18", "as of the morning of May 19", "as of
# May 15 morning": the day a status report speaks of (the words after "as of", up to a comma).
_AS_OF = re.compile(r"(?i)\bas of\s+([^,.;]{3,40})")


def as_of(content: str, published: date) -> DatePhrase | None:
    """'<the situation> as of Tuesday, May 18, the Defense Ministry said': a status given
    "as of" a day is the speaker's report of that day."""
    match = _AS_OF.search(content)
    return find_date(match.group(1), published) if match else None


def _weekday(text: str, published: date) -> str | None:
    last = re.search(rf"\blast ({_WEEKDAYS})\b", text)
    if last:
        # "last Wednesday" said on a Thursday is the week before, not yesterday.
        wanted = [name.lower() for name in calendar.day_name].index(last[1])
        day = published - timedelta(days=(published.weekday() - wanted) % 7)
        if day.isocalendar()[1] == published.isocalendar()[1]:
            day -= timedelta(days=7)
        return day.isoformat()
    match = re.search(rf"\b(next )?({_WEEKDAYS})(?: ({_PARTS}))?\b", text)
    if not match:
        return None
    part = match[3] or _leading_part(text) or _edge_part(text)
    prefix = "next " if match[1] else ""
    return f"{prefix}{match[2]} {part}" if part else f"{prefix}{match[2]}"


def _leading_part(text: str) -> str | None:
    match = re.search(rf"\b({_PARTS}) of\b", text)
    return match[1] if match else None


def _edge_part(text: str) -> str | None:
    """'late on Thursday' is its evening, 'early Thursday' its morning (not "in the early
    hours of Thursday", which news uses loosely)."""
    match = re.match(r"(early|late)\b(?! hours)", text)
    return {"early": "morning", "late": "evening"}[match[1]] if match else None


def _day_month(text: str, published: date) -> str | None:
    match = re.search(rf"\b(\d{{1,2}}) ({_MONTHS}|{_SHORT_MONTHS})(?!\w)", text)
    match = match or re.search(rf"\b({_MONTHS}|{_SHORT_MONTHS}) (\d{{1,2}})\b", text)
    if not match:
        return None
    day_text, month_text = (match[1], match[2]) if match[1].isdigit() else (match[2], match[1])
    month = _MONTH_ABBR[month_text[:3]]
    year_match = re.search(r"\b(20\d\d)\b", text)
    year = int(year_match[1]) if year_match else published.year
    try:
        day = date(year, month, int(day_text))
    except ValueError:
        return None
    if not year_match and day > published + timedelta(days=31):
        day = day.replace(year=year - 1)
    part = _leading_part(text) or _trailing_part(text)
    return f"{day.isoformat()} {part}" if part else day.isoformat()


def _trailing_part(text: str) -> str | None:
    """'May 19 in the morning', 'May 15 morning' (a status report's "as of May 15 morning")."""
    match = re.search(rf"\b(?:in the|at|\d+) ({_PARTS})\b", text)
    return match[1] if match else None


def _relative_day(text: str, published: date) -> str | None:
    if re.search(r"\byesterday\b", text):
        part = _part_after(text, "yesterday")
        day = (published - timedelta(days=1)).isoformat()
        return f"{day} {part}" if part else day
    if re.search(r"\b(?:this|earlier this) (morning|afternoon|evening)\b", text):
        part = re.search(r"\b(morning|afternoon|evening)\b", text)[1]
        return f"{published.isoformat()} {part}"
    if re.search(r"\btonight\b|\blast night\b", text):
        day = published if "tonight" in text else published - timedelta(days=1)
        return f"{day.isoformat()} night"
    if re.search(r"\bend of the day\b", text):
        return "end of the day"
    if re.search(r"\bduring the day\b", text):
        return "during the day"
    if re.search(r"\b(?:today|earlier today)\b", text):
        return "today"
    if match := re.search(r"\b(two|three|four|five|\d) days ago\b", text):
        words = {"two": 2, "three": 3, "four": 4, "five": 5}
        count = words.get(match[1]) or int(match[1])
        return (published - timedelta(days=count)).isoformat()
    return None


def _part_after(text: str, word: str) -> str | None:
    match = re.search(rf"\b{word} ({'|'.join(PARTS_OF_DAY)})\b", text)
    return match[1] if match else None


def _week(text: str, published: date) -> str | None:
    monday = published - timedelta(days=published.weekday())
    if re.search(r"\blast week\b", text):
        start = monday - timedelta(days=7)
        return f"{start.isoformat()}/{(start + timedelta(days=6)).isoformat()}"
    if re.search(r"\bthis week\b|\bearlier this week\b", text):
        return f"{monday.isoformat()}/{published.isoformat()}"
    return None


def _month(text: str, published: date) -> str | None:
    if match := re.search(rf"\b({_MONTHS}),? (20\d\d)\b", text):
        return f"{match[1]} {match[2]}"
    if match := re.search(
        rf"\b(?:in|since|last|early|late|mid|in early|in late) ({_MONTHS})\b", text
    ):
        return f"in {match[1]}"
    if re.search(r"\blast month\b", text):
        first = published.replace(day=1) - timedelta(days=1)
        return f"{first:%Y-%m}"
    return None


def _season(text: str, published: date) -> str | None:
    if match := re.search(rf"\blast ({_SEASONS})\b", text):
        return f"last {match[1]}"
    if match := re.search(rf"\b({_SEASONS}),? (?:of )?(20\d\d)\b", text):
        return f"{match[1]} {match[2]}"
    return None


_RULES = (_relative_day, _day_month, _weekday, _week, _month, _season)

# The phrases the rules read, with the words that introduce them, so that the date_quote
# is a natural stretch of the text ("on Thursday", "at the end of the day").
DATE_PATTERN = re.compile(
    rf"(?i)(?:\b(?:(?:early|late)\s+(?:on\s+)?|(?:on|in|at|during|since|earlier|last|next|this)\s+)"
    rf"(?:the\s+)?)?"
    rf"(?:"
    rf"(?:(?:{_PARTS}) of\s+)?(?:{_WEEKDAYS})(?:\s+\((?:{_MONTHS}) \d{{1,2}}\w*\))?"
    rf"(?:\s+(?:{_PARTS}))?"
    rf"|(?:(?:{_PARTS}) (?:of|on)\s+)?\d{{1,2}}(?:st|nd|rd|th)? (?:{_MONTHS}|{_SHORT_MONTHS})"
    rf"(?:,? 20\d\d)?(?:\s+(?:{_PARTS}))?"
    rf"|(?:(?:{_PARTS}) (?:of|on)\s+)?(?:{_MONTHS}|{_SHORT_MONTHS}) \d{{1,2}}(?:st|nd|rd|th)?"
    rf"(?:,? 20\d\d)?"
    rf"(?:\s+(?:{_PARTS}))?"
    rf"|(?:{_MONTHS})(?:,? 20\d\d)?"
    rf"|end of the day|the day|yesterday(?: (?:{_PARTS}))?|today|tonight|night"
    rf"|(?:morning|afternoon|evening)|week|month"
    rf"|(?:{_SEASONS})(?:,? 20\d\d)?"
    rf"|(?:two|three|four|five|\d) days ago"
    rf")\b"
)
