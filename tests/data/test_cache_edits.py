"""The build cache after an edit, on a copy of the real corpus: an edited event report
recombines only its events and changes exactly the rows it should; a registry edit
rebuilds what depends on it; files unchanged since the last build are not read for their
digest, and tables unchanged are shared with it, not written again. Each result equals the
tables read from YAML without the cache, dtype for dtype."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml

from components.data import build as build_module
from components.data import cache as cache_module
from components.data import load_dataset
from components.data import splice as splice_module

from .conftest import REAL_DATA_DIR, edit_yaml
from .test_cache import assert_same_tables


@pytest.fixture(scope="module")
def reference():
    """The real corpus as read from YAML (unchanged by these tests)."""
    return load_dataset(REAL_DATA_DIR, use_cache=False)


def _copy_corpus(target: Path) -> Path:
    shutil.copytree(REAL_DATA_DIR, target, ignore=shutil.ignore_patterns("geo"))
    return target


@pytest.fixture(scope="module")
def built_cache(tmp_path_factory) -> Path:
    """A cache holding one cold build of the corpus, made once for the module (a cold
    build of 315 articles cost 7 to 9 CPU-seconds, and each test made its own)."""
    folder = tmp_path_factory.mktemp("built")
    corpus = _copy_corpus(folder / "data")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(cache_module.CACHE_DIR_ENV, str(folder / "cache"))
        load_dataset(corpus)
    # The build alone: no data folder points at it (BuildCache.prune keeps what one does).
    shutil.rmtree(corpus)
    shutil.rmtree(cache_module.BuildCache(folder / "cache").folder / "latest")
    return folder / "cache"


@pytest.fixture
def corpus(tmp_path) -> Path:
    return _copy_corpus(tmp_path / "data")


@pytest.fixture
def cache_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache_module.CACHE_DIR_ENV, str(folder))
    return folder


@pytest.fixture
def warm_cache_dir(cache_dir, built_cache) -> Path:
    """The test's cache, a copy of ``built_cache``: a copy of the corpus, wherever it is,
    starts warm from its build (a build is found by what the files hold) and the load
    makes it the folder's last build, as a cold build of its own did; an edit then builds
    from there."""
    shutil.copytree(built_cache, cache_dir, dirs_exist_ok=True)
    return cache_dir


@pytest.fixture
def builds(monkeypatch) -> list:
    """Every cached build made, to ask what it did."""
    made = []
    original = build_module._CachedBuild.__init__

    def spy(self, *args, **kwargs):
        original(self, *args, **kwargs)
        made.append(self)

    monkeypatch.setattr(build_module._CachedBuild, "__init__", spy)
    return made


def _report(reference, *, main: bool):
    """A report of an event several articles report (the main one, or another)."""
    reports = reference.event_reports
    shared = reports[reports["event_id"].map(reports["event_id"].value_counts()) > 2]
    return shared[shared["is_main_report"] == main].iloc[0]


def _edit_report(corpus: Path, report, change) -> None:
    path = corpus / "articles" / report["article_id"] / "events.yaml"

    def edit(items):
        item = next(item for item in items if item["event_id"] == report["event_id"])
        return change(items, item)

    edit_yaml(path, edit)


def _differing(before: pd.DataFrame, after: pd.DataFrame, key: str) -> set[str]:
    """The ids of the rows that are not the same in both (added, removed or changed)."""
    joined = before.merge(after, how="outer", indicator=True)
    return set(joined.loc[joined["_merge"] != "both", key])


def test_an_edited_event_report_changes_its_row_alone(corpus, warm_cache_dir, builds, reference):
    load_dataset(corpus)
    report = _report(reference, main=False)
    _edit_report(corpus, report, lambda items, item: item.update(note="Edited."))
    edited = load_dataset(corpus)
    assert builds[-1].events_built == "spliced"
    assert builds[-1].articles_read == [report["article_id"]]
    assert _differing(reference.event_reports, edited.event_reports, "report_id") == {
        report["report_id"]
    }
    assert edited.event_reports.set_index("report_id").loc[report["report_id"], "note"] == (
        "Edited."
    )
    for name in ("events", "event_claims"):
        pd.testing.assert_frame_equal(getattr(edited, name), getattr(reference, name))
    assert_same_tables(edited, load_dataset(corpus, use_cache=False))


def test_a_removed_main_report_gives_its_event_a_new_main_report(
    corpus, warm_cache_dir, builds, reference
):
    """The event's words and date come from another report; its count drops by one; the
    claims of the removed report go with it; no other event changes."""
    load_dataset(corpus)
    report = _report(reference, main=True)
    _edit_report(corpus, report, lambda items, item: [i for i in items if i is not item])
    edited = load_dataset(corpus)
    assert builds[-1].events_built == "spliced"
    assert _differing(reference.events, edited.events, "event_id") == {report["event_id"]}
    event = edited.events.set_index("event_id").loc[report["event_id"]]
    before = reference.events.set_index("event_id").loc[report["event_id"]]
    assert event["report_count"] == before["report_count"] - 1
    assert event["article_id"] != report["article_id"]
    assert _differing(reference.event_reports, edited.event_reports, "event_id") == {
        report["event_id"]
    }
    claims = reference.event_claims
    removed = claims[
        (claims["event_id"] == report["event_id"]) & (claims["article_id"] == report["article_id"])
    ]
    assert set(edited.event_claims["claim_id"]) == set(claims["claim_id"]) - set(
        removed["claim_id"]
    )
    assert_same_tables(edited, load_dataset(corpus, use_cache=False))


def test_a_new_article_reporting_an_event_is_placed_in_order(corpus, warm_cache_dir, builds):
    """A copy of an article under a new name: its reports join their events in article
    order (the tables as from YAML)."""
    load_dataset(corpus)
    source = next(
        path
        for path in sorted((corpus / "articles").iterdir())
        if yaml.safe_load((path / "events.yaml").read_text(encoding="utf-8"))
        and not any(
            "title" in item
            for item in yaml.safe_load((path / "events.yaml").read_text(encoding="utf-8"))
        )
    )
    copy = source.parent / f"{source.name}-copy"
    shutil.copytree(source, copy)
    edit_yaml(copy / "article.yaml", lambda meta: meta.update(article_id=copy.name))
    # Statement ids are unique across the corpus: the copy keeps its events only.
    (copy / "statements.yaml").write_text("[]\n", encoding="utf-8")
    edited = load_dataset(corpus)
    assert builds[-1].events_built == "spliced"
    assert builds[-1].articles_read == [copy.name]
    assert (edited.event_reports["article_id"] == copy.name).any()
    assert_same_tables(edited, load_dataset(corpus, use_cache=False))


def test_an_events_registry_edit_combines_every_event(corpus, warm_cache_dir, builds, reference):
    load_dataset(corpus)
    # An event of the registry file (the events table also holds events that one article's
    # record defines, and one of those may come first).
    registry = yaml.safe_load((corpus / "events.yaml").read_text(encoding="utf-8"))
    event_id = registry[0]["event_id"]
    assert event_id in set(reference.events["event_id"])
    edit_yaml(
        corpus / "events.yaml",
        lambda events: next(e for e in events if e["event_id"] == event_id).update(
            title="A new title"
        ),
    )
    edited = load_dataset(corpus)
    assert builds[-1].events_built == "combined"
    assert builds[-1].articles_read == []
    assert edited.events.set_index("event_id").loc[event_id, "title"] == "A new title"
    assert_same_tables(edited, load_dataset(corpus, use_cache=False))


def test_an_actor_registry_edit_rebuilds_its_dependants(corpus, warm_cache_dir, builds, reference):
    """A new alias: every article is read again (their mentions depend on the aliases) and
    the actor's mention count follows."""
    load_dataset(corpus)
    edit_yaml(
        corpus / "actors.yaml",
        lambda actors: next(a for a in actors if a["actor_id"] == "armenia")["aliases"].append(
            "Armenians"
        ),
    )
    edited = load_dataset(corpus)
    assert sorted(builds[-1].articles_read) == sorted(reference.articles["article_id"])
    counts = [
        frame.set_index("actor_id").loc["armenia", "mention_count"]
        for frame in (reference.actors, edited.actors)
    ]
    assert counts[1] > counts[0]
    assert_same_tables(edited, load_dataset(corpus, use_cache=False))


def test_every_event_combined_in_batches_equals_the_loader(corpus, cache_dir, monkeypatch):
    monkeypatch.setattr(splice_module, "BATCH_EVENTS", 3)
    monkeypatch.setattr(splice_module, "MAX_RUNS", 2)
    assert_same_tables(load_dataset(corpus), load_dataset(corpus, use_cache=False))


def test_unchanged_files_are_not_read_and_edited_ones_are(corpus, cache_dir, monkeypatch):
    """The digest of an article's files is the last build's while their stat is the same;
    an edit (a new size, times) is read."""
    monkeypatch.setattr(cache_module, "STABLE_NS", 0)
    read: list[str] = []
    original = cache_module.files_digest

    def spy(paths):
        paths = list(paths)
        read.append(paths[0].parent.name)
        return original(paths)

    monkeypatch.setattr(cache_module, "files_digest", spy)
    load_dataset(corpus)
    articles = sorted(path.name for path in (corpus / "articles").iterdir())
    assert sorted(read) == articles
    read.clear()
    load_dataset(corpus)
    assert read == []
    edited = articles[3]
    edit_yaml(
        corpus / "articles" / edited / "statements.yaml",
        lambda items: items[0].update(note="A longer note than before, edited."),
    )
    dataset = load_dataset(corpus)
    assert read == [edited]
    assert dataset.statements["note"].eq("A longer note than before, edited.").sum() == 1


def test_a_recent_change_is_never_trusted_to_its_stat(tmp_path):
    path = tmp_path / "file.yaml"
    path.write_text("a: 1\n", encoding="utf-8")
    now = os.stat(path).st_ctime_ns
    assert cache_module.files_signature([path], now) == ""
    assert cache_module.files_signature([path], now + 2 * cache_module.STABLE_NS) != ""


def test_tables_an_edit_leaves_alone_are_shared_with_the_last_build(corpus, warm_cache_dir):
    load_dataset(corpus)
    first = {path.name: path.stat().st_ino for path in warm_cache_dir.rglob("builds/*/*.parquet")}
    article = sorted((corpus / "articles").iterdir())[0]
    edit_yaml(article / "statements.yaml", lambda items: items[0].update(note="Edited."))
    edited = load_dataset(corpus)
    latest = max(warm_cache_dir.rglob("builds/*/build_keys.parquet"), key=os.path.getmtime).parent
    inodes = {path.name: path.stat().st_ino for path in latest.glob("*.parquet")}
    for name in ("stances", "mentions", "articles", "events", "event_reports", "event_claims"):
        assert inodes[f"{name}.parquet"] == first[f"{name}.parquet"], name
    assert inodes["statements.parquet"] != first["statements.parquet"]
    assert_same_tables(load_dataset(corpus), load_dataset(corpus, use_cache=False))
    assert_same_tables(edited, load_dataset(corpus, use_cache=False))


def test_old_builds_are_pruned_keeping_the_recent_ones_and_every_folders_last(
    corpus, warm_cache_dir, tmp_path
):
    """Each edit makes a build; past KEEP_BUILDS, those no data folder points at go, and
    the folder still starts warm from its last build."""
    other = tmp_path / "other"
    shutil.copytree(corpus, other)
    load_dataset(other)  # another folder's last build: it must survive the pruning
    store = cache_module.BuildCache(warm_cache_dir)
    kept_for_other = store.read_latest(other.resolve())
    load_dataset(corpus)  # the folder's last build, from where its edits build
    article = sorted((corpus / "articles").iterdir())[0]
    for number in range(cache_module.KEEP_BUILDS + 3):
        edit_yaml(article / "article.yaml", lambda meta, n=number: meta.update(title=f"T{n}"))
        load_dataset(corpus)
    builds = {path.name for path in (store.folder / "builds").iterdir()}
    assert len(builds) <= cache_module.KEEP_BUILDS + 1
    assert kept_for_other in builds
    assert store.read_latest(corpus.resolve()) in builds
    assert load_dataset(corpus).articles["title"].eq(f"T{cache_module.KEEP_BUILDS + 2}").any()
    assert_same_tables(load_dataset(other), load_dataset(other, use_cache=False))
