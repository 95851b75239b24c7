"""Date phrases of news prose → the codebook's `when`, resolved against publication."""

from __future__ import annotations

from datetime import date

import pytest

from components.extract.when import as_of, date_expression, find_date

FRIDAY = date(2021, 5, 14)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        pytest.param("On Thursday", "thursday", id="weekday"),
        pytest.param("Thursday evening", "thursday evening", id="weekday part"),
        pytest.param("on Saturday", "saturday", id="weekday after publication is last week's"),
        pytest.param("next Saturday", "next saturday", id="next weekday"),
        pytest.param("at the end of the day", "end of the day", id="end of the day"),
        pytest.param("yesterday", "2021-05-13", id="yesterday"),
        pytest.param("on May 12", "2021-05-12", id="month day"),
        pytest.param("early on the morning of May 12", "2021-05-12 morning", id="morning of"),
        pytest.param("on 27 May", "2021-05-27", id="day month"),
        pytest.param("in November", "in november", id="month"),
        pytest.param("last fall", "last fall", id="season"),
        pytest.param("last week", "2021-05-03/2021-05-09", id="last week"),
        # the State Department "said late on Thursday" (armradio-2021-05-28-menendez-capture)
        pytest.param("late on Thursday", "thursday evening", id="late on weekday"),
        pytest.param("early Thursday", "thursday morning", id="early weekday"),
        # "In the early hours of Thursday" (AFP's wording): annotated as the day
        pytest.param("In the early hours of Thursday", "thursday", id="early hours"),
        # "has not been resolved as of May 15 morning" (panarmenian-2021-05-15-not-resolved)
        pytest.param("May 15 morning", "2021-05-15 morning", id="month day part"),
    ],
)
def test_date_expression(phrase, expected):
    assert date_expression(phrase, FRIDAY) == expected


def test_weekday_is_resolved_on_or_before_publication():
    """'On Thursday' in a Friday report: Thursday 13 May, precision day (dateparser says 20th)."""
    found = find_date("On Thursday, Armenia accused the Azerbaijani forces", FRIDAY)
    assert (found.start_date, found.precision, found.date_quote) == (
        date(2021, 5, 13),
        "day",
        "On Thursday",
    )


def test_month_is_never_a_day():
    found = find_date("signed under its aegis in November", FRIDAY)
    assert (found.start_date, found.end_date, found.precision) == (
        date(2020, 11, 1),
        date(2020, 11, 30),
        "month",
    )


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        pytest.param(
            "the situation has not changed significantly as of the morning of May 19",
            (date(2021, 5, 19), "part_of_day", "morning of May 19"),
            id="as of the morning of",
        ),
        pytest.param(
            "has not been resolved as of May 15 morning",
            (date(2021, 5, 15), "part_of_day", "May 15 morning"),
            id="as of day part",
        ),
        pytest.param(
            "the situation remains unchanged as of Tuesday, May 18",
            (date(2021, 5, 18), "day", "Tuesday"),
            id="as of weekday",
        ),
    ],
)
def test_a_status_as_of_a_day_is_dated_by_it(content, expected):
    found = as_of(content, date(2021, 5, 19))
    assert (found.start_date, found.precision, found.date_quote) == expected


def test_as_of_without_a_date_dates_nothing():
    assert as_of("as of now, talks continue on May 12", FRIDAY) is None
