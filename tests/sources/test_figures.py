"""The Sources page's figures: they pass plotly's validation (and equal the build without
it) on the corpus, one side of it and the hostile data; and they plot what the frames say."""

from __future__ import annotations

import pandas as pd
import pytest

import components.app.figures
from components.app.date_axis import label_chars
from components.app.filters import apply_filter, filter_key
from components.app.palette import MIN_TEXT_CONTRAST, SIDE_COLOURS, contrast_ratio
from components.data import Dataset, load_dataset
from components.sources.figures import (
    CELL_NUMBERS,
    LABEL_CHAR_PX,
    STRIP_WEEK_MIN_PX,
)
from components.sources.model import build_sources_view
from tests.app.test_valid_figures import _as_json
from tests.corpus_files import article_files, publication_days, side_story_count
from tests.hostile import write_hostile_data

FIGURES = ("speaker_figure", "issue_figure", "strip_figure")
# The text colour plotly.js gives a light cell's number when left to choose (its "#444").
PLOTLY_DARK_TEXT = "#444444"
# The width Streamlit gives a chart of the Sources page in the narrowest desktop window,
# 1280 px with the sidebar open: 1280 - 300 (sidebar) - 2 x 80 (the main block's padding).
# Measured in headless Chromium, the strip's box (div.st-key-wide_chart_sources_strip) is
# 820 px wide at 1280, 940 at 1400, 980 at 1440 and 1460 at 1920 (358 at 390, a phone).
DESKTOP_CONTENT_PX = 820


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Dataset:
    return load_dataset(write_hostile_data(tmp_path_factory.mktemp("hostile") / "data"))


def _figures(full: Dataset, key: tuple[str, ...]) -> dict[str, object]:
    shown = apply_filter(full, key)
    figures = {}
    for individuals in (False, True):
        view = build_sources_view(full, shown, individuals, [])
        for name in FIGURES:
            figures[f"{name} individuals={individuals}"] = getattr(view, name)
    return figures


@pytest.mark.parametrize("source", ["corpus", "corpus, one side", "hostile"])
def test_figures_pass_validation(source, corpus, hostile, monkeypatch):
    full = hostile if source == "hostile" else corpus
    key = filter_key([], ["azerbaijan"]) if source == "corpus, one side" else ()
    built = _figures(full, key)
    monkeypatch.setattr(components.app.figures, "VALIDATE_FIGURES", True)
    validated = _figures(full, key)
    for name, figure in built.items():
        assert _as_json(figure) == _as_json(validated[name]), name


def _stories_in_week(side: str, monday: str) -> int:
    """The stories of ``side`` whose first copy came out in the week from ``monday``,
    counted in the article.yaml files."""
    first: dict[str, str] = {}
    for record in article_files():
        if record.side == side:
            first[record.story_id] = min(first.get(record.story_id, "9999"), record.published_date)
    start = pd.Timestamp(monday)
    return sum(start <= pd.Timestamp(day) < start + pd.Timedelta(days=7) for day in first.values())


def test_strip_has_a_row_per_side_and_a_cell_per_week(corpus):
    """A cell per week, Monday to Sunday (a cell per day was 3 px wide on a desktop, and the
    numbers of neighbouring days ran together), holding the week's stories."""
    view = build_sources_view(corpus, corpus, False, [])
    trace = view.strip_figure.data[0]
    numbers = _numbers(view.strip_figure)
    assert [label.replace("<br>", " ") for label in trace.y] == [
        "Armenian", "Azerbaijani", "Russian", "Western", "International organisations", "Other",
    ]  # fmt: skip
    # A cell per week from the week of the first published_date to the week of the last
    # (12 May to 29 December 2021 on 279 articles, as on 246: 10 May to 2 January, 34 weeks), each
    # centred on its Thursday noon, so that it spans the week.
    first, last = (pd.Timestamp(day) for day in publication_days())
    first_monday = first - pd.Timedelta(days=first.weekday())
    weeks = (last - first_monday).days // 7 + 1
    assert len(trace.x) == weeks
    assert pd.Timestamp(trace.x[0]) == first_monday + pd.Timedelta(days=3, hours=12)
    # A story counts once per side (the 15 November Minsk Group statement on two sides).
    assert sum(int(number) for number in numbers.values()) == side_story_count()
    # The week of 10 May 2021: 27 Armenian stories (25 on 246 articles, and News.am's of 14
    # May on the special session and Zartonk's of 15 May), 4 of other outlets (counted in
    # the files).
    first_week = trace.x[0]
    assert numbers[first_week, trace.y[0]] == str(_stories_in_week("armenia", "2021-05-10"))
    assert numbers[first_week, trace.y[0]] == "27"
    assert numbers[first_week, trace.y[5]] == str(_stories_in_week("other", "2021-05-10"))
    assert numbers[first_week, trace.y[5]] == "4"
    # 14 May: 11 Armenian stories (10 on 246 articles, and News.am's on the special session).
    assert "14 May: 11" in trace.customdata[0][0][4]


def _numbers(figure) -> dict[tuple[str, str], str]:
    """(x, y) -> the number written on that cell of ``figure``'s heatmap."""
    [trace] = [trace for trace in figure.data if trace.name == CELL_NUMBERS]
    return {(x, y): text for x, y, text in zip(trace.x, trace.y, trace.text, strict=True)}


def _cell_fill(heatmap, value: float) -> str:
    """The colour plotly gives ``value`` on ``heatmap``'s colour scale: the two colours of
    its step, mixed channel by channel in sRGB."""
    fraction = (value - heatmap.zmin) / (heatmap.zmax - heatmap.zmin)
    scale = [(float(stop), colour) for stop, colour in heatmap.colorscale]
    for (low, low_colour), (high, high_colour) in zip(scale, scale[1:], strict=False):
        if fraction <= high:
            amount = (fraction - low) / (high - low)
            channels = [
                round(int(a, 16) + (int(b, 16) - int(a, 16)) * amount)
                for a, b in ((low_colour[i : i + 2], high_colour[i : i + 2]) for i in (1, 3, 5))
            ]
            return "#" + "".join(f"{c:02X}" for c in channels)
    raise AssertionError(f"{value} lies outside the colour scale")


@pytest.mark.parametrize("name", FIGURES)
def test_every_number_in_a_cell_reads_at_aa_contrast(corpus, name):
    """Each cell's number is black or white, whichever reaches 4.5:1 on the cell's colour
    (plotly's own choice put white on the Western green at 3.4:1, its dark grey on the
    matrices' middle blues at about 4.2:1)."""
    figure = getattr(build_sources_view(corpus, corpus, False, []), name)
    heatmap = figure.data[0]
    [numbers] = [trace for trace in figure.data if trace.name == CELL_NUMBERS]
    values = {
        (x, y): value
        for y, row in zip(heatmap.y, heatmap.z, strict=True)
        for x, value in zip(heatmap.x, row, strict=True)
        if value is not None
    }
    assert len(numbers.text) == len(values) > 0, "a number on every filled cell"
    assert heatmap.texttemplate is None, "the heatmap writes no number of its own"
    for x, y, colour in zip(numbers.x, numbers.y, numbers.textfont.color, strict=True):
        fill = _cell_fill(heatmap, values[x, y])
        assert contrast_ratio(colour, fill) >= MIN_TEXT_CONTRAST, (x, y, colour, fill)


def test_the_busiest_week_has_black_numbers_on_full_orange(corpus):
    """The busiest week (Armenian outlets, 10 May 2021: 27 stories) takes its side's full
    colour; plotly's own dark grey on it was 4.3:1, black is 9.3:1."""
    strip = build_sources_view(corpus, corpus, False, []).strip_figure
    heatmap = strip.data[0]
    [numbers] = [trace for trace in strip.data if trace.name == CELL_NUMBERS]
    assert _cell_fill(heatmap, heatmap.z[0][0]) == SIDE_COLOURS["armenia"]
    assert contrast_ratio(PLOTLY_DARK_TEXT, SIDE_COLOURS["armenia"]) < MIN_TEXT_CONTRAST
    colours = dict(zip(zip(numbers.x, numbers.y, strict=True), numbers.textfont.color, strict=True))
    assert colours[heatmap.x[0], heatmap.y[0]] == "#000000"


def _month_labels(figure) -> list[tuple[pd.Timestamp, str]]:
    axis = figure.layout.xaxis
    return [(pd.Timestamp(x), text) for x, text in zip(axis.tickvals, axis.ticktext, strict=True)]


def test_every_month_of_the_strip_has_a_label_inside_it(corpus):
    """A label for every month from the first week to the last, in the month's part of the
    strip: plotly's period labels left January 2022 (the last week, 10-16 January) without
    one, as its middle lay at the strip's edge."""
    view = build_sources_view(corpus, corpus, False, [])
    figure = view.strip_figure
    start, end = (pd.Timestamp(x) for x in figure.layout.xaxis.range)
    first, last = (pd.Timestamp(day) for day in publication_days())
    months = pd.period_range(first, last, freq="M")
    labels = _month_labels(figure)
    assert [text for _, text in labels] == [month.strftime("%b<br>%Y") for month in months]
    # The last week at the strip's edge: 24 May 2022 on 329 articles (round 17; 15 March 2022
    # on 315; written for 12 January 2022, the label plotly hid). April 2022, with no article,
    # keeps its label over its empty weeks (the months above run from first to last).
    assert labels[-1][1] == "May<br>2022"
    for (x, _), month in zip(labels, months, strict=True):
        assert max(start, month.start_time) <= x <= min(end, month.end_time), month
    # At the narrowest the page draws the strip (STRIP_WEEK_MIN_PX a week), the labels stay
    # apart, and inside the figure: plotly hides a label that would cross its edge.
    per_px = pd.Timedelta(days=7) / STRIP_WEEK_MIN_PX
    # A label's width is its longest line's: "May" over "2021".
    spans = [(x - per_px * LABEL_CHAR_PX * label_chars(text) / 2, text) for x, text in labels]
    ends = [left + per_px * LABEL_CHAR_PX * label_chars(text) for left, text in spans]
    for end_of_one, (start_of_next, _) in zip(ends, spans[1:], strict=False):
        assert end_of_one < start_of_next
    assert ends[-1] <= end + per_px * figure.layout.margin.r


def test_the_strip_is_kept_wide_enough_for_its_weeks(corpus):
    """Each week has room for a two-digit number, at least STRIP_WEEK_MIN_PX."""
    view = build_sources_view(corpus, corpus, False, [])
    weeks = len(view.strip_figure.data[0].x)
    assert view.strip_width_px >= STRIP_WEEK_MIN_PX * weeks


def test_the_strip_fits_a_desktop_window_without_scrolling(corpus):
    """The strip holds its weeks' numbers in a desktop's width: at 1117 px (18 px a week,
    55 weeks from May 2021 to May 2022), April and May 2022 lay beyond the page's edge at
    1440 px, shown only by scrolling the strip sideways."""
    view = build_sources_view(corpus, corpus, False, [])
    assert view.strip_width_px <= DESKTOP_CONTENT_PX


def test_speaker_matrix_cells_are_the_coverage_counts(corpus):
    view = build_sources_view(corpus, corpus, False, [])
    trace = view.speaker_figure.data[0]
    row = list(trace.y).index("Armenia")
    column = list(trace.x).index("Russian")
    assert _numbers(view.speaker_figure)[trace.x[column], trace.y[row]] == "110"
    # Russian outlets quoting Armenia: 96, counted from statements.yaml (279 articles; 94 on
    # 246, +1 each in TASS's of 18 November and armenianclub.com's copy of TASS of 17 November).
    # Round 15: 97, Caucasian Knot's Naira Zograbyan (26 August) merged into zohrabyan, an
    # Armenian MP (tests/sources/test_frames.py: which side quotes the other). Round 16: 108,
    # +4 armenianclub.com's copy of Caucasian Knot (27 May), +3 News.ru's of 19 November, +4
    # Sputnik's of 15 November. Round 17: 110, +2 Hyetert's copy of TASS of 16 August.
    assert trace.z[row][column] == 110
