"""The benchmark's synthetic corpus is real data: load_dataset reads it with the same rules."""

import filecmp

import pytest

from bench.synthetic import write_corpus
from components.data import load_dataset

N_ARTICLES = 3
STATEMENTS_PER_ARTICLE = 12
EVENTS_PER_ARTICLE = 4


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("synthetic") / "data"
    stats = write_corpus(folder, N_ARTICLES, STATEMENTS_PER_ARTICLE, EVENTS_PER_ARTICLE)
    return folder, stats


def test_corpus_loads_with_the_expected_counts(corpus):
    """Every record passes the loader and the schemas; the counts are the ones asked for."""
    folder, stats = corpus
    dataset = load_dataset(folder)
    assert len(dataset.articles) == stats.articles == N_ARTICLES
    assert len(dataset.statements) == stats.statements == N_ARTICLES * STATEMENTS_PER_ARTICLE
    assert len(dataset.events) == stats.events == N_ARTICLES * EVENTS_PER_ARTICLE
    assert len(dataset.stances) == stats.stances
    assert len(dataset.actors) == stats.actors
    assert len(dataset.locations) == stats.locations
    assert len(dataset.issues) == stats.issues


def test_corpus_has_the_real_folder_layout(corpus):
    """Same files as data/: registries, geo layers, and the four files of each article."""
    folder, _ = corpus
    assert {p.name for p in folder.iterdir()} >= {
        "actors.yaml",
        "locations.yaml",
        "issues.yaml",
        "articles",
        "geo",
    }
    for article in (folder / "articles").iterdir():
        names = {p.name for p in article.iterdir()}
        assert names == {"article.txt", "article.yaml", "statements.yaml", "events.yaml"}


def test_corpus_exercises_the_optional_fields(corpus):
    """Links, stances, places, hierarchy and every date precision are present, as in real data."""
    dataset = load_dataset(corpus[0])
    statements = dataset.statements
    assert statements["contradicts_statement_id"].notna().any()
    assert statements["location_id"].notna().any()
    assert statements["is_direct_quote"].any()
    assert not statements["is_direct_quote"].all()
    assert dataset.actors["parent_actor_id"].notna().any()
    assert len(dataset.mentions) > len(statements)
    precisions = set(statements["date_precision"]) | set(dataset.events["date_precision"])
    assert precisions == {"as_reported", "day", "part_of_day", "range", "month"}


def test_same_seed_writes_the_same_corpus(tmp_path):
    """The corpus is reproducible, so two benchmark runs measure the same data."""
    first = write_corpus(tmp_path / "a", 2, 5, 2, seed=7)
    second = write_corpus(tmp_path / "b", 2, 5, 2, seed=7)
    assert first == second
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.*"))
    assert files == sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*.*"))
    for name in files:
        assert filecmp.cmp(tmp_path / "a" / name, tmp_path / "b" / name, shallow=False), name


def test_refuses_a_folder_that_is_not_empty(tmp_path):
    """It never writes over existing files (data/ above all)."""
    (tmp_path / "actors.yaml").write_text("[]")
    with pytest.raises(FileExistsError, match="not empty"):
        write_corpus(tmp_path, 1)
