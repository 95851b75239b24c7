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


@cached_view
def stances_page_view(
    data_dir: str, actor_ids: tuple[str, ...], level: str, order: str
) -> StancesView:
    return build_stances_view(
        full_dataset(data_dir),
        filtered_dataset(data_dir, actor_ids),
        level,
        order,
        pairs=dataset_contradictions(data_dir),
    )


# One matrix per chosen cell (the frame around it): the view's own figure is shared and
# never changed.
@cached_view
def stances_matrix_figure(
    data_dir: str, actor_ids: tuple[str, ...], level: str, order: str, chosen: str | None
) -> go.Figure | None:
    view = stances_page_view(data_dir, actor_ids, level, order)
    return build_matrix_figure(full_dataset(data_dir), view, chosen)


@cached_view
def stances_cell_evidence(
    data_dir: str, actor_ids: tuple[str, ...], level: str, chosen: str
) -> tuple:
    """The statements behind the chosen cell, one named tuple each, as the page lists them."""
    evidence = build_cell_evidence(
        full_dataset(data_dir), filtered_dataset(data_dir, actor_ids), chosen, level
    )
    return tuple(evidence.itertuples(index=False))
