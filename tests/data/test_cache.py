"""The build cache: the same tables as from YAML, rebuilt only where a file changed, kept out
of the data folder, safe to share between processes, and never trusted when corrupt."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from bench.synthetic import write_corpus
from components.data import CACHE_DIR_ENV, DatasetError, folder_fingerprint, load_dataset
from components.data import loader as loader_module
from components.data.cache import BuildCache, default_cache_dir

from .conftest import REAL_DATA_DIR, article_file, edit_yaml

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = 4


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    """A small synthetic corpus in the real format (bench/synthetic.py)."""
    folder = tmp_path_factory.mktemp("synthetic") / "data"
    write_corpus(folder, ARTICLES, statements_per_article=12, events_per_article=4)
    shutil.rmtree(folder / "geo")
    return folder


@pytest.fixture
def corpus_copy(tmp_path, synthetic) -> Path:
    target = tmp_path / "data"
    shutil.copytree(synthetic, target)
    return target


@pytest.fixture
def cache_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(CACHE_DIR_ENV, str(folder))
    return folder


@pytest.fixture
def read_articles(monkeypatch) -> list[str]:
    """The article ids whose statements.yaml the loader reads, in order."""
    seen: list[str] = []
    original = loader_module._Loader._statements

    def spy(self, article):
        seen.append(article["article_id"])
        return original(self, article)

    monkeypatch.setattr(loader_module._Loader, "_statements", spy)
    return seen


def assert_same_tables(cached, reference) -> None:
    for name, frame in reference.tables().items():
        got = getattr(cached, name)
        assert list(got.dtypes.astype(str)) == list(frame.dtypes.astype(str)), name
        pd.testing.assert_frame_equal(got, frame, check_exact=True, obj=name)


@pytest.mark.parametrize("folder", ["real", "synthetic"])
def test_cached_tables_equal_tables_from_yaml(folder, synthetic, cache_dir):
    """Every table, column for column and dtype for dtype: built, and read back."""
    data_dir = REAL_DATA_DIR if folder == "real" else synthetic
    reference = load_dataset(data_dir, use_cache=False)
    built = load_dataset(data_dir)
    assert any(cache_dir.rglob("*.parquet"))
    warm = load_dataset(data_dir)
    assert_same_tables(built, reference)
    assert_same_tables(warm, reference)


def test_warm_start_reads_no_yaml(corpus_copy, cache_dir, read_articles):
    load_dataset(corpus_copy)
    assert len(read_articles) == ARTICLES
    read_articles.clear()
    load_dataset(corpus_copy)
    assert read_articles == []


@pytest.mark.parametrize(
    ("file", "change"),
    [
        pytest.param(
            "statements.yaml", lambda items: items[0].update(note="edited"), id="statement"
        ),
        pytest.param(
            "events.yaml", lambda items: items[0].update(note="edited"), id="event report"
        ),
        pytest.param("article.yaml", lambda meta: meta.update(title="Edited"), id="metadata"),
    ],
)
def test_an_edited_article_is_the_only_one_read_again(
    file, change, corpus_copy, cache_dir, read_articles
):
    load_dataset(corpus_copy)
    edited = sorted(path.name for path in (corpus_copy / "articles").iterdir())[1]
    edit_yaml(corpus_copy / "articles" / edited / file, change)
    read_articles.clear()
    dataset = load_dataset(corpus_copy)
    assert read_articles == [edited]
    read_articles.clear()
    assert_same_tables(dataset, load_dataset(corpus_copy, use_cache=False))


def test_a_removed_article_and_its_return(corpus_copy, synthetic, cache_dir, read_articles):
    """Without the article its aliases occur nowhere (the loader's error); back, the last
    build is whole again and nothing is read."""
    load_dataset(corpus_copy)
    removed = sorted((corpus_copy / "articles").iterdir())[-1]
    shutil.rmtree(removed)
    with pytest.raises(DatasetError) as cached:
        load_dataset(corpus_copy)
    with pytest.raises(DatasetError) as uncached:
        load_dataset(corpus_copy, use_cache=False)
    assert cached.value.problems == uncached.value.problems
    shutil.copytree(synthetic / "articles" / removed.name, removed)
    read_articles.clear()
    load_dataset(corpus_copy)
    assert read_articles == []


def test_an_alias_edit_reads_every_article_again(corpus_copy, cache_dir, read_articles):
    """Mentions come from the aliases: every article depends on them."""
    load_dataset(corpus_copy)

    def drop_an_alias(actors):
        with_two = next(actor for actor in actors if len(actor.get("aliases", ())) > 1)
        with_two["aliases"] = with_two["aliases"][:1]

    edit_yaml(corpus_copy / "actors.yaml", drop_an_alias)
    read_articles.clear()
    dataset = load_dataset(corpus_copy)
    assert len(read_articles) == ARTICLES
    read_articles.clear()
    assert_same_tables(dataset, load_dataset(corpus_copy, use_cache=False))


def test_a_registry_edit_without_aliases_reads_no_article(corpus_copy, cache_dir, read_articles):
    load_dataset(corpus_copy)
    edit_yaml(corpus_copy / "actors.yaml", lambda actors: actors[0].update(description="New."))
    read_articles.clear()
    dataset = load_dataset(corpus_copy)
    assert read_articles == []
    assert dataset.actors.loc[0, "description"] == "New."
    assert_same_tables(dataset, load_dataset(corpus_copy, use_cache=False))


@pytest.mark.parametrize("damage", ["garbage", "foreign", "other build"])
def test_a_corrupt_or_foreign_cache_file_is_rebuilt(damage, corpus_copy, cache_dir):
    reference = load_dataset(corpus_copy, use_cache=False)
    load_dataset(corpus_copy)
    stored = next(cache_dir.rglob("statements.parquet"))
    if damage == "garbage":
        stored.write_bytes(b"PAR1 not really")
    elif damage == "foreign":
        pq.write_table(pa.table({"statement_id": ["x"]}), stored)
    else:
        table = pq.read_table(stored)
        marker = json.loads(table.schema.metadata[b"dashboard_cache"])
        marker["key"] = "0" * 32
        metadata = {**table.schema.metadata, b"dashboard_cache": json.dumps(marker).encode()}
        pq.write_table(table.replace_schema_metadata(metadata), stored)
    assert_same_tables(load_dataset(corpus_copy), reference)
    assert BuildCache(cache_dir).read(stored.parent.name, "statements") is not None


def test_the_cache_folder_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv(CACHE_DIR_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == (tmp_path / "xdg" / "lake-sev-dashboard").resolve()
    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path / "chosen"))
    assert default_cache_dir() == (tmp_path / "chosen").resolve()


def test_a_cache_folder_inside_the_data_is_refused(data_copy, monkeypatch):
    monkeypatch.setenv(CACHE_DIR_ENV, str(data_copy / "cache"))
    before = folder_fingerprint(data_copy)
    with pytest.warns(UserWarning, match="inside the data folder"):
        dataset = load_dataset(data_copy)
    assert len(dataset.statements)
    assert folder_fingerprint(data_copy) == before


def test_a_broken_edit_raises_the_loaders_error_and_its_fix_recovers(data_copy, cache_dir):
    load_dataset(data_copy)
    path = article_file(data_copy, "statements.yaml")
    original = path.read_text(encoding="utf-8")
    edit_yaml(path, lambda items: items[0].update(speaker_actor_id="nobody"))
    with pytest.raises(DatasetError) as cached:
        load_dataset(data_copy)
    with pytest.raises(DatasetError) as uncached:
        load_dataset(data_copy, use_cache=False)
    assert cached.value.problems == uncached.value.problems
    assert cached.value.field == "speaker_actor_id"
    path.write_text(original, encoding="utf-8")
    assert len(load_dataset(data_copy).statements)


_LOAD = """
import sys
from components.data import load_dataset
dataset = load_dataset(sys.argv[1])
print({name: len(frame) for name, frame in dataset.tables().items()})
"""


def test_two_processes_building_at_once_both_succeed(corpus_copy, cache_dir, read_articles):
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", _LOAD, str(corpus_copy)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], [err for _, err in outputs]
    assert outputs[0][0] == outputs[1][0]
    assert not list(cache_dir.rglob("*.tmp"))
    load_dataset(corpus_copy)
    assert read_articles == []


def test_the_fingerprint_changes_with_an_edit(corpus_copy):
    before = folder_fingerprint(corpus_copy)
    assert folder_fingerprint(corpus_copy) == before
    (corpus_copy / "issues.yaml").write_text(
        (corpus_copy / "issues.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8"
    )
    assert folder_fingerprint(corpus_copy) != before
