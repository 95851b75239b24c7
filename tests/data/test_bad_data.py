"""Broken data folders: each gives one DatasetError naming the file, the record and the field.

Every case starts from a copy of the real data folder and breaks one thing, the way an
annotator might. The error must say where (file, record, field) and what was expected;
no raw KeyError/ValueError may escape.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from components.data import DatasetError, load_dataset

from .conftest import ARTICLE_ID, article_file, edit_yaml

ARTICLE = f"articles/{ARTICLE_ID}"


def _statement(index: int, **changes) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        edit_yaml(article_file(data, "statements.yaml"), lambda items: items[index].update(changes))

    return apply


def _event(index: int, **changes) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        edit_yaml(article_file(data, "events.yaml"), lambda items: items[index].update(changes))

    return apply


def _record(file: str, index: int, **changes) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        edit_yaml(data / file, lambda items: items[index].update(changes))

    return apply


def _article_meta(**changes) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        edit_yaml(article_file(data, "article.yaml"), lambda meta: meta.update(changes))

    return apply


def _drop_key(file_path: Callable[[Path], Path], index: int, key: str) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        def change(items):
            del items[index][key]

        edit_yaml(file_path(data), change)

    return apply


def _statements_path(data: Path) -> Path:
    return article_file(data, "statements.yaml")


def _write(relative: str, content: str | bytes) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        path = data / relative
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")

    return apply


def _remove(relative: str) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        target = data / relative
        if target.is_dir():
            shutil.rmtree(target)
        else:
            target.unlink()

    return apply


def _reencode(relative: str, encoding: str) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        path = data / relative
        path.write_bytes(path.read_text(encoding="utf-8").encode(encoding))

    return apply


def _append_stance(index: int, stance: dict) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        edit_yaml(
            _statements_path(data),
            lambda items: items[index].setdefault("stances", []).append(stance),
        )

    return apply


def _duplicate_first(file: Callable[[Path], Path]) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        edit_yaml(file(data), lambda items: items.append(dict(items[0])))

    return apply


def _huge(relative: str) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        with open(data / relative, "ab") as handle:
            handle.write(b"#" * (17 * 1024 * 1024))

    return apply


def _parent_cycle(data: Path) -> None:
    def change(items):
        by_id = {item["actor_id"]: item for item in items}
        by_id["armenia"]["parent_actor_id"] = "pashinyan"

    edit_yaml(data / "actors.yaml", change)


def _orphan_actor(data: Path) -> None:
    edit_yaml(
        data / "actors.yaml",
        lambda items: items.append(
            {"actor_id": "ghost", "actor_name": "Ghost", "actor_type": "person"}
        ),
    )


def _shared_alias(data: Path) -> None:
    edit_yaml(data / "actors.yaml", lambda items: items[1]["aliases"].append("Baku"))


def _no_articles(data: Path) -> None:
    shutil.rmtree(data / "articles")
    (data / "articles").mkdir()


STATEMENTS = f"{ARTICLE}/statements.yaml"
EVENTS = f"{ARTICLE}/events.yaml"
META = f"{ARTICLE}/article.yaml"
TEXT = f"{ARTICLE}/article.txt"

# (id, change, file the error names, record it names, field it names, words of the message)
CASES = [
    ("missing actors file", _remove("actors.yaml"), "actors.yaml", "(file)", "(file)", "missing"),
    (
        "missing locations file",
        _remove("locations.yaml"),
        "locations.yaml",
        "(file)",
        "(file)",
        "missing",
    ),
    ("missing issues file", _remove("issues.yaml"), "issues.yaml", "(file)", "(file)", "missing"),
    ("missing article text", _remove(TEXT), "article.txt", "(file)", "(file)", "missing"),
    ("missing article metadata", _remove(META), "article.yaml", "(file)", "(file)", "missing"),
    (
        "missing statements file",
        _remove(STATEMENTS),
        "statements.yaml",
        "(file)",
        "(file)",
        "missing",
    ),
    ("missing events file", _remove(EVENTS), "events.yaml", "(file)", "(file)", "missing"),
    (
        "missing articles folder",
        _remove("articles"),
        "articles",
        "(folder)",
        "(folder)",
        "one folder per article",
    ),
    ("no article folder", _no_articles, "articles", "(folder)", "(folder)", "at least one article"),
    ("empty actors file", _write("actors.yaml", ""), "actors.yaml", "(file)", "(content)", "empty"),
    (
        "blank statements file",
        _write(STATEMENTS, "  \n\n"),
        "statements.yaml",
        "(file)",
        "(content)",
        "empty",
    ),
    ("empty article text", _write(TEXT, " \n"), "article.txt", "(file)", "(content)", "empty"),
    (
        "bad yaml syntax",
        _write(STATEMENTS, "- statement_id: s01\n  quote: [unclosed\n"),
        "statements.yaml",
        "line",
        "(syntax)",
        "valid YAML",
    ),
    (
        "bad yaml indentation",
        _write("issues.yaml", "- issue_id: a\n issue_label: b\n"),
        "issues.yaml",
        "line",
        "(syntax)",
        "valid YAML",
    ),
    (
        "impossible yaml date",
        _write(META, "article_id: x\npublished_date: 2021-02-30\n"),
        "article.yaml",
        "(file)",
        "(syntax)",
        "valid YAML values",
    ),
    (
        "list file holds a mapping",
        _write("actors.yaml", "actor_id: armenia\n"),
        "actors.yaml",
        "(file)",
        "(content)",
        "list of records",
    ),
    (
        "metadata holds a list",
        _write(META, "- a\n- b\n"),
        "article.yaml",
        "(file)",
        "(content)",
        "mapping of fields",
    ),
    (
        "record is not a mapping",
        _write(EVENTS, "- just a string\n"),
        "events.yaml",
        "item 1",
        "(record)",
        "mapping of fields",
    ),
    (
        "unknown field",
        _statement(0, speaker="armenia"),
        "statements.yaml",
        "s01",
        "speaker",
        "unknown field",
    ),
    (
        "missing quote",
        _drop_key(_statements_path, 0, "quote"),
        "statements.yaml",
        "s01",
        "quote",
        "missing",
    ),
    (
        "missing speaker",
        _drop_key(_statements_path, 1, "speaker_actor_id"),
        "statements.yaml",
        "s02",
        "speaker_actor_id",
        "missing",
    ),
    (
        "missing when",
        _drop_key(_statements_path, 2, "when"),
        "statements.yaml",
        "s03",
        "when",
        "missing",
    ),
    (
        "bool as text",
        _statement(0, is_direct_quote="yes"),
        "statements.yaml",
        "s01",
        "is_direct_quote",
        "true or false",
    ),
    (
        "number as text",
        _record("locations.yaml", 0, lat="north"),
        "locations.yaml",
        "sev_lich",
        "lat",
        "a number",
    ),
    (
        "aliases not a list",
        _record("actors.yaml", 0, aliases="Armenia"),
        "actors.yaml",
        "armenia",
        "aliases",
        "list",
    ),
    (
        "unquoted cameo code",
        _statement(0, cameo_code=232),
        "statements.yaml",
        "s01",
        "cameo_code",
        "non-empty text",
    ),
    (
        "id with capitals",
        _statement(0, statement_id="S01"),
        "statements.yaml",
        "item 1",
        "statement_id",
        "identifier",
    ),
    (
        "occurrence zero",
        _statement(0, occurrence=0),
        "statements.yaml",
        "s01",
        "occurrence",
        "at least 1",
    ),
    (
        "actor ids not a list",
        _event(0, actor_ids="armenia"),
        "events.yaml",
        "e01",
        "actor_ids",
        "list of identifiers",
    ),
    (
        "unknown speaker",
        _statement(0, speaker_actor_id="nobody"),
        "statements.yaml",
        "s01",
        "speaker_actor_id",
        "unknown actor id 'nobody'",
    ),
    (
        "unknown target",
        _statement(0, target_actor_id="nobody"),
        "statements.yaml",
        "s01",
        "target_actor_id",
        "unknown actor id",
    ),
    (
        "unknown reporter",
        _statement(0, reported_by_actor_id="nobody"),
        "statements.yaml",
        "s01",
        "reported_by_actor_id",
        "unknown actor id",
    ),
    (
        "unknown statement place",
        _statement(0, location_id="atlantis"),
        "statements.yaml",
        "s01",
        "location_id",
        "unknown location id",
    ),
    (
        "unknown contradicted statement",
        _statement(0, contradicts_statement_id="s99"),
        "statements.yaml",
        "s01",
        "contradicts_statement_id",
        "unknown statement id",
    ),
    (
        "contradicts itself",
        _statement(0, contradicts_statement_id="s01"),
        "statements.yaml",
        "s01",
        "contradicts_statement_id",
        "itself",
    ),
    (
        "unknown event actor",
        _event(0, actor_ids=["armenia", "nobody"]),
        "events.yaml",
        "e01",
        "actor_ids",
        "unknown actor id",
    ),
    (
        "unknown event place",
        _event(0, location_id="atlantis"),
        "events.yaml",
        "e01",
        "location_id",
        "unknown location id",
    ),
    (
        "unknown stance issue",
        _append_stance(1, {"issue_id": "world_peace", "stance": "support"}),
        "statements.yaml",
        "s02",
        "issue_id",
        "unknown issue id",
    ),
    (
        "unknown stance actor",
        _append_stance(1, {"issue_id": "withdrawal", "stance": "support", "actor_id": "nobody"}),
        "statements.yaml",
        "s02",
        "actor_id",
        "unknown actor id",
    ),
    (
        "duplicate stance",
        _append_stance(0, {"issue_id": "military_aid_request", "stance": "oppose"}),
        "statements.yaml",
        "s01",
        "issue_id",
        "duplicate stance",
    ),
    (
        "unknown stance field",
        _append_stance(1, {"issue_id": "withdrawal", "stance": "support", "weight": 2}),
        "statements.yaml",
        "s02 stance 1",
        "weight",
        "unknown field",
    ),
    (
        "unknown parent",
        _record("actors.yaml", 1, parent_actor_id="nobody"),
        "actors.yaml",
        "pashinyan",
        "parent_actor_id",
        "unknown actor id",
    ),
    (
        "unknown seat",
        _record("actors.yaml", 0, seat_location_id="atlantis"),
        "actors.yaml",
        "armenia",
        "seat_location_id",
        "unknown location id",
    ),
    ("parent cycle", _parent_cycle, "actors.yaml", "armenia", "parent_actor_id", "loops"),
    (
        "duplicate actor id",
        _duplicate_first(lambda d: d / "actors.yaml"),
        "actors.yaml",
        "armenia",
        "actor_id",
        "duplicate id",
    ),
    (
        "duplicate location id",
        _duplicate_first(lambda d: d / "locations.yaml"),
        "locations.yaml",
        "sev_lich",
        "location_id",
        "duplicate id",
    ),
    (
        "duplicate statement id",
        _duplicate_first(_statements_path),
        "statements.yaml",
        "s01",
        "statement_id",
        "duplicate id",
    ),
    (
        "duplicate event id",
        _duplicate_first(lambda d: article_file(d, "events.yaml")),
        "events.yaml",
        "e01",
        "event_id",
        "duplicate id",
    ),
    (
        "quote not in text",
        _statement(0, quote="Yerevan asked for peace"),
        "statements.yaml",
        "s01",
        "quote",
        "is not in it",
    ),
    (
        "ambiguous quote",
        _statement(0, quote="Armenia"),
        "statements.yaml",
        "s01",
        "quote",
        "occurrence: N",
    ),
    (
        "occurrence out of range",
        _statement(0, occurrence=3),
        "statements.yaml",
        "s01",
        "quote",
        "occurs 1 time",
    ),
    (
        "date quote not in text",
        _statement(1, date_quote="on Monday"),
        "statements.yaml",
        "s02",
        "date_quote",
        "is not in it",
    ),
    (
        "date quote missing",
        _drop_key(_statements_path, 5, "date_quote"),
        "statements.yaml",
        "s06",
        "date_quote",
        "missing",
    ),
    (
        "unresolvable date",
        _statement(0, when="sometime soon"),
        "statements.yaml",
        "s01",
        "when",
        "cannot resolve",
    ),
    (
        "impossible date",
        _statement(0, when="2021-02-30", date_quote="Friday"),
        "statements.yaml",
        "s01",
        "when",
        "not a real calendar date",
    ),
    (
        "reversed range",
        _statement(0, when="2021-05-14/2021-05-01", date_quote="Friday"),
        "statements.yaml",
        "s01",
        "when",
        "ends before it starts",
    ),
    (
        "precision contradicts date",
        _statement(5, date_precision="month"),
        "statements.yaml",
        "s06",
        "date_precision",
        "expected 'day'",
    ),
    (
        "background dates outside",
        _event(
            7,
            background_dates={"start_date": "2019-01-01", "end_date": "2019-02-01", "source": "x"},
        ),
        "events.yaml",
        "e08",
        "background_dates",
        "inside the article's date",
    ),
    (
        "background dates on a crisis event",
        _event(
            0,
            background_dates={"start_date": "2021-05-14", "end_date": "2021-05-14", "source": "x"},
        ),
        "events.yaml",
        "e01",
        "background_dates",
        "is_background",
    ),
    (
        "background dates without source",
        _event(7, background_dates={"start_date": "2020-09-27", "end_date": "2020-11-10"}),
        "events.yaml",
        "e08 background_dates",
        "source",
        "missing",
    ),
    (
        "impossible published date",
        _article_meta(published_date="2021-02-30"),
        "article.yaml",
        ARTICLE_ID,
        "published_date",
        "real calendar date",
    ),
    (
        "article id is not the folder",
        _article_meta(article_id="another-article"),
        "article.yaml",
        "another-article",
        "article_id",
        "folder name",
    ),
    (
        "body end not in text",
        _article_meta(body_ends_after="With Reuters"),
        "article.yaml",
        ARTICLE_ID,
        "body_ends_after",
        "is not in it",
    ),
    (
        "latitude out of range",
        _record("locations.yaml", 0, lat=123.0),
        "locations.yaml",
        "sev_lich",
        "lat",
        "less_than_or_equal_to",
    ),
    (
        "longitude out of range",
        _record("locations.yaml", 1, lon=-200.5),
        "locations.yaml",
        "nagorno_karabakh",
        "lon",
        "greater_than_or_equal_to",
    ),
    (
        "unknown statement type",
        _statement(0, statement_type="gossip"),
        "statements.yaml",
        "s01",
        "statement_type",
        "isin",
    ),
    (
        "unknown stance value",
        _append_stance(1, {"issue_id": "withdrawal", "stance": "agree"}),
        "statements.yaml",
        "s02:withdrawal:pashinyan",
        "stance",
        "isin",
    ),
    (
        "unknown actor type",
        _record("actors.yaml", 0, actor_type="nation"),
        "actors.yaml",
        "armenia",
        "actor_type",
        "isin",
    ),
    (
        "country code too short",
        _record("actors.yaml", 0, country_code="AM"),
        "actors.yaml",
        "armenia",
        "country_code",
        "str_matches",
    ),
    (
        "language not a code",
        _article_meta(language="english"),
        "article.yaml",
        ARTICLE_ID,
        "language",
        "str_matches",
    ),
    ("text in latin-1", _reencode(TEXT, "latin-1"), "article.txt", "(file)", "(encoding)", "UTF-8"),
    (
        "yaml in utf-16",
        _reencode(STATEMENTS, "utf-16"),
        "statements.yaml",
        "(file)",
        "(encoding)",
        "UTF-8",
    ),
    ("very large file", _huge(EVENTS), "events.yaml", "(file)", "(size)", "at most"),
    (
        "alias not in any text",
        _record("actors.yaml", 0, aliases=["Armenia", "Hayastan"]),
        "actors.yaml",
        "armenia",
        "aliases",
        "occurs in no article text",
    ),
    (
        "alias names two entities",
        _shared_alias,
        "actors.yaml",
        "azerbaijan",
        "aliases",
        "already belongs to actor 'pashinyan'",
    ),
    (
        "actor nothing supports",
        _orphan_actor,
        "actors.yaml",
        "ghost",
        "actor_id",
        "no article mentions this actor",
    ),
]


@pytest.mark.parametrize(
    ("change", "file", "record", "field", "words"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_broken_data_gives_one_clear_error(data_copy, change, file, record, field, words):
    change(data_copy)
    with pytest.raises(DatasetError) as caught:
        load_dataset(data_copy)
    error = caught.value
    assert error.file.endswith(file), str(error)
    assert record in error.record, str(error)
    assert error.field == field, str(error)
    assert words in str(error)
    assert error.file in str(error)
    assert error.field in str(error)


def test_there_are_at_least_fifty_broken_fixtures():
    assert len(CASES) >= 50
    assert len({case[0] for case in CASES}) == len(CASES)


def test_missing_data_folder(tmp_path):
    with pytest.raises(DatasetError, match="does not exist"):
        load_dataset(tmp_path / "nowhere")


def test_all_problems_of_a_stage_are_collected(data_copy):
    _statement(1, speaker_actor_id="nobody")(data_copy)
    _statement(3, target_actor_id="nobody")(data_copy)
    _event(0, location_id="atlantis")(data_copy)
    with pytest.raises(DatasetError) as caught:
        load_dataset(data_copy)
    fields = {(problem.record.split(" ")[0], problem.field) for problem in caught.value.problems}
    assert fields == {
        ("s02", "speaker_actor_id"),
        ("s04", "target_actor_id"),
        ("e01", "location_id"),
    }
    assert "and 2 more problems" in str(caught.value)
