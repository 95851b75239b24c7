"""Date expressions resolve against the publication date with an explicit precision."""

from datetime import date

import pytest

from components.data.dates import resolve_when

FRIDAY = date(2021, 5, 14)


@pytest.mark.parametrize(
    ("expression", "start", "end", "precision", "part"),
    [
        pytest.param(
            "Friday", date(2021, 5, 14), date(2021, 5, 14), "day", None, id="same weekday"
        ),
        pytest.param(
            "Thursday", date(2021, 5, 13), date(2021, 5, 13), "day", None, id="weekday before"
        ),
        pytest.param(
            "Saturday", date(2021, 5, 8), date(2021, 5, 8), "day", None, id="bare weekday is past"
        ),
        pytest.param(
            "next Saturday", date(2021, 5, 15), date(2021, 5, 15), "day", None, id="next weekday"
        ),
        pytest.param(
            "next Friday", date(2021, 5, 21), date(2021, 5, 21), "day", None, id="next same weekday"
        ),
        pytest.param(
            "Thursday evening",
            date(2021, 5, 13),
            date(2021, 5, 13),
            "part_of_day",
            "evening",
            id="weekday evening",
        ),
        pytest.param(
            "end of the day", FRIDAY, FRIDAY, "part_of_day", "evening", id="end of the day"
        ),
        pytest.param(
            "during the day", FRIDAY, FRIDAY, "part_of_day", "daytime", id="during the day"
        ),
        pytest.param("today", FRIDAY, FRIDAY, "day", None, id="today"),
        pytest.param("as reported", FRIDAY, FRIDAY, "as_reported", None, id="as reported"),
        pytest.param(
            "last fall", date(2020, 9, 1), date(2020, 11, 30), "season", None, id="last fall"
        ),
        pytest.param(
            "last autumn", date(2020, 9, 1), date(2020, 11, 30), "season", None, id="last autumn"
        ),
        pytest.param(
            "last winter",
            date(2020, 12, 1),
            date(2021, 2, 28),
            "season",
            None,
            id="winter spans years",
        ),
        pytest.param(
            "last spring",
            date(2020, 3, 1),
            date(2020, 5, 31),
            "season",
            None,
            id="current season not over",
        ),
        pytest.param(
            "in November", date(2020, 11, 1), date(2020, 11, 30), "month", None, id="in month"
        ),
        pytest.param(
            "in May", date(2021, 5, 1), date(2021, 5, 31), "month", None, id="in this month"
        ),
        pytest.param(
            "2020-11", date(2020, 11, 1), date(2020, 11, 30), "month", None, id="iso month"
        ),
        pytest.param(
            "February 2020", date(2020, 2, 1), date(2020, 2, 29), "month", None, id="leap month"
        ),
        pytest.param(
            "autumn 2020", date(2020, 9, 1), date(2020, 11, 30), "season", None, id="season year"
        ),
        pytest.param("2021-05-13", date(2021, 5, 13), date(2021, 5, 13), "day", None, id="iso day"),
        pytest.param(
            "2021-05-13 night",
            date(2021, 5, 13),
            date(2021, 5, 13),
            "part_of_day",
            "night",
            id="iso part of day",
        ),
        pytest.param(
            "2020-09-27/2020-11-10",
            date(2020, 9, 27),
            date(2020, 11, 10),
            "range",
            None,
            id="range",
        ),
        pytest.param(
            "  Thursday  ", date(2021, 5, 13), date(2021, 5, 13), "day", None, id="spaces"
        ),
    ],
)
def test_resolve_when(expression, start, end, precision, part):
    resolved = resolve_when(expression, FRIDAY)
    assert (resolved.start_date, resolved.end_date) == (start, end)
    assert resolved.precision == precision
    assert resolved.part_of_day == part


def test_labels_state_the_precision():
    assert resolve_when("last fall", FRIDAY).label == "autumn 2020 (season)"
    assert resolve_when("in November", FRIDAY).label == "November 2020 (month)"
    assert resolve_when("Thursday evening", FRIDAY).label == "Thu 13 May 2021, evening"
    assert "date of the report" in resolve_when("as reported", FRIDAY).label


@pytest.mark.parametrize(
    ("expression", "message"),
    [
        pytest.param("sometime", "cannot resolve", id="unknown words"),
        pytest.param("2021-02-30", "not a real calendar date", id="impossible day"),
        pytest.param("2021-13", "no month 13", id="impossible month"),
        pytest.param("2021-05-14/2021-05-13", "ends before it starts", id="reversed range"),
        pytest.param("Thursday teatime", "cannot resolve", id="unknown part of day"),
    ],
)
def test_unresolvable_expressions_say_why(expression, message):
    with pytest.raises(ValueError, match=message):
        resolve_when(expression, FRIDAY)
