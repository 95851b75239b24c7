"""Precision bands: how precisely the article dates an item, and the span drawn for it.

A day is a point at midday; a part of the day spans its hours; a month, a season or a range
runs from its first day to the end of its last (never a made-up exact day). Pure data.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from components.data.dates import range_unit

# Hours after midnight where a part of the day is drawn: what the words say, not a time
# the text gives. "night" runs into the next morning.
PART_OF_DAY_HOURS = {
    "morning": (6, 12),
    "daytime": (8, 20),
    "afternoon": (12, 18),
    "evening": (18, 24),
    "night": (21, 30),
}


# A day-precise or undated item is drawn at midday, the middle of the day it stands for.
MIDDAY = pd.Timedelta(hours=12)


# Precisions drawn as spans; the coarse ones are also labelled with their precision.
SPAN_PRECISIONS = ("part_of_day", "month", "season", "range")


COARSE_PRECISIONS = ("month", "season")


# Precisions whose span says "somewhere in here", drawn as visibly uncertain.
UNCERTAIN_PRECISIONS = ("part_of_day", "month", "season")


# What each precision means for the reader, shown in hover text and the detail panel.
PRECISION_NOTES = {
    "day": "exact day",
    "part_of_day": "part of a day",
    "month": "month only: the text gives no day",
    "season": "season only: the text gives no month or day",
    "as_reported": "undated in the text: shown at the date of the report",
}
# A range is noted as its ends read (dates.range_unit): "1990s" is a range of years.
RANGE_NOTES = {unit: f"range of {unit}" for unit in ("years", "months", "days")}


def _precision_note(item: pd.Series) -> str:
    if item["date_precision"] == "part_of_day" and isinstance(item["part_of_day"], str):
        return PART_OF_DAY_NOTES[item["part_of_day"]]
    if item["date_precision"] == "range":
        return RANGE_NOTES[range_unit(item["start_date"], item["end_date"])]
    return PRECISION_NOTES[item["date_precision"]]


def _hour(hours: int) -> str:
    if hours > 24:
        return f"{hours - 24:02d}:00 next day"
    return f"{hours:02d}:00"


# "evening (drawn 18:00–24:00)": a part of the day and the hours it is drawn over.
PART_OF_DAY_NOTES = {
    part: f"{part} (drawn {_hour(first)}–{_hour(last)})"
    for part, (first, last) in PART_OF_DAY_HOURS.items()
}


def _hours(hours: np.ndarray) -> np.ndarray:
    """Whole hours as nanosecond durations (0 where NaN: those are not used)."""
    return np.nan_to_num(hours).astype(np.int64) * np.timedelta64(1, "h").astype("m8[ns]")


def _drawn(keys: pd.DataFrame) -> pd.DataFrame:
    """For each precision, part of the day and range unit (what a range is a range of, None
    for other precisions): the precision note, first and last hour of a part of the day
    (NaN otherwise) and whether a span is drawn (a handful of rows)."""
    rows = []
    for precision, part, unit in zip(
        keys["date_precision"].tolist(),
        keys["part_of_day"].tolist(),
        keys["range_unit"].tolist(),
        strict=True,
    ):
        hours = PART_OF_DAY_HOURS.get(part) if precision == "part_of_day" else None
        note = PART_OF_DAY_NOTES[part] if hours else PRECISION_NOTES.get(precision)
        if precision == "range":
            note = RANGE_NOTES[unit]
        first, last = hours if hours else (np.nan, np.nan)
        rows.append((note, float(first), float(last), precision in SPAN_PRECISIONS and not hours))
    built = pd.DataFrame(rows, columns=["precision_note", "first_hour", "last_hour", "is_span"])
    return built.assign(
        date_precision=keys["date_precision"],
        part_of_day=keys["part_of_day"],
        range_unit=keys["range_unit"],
    )
