"""Reshaping for the Stances page: who stands where on which issue (the matrix).

The actor × issue matrix in the manner of the Discourse Network Analyzer (statements coded
by actor, issue and agreement):

- the cells (`stance_cells`, `matrix_table`), at the level of individual actors or rolled
  up to the state or organisation each actor counts for, and their order;
- the evidence behind one cell (`cell_evidence`), the cells' ids and labels.

Who agrees with whom and who targets whom: relations.py. Pure pandas, no streamlit:
frames in, frames out.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from components.stances.grouping import distinct_pairs, row_groups, sorted_codes, tuples_per_group

# Levels of the matrix rows: the actor who took the stance, or the state/organisation it
# counts for (actors.state_actor_id: a spokeswoman counts for her country).
LEVELS = {"actor": "Individual actors", "state": "State or organisation"}

# What a cell can say. "mixed" is a cell whose statements do not all take the same stance.
CELL_STANCES = ("support", "oppose", "neutral", "mixed")
NO_STATEMENT = "no statement"

# Position of a stance on one axis, for sorting like-minded actors together. Neutral and
# mixed cells sit between the two sides.
STANCE_SIGNS = {"support": 1, "oppose": -1, "neutral": 0, "mixed": 0}

# Ways to order the matrix rows.
ORDERS = {
    "like-minded": "Like-minded actors together",
    "statements": "Most stances first",
    "name": "By name",
}

# Separates actor_id and issue_id in a cell's id (ids never hold it: see ID_PATTERN).
CELL_ID_SEPARATOR = "|"

# How a stance reads between an actor's name and an issue.
STANCE_VERBS = {"support": "supports", "oppose": "opposes", "neutral": "is neutral on"}
# How a cell of the matrix's text version names its stance, and an empty cell.
STANCE_WORDS = {"support": "supports", "oppose": "opposes", "neutral": "neutral"}
NO_STANCE_MARK = "—"

CELL_COLUMNS = [
    "actor_id",
    "issue_id",
    "stance",
    "statement_count",
    "support_count",
    "oppose_count",
    "neutral_count",
    "statement_ids",
]

EVIDENCE_COLUMNS = [
    "statement_id",
    "actor_id",
    "actor_name",
    "stance",
    "quote",
    "sentence",
    "date_label",
    "is_direct_quote",
]


def row_actor_ids(actor_ids: pd.Series, actors: pd.DataFrame, level: str) -> pd.Series:
    """The matrix row each actor falls in: itself, or its state/organisation."""
    if level == "actor":
        return actor_ids
    if level != "state":
        raise ValueError(f"level must be one of {sorted(LEVELS)}, got {level!r}")
    states = actors.set_index("actor_id")["state_actor_id"]
    # Mapped once per distinct actor, then spread by code: a lookup per row of 100,000
    # Arrow strings costs ten times more.
    codes, distinct = pd.factorize(actor_ids)
    distinct = pd.Series(distinct, dtype=actor_ids.dtype)
    rows = distinct.map(states).fillna(distinct)
    return pd.Series(
        rows.array.take(codes, allow_fill=True), index=actor_ids.index, name=actor_ids.name
    )


def stance_cells(stances: pd.DataFrame, actors: pd.DataFrame, level: str) -> pd.DataFrame:
    """One row per non-empty cell of the actor × issue matrix, at the given level.

    ``stance`` is the cell's stance: the one stance its statements share, else "mixed".
    Counts are of distinct statements; ``statement_ids`` is a sorted tuple.
    """
    if stances.empty:
        return pd.DataFrame(columns=CELL_COLUMNS)
    rows = stances.assign(actor_id=row_actor_ids(stances["actor_id"], actors, level))
    # Integer codes and NumPy counts, no Python per cell and no string grouping: hundreds
    # of actors times the issues make thousands of cells over 100,000 stances.
    cell, first = row_groups(rows, ["actor_id", "issue_id"])
    n_cells = len(first)
    statement, statement_ids = sorted_codes(rows["statement_id"])
    cells = rows[["actor_id", "issue_id"]].take(first).reset_index(drop=True)
    cell_statements = distinct_pairs(cell, statement, n_cells, len(statement_ids))
    cells["statement_count"] = np.bincount(cell_statements[0], minlength=n_cells)
    for name in ("support", "oppose", "neutral"):
        chosen = (rows["stance"] == name).to_numpy(dtype=bool)
        taken_by = distinct_pairs(cell[chosen], statement[chosen], n_cells, len(statement_ids))
        cells[f"{name}_count"] = np.bincount(taken_by[0], minlength=n_cells)
    cells["statement_ids"] = pd.Series(
        tuples_per_group(*cell_statements, statement_ids, n_cells), dtype=object
    )
    taken = cells[["support_count", "oppose_count", "neutral_count"]].to_numpy() > 0
    only = np.array(["support", "oppose", "neutral"])[taken.argmax(axis=1)]
    cells["stance"] = np.where(taken.sum(axis=1) == 1, only, "mixed")
    for column in ("statement_count", "support_count", "oppose_count", "neutral_count"):
        cells[column] = cells[column].astype(int)
    return cells[CELL_COLUMNS]


def cell_id(actor_id: str, issue_id: str) -> str:
    """The id of one matrix cell, as carried by the chart's markers and the cell picker."""
    return f"{actor_id}{CELL_ID_SEPARATOR}{issue_id}"


def split_cell_id(value: str) -> tuple[str, str]:
    """(actor_id, issue_id) of a cell id."""
    actor_id, _, issue_id = value.partition(CELL_ID_SEPARATOR)
    return actor_id, issue_id


def cell_from_selection(selection: Mapping | None) -> str | None:
    """The cell id of the first chosen marker in a plotly selection state, if any."""
    if not selection:
        return None
    points = selection.get("selection", {}).get("points", [])
    for point in points:
        customdata = point.get("customdata")
        if isinstance(customdata, list | tuple):
            customdata = customdata[0] if customdata else None
        if isinstance(customdata, str) and CELL_ID_SEPARATOR in customdata:
            return customdata
    return None


def order_actors(cells: pd.DataFrame, names: Mapping[str, str], order: str) -> list[str]:
    """The matrix rows, top to bottom, for one of ORDERS."""
    actor_ids = sorted(
        cells["actor_id"].unique().tolist(), key=lambda actor_id: names.get(actor_id, actor_id)
    )
    if order == "name":
        return actor_ids
    counts = cells.groupby("actor_id")["statement_count"].sum().to_dict()
    if order == "statements":
        return sorted(actor_ids, key=lambda actor_id: -counts[actor_id])
    if order == "like-minded":
        return _like_minded_order(cells, sorted(actor_ids, key=lambda a: -counts[a]))
    raise ValueError(f"order must be one of {sorted(ORDERS)}, got {order!r}")


def stance_distance(left: Mapping[str, int], right: Mapping[str, int]) -> float:
    """How far apart two stance profiles are: 0 = same side on every shared issue, 2 = opposite.

    Profiles map issue_id -> sign (+1 support, -1 oppose, 0 neutral or mixed). Two actors
    without a shared issue are 1 apart: nothing says they agree or disagree.
    """
    shared = set(left) & set(right)
    if not shared:
        return 1.0
    return 1.0 + sum(abs(left[issue] - right[issue]) - 1 for issue in shared) / len(shared)


def _like_minded_order(cells: pd.DataFrame, actor_ids: list[str]) -> list[str]:
    """Rows chained so that each sits next to the actors whose stances are closest to its own.

    The chain starts with the first of ``actor_ids`` (the most vocal actor, on top) and
    each next row is the remaining actor closest (`stance_distance`) to the row above it.
    Among equally close actors, the one sharing more issues with the row above goes first
    (agreeing on two issues is closer than on one), then the one closer to all rows above,
    then ``actor_ids`` order.
    All distances come from one vectorised matrix, so the cost grows with the square of the
    number of actors (300 actors: a few milliseconds), not faster.
    """
    if not actor_ids:
        return []
    distance, shared = _distance_matrices(cells, actor_ids)
    # One sortable key per pair: distance first, then more shared issues (argmin: then rank).
    # Two distinct distances (1 + g/s, s <= k shared issues) differ by at least 1/k², so a
    # bonus below that per shared issue never outweighs a difference in distance.
    k = max(int(shared.max()), 1)
    key = np.round(distance, 9) - shared / ((k + 1) * (k * k + 1))
    chain = [0]
    remaining = np.ones(len(actor_ids), dtype=bool)
    remaining[0] = False
    # Distance of every actor to all rows placed so far: among equally close next rows, the
    # one closer to the whole chain goes first, so opponents end up further apart.
    to_chain = distance[0].copy()
    for _ in range(len(actor_ids) - 1):
        candidates = np.where(remaining, key[chain[-1]], np.inf)
        closest = np.flatnonzero(candidates == candidates.min())
        following = int(closest[np.argmin(to_chain[closest])])
        chain.append(following)
        remaining[following] = False
        to_chain += distance[following]
    return [actor_ids[position] for position in chain]


def _distance_matrices(cells: pd.DataFrame, actor_ids: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """`stance_distance` between every two actors, and how many issues each two share."""
    issue_ids = sorted(set(cells["issue_id"]))
    row_of = {actor_id: position for position, actor_id in enumerate(actor_ids)}
    column_of = {issue_id: position for position, issue_id in enumerate(issue_ids)}
    known = cells.loc[cells["actor_id"].isin(row_of)]
    rows = known["actor_id"].map(row_of).to_numpy()
    columns = known["issue_id"].map(column_of).to_numpy()
    signs = known["stance"].map(STANCE_SIGNS).to_numpy()
    # One 0/1 actor × issue matrix per sign: the sum of |a - b| over shared issues is then
    # a few small matrix products, whatever the number of actors. Integers, not floats:
    # numpy multiplies them itself, where a float product goes to a multi-threaded BLAS
    # that is 100 times slower on a busy two-core server (measured: 17 ms against 0.1 ms).
    by_sign = {}
    for sign in (-1, 0, 1):
        chosen = signs == sign
        matrix = np.zeros((len(actor_ids), len(issue_ids)), dtype=np.int64)
        matrix[rows[chosen], columns[chosen]] = 1
        by_sign[sign] = matrix
    has = by_sign[-1] + by_sign[0] + by_sign[1]
    shared = has @ has.T
    gap = (
        by_sign[1] @ by_sign[0].T
        + by_sign[0] @ by_sign[1].T
        + by_sign[-1] @ by_sign[0].T
        + by_sign[0] @ by_sign[-1].T
        + 2 * (by_sign[1] @ by_sign[-1].T + by_sign[-1] @ by_sign[1].T)
        - shared
    )
    distance = np.where(shared > 0, 1.0 + gap / np.maximum(shared, 1), 1.0)
    return distance, shared


def matrix_table(
    cells: pd.DataFrame, row_ids: list[str], issues: pd.DataFrame, names: Mapping[str, str]
) -> pd.DataFrame:
    """The matrix for download: one row per actor, a stance and a count column per issue."""
    table = pd.DataFrame({"actor_id": row_ids, "actor_name": [names.get(a, a) for a in row_ids]})
    issue_ids = list(issues["issue_id"])
    by_cell = cells.set_index(["actor_id", "issue_id"])
    stances = (
        by_cell["stance"].unstack("issue_id").reindex(index=row_ids, columns=issue_ids)
        if len(cells)
        else pd.DataFrame(index=row_ids, columns=issue_ids)
    )
    counts = (
        by_cell["statement_count"].unstack("issue_id").reindex(index=row_ids, columns=issue_ids)
        if len(cells)
        else pd.DataFrame(index=row_ids, columns=issue_ids)
    )
    for issue_id in issue_ids:
        table[issue_id] = stances[issue_id].astype(object).fillna(NO_STATEMENT).to_numpy()
        table[f"{issue_id}_statement_count"] = counts[issue_id].fillna(0).astype(int).to_numpy()
    return table


def _cell_words(cell: pd.Series) -> str:
    """A cell's stance in words with its count ("supports (3)"); a mixed one names each."""
    count = cell["statement_count"]
    if cell["stance"] != "mixed":
        return f"{STANCE_WORDS[cell['stance']]} ({count})"
    parts = [
        f"{cell[f'{stance}_count']} {stance}"
        for stance in ("support", "oppose", "neutral")
        if cell[f"{stance}_count"]
    ]
    return f"mixed ({', '.join(parts)})"


def matrix_words(
    cells: pd.DataFrame,
    row_ids: list[str],
    issue_labels: Mapping[str, str],
    names: Mapping[str, str],
) -> pd.DataFrame:
    """The matrix as text, for readers who cannot see its colours: one row per actor (in
    ``row_ids`` order), one column per issue (named by its label), each cell its stance in
    words and its statement count, "—" where the actor took no stance on the issue."""
    table = pd.DataFrame({"Actor": [names.get(a, a) for a in row_ids]}, index=row_ids)
    words = (
        pd.Series(
            [_cell_words(cell) for _, cell in cells.iterrows()],
            index=pd.MultiIndex.from_frame(cells[["actor_id", "issue_id"]]),
            dtype=object,
        )
        if len(cells)
        else pd.Series(dtype=object, index=pd.MultiIndex.from_arrays([[], []]))
    )
    for issue_id, label in issue_labels.items():
        column = words.xs(issue_id, level=1) if issue_id in words.index.get_level_values(1) else {}
        table[label] = [column.get(actor_id, NO_STANCE_MARK) for actor_id in row_ids]
    return table.reset_index(drop=True)


def cell_evidence(
    stances: pd.DataFrame,
    statements: pd.DataFrame,
    actors: pd.DataFrame,
    chosen_cell_id: str,
    level: str,
) -> pd.DataFrame:
    """The statements behind one cell, in the order the article dates them.

    ``quote`` is the stance's evidence (the exact words), ``sentence`` the article sentence
    around it; ``actor_id``/``actor_name`` say who took the stance (at the state level, a
    member of the row's state or organisation).
    """
    actor_id, issue_id = split_cell_id(chosen_cell_id)
    rows = row_actor_ids(stances["actor_id"], actors, level)
    chosen = stances.loc[(rows == actor_id) & (stances["issue_id"] == issue_id)]
    context = statements[["statement_id", "sentence", "date_label", "start_date", "start_char"]]
    context = context.rename(columns={"start_char": "statement_start_char"})
    evidence = chosen[["statement_id", "actor_id", "stance", "quote", "start_char"]].merge(
        context, on="statement_id", how="left", validate="m:1"
    )
    evidence = evidence.merge(
        statements[["statement_id", "is_direct_quote"]],
        on="statement_id",
        how="left",
        validate="m:1",
    )
    names = actors.set_index("actor_id")["actor_name"]
    evidence["actor_name"] = evidence["actor_id"].map(names).fillna(evidence["actor_id"])
    evidence = evidence.sort_values(["start_date", "start_char", "actor_id"], kind="stable")
    return evidence[EVIDENCE_COLUMNS].reset_index(drop=True)


def cell_choices(
    cells: pd.DataFrame,
    row_ids: list[str],
    issues: pd.DataFrame,
    names: Mapping[str, str],
) -> dict[str, str]:
    """Cell id -> label for every non-empty cell, in reading order: row by row, issue by issue."""
    issue_labels = dict(zip(issues["issue_id"], issues["issue_label"], strict=True))
    issue_rank = {issue_id: rank for rank, issue_id in enumerate(issues["issue_id"])}
    row_rank = {actor_id: rank for rank, actor_id in enumerate(row_ids)}
    shown = cells.loc[cells["actor_id"].isin(row_rank) & cells["issue_id"].isin(issue_rank)]
    ordered = sorted(
        shown.to_dict("records"),
        key=lambda cell: (row_rank[cell["actor_id"]], issue_rank[cell["issue_id"]]),
    )
    return {
        cell_id(cell["actor_id"], cell["issue_id"]): cell_label(cell, names, issue_labels)
        for cell in ordered
    }


def cell_label(
    cells_row: Mapping, names: Mapping[str, str], issue_labels: Mapping[str, str]
) -> str:
    """How the cell picker names one cell: "United States · Azerbaijani troops … : support (2)"."""
    count = int(cells_row["statement_count"])
    noun = "statement" if count == 1 else "statements"
    actor_name = names.get(cells_row["actor_id"], cells_row["actor_id"])
    issue_label = issue_labels.get(cells_row["issue_id"], cells_row["issue_id"])
    return f"{actor_name} · {issue_label}: {cells_row['stance']} ({count} {noun})"
