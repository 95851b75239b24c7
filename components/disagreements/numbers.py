"""Numbers as the reports give them ("500", "3.5", "500-600", "2,000") and the units they
are compared in (a depth of 500 m is 0.5 km). Pure Python."""

from __future__ import annotations

import re

# Units converted before comparing: a depth of 500 m is 0.5 km, six weeks are 42 days.
UNIT_CONVERSIONS = {"m": ("km", 0.001), "weeks": ("days", 7.0)}
# "500", "3.5", "500-600", "2,000" (a range is two numbers joined by a dash).
_NUMBER = r"\d+(?:[.,]\d+)*"
_RANGE = re.compile(rf"^\s*({_NUMBER})\s*(?:[-–]\s*({_NUMBER}))?\s*$")


def parse_number(value: str) -> tuple[float, float] | None:
    """(low, high) of "500" or "500-600" (thousands commas allowed); None if not a number."""
    match = _RANGE.match(str(value))
    if match is None:
        return None
    low = _to_float(match.group(1))
    high = _to_float(match.group(2)) if match.group(2) else low
    return (min(low, high), max(low, high))


def _to_float(text: str) -> float:
    # "2,000" is two thousand; "3,5" (a decimal comma) does not occur in English texts.
    return float(text.replace(",", ""))


def normalised_unit(unit: object) -> tuple[str | None, float]:
    """The unit numbers are compared in, and the factor to get there ("m" -> ("km", 0.001))."""
    if not isinstance(unit, str) or not unit:
        return None, 1.0
    return UNIT_CONVERSIONS.get(unit, (unit, 1.0))


def number_label(low: float, high: float, unit: str | None) -> str:
    span = f"{low:g}" if low == high else f"{low:g}–{high:g}"
    return f"{span} {unit}" if unit else span
