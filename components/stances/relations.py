"""The Stances page's relations between actors, from the same coded statements:

- actor × actor agreement and conflict (`agreement_edges`): two actors agree on an issue
  when both support or both oppose it, and conflict when one supports what the other
  opposes;
- who targets whom (`targeting_edges`): speaker → target, with what the speaker does;
- the contradiction pairs in view (`contradictions_in_scope`).

Pure pandas, no streamlit: frames in, frames out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from components.app.filters import isin_many
from components.stances.frames import row_actor_ids
from components.stances.grouping import distinct_pairs, row_groups, sorted_codes, tuples_per_group

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


def strongest_first(edges: pd.DataFrame) -> pd.DataFrame:
    """Agreements and conflicts together, the strongest first: most issues, then most
    statements, then by name (a stable, readable order for ties)."""
    return edges.sort_values(
        ["issue_count", "statement_count", "actor_name", "other_actor_name", "relation"],
        ascending=[False, False, True, True, True],
        kind="stable",
    ).reset_index(drop=True)


def links_naming(edges: pd.DataFrame, words: str) -> pd.DataFrame:
    """The links one of whose actors' names holds ``words`` (case and surrounding spaces
    ignored); every link when ``words`` is blank."""
    wanted = words.strip().casefold()
    if not wanted:
        return edges
    names = edges["actor_name"].str.casefold() + "\n" + edges["other_actor_name"].str.casefold()
    return edges.loc[names.str.contains(wanted, regex=False)]


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
    group, first = row_groups(targeted, keys)
    statement, statement_ids = sorted_codes(targeted["statement_id"])
    ids = tuples_per_group(
        *distinct_pairs(group, statement, len(first), len(statement_ids)),
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
