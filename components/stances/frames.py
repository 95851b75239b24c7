"""Reshaping for the Stances page: who stands where on which issue, and who agrees with whom.

Four views of the same coded statements, in the manner of the Discourse Network Analyzer
(statements coded by actor, issue and agreement):

- the actor × issue matrix (`stance_cells`, `matrix_table`), at the level of individual
  actors or rolled up to the state or organisation each actor counts for;
- the evidence behind one cell (`cell_evidence`);
- actor × actor agreement and conflict (`agreement_edges`): two actors agree on an issue
  when both support or both oppose it, and conflict when one supports what the other
  opposes;
- who targets whom (`targeting_edges`): speaker → target, with what the speaker does.

Pure pandas, no streamlit: frames in, frames out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd
import pyarrow.compute as pc

from components.app.filters import in_order, isin_many

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

AGREEMENT_COLUMNS = [
    "actor_id",
    "actor_name",
    "other_actor_id",
    "other_actor_name",
    "relation",
    "issue_count",
    "statement_count",
    "issue_ids",
    "issue_labels",
]
RELATIONS = ("agreement", "conflict")

# What a statement of each type does to its target, as a verb phrase between two names.
TARGET_VERBS = {
    "accusation": "accuses",
    "denial": "denies the claims of",
    "demand": "demands of",
    "appeal": "calls on",
    "appeal_for_assistance": "asks for help from",
    "call_for_negotiation": "calls for talks with",
    "claim": "makes a claim about",
    "criticism": "criticises",
    "concern": "is concerned about",
    "warning": "warns",
    "intention": "plans to turn to",
    "report": "talks with or about",
}

# The tone of each statement type, so the directed view can colour hostile, demanding and
# cooperative moves apart.
TARGET_TONES = {
    "accusation": "hostile",
    "denial": "hostile",
    "criticism": "hostile",
    "warning": "hostile",
    "demand": "demanding",
    "appeal": "demanding",
    "appeal_for_assistance": "cooperative",
    "call_for_negotiation": "cooperative",
    "intention": "cooperative",
    "claim": "informative",
    "concern": "informative",
    "report": "informative",
}

TARGETING_COLUMNS = [
    "speaker_actor_id",
    "speaker_name",
    "verb",
    "target_actor_id",
    "target_name",
    "statement_type",
    "tone",
    "statement_count",
    "statement_ids",
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
    cell, first = _groups(rows, ["actor_id", "issue_id"])
    n_cells = len(first)
    statement, statement_ids = _sorted_codes(rows["statement_id"])
    cells = rows[["actor_id", "issue_id"]].take(first).reset_index(drop=True)
    cell_statements = _distinct_pairs(cell, statement, n_cells, len(statement_ids))
    cells["statement_count"] = np.bincount(cell_statements[0], minlength=n_cells)
    for name in ("support", "oppose", "neutral"):
        chosen = (rows["stance"] == name).to_numpy(dtype=bool)
        taken_by = _distinct_pairs(cell[chosen], statement[chosen], n_cells, len(statement_ids))
        cells[f"{name}_count"] = np.bincount(taken_by[0], minlength=n_cells)
    cells["statement_ids"] = pd.Series(
        _tuples_per_group(*cell_statements, statement_ids, n_cells), dtype=object
    )
    taken = cells[["support_count", "oppose_count", "neutral_count"]].to_numpy() > 0
    only = np.array(["support", "oppose", "neutral"])[taken.argmax(axis=1)]
    cells["stance"] = np.where(taken.sum(axis=1) == 1, only, "mixed")
    for column in ("statement_count", "support_count", "oppose_count", "neutral_count"):
        cells[column] = cells[column].astype(int)
    return cells[CELL_COLUMNS]


def _sorted_codes(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """An integer code per value, in the values' sort order, and the distinct values in
    that order. Arrow's hash encoding: ids are never missing (the schemas say so).

    Values already in order (statement ids are: records are numbered in the order of their
    files, and stances follow their statements) are coded by counting the changes between
    neighbours, with no hashing and no sort: 8 ms instead of 18 for 100,000 ids.
    """
    array, rising = in_order(values)
    if len(array) > 1 and rising.all():
        changes = pc.not_equal(array.slice(0, len(array) - 1), array.slice(1))
        changes = changes.to_numpy(zero_copy_only=False)
        codes = np.concatenate(([0], np.cumsum(changes)))
        starts = np.concatenate(([0], np.flatnonzero(changes) + 1))
        return codes, array.take(starts).to_numpy(zero_copy_only=False)
    encoded = pc.dictionary_encode(array)
    order = pc.array_sort_indices(encoded.dictionary).to_numpy()
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    codes = rank[encoded.indices.to_numpy()]
    return codes, encoded.dictionary.take(order).to_numpy(zero_copy_only=False)


def _groups(frame: pd.DataFrame, keys: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """The group of ``keys`` of each row (numbered in sorted key order, like a sorted
    groupby), and the position of each group's first row."""
    codes = [_sorted_codes(frame[key]) for key in keys]
    combined = np.ravel_multi_index(
        tuple(key_codes for key_codes, _ in codes), tuple(len(values) for _, values in codes)
    )
    # A hash of integers, sorted after: np.unique sorts every row, several times slower.
    group, distinct = pd.factorize(combined, sort=True)
    first = np.full(len(distinct), len(combined))
    np.minimum.at(first, group, np.arange(len(combined)))
    return group, first


def _distinct_pairs(
    groups: np.ndarray, values: np.ndarray, n_groups: int, n_values: int
) -> tuple[np.ndarray, np.ndarray]:
    """The distinct (group, value) code pairs, ordered by group, then value."""
    pairs = np.sort(np.ravel_multi_index((groups, values), (n_groups, n_values)))
    distinct = pairs[np.diff(pairs, prepend=-1) != 0]
    return np.divmod(distinct, n_values)


def _tuples_per_group(
    groups: np.ndarray, values: np.ndarray, names: np.ndarray, n_groups: int
) -> list[tuple]:
    """One tuple per group: the ``names`` of its ``values`` codes (pairs ordered by group,
    then value, as `_distinct_pairs` gives them; every group has at least one)."""
    named = names[values].tolist()
    bounds = np.searchsorted(groups, np.arange(n_groups + 1)).tolist()
    return [tuple(named[start:end]) for start, end in zip(bounds[:-1], bounds[1:], strict=True)]


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


def agreement_edges(
    cells: pd.DataFrame, names: Mapping[str, str], issue_labels: Mapping[str, str]
) -> pd.DataFrame:
    """Actor × actor agreement and conflict, one row per pair and relation.

    Only support and oppose cells count: two actors agree on an issue when they take the
    same of the two, and conflict when they take opposite ones. ``issue_count`` is the
    number of such issues, ``statement_count`` the statements of both actors on them.
    """
    sided = cells.loc[cells["stance"].isin(["support", "oppose"])]
    pairs = sided.merge(sided, on="issue_id", suffixes=("", "_other"), validate="m:m")
    pairs = pairs.loc[pairs["actor_id"] < pairs["actor_id_other"]]
    if pairs.empty:
        return pd.DataFrame(columns=AGREEMENT_COLUMNS)
    pairs = pairs.assign(
        relation=(pairs["stance"] == pairs["stance_other"]).map(
            {True: "agreement", False: "conflict"}
        ),
        statements=pairs["statement_count"] + pairs["statement_count_other"],
    )
    edges = (
        pairs.groupby(["actor_id", "actor_id_other", "relation"], sort=True)
        .agg(
            issue_count=("issue_id", "nunique"),
            statement_count=("statements", "sum"),
            issue_ids=("issue_id", lambda values: "; ".join(values)),
        )
        .reset_index()
        .rename(columns={"actor_id_other": "other_actor_id"})
    )
    edges["actor_name"] = edges["actor_id"].map(lambda a: names.get(a, a))
    edges["other_actor_name"] = edges["other_actor_id"].map(lambda a: names.get(a, a))
    edges["issue_labels"] = edges["issue_ids"].map(
        lambda ids: "; ".join(issue_labels.get(i, i) for i in ids.split("; "))
    )
    edges["statement_count"] = edges["statement_count"].astype(int)
    return (
        edges[AGREEMENT_COLUMNS]
        .sort_values(
            ["relation", "issue_count", "actor_name"], ascending=[False, False, True], kind="stable"
        )
        .reset_index(drop=True)
    )


def targeting_edges(statements: pd.DataFrame, actors: pd.DataFrame, level: str) -> pd.DataFrame:
    """Who targets whom: one row per speaker, target and statement type, with a count.

    Statements without a target drop out. At the state level both ends are rolled up, so
    a statement inside one state (Pashinyan addressing parliament) runs from the state to
    itself.
    """
    # Only the columns used: copying the text columns of every statement costs more than
    # the rest of the work.
    targeted = statements.loc[
        statements["target_actor_id"].notna(),
        ["speaker_actor_id", "target_actor_id", "statement_type", "statement_id"],
    ]
    if targeted.empty:
        return pd.DataFrame(columns=TARGETING_COLUMNS)
    targeted = targeted.assign(
        speaker_actor_id=row_actor_ids(targeted["speaker_actor_id"], actors, level),
        target_actor_id=row_actor_ids(targeted["target_actor_id"], actors, level),
    )
    keys = ["speaker_actor_id", "target_actor_id", "statement_type"]
    group, first = _groups(targeted, keys)
    statement, statement_ids = _sorted_codes(targeted["statement_id"])
    ids = _tuples_per_group(
        *_distinct_pairs(group, statement, len(first), len(statement_ids)),
        statement_ids,
        len(first),
    )
    edges = targeted[keys].take(first).reset_index(drop=True)
    edges["statement_count"] = np.array([len(group_ids) for group_ids in ids], dtype=np.int64)
    edges["statement_ids"] = ["; ".join(group_ids) for group_ids in ids]
    names = actors.set_index("actor_id")["actor_name"]
    edges["speaker_name"] = edges["speaker_actor_id"].map(names).fillna(edges["speaker_actor_id"])
    edges["target_name"] = edges["target_actor_id"].map(names).fillna(edges["target_actor_id"])
    edges["verb"] = edges["statement_type"].map(TARGET_VERBS)
    edges["tone"] = edges["statement_type"].map(TARGET_TONES)
    edges = edges.sort_values(
        ["statement_count", "speaker_name", "target_name"],
        ascending=[False, True, True],
        kind="stable",
    )
    return edges[TARGETING_COLUMNS].reset_index(drop=True)


def contradictions_in_scope(pairs: pd.DataFrame, statement_ids: Iterable[str]) -> pd.DataFrame:
    """The contradiction pairs with at least one side among ``statement_ids``.

    Pairs are built from the whole dataset, so a pair keeps its other side even when the
    actor filter leaves only one of the two statements in view.
    """
    # Arrow's hashed lookup: Series.isin on arrow strings takes over a second for 100,000
    # ids (measured), a pandas index lookup tens of milliseconds, this a few.
    if not isinstance(statement_ids, pd.Series):
        statement_ids = pd.Series(list(statement_ids), dtype=object)
    # Both sides in one lookup: one hash table of the (many) statement ids, not two.
    sides = pd.concat([pairs["statement_id"], pairs["contradicted_statement_id"]])
    found = isin_many(sides, statement_ids)
    in_scope = found[: len(pairs)] | found[len(pairs) :]
    return pairs.loc[in_scope].reset_index(drop=True)


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
