"""Who reports what: records joined to the outlet and the side of the article that carries
them, and counts per side said in words. Several features show reports by side (the
Timeline's reports of one event, the Disagreements page, the Map's places, the Stances
matrix by reporting side). Pure pandas, no streamlit.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import pandas as pd

from components.app.palette import SIDE_LABELS, side_label

# What a record takes from its article: the outlet, its camp and the publication day.
OUTLET_COLUMNS = ["article_id", "outlet", "outlet_type", "side", "published_date"]


def with_outlets(records: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """``records`` (with an article_id) with the outlet, side, side label and publication day
    of their article; one row per record, in their order."""
    joined = records.merge(
        articles[OUTLET_COLUMNS], on="article_id", how="left", validate="m:1", sort=False
    )
    joined.index = records.index
    return joined.assign(side_label=joined["side"].map(side_label))


def side_order(sides: Iterable[str]) -> list[str]:
    """The distinct ``sides`` in the order pages list them (SIDE_LABELS), unknown ones last."""
    known = list(SIDE_LABELS)
    distinct = set(sides)
    return [side for side in known if side in distinct] + sorted(distinct - set(known))


def side_counts_text(sides: Iterable[str]) -> str:
    """ "Armenian 3 · Russian 1": how many of ``sides`` each side has, in the pages' order."""
    counts = Counter(sides)
    return " · ".join(f"{side_label(side)} {counts[side]}" for side in side_order(counts))
