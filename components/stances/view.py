"""The Stances page's cached views: the whole view, the matrix per chosen cell, the evidence."""

import plotly.graph_objects as go

from components.app.dataset import (
    cached_view,
    dataset_contradictions,
    filtered_dataset,
    full_dataset,
)
from components.stances.model import (
    StancesView,
    build_cell_evidence,
    build_matrix_figure,
    build_stances_view,
)
from components.stances.sides import ALL_SIDES, reported_by, side_choices


@cached_view
def stances_side_choices(data_dir: str) -> dict[str, str]:
    """The sides of the outlets, for the "Reported by" control."""
    return side_choices(full_dataset(data_dir).articles)


@cached_view
def stances_page_view(
    data_dir: str, actor_ids: tuple[str, ...], level: str, order: str, side: str = ALL_SIDES
) -> StancesView:
    """The page for the filter, counted on the statements of ``side``'s outlets (all when
    ALL_SIDES)."""
    return build_stances_view(
        full_dataset(data_dir),
        reported_by(filtered_dataset(data_dir, actor_ids), side),
        level,
        order,
        pairs=dataset_contradictions(data_dir),
    )


# One matrix per framed cell (components/stances/clicks.py, not every click): the view's
# own figure is shared and never changed.
@cached_view
def stances_matrix_figure(
    data_dir: str,
    actor_ids: tuple[str, ...],
    level: str,
    order: str,
    chosen: str | None,
    side: str = ALL_SIDES,
) -> go.Figure | None:
    view = stances_page_view(data_dir, actor_ids, level, order, side)
    return build_matrix_figure(full_dataset(data_dir), view, chosen)


@cached_view
def stances_cell_evidence(
    data_dir: str, actor_ids: tuple[str, ...], level: str, chosen: str, side: str = ALL_SIDES
) -> tuple:
    """The statements behind the chosen cell, one named tuple each, as the page lists them."""
    evidence = build_cell_evidence(
        full_dataset(data_dir),
        reported_by(filtered_dataset(data_dir, actor_ids), side),
        chosen,
        level,
    )
    return tuple(evidence.itertuples(index=False))
