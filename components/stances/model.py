"""Everything the Stances page shows, built in one go per data, filter, rows and order.

The page caches `build_stances_view` (components.app.dataset.cached_view), so a rerun only
looks the view up and sends it. The view is shared by every session: read it, never
change it.

At scale the charts show a readable part and say so (``*_note``): the matrix the most
vocal actors, the network the strongest links among the first of them, the targeting
chart the largest flows. The matrix and targeting downloads stay complete; the agreement
edge list covers the actors of the matrix (all pairs of hundreds of actors would be
hundreds of thousands of rows, and slow to compute).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd
import plotly.graph_objects as go

from components.app.contradictions import contradiction_pairs
from components.app.text_safety import escape_markdown
from components.data import Dataset
from components.stances.figure_relations import agreement_network_figure, targeting_figure
from components.stances.figures import matrix_min_width_px, stance_matrix_figure
from components.stances.frames import (
    cell_choices,
    cell_evidence,
    matrix_table,
    matrix_words,
    order_actors,
    stance_cells,
)
from components.stances.relations import (
    agreement_edges,
    contradictions_in_scope,
    strongest_first,
    targeting_edges,
)

# A matrix row is 40 px; beyond this many rows the grid is a wall no one reads.
MATRIX_MAX_ROWS = 40
# Actors on the agreement circle: more labels than this overlap.
NETWORK_MAX_NODES = 20
# Lines on the agreement circle (the strongest first): more is a hairball.
NETWORK_MAX_EDGES = 80
# Bands of the targeting chart (the largest first), and rows of its table.
TARGETING_MAX_FLOWS = 40
# Contradiction boxes listed (in article order); the rest are counted.
CONTRADICTIONS_MAX_SHOWN = 20
# The columns of the page's tables of agreements and of flows, in order.
AGREEMENT_TABLE_COLUMNS = [
    "actor_name",
    "relation",
    "other_actor_name",
    "issue_count",
    "issue_labels",
    "statement_count",
]
TARGET_TABLE_COLUMNS = ["speaker_name", "verb", "target_name", "statement_count", "statement_ids"]


@dataclass(frozen=True)
class StancesView:
    """What the Stances page shows for one data folder, filter, row level and order.

    The CSV downloads are made on the first click (``*_csv_bytes``, for
    st.download_button), not with the view: at scale they cost more than the charts. What
    the page lists (``*_table``, ``contradiction_rows``) is made once per view, not on
    every rerun.
    """

    cells: pd.DataFrame
    # Matrix rows shown, top to bottom, and how many actors (or states) took a stance.
    row_ids: tuple[str, ...]
    row_total: int
    matrix_note: str | None
    matrix_figure: go.Figure | None
    # Cell id -> label of every cell of the shown rows, in reading order.
    choices: dict[str, str]
    agreements: pd.DataFrame
    network_figure: go.Figure | None
    network_note: str | None
    # The flows the chart shows, and all of them (the download).
    targets: pd.DataFrame
    all_targets: pd.DataFrame
    targeting_figure: go.Figure | None
    targeting_note: str | None
    contradictions: pd.DataFrame
    contradiction_total: int
    # What the matrix download needs besides the cells.
    names: dict[str, str] = field(repr=False)
    issues: pd.DataFrame = field(repr=False)
    issue_labels: dict[str, str] = field(repr=False)
    order: str = "like-minded"

    @cached_property
    def matrix_width_px(self) -> int:
        """The narrowest the matrix may be drawn (figures.matrix_min_width_px)."""
        return matrix_min_width_px(
            [self.names.get(actor_id, actor_id) for actor_id in self.row_ids],
            list(self.issue_labels.values()),
        )

    @cached_property
    def agreement_table(self) -> pd.DataFrame:
        """Every link, the strongest first (the page shows them in a scrolling box)."""
        return strongest_first(self.agreements)[AGREEMENT_TABLE_COLUMNS]

    @cached_property
    def target_table(self) -> pd.DataFrame:
        return self.targets[TARGET_TABLE_COLUMNS]

    @cached_property
    def contradiction_rows(self) -> tuple:
        """The contradictions shown, one named tuple each (columns as attributes)."""
        return tuple(self.contradictions.itertuples(index=False))

    @cached_property
    def matrix_words(self) -> pd.DataFrame:
        """The shown matrix as text: the same rows and issues, stances in words; names and
        labels escaped, as st.table reads its cells as Markdown."""
        shown = self.cells.loc[self.cells["actor_id"].isin(self.row_ids)]
        table = matrix_words(shown, list(self.row_ids), self.issue_labels, self.names)
        return table.map(escape_markdown).rename(columns=escape_markdown)

    @cached_property
    def matrix_csv(self) -> bytes:
        """Every row of the matrix (not only the shown ones), in the chosen order."""
        rows = self.row_ids
        if self.row_total > len(self.row_ids):
            rows = order_actors(self.cells, self.names, self.order)
        return _csv(matrix_table(self.cells, list(rows), self.issues, self.names))

    @cached_property
    def agreement_csv(self) -> bytes:
        return _csv(self.agreements)

    @cached_property
    def targeting_csv(self) -> bytes:
        return _csv(self.all_targets)

    def matrix_csv_bytes(self) -> bytes:
        return self.matrix_csv

    def agreement_csv_bytes(self) -> bytes:
        return self.agreement_csv

    def targeting_csv_bytes(self) -> bytes:
        return self.targeting_csv


def build_stances_view(
    dataset: Dataset,
    filtered: Dataset,
    level: str,
    order: str,
    *,
    pairs: pd.DataFrame | None = None,
) -> StancesView:
    """The Stances page for ``filtered`` (names, issues and contradictions from ``dataset``).

    ``pairs``: `contradiction_pairs(dataset)`, which does not depend on the filter, when it
    is kept between views.
    """
    names = _names(dataset)
    issue_labels = dict(zip(dataset.issues["issue_id"], dataset.issues["issue_label"], strict=True))
    cells = stance_cells(filtered.stances, dataset.actors, level)

    vocal = most_vocal(cells, MATRIX_MAX_ROWS)
    shown_cells = cells.loc[cells["actor_id"].isin(vocal)]
    row_ids = order_actors(shown_cells, names, order)
    row_total = cells["actor_id"].nunique()
    matrix_note = None
    if row_total > len(row_ids):
        matrix_note = (
            f"Showing the {len(row_ids)} most vocal of {row_total} "
            f"{'actors' if level == 'actor' else 'states and organisations'} (most stance "
            "statements); narrow with the actor filter in the sidebar"
            + (" or switch the rows to states" if level == "actor" else "")
            + ". The CSV download has every row."
        )

    agreements = agreement_edges(shown_cells, names, issue_labels)
    network_nodes = row_ids[:NETWORK_MAX_NODES] if len(row_ids) > NETWORK_MAX_NODES else row_ids
    network_edges = strongest_edges(agreements, network_nodes, NETWORK_MAX_EDGES)
    network_note = None
    if len(network_nodes) < row_total or len(network_edges) < len(agreements):
        network_note = (
            f"The circle shows the {len(network_nodes)} top actors of the matrix and the "
            f"{len(network_edges)} strongest of their links; the table and download list "
            f"all {len(agreements)} links between the {len(row_ids)} actors of the matrix."
        )

    targets = targeting_edges(filtered.statements, dataset.actors, level)
    shown_targets = targets.head(TARGETING_MAX_FLOWS)
    targeting_note = None
    if len(shown_targets) < len(targets):
        targeting_note = (
            f"Showing the {len(shown_targets)} largest of {len(targets)} speaker → target "
            "flows; narrow with the actor filter or switch the rows to states. The CSV "
            "download has every flow."
        )

    pairs = contradiction_pairs(dataset) if pairs is None else pairs
    # Unfiltered, every pair is in scope (the filter returns the dataset itself).
    if filtered is not dataset:
        pairs = contradictions_in_scope(pairs, filtered.statements["statement_id"])
    return StancesView(
        cells=cells,
        row_ids=tuple(row_ids),
        row_total=row_total,
        matrix_note=matrix_note,
        matrix_figure=(
            None
            if cells.empty
            else stance_matrix_figure(shown_cells, row_ids, names, dataset.issues)
        ),
        choices=cell_choices(shown_cells, row_ids, dataset.issues, names),
        agreements=agreements,
        network_figure=(
            None
            if agreements.empty
            else agreement_network_figure(network_edges, network_nodes, names)
        ),
        network_note=network_note,
        targets=shown_targets,
        targeting_figure=None if targets.empty else targeting_figure(shown_targets),
        targeting_note=targeting_note,
        all_targets=targets,
        contradictions=pairs.head(CONTRADICTIONS_MAX_SHOWN),
        contradiction_total=len(pairs),
        names=names,
        issues=dataset.issues,
        issue_labels=issue_labels,
        order=order,
    )


def build_matrix_figure(
    dataset: Dataset, view: StancesView, selected_cell_id: str | None
) -> go.Figure | None:
    """The view's matrix with one cell framed (the page caches one per framed cell)."""
    if view.matrix_figure is None or selected_cell_id not in view.choices:
        return view.matrix_figure
    shown = view.cells.loc[view.cells["actor_id"].isin(view.row_ids)]
    return stance_matrix_figure(
        shown, list(view.row_ids), _names(dataset), dataset.issues, selected_cell_id
    )


def build_cell_evidence(
    dataset: Dataset, filtered: Dataset, chosen_cell_id: str, level: str
) -> pd.DataFrame:
    """The statements behind one cell (see `components.stances.frames.cell_evidence`)."""
    return cell_evidence(
        filtered.stances, filtered.statements, dataset.actors, chosen_cell_id, level
    )


def most_vocal(cells: pd.DataFrame, limit: int) -> list[str]:
    """The ``limit`` row ids with the most stance statements (ties: by id), all if fewer."""
    totals = cells.groupby("actor_id")["statement_count"].sum()
    ranked = totals.reset_index().sort_values(
        ["statement_count", "actor_id"], ascending=[False, True], kind="stable"
    )
    return ranked["actor_id"].head(limit).tolist()


def strongest_edges(edges: pd.DataFrame, node_ids: list[str], limit: int) -> pd.DataFrame:
    """The edges between ``node_ids``, at most ``limit``: most issues, then most statements."""
    between = edges.loc[edges["actor_id"].isin(node_ids) & edges["other_actor_id"].isin(node_ids)]
    if len(between) <= limit:
        return between
    return between.sort_values(
        ["issue_count", "statement_count"], ascending=False, kind="stable"
    ).head(limit)


def _names(dataset: Dataset) -> dict[str, str]:
    return dict(zip(dataset.actors["actor_id"], dataset.actors["actor_name"], strict=True))


def _csv(frame: pd.DataFrame) -> bytes:
    return frame.to_csv(index=False).encode("utf-8")
