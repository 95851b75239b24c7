"""The real, curated dataset: it validates, it holds what the article holds, every span is exact."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from pandera.engines.pandas_engine import Engine

from components.app.contradictions import contradiction_pairs
from components.data import load_dataset
from components.data.schemas import SCHEMAS, Text

from ..conftest import folder_digest
from .conftest import REAL_DATA_DIR

SEED_TEXT = Path(__file__).resolve().parents[3] / "shared" / "seed" / "article.txt"


def test_every_table_is_present_and_non_empty(dataset):
    for name, frame in dataset.tables().items():
        assert len(frame) > 0, name
        assert list(frame.columns) == list(SCHEMAS[name].to_schema().columns), name


def test_counts_match_what_the_article_holds(dataset):
    # 24 attributed statements: direct quotes and reported speech, one per speaker
    # (Washington and Paris share one demand, so it counts twice).
    assert len(dataset.statements) == 24
    assert dataset.statements["is_direct_quote"].sum() == 15
    assert len(dataset.events) == 10
    assert dataset.events["is_background"].sum() == 3
    assert len(dataset.actors) == 25
    assert len(dataset.issues) == 7
    assert set(dataset.statements["article_id"]) == {"france24-2021-05-14-lake-sev"}


def test_article_metadata(dataset):
    article = dataset.articles.iloc[0]
    assert (article.outlet, article.agency, article.language) == ("France 24", "AFP", "en")
    assert article.published_date == pd.Timestamp("2021-05-14")
    assert bool(article.is_translation)
    assert article.text[: article.body_end_char].endswith("With AFP")


@pytest.mark.skipif(not SEED_TEXT.exists(), reason="the shared seed is only beside the repository")
def test_article_text_is_the_verbatim_seed(dataset):
    assert dataset.articles.iloc[0].text == SEED_TEXT.read_text(encoding="utf-8")


@pytest.mark.parametrize("table", ["statements", "events", "stances", "mentions"])
def test_every_span_is_exact(dataset, table):
    texts = dataset.articles.set_index("article_id")["text"]
    frame = dataset.tables()[table]
    column = "surface" if table == "mentions" else "quote"
    for row in frame.itertuples():
        text = texts[row.article_id]
        assert text[row.start_char : row.end_char] == getattr(row, column)


def test_sentences_contain_their_quotes(dataset):
    for row in dataset.statements.itertuples():
        assert row.quote in row.sentence


def test_spelling_variants_are_aliases_of_one_actor(dataset):
    pashinyan = dataset.actors.set_index("actor_id").loc["pashinyan"]
    assert {"Pachinian", "Pashinian", "Armenian leader"} <= set(pashinyan.aliases)
    mentions = dataset.mentions[dataset.mentions["entity_id"] == "pashinyan"]
    assert {"Nikol Pachinian", "Pashinian", "Armenian leader"} <= set(mentions["surface"])


@pytest.mark.parametrize(
    ("surface", "actor_id"),
    [
        ("Baku", "azerbaijan"),
        ("Washington", "united_states"),
        ("Kremlin", "kremlin"),
        ("Yerevan", "armenia"),
    ],
)
def test_metonymies_name_their_actor(dataset, surface, actor_id):
    mentions = dataset.mentions[dataset.mentions["surface"] == surface]
    assert len(mentions) > 0
    assert set(mentions["entity_id"]) == {actor_id}


def test_parent_chain_rolls_up_to_the_state(dataset):
    actors = dataset.actors.set_index("actor_id")
    assert actors.loc["porter", "parent_actor_id"] == "us_state_department"
    assert actors.loc["porter", "state_actor_id"] == "united_states"
    assert actors.loc["kremlin_spokesperson", "state_actor_id"] == "russia"


def test_contradictions_are_present(dataset):
    pairs = contradiction_pairs(dataset)
    found = set(
        zip(
            pairs["speaker_actor_id"],
            pairs["contradicted_speaker_actor_id"],
            pairs["issue_id"],
            strict=False,
        )
    )
    assert found == {
        ("kremlin_spokesperson", "pashinyan", "military_aid_request"),
        ("azerbaijan", "armenia", "border_violation"),
    }


def test_known_stances(dataset):
    stances = dataset.stances

    def stance(actor_id, issue_id):
        rows = stances[(stances["actor_id"] == actor_id) & (stances["issue_id"] == issue_id)]
        return set(rows["stance"])

    assert stance("united_states", "withdrawal") == {"support"}
    assert stance("azerbaijan", "border_violation") == {"oppose"}
    assert stance("pashinyan", "military_aid_request") == {"support"}
    assert stance("kremlin_spokesperson", "military_aid_request") == {"oppose"}
    assert stance("putin", "ceasefire") == {"support"}


@pytest.mark.parametrize(
    ("table", "record_id", "start", "end", "precision"),
    [
        pytest.param("statements", "s06", "2021-05-13", "2021-05-13", "day", id="On Thursday"),
        pytest.param("statements", "s11", "2021-05-14", "2021-05-14", "day", id="on Friday"),
        pytest.param(
            "statements", "s03", "2021-05-14", "2021-05-14", "part_of_day", id="end of the day"
        ),
        pytest.param("statements", "s19", "2021-05-14", "2021-05-14", "as_reported", id="undated"),
        pytest.param(
            "events", "e04", "2021-05-13", "2021-05-13", "part_of_day", id="Thursday evening"
        ),
        pytest.param("events", "e03", "2021-05-15", "2021-05-15", "day", id="on Saturday"),
        pytest.param("events", "e08", "2020-09-01", "2020-11-30", "season", id="last fall"),
        pytest.param("events", "e10", "2020-11-01", "2020-11-30", "month", id="in November"),
    ],
)
def test_dates_resolve_with_their_precision(dataset, table, record_id, start, end, precision):
    frame = dataset.tables()[table]
    row = frame.set_index(frame.columns[0]).loc[record_id]
    assert (row.start_date, row.end_date) == (pd.Timestamp(start), pd.Timestamp(end))
    assert row.date_precision == precision


def test_background_dates_name_their_source(dataset):
    war = dataset.events.set_index("event_id").loc["e08"]
    assert bool(war.is_background)
    assert war.background_start_date == pd.Timestamp("2020-09-27")
    assert war.background_end_date == pd.Timestamp("2020-11-10")
    assert "Wikipedia" in war.background_date_source
    dated_from_outside = dataset.events["background_start_date"].notna()
    assert dataset.events.loc[dated_from_outside, "is_background"].all()


def test_sev_lich_coordinates_and_border_disagreement(dataset):
    lake = dataset.locations.set_index("location_id").loc["sev_lich"]
    assert (round(lake.lat, 4), round(lake.lon, 4)) == (39.5978, 46.2314)
    assert "Natural Earth" in lake.border_note
    assert "geoBoundaries" in lake.border_note
    assert "Wikimapia" in lake.coord_source
    assert "Lake Sev" in lake.aliases
    assert dataset.locations["coord_source"].str.len().gt(0).all()


def test_loading_never_writes_to_the_data_folder():
    before = folder_digest(REAL_DATA_DIR)
    load_dataset(REAL_DATA_DIR)
    assert folder_digest(REAL_DATA_DIR) == before


def test_dataset_is_frozen(dataset):
    with pytest.raises(AttributeError):
        dataset.actors = dataset.actors  # type: ignore[misc]


def test_default_folder_comes_from_the_environment(monkeypatch, data_copy):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data_copy))
    assert load_dataset().data_dir == data_copy.resolve()


def test_text_columns_are_checked_on_their_dtype(dataset):
    """Every text column is a `Text` column of pandas' str dtype; its dtype check answers
    one bool for the column (not one per value, which made pandera format an empty failure
    report for each column on every load) and still refuses a column of another dtype."""
    text_columns = 0
    for table, model in SCHEMAS.items():
        for name, column in model.to_schema().columns.items():
            if isinstance(column.dtype, Text):
                text_columns += 1
                assert getattr(dataset, table)[name].dtype == "str", (table, name)
    assert text_columns >= 70
    texts = pd.Series(["a", None])
    assert Text().check(Engine.dtype(texts.dtype), texts) is True
    numbers = pd.Series([1, 2])
    assert Text().check(Engine.dtype(numbers.dtype), numbers) is False
