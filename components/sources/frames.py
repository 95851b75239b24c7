"""Reshaping for the Sources page: who published what, whom each side's press quotes, and when
each side spoke. Pure pandas, no streamlit.

Syndication. Copies of one story share `articles.story_id` (two outlets carrying the same
AFP text; a ministry's statement on its own page and as AZERTAC carries it). The article
table lists every copy, but the coverage matrices and the publication strip count a story
once per side: a cell takes, for each story, the copy that counts most in it (so a
statement present in both copies counts once, and one only a fuller copy has still
counts), and a week of the strip counts the stories a side published, not the copies.
`SYNDICATION_NOTE` says so on the page.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlencode

import pandas as pd

from components.app.palette import SIDE_LABELS, side_label
from components.data import Dataset

# The Source page's address relative to the app's root, and its article parameter.
SOURCE_PAGE_PATH = "source"
ARTICLE_PARAM = "article"

SYNDICATION_NOTE = (
    "A story carried by several outlets of one side (a wire story, or a ministry's statement "
    "on its own page and in an agency's copy) counts once in the matrices and the strip: "
    "each cell takes the copy that counts most in it, and a week counts stories, not copies. "
    "The table lists every copy."
)

# Columns of the article table, in the order shown.
ARTICLE_COLUMNS = [
    "published_date",
    "outlet",
    "side",
    "outlet_type",
    "title",
    "statements",
    "carries",
    "copies",
    "url",
    "reader",
    "article_id",
]


def reader_link(article_id: str, query: Iterable[tuple[str, str]] = ()) -> str:
    """The Source page's address for one article (relative to the app's root), keeping the
    filter's query parameters so the reader opens with the same filter."""
    return f"{SOURCE_PAGE_PATH}?{urlencode([(ARTICLE_PARAM, article_id), *query])}"


def article_table(
    ds: Dataset, full: Dataset, query: Iterable[tuple[str, str]] = ()
) -> pd.DataFrame:
    """One row per article of ``ds``: date, outlet, side, type, headline, statement count,
    what it carries, its copies in the whole corpus ``full``, and its two links."""
    articles = ds.articles
    counts = ds.statements.groupby("article_id").size()
    copies = _story_copies(full.articles)
    query = list(query)
    table = pd.DataFrame(
        {
            "published_date": articles["published_date"].dt.date,
            "outlet": articles["outlet"],
            "side": articles["side"].map(side_label),
            "outlet_type": articles["outlet_type"],
            "title": articles["title"],
            "statements": articles["article_id"].map(counts).fillna(0).astype(int),
            "carries": articles["syndicated_from"].fillna(articles["agency"]),
            "copies": [copies.get(article_id, "") for article_id in articles["article_id"]],
            "url": articles["url"],
            "reader": [reader_link(article_id, query) for article_id in articles["article_id"]],
            "article_id": articles["article_id"],
        }
    )
    return table.sort_values(["published_date", "outlet", "article_id"], kind="stable")[
        ARTICLE_COLUMNS
    ].reset_index(drop=True)


def _story_copies(articles: pd.DataFrame) -> dict[str, str]:
    """For each article that is one of several copies of a story: the other copies' outlets."""
    shared = articles[articles.duplicated("story_id", keep=False)]
    lines = {}
    for _, group in shared.groupby("story_id", sort=False):
        for row in group.itertuples(index=False):
            others = group.loc[group["article_id"] != row.article_id, "outlet"].tolist()
            lines[row.article_id] = f"{len(group)} copies; also in " + ", ".join(others)
    return lines


@dataclass(frozen=True)
class CorpusCounts:
    """How much the table holds: articles, stories, outlets, sides."""

    articles: int
    stories: int
    outlets: int
    sides: int

    def sentence(self) -> str:
        return (
            f"{_plural(self.articles, 'article')} ({_plural(self.stories, 'story', 'stories')}) "
            f"from {_plural(self.outlets, 'outlet')} on {_plural(self.sides, 'side')}"
        )


def corpus_counts(articles: pd.DataFrame) -> CorpusCounts:
    """The table's counts. A story counts once here even when outlets of two sides carry it
    (the matrices and the strip, by side, count it on each side)."""
    return CorpusCounts(
        len(articles),
        articles["story_id"].nunique(),
        articles["outlet"].nunique(),
        articles["side"].nunique(),
    )


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count:,} {word if count == 1 else plural or word + 's'}"


def _with_story(frame: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """``frame`` (with an article_id) with its article's side and story_id."""
    return frame.merge(
        articles[["article_id", "side", "story_id"]], on="article_id", how="inner", validate="m:1"
    )


def _once_per_story(rows: pd.DataFrame, keys: list[str]) -> pd.Series:
    """How many rows each (side, *keys) cell holds, a story counting as its fullest copy."""
    per_copy = rows.groupby(["side", *keys, "story_id", "article_id"], observed=True).size()
    per_story = per_copy.groupby(level=["side", *keys, "story_id"], observed=True).max()
    return per_story.groupby(level=["side", *keys], observed=True).sum()


def speaker_groups(actors: pd.DataFrame, individuals: bool) -> pd.Series:
    """actor_id -> the actor a coverage row counts it for: itself, or its state/organisation."""
    target = actors["actor_id"] if individuals else actors["state_actor_id"]
    return pd.Series(target.to_numpy(), index=actors["actor_id"].to_numpy())


def quote_coverage(ds: Dataset, individuals: bool = False) -> pd.DataFrame:
    """Side x speaker: how many statements each side's outlets attribute to each speaker
    (rolled up to the state or organisation it counts for unless ``individuals``), a story
    counting once. Columns: side, actor_id, actor_name, statements."""
    statements = _with_story(ds.statements[["article_id", "speaker_actor_id"]], ds.articles)
    statements["actor_id"] = statements["speaker_actor_id"].map(
        speaker_groups(ds.actors, individuals)
    )
    counts = _once_per_story(statements, ["actor_id"]).rename("statements").reset_index()
    names = dict(zip(ds.actors["actor_id"], ds.actors["actor_name"], strict=True))
    counts["actor_name"] = counts["actor_id"].map(names)
    return _in_side_order(counts)[["side", "actor_id", "actor_name", "statements"]]


def issue_coverage(ds: Dataset) -> pd.DataFrame:
    """Side x issue: how many stances each side's outlets report on each issue, and how many
    support, oppose or stay neutral, a story counting once. Columns: side, issue_id,
    issue_label, stances, support, oppose, neutral."""
    stances = _with_story(ds.stances[["article_id", "issue_id", "stance"]], ds.articles)
    counts = _once_per_story(stances, ["issue_id", "stance"]).rename("n").reset_index()
    wide = counts.pivot_table(
        index=["side", "issue_id"], columns="stance", values="n", fill_value=0, aggfunc="sum"
    )
    wide = wide.reindex(columns=["support", "oppose", "neutral"], fill_value=0).reset_index()
    wide.columns.name = None
    wide["stances"] = wide[["support", "oppose", "neutral"]].sum(axis=1)
    labels = dict(zip(ds.issues["issue_id"], ds.issues["issue_label"], strict=True))
    wide["issue_label"] = wide["issue_id"].map(labels)
    columns = ["side", "issue_id", "issue_label", "stances", "support", "oppose", "neutral"]
    return _in_side_order(wide)[columns]


def _in_side_order(frame: pd.DataFrame) -> pd.DataFrame:
    rank = {side: index for index, side in enumerate(SIDE_LABELS)}
    order = frame["side"].map(rank).fillna(len(rank))
    return (
        frame.assign(_rank=order)
        .sort_values(["_rank", "side"], kind="stable")
        .drop(columns="_rank")
        .reset_index(drop=True)
    )


def coverage_csv_frame(ds: Dataset) -> pd.DataFrame:
    """Both coverage matrices in one long table with a side column, for download: one row
    per (side, kind, row) with its count (kind: speaker_state, speaker_actor, issue)."""
    parts = [
        quote_coverage(ds, individuals=False)
        .rename(columns={"actor_id": "row_id", "actor_name": "row_label", "statements": "count"})
        .assign(kind="speaker_state"),
        quote_coverage(ds, individuals=True)
        .rename(columns={"actor_id": "row_id", "actor_name": "row_label", "statements": "count"})
        .assign(kind="speaker_actor"),
        issue_coverage(ds)
        .rename(columns={"issue_id": "row_id", "issue_label": "row_label", "stances": "count"})
        .assign(kind="issue"),
    ]
    columns = ["side", "kind", "row_id", "row_label", "count", "support", "oppose", "neutral"]
    table = pd.concat(parts, ignore_index=True).reindex(columns=columns)
    counts = ["count", "support", "oppose", "neutral"]
    table[counts] = table[counts].astype("Int64")
    return table


def publication_strip(articles: pd.DataFrame) -> pd.DataFrame:
    """Stories and articles per day per side (a story on the day of its first copy).
    Columns: published_date, side, stories, articles."""
    firsts = articles.groupby(["side", "story_id"])["published_date"].min().rename("first")
    stories = firsts.reset_index().groupby(["first", "side"]).size().rename("stories")
    copies = articles.groupby(["published_date", "side"]).size().rename("articles")
    strip = pd.concat([stories.rename_axis(["published_date", "side"]), copies], axis=1)
    strip = strip.fillna(0).astype(int).reset_index()
    return _in_side_order(strip.sort_values("published_date", kind="stable"))


def publication_weeks(strip: pd.DataFrame) -> pd.DataFrame:
    """The publication strip (publication_strip) by week, Monday to Sunday, and side: the
    stories and articles of its days, and the days that have stories, with their counts
    ("13 May: 7 · 14 May: 10"). Columns: week (its Monday), side, stories, articles, days."""
    columns = ["week", "side", "stories", "articles", "days"]
    if strip.empty:
        return pd.DataFrame(columns=columns)
    days = strip.assign(week=strip["published_date"].dt.to_period("W-SUN").dt.start_time)
    told = days.loc[days["stories"] > 0]
    pairs = zip(told["published_date"], told["stories"], strict=True)
    labels = pd.Series([f"{day.day} {day:%b}: {n}" for day, n in pairs], index=told.index)
    day_counts = labels.groupby([told["week"], told["side"]]).agg(" · ".join)
    weeks = days.groupby(["week", "side"])[["stories", "articles"]].sum()
    weeks["days"] = day_counts.reindex(weeks.index).fillna("")
    weeks = weeks.reset_index().sort_values("week", kind="stable")
    return _in_side_order(weeks)[columns]


@dataclass(frozen=True)
class CrossQuote:
    """How often one side's outlets quote each other party's speakers."""

    outlet_side: str
    # (speaker side, statements) for each other party, in the palette's order.
    quoted: tuple[tuple[str, int], ...]
    of_statements: int

    def sentence(self) -> str:
        """ "Armenian outlets quote Azerbaijani speakers in 1 of the 106 statements they
        report (1%), Russian speakers in 0 (0%)." """
        (first_side, first_count), *others = self.quoted
        parts = [
            f"{side_label(first_side)} speakers in {first_count:,} of the "
            f"{_plural(self.of_statements, 'statement')} they report{self._share(first_count)}",
            *(
                f"{side_label(side)} speakers in {count:,}{self._share(count)}"
                for side, count in others
            ),
        ]
        return f"{side_label(self.outlet_side)} outlets quote " + ", ".join(parts) + "."

    def _share(self, count: int) -> str:
        return f" ({count / self.of_statements:.0%})" if self.of_statements else ""


def cross_quoting(coverage: pd.DataFrame, parties: Iterable[str]) -> list[CrossQuote]:
    """For each party's outlets (a party: a side that is also a state whose people speak),
    how many statements they attribute to each other party's speakers, from
    `quote_coverage` rolled up to states."""
    parties = list(parties)
    totals = coverage.groupby("side")["statements"].sum()
    cells = coverage.set_index(["side", "actor_id"])["statements"]
    return [
        CrossQuote(
            side,
            tuple((other, int(cells.get((side, other), 0))) for other in parties if other != side),
            int(totals[side]),
        )
        for side in parties
        if side in totals.index and len(parties) > 1
    ]


def parties(ds: Dataset) -> list[str]:
    """The sides that are also a state of the actors (Armenia, Azerbaijan, Russia): the camps
    whose outlets can quote the other camps' own people, in the palette's order."""
    states = set(ds.actors["state_actor_id"])
    return [side for side in SIDE_LABELS if side in states]
