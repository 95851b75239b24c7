"""Contradictions: pairs of statements where one denies or contradicts the other.

Annotators link a statement to the one it contradicts (contradicts_statement_id); this
module turns the links into side-by-side pairs, with the issue on which the two speakers
take opposite stances where there is one. Pure pandas, no streamlit.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from components.app.filters import isin_many
from components.data import Dataset

PAIR_COLUMNS = [
    "statement_id",
    "speaker_actor_id",
    "speaker_name",
    "quote",
    "sentence",
    "date_label",
    "contradicted_statement_id",
    "contradicted_speaker_actor_id",
    "contradicted_speaker_name",
    "contradicted_quote",
    "contradicted_sentence",
    "contradicted_date_label",
    "issue_id",
    "issue_label",
]
# The columns of each side of a pair, as in the statements table.
PAIR_SIDE_COLUMNS = ["statement_id", "speaker_actor_id", "quote", "sentence", "date_label"]
# The stance that contradicts each side taken (neutral contradicts nothing).
OPPOSITE = {"support": "oppose", "oppose": "support"}


def contradiction_pairs(ds: Dataset) -> pd.DataFrame:
    """One row per contradiction: the contradicting statement and the one it contradicts.

    Both statements must be in ``ds``. To show every pair that involves the chosen actors
    on either side, build the pairs from the full dataset and keep the rows where
    ``speaker_actor_id`` or ``contradicted_speaker_actor_id`` is in the filter's scope.
    """
    statements = ds.statements
    linked = statements["contradicts_statement_id"]
    positions = np.flatnonzero(linked.notna().to_numpy(dtype=bool))
    if len(positions) == 0:
        return pd.DataFrame(columns=PAIR_COLUMNS)
    # Rows by position, looked up in Arrow's hash table: string merges (and their checks)
    # cost ten times more at 100,000 statements.
    other_positions = _positions(statements["statement_id"], linked.iloc[positions])
    found = other_positions >= 0
    sides = statements[PAIR_SIDE_COLUMNS]
    left = sides.take(positions[found]).reset_index(drop=True)
    right = sides.take(other_positions[found]).reset_index(drop=True).add_prefix("contradicted_")
    pairs = pd.concat([left, right], axis=1)
    names = ds.actors.set_index("actor_id")["actor_name"]
    pairs["speaker_name"] = pairs["speaker_actor_id"].map(names)
    pairs["contradicted_speaker_name"] = pairs["contradicted_speaker_actor_id"].map(names)
    pairs["issue_id"] = pd.Series(
        _opposed_issues(ds.stances, pairs), index=pairs.index, dtype=ds.stances["issue_id"].dtype
    )
    labels = ds.issues.set_index("issue_id")["issue_label"]
    pairs["issue_label"] = pairs["issue_id"].map(labels)
    return pairs[PAIR_COLUMNS]


def _positions(ids: pd.Series, wanted: pd.Series) -> np.ndarray:
    """The position in ``ids`` (unique) of each of ``wanted``; -1 where it is not there."""
    found = pc.index_in(
        pa.array(wanted.array, from_pandas=True), value_set=pa.array(ids.array, from_pandas=True)
    )
    return pc.fill_null(found, -1).to_numpy(zero_copy_only=False)


def _opposed_issues(stances: pd.DataFrame, pairs: pd.DataFrame) -> list[str | None]:
    """For each pair, the first issue (in stance order) on which the contradicting statement
    and the one it contradicts carry opposite stances; None where there is none."""
    involved = pd.concat([pairs["statement_id"], pairs["contradicted_statement_id"]])
    rows = stances.loc[isin_many(stances["statement_id"], involved)]
    statement_ids = rows["statement_id"].tolist()
    issue_ids = rows["issue_id"].tolist()
    sides = rows["stance"].tolist()
    # Per statement, each issue it takes a side on with the side that would oppose it.
    opposing: dict[str, list[tuple[str, str]]] = {}
    for statement_id, issue_id, side in zip(statement_ids, issue_ids, sides, strict=True):
        if side in OPPOSITE:
            opposing.setdefault(statement_id, []).append((issue_id, OPPOSITE[side]))
    taken = set(zip(statement_ids, issue_ids, sides, strict=True))
    return [
        next(
            (
                issue_id
                for issue_id, side in opposing.get(statement_id, [])
                if (other_id, issue_id, side) in taken
            ),
            None,
        )
        for statement_id, other_id in zip(
            pairs["statement_id"].tolist(), pairs["contradicted_statement_id"].tolist(), strict=True
        )
    ]
