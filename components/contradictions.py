"""Contradictions: pairs of statements where one denies or contradicts the other.

Annotators link a statement to the one it contradicts (contradicts_statement_id); this
module turns the links into side-by-side pairs, with the issue on which the two speakers
take opposite stances where there is one. Pure pandas, no streamlit.
"""

from __future__ import annotations

import pandas as pd

from components.data import Dataset
from components.filters import isin_many

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


def contradiction_pairs(ds: Dataset) -> pd.DataFrame:
    """One row per contradiction: the contradicting statement and the one it contradicts.

    Both statements must be in ``ds``. To show every pair that involves the chosen actors
    on either side, build the pairs from the full dataset and keep the rows where
    ``speaker_actor_id`` or ``contradicted_speaker_actor_id`` is in the filter's scope.
    """
    statements = ds.statements
    names = ds.actors.set_index("actor_id")["actor_name"]
    links = statements.loc[statements["contradicts_statement_id"].notna()]
    if links.empty:
        return pd.DataFrame(columns=PAIR_COLUMNS)
    left = links[["statement_id", "speaker_actor_id", "quote", "sentence", "date_label"]]
    left = left.assign(contradicted_statement_id=links["contradicts_statement_id"])
    # Narrow to the statements in a pair first: the merges stay small on a large corpus.
    right = statements.loc[
        isin_many(statements["statement_id"], links["contradicts_statement_id"]),
        ["statement_id", "speaker_actor_id", "quote", "sentence", "date_label"],
    ].add_prefix("contradicted_")
    pairs = left.merge(right, on="contradicted_statement_id", how="inner", validate="m:1")
    pairs["speaker_name"] = pairs["speaker_actor_id"].map(names)
    pairs["contradicted_speaker_name"] = pairs["contradicted_speaker_actor_id"].map(names)
    issues = _opposed_issue(ds, pairs)
    pairs = pairs.merge(
        issues, on=["statement_id", "contradicted_statement_id"], how="left", validate="1:1"
    )
    labels = ds.issues.set_index("issue_id")["issue_label"]
    pairs["issue_label"] = pairs["issue_id"].map(labels)
    return pairs[PAIR_COLUMNS].reset_index(drop=True)


def _opposed_issue(ds: Dataset, pairs: pd.DataFrame) -> pd.DataFrame:
    """For each pair, the first issue on which the two statements carry opposite stances."""
    involved = pd.concat([pairs["statement_id"], pairs["contradicted_statement_id"]])
    stances = ds.stances.loc[
        isin_many(ds.stances["statement_id"], involved), ["statement_id", "issue_id", "stance"]
    ]
    joined = pairs[["statement_id", "contradicted_statement_id"]].merge(
        stances, on="statement_id", how="inner", validate="1:m"
    )
    joined = joined.merge(
        stances.rename(columns={"statement_id": "contradicted_statement_id", "stance": "other"}),
        on=["contradicted_statement_id", "issue_id"],
        how="inner",
        validate="m:1",
    )
    opposed = joined[
        ((joined["stance"] == "support") & (joined["other"] == "oppose"))
        | ((joined["stance"] == "oppose") & (joined["other"] == "support"))
    ]
    first = opposed.drop_duplicates(["statement_id", "contradicted_statement_id"])
    return first[["statement_id", "contradicted_statement_id", "issue_id"]]
