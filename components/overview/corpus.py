"""The Overview of a corpus (more than one article): counts by side, outlet and week, the
busiest days, and the most annotated article one click away. Pure pandas, no streamlit.

Copies of one wire story (`articles.story_id`) count once in the story counts, as on the
Sources page.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from components.app.palette import SIDE_COLOURS, SIDE_LABELS, UNKNOWN_COLOUR, side_label
from components.data import Dataset

# How many days and outlets the Overview lists.
BUSIEST_DAYS_SHOWN = 5
OUTLETS_SHOWN = 8


@dataclass(frozen=True)
class SideCount:
    """One side's share of the corpus."""

    side: str
    label: str
    articles: int
    stories: int
    outlets: int


@dataclass(frozen=True)
class CorpusOverview:
    """What the Overview adds when the data holds several articles (read-only, shared)."""

    sides: tuple[SideCount, ...]
    weeks: pd.DataFrame
    week_colours: tuple[str, ...]
    busiest_days: tuple[str, ...]
    outlets: tuple[tuple[str, str, int], ...]
    most_annotated_id: str | None
    most_annotated_line: str


def corpus_overview(ds: Dataset) -> CorpusOverview:
    """The corpus part of the Overview for ``ds`` (the filtered dataset)."""
    articles = ds.articles
    weeks = weekly_stories(articles)
    most_id, most_line = most_annotated(ds)
    return CorpusOverview(
        sides=tuple(side_counts(articles)),
        weeks=weeks,
        week_colours=tuple(_side_colour(label) for label in weeks.columns),
        busiest_days=tuple(busiest_days(articles)),
        outlets=tuple(top_outlets(articles)),
        most_annotated_id=most_id,
        most_annotated_line=most_line,
    )


def _sides_in_order(sides: pd.Series) -> list[str]:
    present = set(sides)
    known = [side for side in SIDE_LABELS if side in present]
    return known + sorted(present - set(known))


def _stories(articles: pd.DataFrame) -> int:
    return len(articles[["side", "story_id"]].drop_duplicates())


def side_counts(articles: pd.DataFrame) -> list[SideCount]:
    """Articles, stories and outlets of each side, in the palette's order."""
    counts = []
    for side in _sides_in_order(articles["side"]):
        rows = articles[articles["side"] == side]
        counts.append(
            SideCount(side, side_label(side), len(rows), _stories(rows), rows["outlet"].nunique())
        )
    return counts


def weekly_stories(articles: pd.DataFrame) -> pd.DataFrame:
    """Stories per week and side: one row per week, labelled by the ISO date of the Monday
    that starts it (text that sorts as the weeks do: a chart's axis keeps the order and
    shows one bar per week), one column per side label, in the palette's order."""
    stories = articles.drop_duplicates(["side", "story_id"])
    week = stories["published_date"].dt.to_period("W-SUN").dt.start_time
    table = pd.crosstab(week, stories["side"]).reindex(columns=_sides_in_order(stories["side"]))
    table = table.reindex(
        pd.date_range(table.index.min(), table.index.max(), freq="7D"), fill_value=0
    )
    table.index = [f"{day:%Y-%m-%d}" for day in table.index]
    table.index.name = "week of"
    table.columns = [side_label(side) for side in table.columns]
    return table


def _side_colour(label: str) -> str:
    by_label = {side_label(side): colour for side, colour in SIDE_COLOURS.items()}
    return by_label.get(label, UNKNOWN_COLOUR)


def busiest_days(articles: pd.DataFrame, shown: int = BUSIEST_DAYS_SHOWN) -> list[str]:
    """The days with the most stories: "27 May 2021: 8 stories (Armenian 3, Russian 2, …)"."""
    stories = articles.drop_duplicates(["side", "story_id"])
    per_day = stories.groupby("published_date").size().sort_values(ascending=False, kind="stable")
    lines = []
    for day, count in per_day.head(shown).items():
        rows = stories[stories["published_date"] == day]
        by_side = ", ".join(
            f"{side_label(side)} {int((rows['side'] == side).sum())}"
            for side in _sides_in_order(rows["side"])
        )
        noun = "story" if count == 1 else "stories"
        lines.append(f"{day.day} {day:%B %Y}: {count} {noun} ({by_side})")
    return lines


def top_outlets(articles: pd.DataFrame, shown: int = OUTLETS_SHOWN) -> list[tuple[str, str, int]]:
    """(outlet, side label, articles) for the outlets with the most articles."""
    counts = articles.groupby(["outlet", "side"]).size().reset_index(name="articles")
    counts = counts.sort_values(["articles", "outlet"], ascending=[False, True], kind="stable")
    return [
        (row.outlet, side_label(row.side), int(row.articles))
        for row in counts.head(shown).itertuples(index=False)
    ]


def most_annotated(ds: Dataset) -> tuple[str | None, str]:
    """The article with the most statements (ties: the first published), with a line."""
    if ds.articles.empty:
        return None, ""
    counts = ds.statements.groupby("article_id").size()
    ranked = ds.articles.assign(statements=ds.articles["article_id"].map(counts).fillna(0))
    ranked = ranked.sort_values(
        ["statements", "published_date", "article_id"], ascending=[False, True, True], kind="stable"
    )
    top = ranked.iloc[0]
    day = top["published_date"]
    return top["article_id"], (
        f"“{top['title']}”, {top['outlet']}, {day.day} {day:%B %Y}: "
        f"{int(top['statements'])} statements"
    )
