"""Counts of the bundled corpus read straight from its files, not through the loader.

Tests of the whole corpus that assert a plain count of it (articles, stories, outlets, the
articles of one side, statements) take the expected number from here, so that a new article
in data/articles/ does not mean editing them, while the app's own counting is still checked
against an independent reading of the YAML files. Figures that the app derives (matrix cells,
cross-quoting shares, the last dated item) stay written out in their tests.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

from tests.conftest import DATA_DIR


@dataclass(frozen=True)
class ArticleFile:
    article_id: str
    outlet: str
    side: str
    story_id: str
    published_date: str
    url: str | None
    statements: int


@functools.cache
def article_files(data_dir: Path = DATA_DIR) -> tuple[ArticleFile, ...]:
    """One record per folder of data/articles/, from its article.yaml and statements.yaml."""
    records = []
    for meta_path in sorted((data_dir / "articles").glob("*/article.yaml")):
        meta = yaml.safe_load(meta_path.read_text(encoding="utf-8"))
        statements_path = meta_path.parent / "statements.yaml"
        statements = yaml.safe_load(statements_path.read_text(encoding="utf-8")) or []
        records.append(
            ArticleFile(
                article_id=meta["article_id"],
                outlet=meta["outlet"],
                side=meta["side"],
                story_id=meta.get("story_id") or meta["article_id"],
                published_date=str(meta["published_date"]),
                url=meta.get("url"),
                statements=len(statements),
            )
        )
    return tuple(records)


def article_count(side: str | None = None) -> int:
    return sum(1 for record in article_files() if side in (None, record.side))


def story_count(side: str | None = None, published_date: str | None = None) -> int:
    """Distinct stories (copies of one story share its story_id), of one side if given."""
    return len(
        {
            record.story_id
            for record in article_files()
            if side in (None, record.side) and published_date in (None, record.published_date)
        }
    )


def side_story_count(published_date: str | None = None) -> int:
    """Stories counted once per side, as every figure by side counts them: a story carried by
    outlets of two sides (the Minsk Group co-chairs' statement of 15 November, on News.az and
    ReliefWeb) counts on each. The sum of a by-side chart's bars."""
    return sum(
        story_count(side, published_date) for side in {record.side for record in article_files()}
    )


def shared_stories() -> dict[str, tuple[str, ...]]:
    """story_id -> the article ids of its copies, for the stories more than one article
    carries (a wire story, or a release on the issuer's page and in an outlet)."""
    copies: dict[str, list[str]] = {}
    for record in article_files():
        copies.setdefault(record.story_id, []).append(record.article_id)
    return {story: tuple(ids) for story, ids in copies.items() if len(ids) > 1}


def publication_days() -> tuple[str, str]:
    """The first and last published_date of the article.yaml files ("2021-05-12", ...)."""
    days = sorted(record.published_date for record in article_files())
    return days[0], days[-1]


def outlet_article_count(outlet: str) -> int:
    return sum(1 for record in article_files() if record.outlet == outlet)


def statement_count(side: str | None = None) -> int:
    return sum(record.statements for record in article_files() if side in (None, record.side))


def counts_sentence(side: str | None = None) -> str:
    """The Sources page's caption, e.g. "50 articles (49 stories) from 34 outlets on 6 sides"
    (of one side's articles when a side is given: "... on 1 side")."""
    records = [r for r in article_files() if side is None or r.side == side]
    outlets = len({record.outlet for record in records})
    sides = len({record.side for record in records})
    articles, stories = article_count(side), story_count(side)
    noun = "side" if sides == 1 else "sides"
    return f"{articles} articles ({stories} stories) from {outlets} outlets on {sides} {noun}"
