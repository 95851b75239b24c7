"""The Sources page's figures: they pass plotly's validation (and equal the build without
it) on the corpus, one side of it and the hostile data; and they plot what the frames say."""

from __future__ import annotations

import pandas as pd
import pytest

import components.app.figures
from components.app.filters import apply_filter, filter_key
from components.data import Dataset, load_dataset
from components.sources.figures import STRIP_WEEK_MIN_PX
from components.sources.model import build_sources_view
from tests.app.test_valid_figures import _as_json
from tests.corpus_files import article_files, publication_days, side_story_count
from tests.hostile import write_hostile_data

FIGURES = ("speaker_figure", "issue_figure", "strip_figure")


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
    assert sum(int(cell) for row in trace.text for cell in row if cell) == side_story_count()
    # The week of 10 May 2021: 27 Armenian stories (25 on 246 articles, and News.am's of 14
    # May on the special session and Zartonk's of 15 May), 4 of other outlets (counted in
    # the files).
    assert trace.text[0][0] == str(_stories_in_week("armenia", "2021-05-10")) == "27"
    assert trace.text[5][0] == str(_stories_in_week("other", "2021-05-10")) == "4"
    # 14 May: 11 Armenian stories (10 on 246 articles, and News.am's on the special session).
    assert "14 May: 11" in trace.customdata[0][0][4]


def test_the_strip_is_kept_wide_enough_for_its_weeks(corpus):
    """Each week has room for a two-digit number, at least STRIP_WEEK_MIN_PX."""
    view = build_sources_view(corpus, corpus, False, [])
    weeks = len(view.strip_figure.data[0].x)
    assert view.strip_width_px >= STRIP_WEEK_MIN_PX * weeks


def test_speaker_matrix_cells_are_the_coverage_counts(corpus):
    view = build_sources_view(corpus, corpus, False, [])
    trace = view.speaker_figure.data[0]
    row = list(trace.y).index("Armenia")
    column = list(trace.x).index("Russian")
    # Russian outlets quoting Armenia: 96, counted from statements.yaml (279 articles; 94 on
    # 246, +1 each in TASS's of 18 November and armenianclub.com's copy of TASS of 17 November).
    # Round 15: 97, Caucasian Knot's Naira Zograbyan (26 August) merged into zohrabyan, an
    # Armenian MP (tests/sources/test_frames.py: which side quotes the other). Round 16: 108,
    # +4 armenianclub.com's copy of Caucasian Knot (27 May), +3 News.ru's of 19 November, +4
    # Sputnik's of 15 November.
    assert trace.z[row][column] == 108
