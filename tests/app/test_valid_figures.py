"""Every figure the pages show passes plotly's validation, and is the same without it.

The app builds its figures without plotly's value-by-value validation
(`components.app.figures.new_figure`), which was most of a figure's build time. Here each page's
figures are built twice, as the app builds them and with validation switched on, from the
real data, a filtered view and the hostile copy: the validated build must not raise (every
property and value is one plotly knows), and both must give the same figure JSON.
"""

from __future__ import annotations

import json

import plotly.io as pio
import pytest

import components.app.figures
from components.app.contradictions import contradiction_pairs
from components.app.filters import filter_dataset, with_descendants
from components.app.places import geo_dir
from components.data import Dataset, load_dataset
from components.map.geo import load_geo_layers
from components.map.model import BORDER_VIEW, WORLD_VIEW, build_map_view
from components.stances.frames import LEVELS, ORDERS
from components.stances.model import build_matrix_figure, build_stances_view
from components.timeline.choices import zoom_windows
from components.timeline.figure_counts import build_timeline_counts_figure
from components.timeline.figures import build_timeline_figure
from components.timeline.frames import timeline_view
from components.timeline.items import timeline_items
from tests.hostile import write_hostile_data

# An actor choice that narrows every page (a state with people under it).
FILTER = ("armenia",)


def _figures(full: Dataset, actor_ids: tuple[str, ...]) -> dict[str, object]:
    """name -> figure, for every figure of the Timeline, Stances and Map pages."""
    shown = filter_dataset(full, list(actor_ids)) if actor_ids else full
    figures = {}
    items = timeline_items(shown)
    windows = zoom_windows(timeline_items(full))
    report_date = full.articles["published_date"].max()
    placed = timeline_view(items, full.actors, "actor")
    figures["timeline"] = build_timeline_figure(placed.placed, windows["crisis"], report_date)
    counted = timeline_view(items, full.actors, "state", max_markers=0)
    figures["timeline counts"] = build_timeline_counts_figure(
        counted.counts, counted.bucket, windows["since_war"], report_date
    )
    figures["timeline, nothing to show"] = build_timeline_figure(
        placed.placed.head(0), windows["crisis"]
    )
    pairs = contradiction_pairs(full)
    for level in LEVELS:
        # The order only reorders the rows: one is enough here.
        view = build_stances_view(full, shown, level, next(iter(ORDERS)), pairs=pairs)
        for name in ("matrix_figure", "network_figure", "targeting_figure"):
            figures[f"stances {level} {name}"] = getattr(view, name)
        if view.choices:
            chosen = next(iter(view.choices))
            figures[f"stances {level} chosen cell"] = build_matrix_figure(full, view, chosen)
    layers = load_geo_layers(geo_dir(full))
    scope = with_descendants(full.actors, list(actor_ids)) if actor_ids else set()
    for map_view in (BORDER_VIEW, WORLD_VIEW):
        for basemap in (False, True):
            view = build_map_view(full, shown, layers, actor_ids, scope, map_view, basemap)
            figures[f"map {map_view} basemap={basemap}"] = view.figure
    return {name: figure for name, figure in figures.items() if figure is not None}


def _as_json(figure) -> dict:
    """The figure as the browser gets it (what st.plotly_chart sends), empty lists dropped:
    a validated figure leaves out an empty list of annotations, which draws the same."""
    return _without_empty_lists(json.loads(pio.to_json(figure, validate=False)))


def _without_empty_lists(value):
    if isinstance(value, dict):
        return {k: _without_empty_lists(v) for k, v in value.items() if v != []}
    if isinstance(value, list):
        return [_without_empty_lists(v) for v in value]
    return value


@pytest.fixture(scope="module")
def hostile_dataset(tmp_path_factory) -> Dataset:
    return load_dataset(write_hostile_data(tmp_path_factory.mktemp("hostile") / "data"))


@pytest.mark.parametrize("source", ["real", "real, filtered", "hostile"])
def test_figures_pass_validation_and_equal_their_validated_build(
    source, dataset, hostile_dataset, monkeypatch
):
    full = hostile_dataset if source == "hostile" else dataset
    actor_ids = FILTER if source == "real, filtered" else ()
    built = _figures(full, actor_ids)
    monkeypatch.setattr(components.app.figures, "VALIDATE_FIGURES", True)
    validated = _figures(full, actor_ids)  # raises ValueError on anything plotly refuses
    assert built.keys() == validated.keys()
    assert len(built) == 15, sorted(built)
    for name, figure in built.items():
        assert figure._validate is False, name
        assert validated[name]._validate is True, name
        assert _as_json(figure) == _as_json(validated[name]), name


def test_validation_would_catch_a_wrong_property(monkeypatch):
    monkeypatch.setattr(components.app.figures, "VALIDATE_FIGURES", True)
    with pytest.raises(ValueError, match="markr"):
        components.app.figures.new_figure([{"type": "scatter", "markr": {}}])
    monkeypatch.setattr(components.app.figures, "VALIDATE_FIGURES", False)
    components.app.figures.new_figure([{"type": "scatter", "markr": {}}])
