"""The Overview's reshaping (components/overview/frames.py), on hand-made frames and real data."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest

from bench.synthetic import write_corpus
from components.app.filters import filter_dataset, with_descendants
from components.data import load_dataset
from components.overview.frames import (
    CONTRADICTIONS_SHOWN,
    MAX_STORY_STEPS,
    article_source_lines,
    contradiction_lines,
    dataset_heading,
    date_span,
    key_figures,
    lede,
    most_active_actors,
    overview_view,
    story_strip,
)


def test_article_source_lines_name_title_outlet_agency_and_date():
    articles = pd.DataFrame(
        {
            "article_id": ["later", "first"],
            "title": ["Second title", "First title"],
            "outlet": ["France 24", "France 24"],
            "agency": [None, "AFP"],
            "published_date": pd.to_datetime(["2021-05-20", "2021-05-14"]),
        }
    )
    assert article_source_lines(articles) == [
        "“First title”, France 24/AFP, 14 May 2021",
        "“Second title”, France 24, 20 May 2021",
    ]


def test_key_figures_match_the_dataset(dataset):
    figures = {figure.label: figure.value for figure in key_figures(dataset)}
    assert figures == {
        "Actors": str(len(dataset.actors)),
        "Statements": str(len(dataset.statements)),
        "Events": str(len(dataset.events)),
        "Places": str(len(dataset.locations)),
        "Issues": str(len(dataset.issues)),
    }


def test_key_figures_follow_the_filter(dataset):
    filtered = filter_dataset(dataset, ["azerbaijan"])
    figures = {figure.label: figure.value for figure in key_figures(filtered)}
    assert figures["Statements"] == str(len(filtered.statements))
    assert int(figures["Statements"]) < len(dataset.statements)


def test_date_span_keeps_each_end_at_its_precision(dataset):
    """The background war is dated by season; the last item is the planned talks' day."""
    first = dataset.events.sort_values("start_date").iloc[0]
    last_day = max(dataset.events["end_date"].max(), dataset.statements["end_date"].max())
    assert first["date_precision"] == "season"
    assert date_span(dataset) == (
        f"{first['date_label'].split(' (')[0]} → {last_day.day} {last_day:%b %Y}"
    )


def test_story_steps_run_in_time_order_and_cover_every_crisis_day(dataset):
    steps = story_strip(dataset).steps
    background = dataset.events.loc[dataset.events["is_background"]]
    crisis_days = set(dataset.statements["start_date"]) | set(
        dataset.events.loc[~dataset.events["is_background"], "start_date"]
    )
    day_labels = [f"{day:%a} {day.day} {day:%b %Y}" for day in sorted(crisis_days)]
    assert [step.when for step in steps][-len(day_labels) :] == day_labels
    assert len(steps) == background["date_label"].nunique() + len(day_labels)


def test_each_story_step_points_at_its_first_record_in_the_text(dataset):
    """The 13 May step starts with Armenia's accusation, the earliest words of that day."""
    by_when = {step.when: step for step in story_strip(dataset).steps}
    day = pd.Timestamp("2021-05-13")
    statements = dataset.statements.loc[dataset.statements["start_date"] == day]
    events = dataset.events.loc[dataset.events["start_date"] == day]
    first_statement = statements.sort_values("start_char").iloc[0]
    assert first_statement["start_char"] < events["start_char"].min()
    step = by_when["Thu 13 May 2021"]
    assert (step.layer, step.record_id) == ("statement", first_statement["statement_id"])


def test_most_active_actors_are_the_top_speakers(dataset):
    top = most_active_actors(dataset, limit=3)
    counts = dataset.statements["speaker_actor_id"].value_counts()
    assert list(top["statement_count"]) == sorted(counts.head(3), reverse=True)
    assert top.iloc[0]["actor_id"] == counts.index[0]


def test_contradiction_lines_name_both_speakers_and_keep_the_scope(dataset):
    lines = contradiction_lines(dataset)
    links = dataset.statements["contradicts_statement_id"].notna()
    assert [statement_id for statement_id, _ in lines] == list(
        dataset.statements.loc[links, "statement_id"]
    )
    scope = with_descendants(dataset.actors, ["russia"])
    scoped = contradiction_lines(dataset, scope)
    assert scoped
    assert len(scoped) < len(lines)
    assert all("Russian" in line for _, line in scoped)


def test_lede_is_the_first_paragraph(dataset):
    text = dataset.articles.iloc[0]["text"]
    assert text.startswith(lede(dataset.articles))
    assert "\n" not in lede(dataset.articles)


# --- at scale: a synthetic corpus over three years (bench.synthetic) ---------------------


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("overview-scale") / "data"
    write_corpus(folder, 10)
    return load_dataset(folder)


def test_a_strip_of_too_many_days_is_grouped_and_says_so(large):
    """Hundreds of days over three years: the strip groups them (years here) and its note
    names the count of days and the grouping; the steps still cover every record."""
    crisis_days = set(large.statements["start_date"]) | set(
        large.events.loc[~large.events["is_background"], "start_date"]
    )
    assert len(crisis_days) > MAX_STORY_STEPS
    strip = story_strip(large)
    assert 0 < len(strip.steps) <= MAX_STORY_STEPS
    assert strip.period in ("month", "year")
    assert strip.note.startswith(f"{len(crisis_days):,} days are too many for one strip")
    assert f"grouped by {strip.period}" in strip.note
    years = sorted(
        {f"{day:%Y}" for day in large.statements["start_date"]}
        | {f"{day:%Y}" for day in large.events["start_date"]}
    )
    if strip.period == "year":
        assert [step.when for step in strip.steps] == years
    statements = sum(
        int(step.what.split(" statements by ")[0].rsplit("; ", 1)[-1].replace(",", ""))
        for step in strip.steps
    )
    assert statements == len(large.statements)


def test_only_the_busiest_periods_stay_when_even_years_are_too_many(large):
    """With room for two steps, the two busiest years stay, in time order, and the note
    says how many periods there were."""
    strip = story_strip(large, max_steps=2)
    per_year = pd.concat([large.statements["start_date"], large.events["start_date"]])
    per_year = per_year.dt.year.astype(str).value_counts()
    busiest = sorted(per_year.nlargest(2).index)
    assert [step.when for step in strip.steps] == busiest
    assert strip.note.endswith(f"the 2 busiest of {len(per_year)} periods shown.")


def test_each_step_points_at_an_existing_record(large):
    strip = story_strip(large)
    ids = {
        "event": set(large.events["event_id"]),
        "statement": set(large.statements["statement_id"]),
    }
    assert all(step.record_id in ids[step.layer] for step in strip.steps)


def test_the_overview_view_lists_a_few_contradictions_and_counts_them_all(large):
    view = overview_view(large, large, None)
    assert view.contradiction_count == len(contradiction_lines(large))
    assert view.contradiction_count > CONTRADICTIONS_SHOWN
    assert len(view.contradictions) == CONTRADICTIONS_SHOWN


def test_heading_comes_from_the_data():
    """One article gives its own title; several give their number and date span."""
    articles = pd.DataFrame(
        {
            "title": ["First story", "Second story"],
            "published_date": pd.to_datetime(["2021-05-14", "2021-06-02"]),
        }
    )
    assert dataset_heading(articles.iloc[:1]) == "First story"
    assert dataset_heading(articles) == "2 articles, 14 May 2021 to 2 June 2021"


def test_single_article_source_line_leaves_the_title_to_the_heading():
    """The heading already is the title, so the source line gives only outlet and date."""
    view = overview_view(load_dataset(), load_dataset(), None)
    assert view.heading == load_dataset().articles["title"].iloc[0]
    assert view.source_lines == ("France 24/AFP, 14 May 2021",)


def test_the_overview_names_the_first_articles_and_opens_with_the_earliest(dataset):
    """Five articles: the three first published (same day: by id) are named, the lede is
    the first paragraph of the earliest."""
    articles = pd.DataFrame(
        {
            "article_id": ["e", "d", "c", "b", "a"],
            "title": ["E", "D", "C", "B", "A"],
            "outlet": ["Outlet"] * 5,
            "agency": [None] * 5,
            "published_date": pd.to_datetime(
                ["2021-05-16", "2021-05-14", "2021-05-15", "2021-05-15", "2021-05-17"]
            ),
            "is_translation": [False] * 5,
            "translation_note": [None] * 5,
            "text": [f"Lede {name}.\n\nBody." for name in "edcba"],
        }
    )
    view = overview_view(replace(dataset, articles=articles), dataset, None)
    assert view.source_lines == (
        "“D”, Outlet, 14 May 2021",
        "“B”, Outlet, 15 May 2021",
        "“C”, Outlet, 15 May 2021",
    )
    assert view.article_count == 5
    assert view.lede == "Lede d."


def test_the_translation_note_is_the_one_of_the_article_the_lede_comes_from(dataset):
    """Two articles of the same first day: the lede and the translation note both come from
    the first by id, whatever the order of the rows."""
    articles = pd.DataFrame(
        {
            "article_id": ["z", "m", "a"],
            "title": ["Z", "M", "A"],
            "outlet": ["Outlet"] * 3,
            "agency": [None] * 3,
            "published_date": pd.to_datetime(["2021-05-14", "2021-05-14", "2021-05-15"]),
            "is_translation": [True, True, False],
            "translation_note": ["Note z", "Note m", None],
            "text": [f"Lede {name}.\n\nBody." for name in "zma"],
        }
    )
    view = overview_view(replace(dataset, articles=articles), dataset, None)
    assert view.lede == "Lede m."
    assert view.is_translation
    assert view.translation_note == "Note m"


def test_a_step_lists_its_items_by_outside_date_then_text_order(dataset):
    """Three background events of one period: the two an outside source dates come first,
    earliest first; the undated one after them, though it comes first in the text."""
    day = pd.Timestamp("2020-11-01")
    events = pd.DataFrame(
        {
            "event_id": ["e1", "e2", "e3"],
            "title": ["Undated", "Dated later", "Dated earlier"],
            "is_background": [True] * 3,
            "background_start_date": pd.to_datetime([None, "2020-11-20", "2020-11-02"]),
            "start_date": [day] * 3,
            "end_date": [pd.Timestamp("2020-11-30")] * 3,
            "date_precision": ["month"] * 3,
            "date_label": ["November 2020"] * 3,
            "start_char": [10, 20, 30],
        }
    )
    statements = dataset.statements.iloc[:0]
    strip = story_strip(replace(dataset, events=events, statements=statements))
    assert [(step.when, step.what, step.record_id) for step in strip.steps] == [
        ("Nov 2020", "Dated earlier; Dated later; Undated", "e3")
    ]
