"""Date expressions resolve against the publication date with an explicit precision."""

from datetime import date

import pytest

from components.data.dates import range_label, resolve_when

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
    ("start", "end", "label"),
    [
        pytest.param(date(1990, 1, 1), date(1999, 12, 31), "1990s", id="decade"),
        pytest.param(date(1990, 1, 1), date(1994, 12, 31), "1990–1994", id="years"),
        pytest.param(date(1991, 1, 1), date(1991, 12, 31), "1991", id="one year"),
        pytest.param(date(1991, 1, 1), date(2000, 12, 31), "1991–2000", id="ten years, no decade"),
        pytest.param(date(2021, 5, 1), date(2021, 6, 30), "May–Jun 2021", id="months"),
        pytest.param(date(2021, 5, 1), date(2021, 5, 31), "May 2021", id="one month"),
        pytest.param(
            date(2020, 12, 1), date(2021, 1, 31), "Dec 2020 – Jan 2021", id="months, new year"
        ),
        pytest.param(date(2021, 5, 12), date(2021, 5, 16), "12–16 May 2021", id="days"),
        pytest.param(
            date(2020, 9, 27), date(2020, 11, 10), "27 Sep – 10 Nov 2020", id="days, months"
        ),
        pytest.param(
            date(2020, 12, 28), date(2021, 1, 3), "28 Dec 2020 – 3 Jan 2021", id="days, new year"
        ),
        pytest.param(
            date(2021, 1, 1),
            date(2021, 7, 23),
            "1 Jan – 23 Jul 2021",
            id="first day, not whole months",
        ),
    ],
)
def test_a_range_reads_as_its_ends_give_it(start, end, label):
    assert range_label(start, end) == label


def test_a_range_label_gives_no_day_where_the_words_give_none():
    """ "in the 1990s" is written 1990-01-01/1999-12-31: it read "1 Jan 1990 – 31 Dec 1999"."""
    assert resolve_when("1990-01-01/1999-12-31", FRIDAY).label == "1990s (range)"
    assert resolve_when("1991-01-01/1991-12-31", FRIDAY).label == "1991 (range)"


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
