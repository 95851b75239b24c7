"""Shared fixtures of the extractor tests: the seed article, the bundled registry, a helper
that extracts from one real sentence."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from components.extract import Draft, extract, load_registry, registry_from_records
from components.extract.evaluate import Corpus, leave_one_out, load_corpus
from components.extract.splits import HELD_OUT, group_of

ROOT = Path(__file__).resolve().parents[2]
SEED_DIR = ROOT / "data" / "articles" / "france24-2021-05-14-lake-sev"
SEED_PUBLISHED = date(2021, 5, 14)
ARTICLES = ROOT / "data" / "articles"


@pytest.fixture(scope="session")
def registry():
    return load_registry(ROOT / "data")


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (SEED_DIR / "article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_draft(seed_text, registry):
    return extract(seed_text, SEED_PUBLISHED, registry)


def _article(article_id: str) -> tuple[str, date, str]:
    folder = ARTICLES / article_id
    meta = yaml.safe_load((folder / "article.yaml").read_text(encoding="utf-8"))
    return (
        (folder / "article.txt").read_text(encoding="utf-8"),
        meta["published_date"],
        meta["outlet"],
    )


@pytest.fixture(scope="session")
def gold_corpus():
    """The annotated corpus as the evaluator reads it (texts and gold statements)."""
    return load_corpus(ROOT / "data")


# Drafts against leave-one-out registries, shared by every round's file on a worker: several
# rounds read the same articles, and a draft costs 0.1 to 1 CPU-s. Keyed by the corpus too
# (the registry left out of an article is made from it), which the entry keeps alive so that
# its id stays its own.
_UNSEEN_DRAFTS: dict[tuple[int, str, bool], tuple[Corpus, Draft]] = {}


def unseen_draft(corpus: Corpus, article_id: str, with_outlet: bool = False) -> Draft:
    """The draft of one article of the corpus against the registry without what only that
    article names (the evaluator's leave-one-out registry, as a new article meets it), with
    the outlet and headline as issuer when asked (as the Review page passes them);
    extracted once per session."""
    key = (id(corpus), article_id, with_outlet)
    if key not in _UNSEEN_DRAFTS:
        article = next(a for a in corpus.articles if a.article_id == article_id)
        registry = registry_from_records(*leave_one_out(corpus, article))
        draft = extract(
            article.text,
            article.published,
            registry,
            issuer=article.outlet if with_outlet else None,
            title=article.title if with_outlet else None,
        )
        _UNSEEN_DRAFTS[key] = (corpus, draft)
    return _UNSEEN_DRAFTS[key][1]


def unseen_drafts(corpus: Corpus, read_in: frozenset[str]):
    """unseen_draft for the articles of one round's set only."""

    def draft(article_id: str, with_outlet: bool = False) -> Draft:
        assert article_id in read_in
        return unseen_draft(corpus, article_id, with_outlet)

    return draft


@pytest.fixture(scope="session")
def drafts(registry):
    """The draft of a development article (data/articles), with or without its outlet
    as the issuer, extracted once per session."""
    cache = {}

    def draft(article_id: str, with_outlet: bool = False):
        key = (article_id, with_outlet)
        if key not in cache:
            text, published, outlet = _article(article_id)
            cache[key] = extract(text, published, registry, issuer=outlet if with_outlet else None)
        return cache[key]

    return draft


def speakers_with(draft, words: str) -> list[str | None]:
    """Who the draft gives each statement holding ``words`` to: the registry actor, else the
    new speaker's name."""
    return [s.speaker_actor_id or s.speaker_name for s in draft.statements if words in s.quote]


def statement_with(draft, words: str):
    """The first drafted statement whose span contains ``words``."""
    for statement in draft.statements:
        if words in statement.quote:
            return statement
    raise AssertionError(f"no statement contains {words!r}: {[s.quote for s in draft.statements]}")


@pytest.fixture(scope="session")
def read_drafts(gold_corpus):
    """Drafts of the articles whose errors have been read (every round's set; none is held
    out then), each against its leave-one-out registry."""
    read = frozenset(
        a.article_id for a in gold_corpus.articles if group_of(a.article_id) != HELD_OUT
    )
    return unseen_drafts(gold_corpus, read)
