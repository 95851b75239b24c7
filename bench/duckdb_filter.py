"""One measured step for docs/scaling.md: the actor filter in pandas (components.app.filters)
beside the same filter in DuckDB over the same Arrow data, returned as pandas frames.

Not part of `make bench` (DuckDB is not a dependency): `pip install --target DIR duckdb`,
then `PYTHONPATH=.:DIR python -m bench.duckdb_filter CORPUS [REPEAT]`. REPEAT stacks the
corpus's statements and stances that many times (ids made unique) to reach 10M-row scales.
"""

from __future__ import annotations

import json
import sys

import duckdb
import pandas as pd

from bench.measure import timed
from components.app.filters import filter_dataset, isin_many, statements_mask, with_descendants
from components.data import load_dataset

_SQL = """
SELECT * FROM statements
WHERE speaker_actor_id IN (SELECT id FROM scope)
   OR target_actor_id IN (SELECT id FROM scope)
   OR reported_by_actor_id IN (SELECT id FROM scope)
"""
_STANCES = "SELECT * FROM stances WHERE statement_id IN (SELECT statement_id FROM kept)"


def main() -> None:
    dataset = load_dataset(sys.argv[1])
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    statements, stances = _stacked(dataset.statements, dataset.stances, repeat)
    dataset = dataset.__class__(**{**dataset.tables(), "statements": statements,
                                   "stances": stances, "data_dir": dataset.data_dir})  # fmt: skip
    state = dataset.actors.loc[dataset.actors["actor_type"] == "state", "actor_id"].iloc[0]
    scope = pd.DataFrame({"id": sorted(with_descendants(dataset.actors, [state]))})
    connection = duckdb.connect()
    connection.register("statements", statements)
    connection.register("stances", stances)
    connection.register("scope", scope)

    def with_duckdb():
        kept = connection.sql(_SQL).to_arrow_table()
        connection.register("kept", kept)
        return kept.to_pandas(), connection.sql(_STANCES).to_arrow_table().to_pandas()

    def with_pandas():
        kept = statements[statements_mask(statements, set(scope["id"]))]
        return kept, stances[isin_many(stances["statement_id"], kept["statement_id"])]

    pandas_kept, _ = with_pandas()
    duck_kept, _ = with_duckdb()
    same = sorted(duck_kept["statement_id"]) == sorted(pandas_kept["statement_id"])
    print(json.dumps({
        "statements": len(statements),
        "kept": len(pandas_kept),
        "same_rows": same,
        "pandas_statements_and_stances_ms": timed(with_pandas, 5).as_dict(),
        "pandas_filter_dataset_ms": timed(lambda: filter_dataset(dataset, [state]), 5).as_dict(),
        "duckdb_statements_and_stances_ms": timed(with_duckdb, 5).as_dict(),
    }, indent=1))  # fmt: skip


def _stacked(statements: pd.DataFrame, stances: pd.DataFrame, repeat: int):
    if repeat == 1:
        return statements, stances
    copies, stance_copies = [], []
    for number in range(repeat):
        suffix = f"-{number}"
        copies.append(statements.assign(statement_id=statements["statement_id"] + suffix))
        stance_copies.append(stances.assign(statement_id=stances["statement_id"] + suffix))
    return pd.concat(copies, ignore_index=True), pd.concat(stance_copies, ignore_index=True)


if __name__ == "__main__":
    main()
