"""The Stances page by the side of the reporting outlet: the same matrix counted on the
statements of one side's outlets only ("Azerbaijan's stance on observers as reported by
Armenian outlets"), or two sides side by side. Pure pandas.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

import pandas as pd

from components.app.palette import side_label
from components.app.reports import side_order
from components.data import Dataset

# What "Reported by" can be: every outlet, one side's outlets, two sides side by side.
ALL_SIDES = "all"
REPORTED_BY = {ALL_SIDES: "All outlets", "one": "One side", "split": "Compare two sides"}
# Between the side and the cell id in a cell of the split view ("armenia|russia|observers").
SIDE_CHOICE_SEPARATOR = "|"


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


def side_choice(side: str, cell_id: str) -> str:
    """The split view's id of the cell ``cell_id`` of ``side``'s matrix."""
    return f"{side}{SIDE_CHOICE_SEPARATOR}{cell_id}"


def split_side_choice(choice: str) -> tuple[str, str]:
    """(side, cell id) of a split view's cell."""
    side, _, cell_id = choice.partition(SIDE_CHOICE_SEPARATOR)
    return side, cell_id


def split_choices(choices_by_side: Mapping[str, Mapping[str, str]]) -> dict[str, str]:
    """The cells of the split view's matrices, for its cell list: side_choice -> "Armenian
    outlets: United States · Azerbaijani troops must withdraw: support (2 statements)", the
    first matrix's cells first, each in reading order."""
    return {
        side_choice(side, cell_id): f"{side_label(side)} outlets: {label}"
        for side, choices in choices_by_side.items()
        for cell_id, label in choices.items()
    }
