"""The Sources page's figures: they pass plotly's validation (and equal the build without
it) on the corpus, one side of it and the hostile data; and they plot what the frames say."""

from __future__ import annotations

import pandas as pd
import pytest

import components.app.figures
from components.app.filters import apply_filter, filter_key
from components.data import Dataset, load_dataset
from components.sources.model import build_sources_view
from tests.app.test_valid_figures import _as_json
from tests.corpus_files import publication_days, side_story_count
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


def test_strip_has_a_row_per_side_and_a_cell_per_day(corpus):
    view = build_sources_view(corpus, corpus, False, [])
    trace = view.strip_figure.data[0]
    assert list(trace.y) == [
        "Armenian", "Azerbaijani", "Russian", "Western", "International organisations", "Other",
    ]  # fmt: skip
    # A cell per day from the first to the last published_date of the article.yaml files
    # (12 May to 29 December 2021 on 279 articles, as on 246: 232 days).
    first, last = publication_days()
    days = (pd.Timestamp(last) - pd.Timestamp(first)).days + 1
    assert len(trace.x) == days
    assert trace.x[0] == first
    assert trace.x[-1] == last
    # A story counts once per side (the 15 November Minsk Group statement on two sides).
    assert sum(int(cell) for row in trace.text for cell in row if cell) == side_story_count()


def test_speaker_matrix_cells_are_the_coverage_counts(corpus):
    view = build_sources_view(corpus, corpus, False, [])
    trace = view.speaker_figure.data[0]
    row = list(trace.y).index("Armenia")
    column = list(trace.x).index("Russian")
    # Russian outlets quoting Armenia: 96, counted from statements.yaml (279 articles; 94 on
    # 246, +1 each in TASS's of 18 November and armenianclub.com's copy of TASS of 17 November).
    assert trace.z[row][column] == 96
