"""The Stances page by the side of the reporting outlet: the same matrix counted on the
statements of one side's outlets only ("Azerbaijan's stance on observers as reported by
Armenian outlets"), or two sides side by side. Pure pandas.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from components.app.palette import side_label
from components.app.reports import side_order
from components.data import Dataset

# What "Reported by" can be: every outlet, one side's outlets, two sides side by side.
ALL_SIDES = "all"
REPORTED_BY = {ALL_SIDES: "All outlets", "one": "One side", "split": "Compare two sides"}


def side_choices(articles: pd.DataFrame) -> dict[str, str]:
    """side -> "Armenian (23 articles)" for each side with an article, the pages' order."""
    counts = articles["side"].value_counts()
    return {
        side: f"{side_label(side)} ({counts[side]} article{'s' if counts[side] != 1 else ''})"
        for side in side_order(articles["side"])
    }


def reported_by(ds: Dataset, side: str) -> Dataset:
    """``ds`` with only the statements (and their stances) of articles whose outlet is on
    ``side``; ``ds`` itself for ALL_SIDES."""
    if side == ALL_SIDES:
        return ds
    article_ids = ds.articles.loc[ds.articles["side"] == side, "article_id"]
    statements = ds.statements.loc[ds.statements["article_id"].isin(article_ids)]
    stances = ds.stances.loc[ds.stances["statement_id"].isin(statements["statement_id"])]
    return replace(ds, statements=statements, stances=stances)
