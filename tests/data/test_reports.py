"""One event, many reports: the event registry, each article's reports and their claims."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from components.data import DatasetError, load_dataset

from .conftest import ARTICLE_ID, REAL_DATA_DIR, article_file, edit_yaml

OTHER_ID = "wire-2021-05-20-recap"
# A made-up second report (tests only): it reports the seed's 2020 war (e08) more
# precisely, and an event of the registry with two claims.
OTHER_TEXT = (
    "The war began in September 2020, the ministry said. "
    "On May 12, Azerbaijani troops advanced 3.5 kilometers near Lake Sev, "
    "according to Yerevan, which counted about 250 soldiers.\n"
)
REGISTRY_EVENT = {
    "event_id": "ev-advance",
    "title": "Azerbaijani forces advance near the lake",
    "event_type": "military movement",
    "actor_ids": ["azerbaijani_forces", "armenia"],
    "location_id": "sev_lich",
}


def _dump(path: Path, content) -> None:
    path.write_text(yaml.safe_dump(content, sort_keys=False, allow_unicode=True), "utf-8")


def _add_other_article(data: Path, reports: list[dict], registry: list[dict] | None) -> None:
    folder = data / "articles" / OTHER_ID
    folder.mkdir()
    (folder / "article.txt").write_text(OTHER_TEXT, encoding="utf-8")
    meta = yaml.safe_load(article_file(data, "article.yaml").read_text(encoding="utf-8"))
    meta.update(
        article_id=OTHER_ID,
        published_date="2021-05-20",
        body_ends_after=None,
        not_statements=None,
        not_mentions=None,
        is_translation=False,
        translation_note=None,
        syndicated_from=None,
        title="A recap",
    )
    _dump(folder / "article.yaml", meta)
    _dump(folder / "statements.yaml", [])
    _dump(folder / "events.yaml", reports)
    if registry is not None:
        _dump(data / "events.yaml", registry)
    # The seed uses one aspect; the claims below need the corpus' others.
    shutil.copy(REAL_DATA_DIR / "aspects.yaml", data / "aspects.yaml")


def _war_report() -> dict:
    return {
        "event_id": "e08",
        "quote": "The war began in September 2020",
        "when": "September 2020",
        "date_quote": "September 2020",
    }


def _advance_report(**changes) -> dict:
    report = {
        "event_id": "ev-advance",
        "quote": "Azerbaijani troops advanced 3.5 kilometers near Lake Sev",
        "when": "2021-05-12",
        "date_quote": "On May 12",
        "claims": [
            {"aspect": "advance_depth", "value": 3.5, "unit": "km", "quote": "3.5 kilometers"},
            {
                "aspect": "troops",
                "value": "250",
                "unit": "soldiers",
                "quote": "about 250 soldiers",
                "by_actor_id": "armenia",
            },
        ],
    }
    report.update(changes)
    return report


def test_an_event_reported_twice_is_one_event_with_two_reports(data_copy):
    _add_other_article(data_copy, [_war_report(), _advance_report()], [REGISTRY_EVENT])
    ds = load_dataset(data_copy)

    war = ds.events.set_index("event_id").loc["e08"]
    assert war.report_count == 2
    # The main report is the most precise: the month beats the seed's "last fall".
    assert (war.article_id, war.date_precision) == (OTHER_ID, "month")
    # The outside dates still refine the seed's record that defines the event.
    assert str(war.background_start_date.date()) == "2020-09-27"
    assert war.title == "2020 Nagorno-Karabakh war"

    reports = ds.event_reports[ds.event_reports["event_id"] == "e08"]
    assert sorted(reports["article_id"]) == sorted([ARTICLE_ID, OTHER_ID])
    assert reports.set_index("article_id")["is_main_report"].to_dict() == {
        ARTICLE_ID: False,
        OTHER_ID: True,
    }
    seed = reports.set_index("article_id").loc[ARTICLE_ID]
    assert (seed.date_precision, seed.quote) == (
        "season",
        "six weeks of deadly war for the control of Nagorno Karabakh",
    )


def test_a_registry_event_takes_its_words_and_claims_from_its_report(data_copy):
    _add_other_article(data_copy, [_advance_report()], [REGISTRY_EVENT])
    ds = load_dataset(data_copy)

    advance = ds.events.set_index("event_id").loc["ev-advance"]
    assert (advance.article_id, advance.location_id, advance.report_count) == (
        OTHER_ID,
        "sev_lich",
        1,
    )
    assert str(advance.start_date.date()) == "2021-05-12"

    claims = ds.event_claims[ds.event_claims["event_id"] == "ev-advance"]
    shown = claims[["aspect", "value", "unit", "by_actor_id"]].fillna("-")
    assert shown.to_dict("records") == [
        {"aspect": "advance_depth", "value": "3.5", "unit": "km", "by_actor_id": "-"},
        {"aspect": "troops", "value": "250", "unit": "soldiers", "by_actor_id": "armenia"},
    ]
    for claim in claims.itertuples():
        assert OTHER_TEXT[claim.start_char : claim.end_char] == claim.quote


def test_a_date_claim_may_give_a_month_which_stays_a_month(data_copy):
    """ "September 2020" claims the month (codebook: a month is never made a day)."""
    month = {"aspect": "date", "value": "2020-09", "quote": "September 2020"}
    _add_other_article(data_copy, [{**_war_report(), "claims": [month]}], None)
    claims = load_dataset(data_copy).event_claims
    claimed = claims.loc[claims["article_id"] == OTHER_ID, ["event_id", "aspect", "value"]]
    assert claimed.to_dict("records") == [{"event_id": "e08", "aspect": "date", "value": "2020-09"}]


@pytest.mark.parametrize(
    ("reports", "registry", "file", "field", "message"),
    [
        pytest.param(
            [_advance_report()],
            None,
            OTHER_ID,
            "event_id",
            "unknown event id",
            id="report of an undefined event",
        ),
        pytest.param(
            [_war_report()],
            [REGISTRY_EVENT],
            "events.yaml",
            "event_id",
            "no article reports this event",
            id="registry event nobody reports",
        ),
        pytest.param(
            [_war_report(), _advance_report()],
            [REGISTRY_EVENT, {**REGISTRY_EVENT, "event_id": "e08"}],
            "events.yaml",
            "event_id",
            "duplicate id",
            id="event defined twice",
        ),
        pytest.param(
            [_advance_report(event_type="speech")],
            [REGISTRY_EVENT],
            OTHER_ID,
            "event_type",
            "only allowed in a record that defines the event",
            id="definition field in a report",
        ),
        pytest.param(
            [_advance_report(claims=[{"aspect": "mood", "value": "x", "quote": "On May 12"}])],
            [REGISTRY_EVENT],
            OTHER_ID,
            "aspect",
            "unknown aspect id 'mood'",
            id="unknown aspect",
        ),
        pytest.param(
            [_advance_report(claims=[{"aspect": "troops", "value": 9, "quote": "nine"}])],
            [REGISTRY_EVENT],
            OTHER_ID,
            "quote",
            "is not in it",
            id="claim words not in the text",
        ),
        pytest.param(
            [_advance_report(claims=[{"aspect": "date", "value": "May 12", "quote": "On May 12"}])],
            [REGISTRY_EVENT],
            OTHER_ID,
            "value",
            "expected a day YYYY-MM-DD or a month YYYY-MM; got 'May 12' (the aspect 'date'",
            id="date claim in words",
        ),
        pytest.param(
            [
                _advance_report(
                    claims=[{"aspect": "date", "value": "2021-02-30", "quote": "May 12"}]
                )
            ],
            [REGISTRY_EVENT],
            OTHER_ID,
            "value",
            "'2021-02-30' is not a real calendar date",
            id="date claim of no real day",
        ),
        pytest.param(
            [_war_report(), {**_war_report(), "quote": "the ministry said"}],
            [],
            OTHER_ID,
            "event_id",
            "already reports this event",
            id="two reports in one article",
        ),
    ],
)
def test_bad_reports_name_file_record_and_field(data_copy, reports, registry, file, field, message):
    _add_other_article(data_copy, reports, registry)
    with pytest.raises(DatasetError) as caught:
        load_dataset(data_copy)
    matching = [
        p
        for p in caught.value.problems
        if file in p.file and p.field == field and message in p.message
    ]
    assert matching, "\n".join(map(str, caught.value.problems))


def test_utterance_id_defaults_to_the_statement_and_can_be_shared(data_copy):
    def share(items):
        items[2]["utterance_id"] = "u-pashinyan-0514"
        items[3]["utterance_id"] = "u-pashinyan-0514"

    edit_yaml(article_file(data_copy, "statements.yaml"), share)
    statements = load_dataset(data_copy).statements.set_index("statement_id")
    assert statements.loc["s01", "utterance_id"] == "s01"
    assert statements.loc["s03", "utterance_id"] == statements.loc["s04", "utterance_id"]


def test_article_metadata_names_its_source(dataset):
    for article in dataset.articles.itertuples():
        assert article.outlet_type
        assert article.side
        assert article.rights
    seed = dataset.articles.set_index("article_id").loc[ARTICLE_ID]
    assert (seed.outlet_type, seed.side, seed.story_id) == ("state media", "west", ARTICLE_ID)


def test_not_mentions_drop_a_generic_alias_where_it_names_someone_else(data_copy):
    def exclude(meta):
        meta["not_mentions"].append({"surface": "border guards", "reason": "test: another side's"})

    before = load_dataset(data_copy).mentions
    assert (before["surface"] == "border guards").sum() == 1
    edit_yaml(article_file(data_copy, "article.yaml"), exclude)
    after = load_dataset(data_copy).mentions
    assert (after["surface"] == "border guards").sum() == 0
    assert len(after) == len(before) - 1


@pytest.mark.parametrize(
    ("surface", "message"),
    [
        pytest.param("coast guards", "is not in it", id="not in the text"),
        pytest.param("deployed border guards", "start no mention", id="starts no mention"),
    ],
)
def test_a_not_mention_must_start_a_mention_in_the_text(data_copy, surface, message):
    def exclude(meta):
        meta["not_mentions"] = [{"surface": surface, "reason": "test"}]

    edit_yaml(article_file(data_copy, "article.yaml"), exclude)
    with pytest.raises(DatasetError) as caught:
        load_dataset(data_copy)
    problem = caught.value.problems[0]
    assert (problem.field, problem.record) == ("surface", "not_mentions 1")
    assert message in problem.message
