"""One event, many reports: the Timeline draws an event (or an utterance several articles
carry) once, with how many articles report it and from which sides; its detail sets every
report side by side, each with its own words, date words and outlet. Pure pandas.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from components.app.reports import side_counts_text, with_outlets
from components.data import Dataset

REPORT_COLUMNS = [
    "kind",
    "record_id",
    "article_id",
    "outlet",
    "side",
    "side_label",
    "published_date",
    "quote",
    "date_quote",
    "date_label",
    "is_main_report",
]


def one_per_utterance(statements: pd.DataFrame) -> pd.DataFrame:
    """The first statement of each utterance (in table order): the one the Timeline draws."""
    return statements.loc[~statements["utterance_id"].duplicated().to_numpy(dtype=bool)]


def report_counts(ds: Dataset) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(per utterance, per event): ``report_count`` and ``report_sides`` ("Armenian 3 ·
    Russian 1", only where more than one article reports it), indexed by utterance and
    event id."""
    statements = with_outlets(ds.statements[["utterance_id", "article_id"]], ds.articles)
    reports = with_outlets(ds.event_reports[["event_id", "article_id"]], ds.articles)
    return _counts(statements, "utterance_id"), _counts(reports, "event_id")


def _counts(reports: pd.DataFrame, key: str) -> pd.DataFrame:
    counts = reports.groupby(key, sort=False).size().rename("report_count")
    several = counts.index[counts.to_numpy() > 1]
    many = reports.loc[reports[key].isin(several)]
    sides = many.groupby(key, sort=False)["side"].agg(side_counts_text).rename("report_sides")
    return pd.concat([counts, sides], axis=1)


def item_reports(ds: Dataset, kind: str, record_id: str) -> pd.DataFrame:
    """Every report of one item, the main (or drawn) one first, then by publication day:
    for an event its event_reports, for a statement the statements of its utterance."""
    if kind == "event":
        found = ds.event_reports.loc[ds.event_reports["event_id"] == record_id]
        found = found.assign(kind="event", record_id=record_id)
    else:
        statements = ds.statements
        own = statements.loc[statements["statement_id"] == record_id, "utterance_id"]
        if own.empty:
            return pd.DataFrame(columns=REPORT_COLUMNS)
        found = statements.loc[statements["utterance_id"] == own.iloc[0]]
        found = found.assign(
            kind="statement",
            record_id=found["statement_id"],
            is_main_report=(found["statement_id"] == record_id).to_numpy(dtype=bool),
        )
    found = with_outlets(found, ds.articles)
    order = np.lexsort(
        (
            found["article_id"].to_numpy(dtype=object),
            found["published_date"].to_numpy(),
            ~found["is_main_report"].to_numpy(dtype=bool),
        )
    )
    return found.take(order)[REPORT_COLUMNS].reset_index(drop=True)
