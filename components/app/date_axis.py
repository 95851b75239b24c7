"""Date axes labelled by period (a day, a week, some months, some years): one label per
period the axis shows, in the middle of the part of the period inside the axis's range.

plotly's own period labels (``ticklabelmode="period"``) sit in the middle of the whole
period, and plotly hides a label whose middle lies outside the range, or which would cross
the figure's edge: a range that ends early in a period left that period unlabelled (the
Timeline's January 2022 gridline, the Sources strip's January 2022). Here the labels are
placed by hand (``tickmode="array"``) and the period boundaries are the minor ticks.
Pure: dates in, plain dicts for plotly out.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

import pandas as pd

# plotly's first tick (its default tick0): months and years are counted from here.
MONTHS_FROM = pd.Timestamp("2000-01-01")
# Weeks start on Mondays: 3 January 2000 was one.
WEEKS_FROM = pd.Timestamp("2000-01-03")


@dataclass(frozen=True)
class DateStep:
    """A period of the axis: ``months`` months (counted from MONTHS_FROM) or ``days`` days
    (a week from a Monday, or a day), and how its label reads (a strftime format)."""

    tickformat: str
    months: int = 0
    days: int = 0


@dataclass(frozen=True)
class PeriodTicks:
    """Where the period labels go, what they say, and where the periods begin."""

    label_dates: list[pd.Timestamp]
    labels: list[str]
    boundaries: list[pd.Timestamp]


def period_starts(start: pd.Timestamp, end: pd.Timestamp, step: DateStep) -> list[pd.Timestamp]:
    """The first day of every period that overlaps [start, end): the first may lie before
    ``start``."""
    if step.months:
        elapsed = (start.year - MONTHS_FROM.year) * 12 + start.month - 1
        first = MONTHS_FROM + pd.DateOffset(months=elapsed // step.months * step.months)
        offset = pd.DateOffset(months=step.months)
    else:
        origin = WEEKS_FROM if step.days == 7 else MONTHS_FROM
        offset = pd.Timedelta(days=step.days)
        first = origin + (start.normalize() - origin) // offset * offset
    starts = [pd.Timestamp(first)]
    while starts[-1] + offset < end:
        starts.append(pd.Timestamp(starts[-1] + offset))
    return starts


def period_ticks(
    start: pd.Timestamp, end: pd.Timestamp, step: DateStep, char_span: pd.Timedelta
) -> PeriodTicks:
    """A label for every period that overlaps [start, end), in the middle of its part inside
    the range, and the boundaries between the periods inside the range.

    ``char_span`` is the time one letter of a label covers on the axis at its narrowest. A
    period cut by the range's edge keeps its label if its part holds at least half of it
    (of its longest line, label_chars): the last days of a reporting period do, a sliver
    of a day the axis shows as room for the markers of its neighbour does not (its label
    ran into the next day's).
    """
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    starts = period_starts(start, end, step)
    boundaries = [day for day in starts if start < day < end]
    edges = [start, *boundaries, end]
    label_dates, labels = [], []
    for first, (left, right) in zip(starts, pairwise(edges), strict=True):
        label = first.strftime(step.tickformat)
        if right - left >= char_span * label_chars(label) / 2:
            label_dates.append(left + (right - left) / 2)
            labels.append(label)
    return PeriodTicks(label_dates=label_dates, labels=labels, boundaries=boundaries)


def label_chars(label: str) -> int:
    """How many letters wide ``label`` is: its longest line (plotly breaks a label at
    ``<br>``)."""
    return max(len(line) for line in label.split("<br>"))


def period_axis(ticks: PeriodTicks) -> dict:
    """The date axis's tick settings for ``ticks``: the labels without tick marks, a minor
    tick (and gridline, if the axis shows a grid) at each boundary."""
    return {
        "tickmode": "array",
        "tickvals": [day.isoformat() for day in ticks.label_dates],
        "ticktext": ticks.labels,
        "ticks": "",
        "minor": {
            "tickmode": "array",
            "tickvals": [day.isoformat() for day in ticks.boundaries],
        },
    }
