"""Date axes labelled by period (components/app/date_axis.py), on hand-made ranges."""

import pandas as pd

from components.app.date_axis import DateStep, period_axis, period_ticks

T = pd.Timestamp
NO_MINIMUM = pd.Timedelta(0)


def test_a_range_that_ends_early_in_a_period_still_labels_it():
    """12 May 2021 – 14 January 2022 by two months: plotly put January's label in mid-
    February, past the range, and hid it."""
    ticks = period_ticks(T("2021-05-12"), T("2022-01-14"), DateStep("%b %Y", months=2), NO_MINIMUM)
    assert ticks.labels == ["May 2021", "Jul 2021", "Sep 2021", "Nov 2021", "Jan 2022"]
    assert ticks.boundaries == [T("2021-07-01"), T("2021-09-01"), T("2021-11-01"), T("2022-01-01")]
    # Each label in the middle of its period's part of the range.
    assert ticks.label_dates[0] == T("2021-06-06")
    assert ticks.label_dates[-1] == T("2022-01-07 12:00")


def test_weeks_run_from_mondays_and_days_from_midnight():
    weeks = period_ticks(T("2021-05-12"), T("2021-05-26"), DateStep("%-d %b", days=7), NO_MINIMUM)
    assert weeks.labels == ["10 May", "17 May", "24 May"]
    assert weeks.boundaries == [T("2021-05-17"), T("2021-05-24")]
    days = period_ticks(
        T("2021-05-12 06:00"), T("2021-05-14"), DateStep("%-d %b", days=1), NO_MINIMUM
    )
    assert days.labels == ["12 May", "13 May"]
    assert days.label_dates == [T("2021-05-12 15:00"), T("2021-05-13 12:00")]


def test_a_sliver_of_a_period_too_narrow_for_half_its_label_goes_unlabelled():
    """Two hours of 11 May before the crisis days: its label would run into 12 May's."""
    char_span = pd.Timedelta(hours=1)  # a 6-letter label needs 3 hours of its part
    ticks = period_ticks(
        T("2021-05-11 22:00"), T("2021-05-13"), DateStep("%-d %b", days=1), char_span
    )
    assert ticks.labels == ["12 May"]
    assert ticks.boundaries == [T("2021-05-12")], "the sliver keeps its gridline"


def test_the_axis_draws_labels_without_ticks_and_boundaries_as_minor_ticks():
    ticks = period_ticks(T("2021-05-12"), T("2021-06-10"), DateStep("%b", months=1), NO_MINIMUM)
    axis = period_axis(ticks)
    assert axis["tickmode"] == axis["minor"]["tickmode"] == "array"
    assert axis["ticktext"] == ["May", "Jun"]
    assert axis["ticks"] == ""
    assert axis["minor"]["tickvals"] == ["2021-06-01T00:00:00"]


def test_a_label_of_two_lines_needs_room_for_its_longest_line():
    """A label "May<br>2021" is as wide as "2021": half of it fits in two days at a day a letter,
    where the eight letters of "May 2021" on one line would need four."""
    char_span = pd.Timedelta(days=1)
    two_lines = DateStep("%b<br>%Y", months=1)
    ticks = period_ticks(T("2021-05-29"), T("2021-06-30"), two_lines, char_span)
    assert ticks.labels == ["May<br>2021", "Jun<br>2021"]
    one_line = DateStep("%b %Y", months=1)
    ticks = period_ticks(T("2021-05-29"), T("2021-06-30"), one_line, char_span)
    assert ticks.labels == ["Jun 2021"]
