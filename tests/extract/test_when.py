"""Date phrases of news prose → the codebook's `when`, resolved against publication."""

from __future__ import annotations

from datetime import date

import pytest

from components.extract.when import date_expression, find_date

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
