"""The Timeline's reshaping (components/timeline/), on the real data and hand-made frames."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from components.app.filters import filter_dataset
from components.timeline.choices import (
    clicked_item,
    filter_items,
    item_options,
    type_options,
    zoom_windows,
)
from components.timeline.counts import count_in_lanes
from components.timeline.detail import item_detail
from components.timeline.frames import MAX_TABLE_ROWS, timeline_view
from components.timeline.items import ITEM_COLUMNS, items_in, split_item_id, timeline_items
from components.timeline.lanes import (
    LANE_GROUPINGS,
    OTHER_LANE_ID,
    folded_lane_count,
    lanes_of_items,
    place_in_lanes,
)
from components.timeline.table import items_table, table_csv

HOUR = pd.Timedelta(hours=1)
DAY = pd.Timedelta(days=1)


@pytest.fixture(scope="module")
def items(dataset):
    return timeline_items(dataset)


def by_id(items: pd.DataFrame) -> pd.DataFrame:
    return items.set_index("item_id")


def test_one_item_per_statement_and_event(dataset, items):
    expected = {f"statement:{sid}" for sid in dataset.statements["statement_id"]}
    expected |= {f"event:{eid}" for eid in dataset.events["event_id"]}
    assert list(items.columns) == ITEM_COLUMNS
    assert items["item_id"].is_unique
    assert set(items["item_id"]) == expected


def test_items_keep_the_dates_and_precisions_of_the_data(dataset, items):
    indexed = by_id(items)
    for record in dataset.statements.itertuples(index=False):
        item = indexed.loc[f"statement:{record.statement_id}"]
        assert item["start_date"] == record.start_date
        assert item["end_date"] == record.end_date
        assert item["date_precision"] == record.date_precision
        assert item["date_label"] == record.date_label
    for record in dataset.events.itertuples(index=False):
        item = indexed.loc[f"event:{record.event_id}"]
        assert item["date_precision"] == record.date_precision
        assert item["is_background"] == record.is_background


def test_day_and_undated_items_are_points_at_midday(items):
    points = items[items["date_precision"].isin(["day", "as_reported"])]
    assert not points.empty
    assert points["x_start"].isna().all()
    assert (points["x_marker"] == points["start_date"] + 12 * HOUR).all()


def test_evening_is_drawn_from_six_pm_to_midnight(dataset, items):
    evening = dataset.statements[dataset.statements["part_of_day"] == "evening"]
    assert not evening.empty, "the article dates statements to an evening"
    indexed = by_id(items)
    for record in evening.itertuples(index=False):
        item = indexed.loc[f"statement:{record.statement_id}"]
        assert item["x_start"] == record.start_date + 18 * HOUR
        assert item["x_end"] == record.start_date + 24 * HOUR
        assert "evening" in item["precision_note"]


def test_coarse_dates_span_their_whole_month_or_season(dataset, items):
    coarse = dataset.events[dataset.events["date_precision"].isin(["month", "season"])]
    assert len(coarse) >= 2, "the background events are dated 'last fall' and 'in November'"
    indexed = by_id(items)
    for record in coarse.itertuples(index=False):
        item = indexed.loc[f"event:{record.event_id}"]
        assert item["x_start"] == record.start_date
        assert item["x_end"] == record.end_date + DAY
        assert item["x_start"] < item["x_marker"] < item["x_end"]


def test_background_exact_dates_come_with_their_source(dataset, items):
    refined = dataset.events[dataset.events["background_start_date"].notna()]
    indexed = by_id(items)
    for record in refined.itertuples(index=False):
        item = indexed.loc[f"event:{record.event_id}"]
        assert item["background_start_date"] == record.background_start_date
        assert item["background_date_source"] == record.background_date_source


@pytest.mark.parametrize("grouping", list(LANE_GROUPINGS))
def test_every_item_is_placed_and_no_two_share_a_slot(dataset, items, grouping):
    """Each item is in a lane; in a lane, items on one row never overlap in time."""
    placed = place_in_lanes(items, dataset.actors, grouping)
    assert set(placed["item_id"]) == set(items["item_id"])
    assert not placed.duplicated(["item_id", "lane_id"]).any()
    start = placed["x_start"].fillna(placed["x_marker"])
    end = placed["x_end"].fillna(placed["x_marker"])
    slots = placed.assign(start=start, end=end).sort_values(["lane_id", "row", "start"])
    for _, row in slots.groupby(["lane_id", "row"]):
        assert (row["start"].iloc[1:].to_numpy() >= row["end"].iloc[:-1].to_numpy()).all()
    assert placed.groupby("lane_id")["lane_index"].nunique().eq(1).all()
    assert placed["y"].is_monotonic_increasing


def test_actor_lanes_hold_speakers_statements_and_every_actors_events(dataset, items):
    placed = place_in_lanes(items, dataset.actors, "actor")
    for actor_id in dataset.actors["actor_id"]:
        statements = dataset.statements[dataset.statements["speaker_actor_id"] == actor_id]
        events = dataset.events[[actor_id in ids for ids in dataset.events["actor_ids"]]]
        expected = {f"statement:{sid}" for sid in statements["statement_id"]}
        expected |= {f"event:{eid}" for eid in events["event_id"]}
        assert set(placed.loc[placed["lane_id"] == actor_id, "item_id"]) == expected, actor_id


def test_state_lane_comes_before_its_people(dataset, items):
    placed = place_in_lanes(items, dataset.actors, "actor")
    index = placed.drop_duplicates("lane_id").set_index("lane_id")["lane_index"]
    states = dataset.actors.set_index("actor_id")["state_actor_id"]
    for actor_id, lane_index in index.items():
        state = states[actor_id]
        if state != actor_id and state in index:
            assert index[state] < lane_index, f"{state} should come before {actor_id}"


def test_state_grouping_uses_the_state_each_actor_counts_for(dataset, items):
    placed = place_in_lanes(items, dataset.actors, "state")
    assert set(placed["lane_id"]) <= set(dataset.actors["state_actor_id"])
    pashinyan_items = placed.loc[placed["lane_id"] == "armenia", "item_id"]
    assert "statement:s05" in set(pashinyan_items), "Pashinyan counts for Armenia"


def test_same_day_points_stack_and_other_days_share_a_row():
    actors = pd.DataFrame(
        {"actor_id": ["a"], "actor_name": ["A"], "actor_type": ["state"],
         "parent_actor_id": [None], "state_actor_id": ["a"]}
    )  # fmt: skip
    day = pd.Timestamp("2021-05-14")
    items = pd.DataFrame(
        {
            "item_id": ["statement:x", "statement:y", "statement:z"],
            "kind": "statement",
            "record_id": ["x", "y", "z"],
            "lane_actor_ids": [("a",), ("a",), ("a",)],
            "x_marker": [day + 12 * HOUR, day + 12 * HOUR, day + DAY + 12 * HOUR],
            "x_start": pd.NaT,
            "x_end": pd.NaT,
        }
    )
    items = items.reindex(columns=ITEM_COLUMNS)
    placed = place_in_lanes(items, actors, "actor").set_index("item_id")
    assert placed.loc["statement:x", "row"] == 0
    assert placed.loc["statement:y", "row"] == 1
    assert placed.loc["statement:z", "row"] == 0


def test_unknown_grouping_is_refused(dataset, items):
    with pytest.raises(ValueError, match="unknown lane grouping 'weather'"):
        place_in_lanes(items, dataset.actors, "weather")


def test_filters_by_kind_type_and_background(items):
    assert set(filter_items(items, kinds=["event"])["kind"]) == {"event"}
    assert filter_items(items, kinds=[]).empty
    demands = filter_items(items, type_keys=["statement:demand"])
    assert set(demands["item_type"]) == {"demand"}
    assert len(filter_items(items, type_keys=[])) == len(items)
    crisis = filter_items(items, include_background=False)
    assert not crisis["is_background"].any()
    assert len(crisis) == len(items) - items["is_background"].sum()


def test_type_options_list_statement_types_before_event_types(items):
    options = type_options(items)
    assert set(options) == set(items["type_key"])
    kinds = [key.split(":")[0] for key in options]
    assert kinds == sorted(kinds, reverse=True)
    assert options["statement:appeal_for_assistance"] == "appeal for assistance (statement)"


def test_zoom_presets_frame_the_crisis_days_and_the_war(items):
    windows = zoom_windows(items)
    crisis_start, crisis_end = windows["crisis"]
    crisis = items[~items["is_background"]]
    assert crisis_start == crisis["start_date"].min() - DAY
    assert crisis_end == crisis["end_date"].max() + 2 * DAY
    assert (crisis_start, crisis_end) == (pd.Timestamp("2021-05-12"), pd.Timestamp("2021-05-17"))
    war_start, war_end = windows["since_war"]
    assert war_start < items["x_start"].min()
    assert war_end > crisis_end


def test_table_is_one_row_per_item_and_csv_is_exactly_the_table(items):
    table = items_table(items)
    assert len(table) == len(items)
    assert table["Item"].is_unique
    back = pd.read_csv(io.BytesIO(table_csv(table)))
    assert list(back.columns) == list(table.columns)
    assert back["Item"].tolist() == table["Item"].tolist()
    assert back["Words of the article"].tolist() == table["Words of the article"].tolist()


def test_item_options_are_in_time_order(items):
    options = item_options(items)
    markers = by_id(items)["x_marker"]
    assert list(markers[list(options)]) == sorted(markers)


def test_statement_detail_has_quote_people_sentence_and_stances(dataset):
    statement = dataset.statements.set_index("statement_id").loc["s05"]
    detail = item_detail(dataset, "statement:s05")
    names = dataset.actors.set_index("actor_id")["actor_name"]
    assert detail.quote == statement["quote"]
    assert detail.sentence == statement["sentence"]
    assert ("Speaker", names[statement["speaker_actor_id"]]) in detail.people
    assert ("Target", names[statement["target_actor_id"]]) in detail.people
    stances = dataset.stances[dataset.stances["statement_id"] == "s05"]
    assert len(detail.stances) == len(stances)
    assert "s19" in dict(detail.facts)["Contradicted by"]


def test_event_detail_has_outside_dates_and_source(dataset):
    event = dataset.events.set_index("event_id").loc["e08"]
    facts = dict(item_detail(dataset, "event:e08").facts)
    assert facts["Exact dates (outside source)"] == "27 September 2020 – 10 November 2020"
    assert facts["Source of the exact dates"] == event["background_date_source"]


def test_unknown_or_malformed_item_ids(dataset):
    assert item_detail(dataset, "statement:nope") is None
    with pytest.raises(ValueError, match="not a timeline item id"):
        split_item_id("actor:armenia")


def test_clicked_item_is_the_last_point_with_an_id():
    points = [{"customdata": "statement:s01"}, {"customdata": None}, {"customdata": "event:e08"}]
    assert clicked_item(points) == "event:e08"
    assert clicked_item([]) is None


def test_default_view_draws_every_item_one_by_one(dataset, items):
    """The curated data stays far below MAX_MARKERS: single items, no counts, no folding."""
    view = timeline_view(items, dataset.actors, "actor")
    assert not view.is_counted
    assert set(view.placed["item_id"]) == set(items["item_id"])
    assert view.folded_lanes == 0
    assert list(view.options) == list(item_options(items))
    assert view.csv_bytes() == table_csv(view.table)
    assert view.kind_counts == {"statement": len(dataset.statements), "event": len(dataset.events)}
    events_only = timeline_view(filter_items(items, ["event"]), dataset.actors, "actor")
    assert events_only.kind_counts == {"statement": 0, "event": len(dataset.events)}


def test_quiet_lanes_fold_into_one_other_lane(dataset, items):
    full = lanes_of_items(items, dataset.actors, "actor", max_lanes=100)
    folded = lanes_of_items(items, dataset.actors, "actor", max_lanes=5)
    assert folded["lane_id"].nunique() == 5
    kept = full["lane_id"].value_counts().sort_index().sort_values(ascending=False, kind="stable")
    kept = set(kept.index[:4])
    assert set(folded["lane_id"]) == kept | {OTHER_LANE_ID}
    other = folded[folded["lane_id"] == OTHER_LANE_ID]
    assert other["lane_index"].eq(folded["lane_index"].max()).all(), "the Other lane comes last"
    assert set(other["item_id"]) == set(full.loc[~full["lane_id"].isin(kept), "item_id"])
    assert set(folded["item_id"]) == set(items["item_id"])
    assert folded_lane_count(folded) == full["lane_id"].nunique() - 4
    assert folded_lane_count(full) == 0
    assert folded_lane_count(full.head(0)) == 0


def test_over_max_markers_items_are_counted_per_lane_period_and_kind(dataset, items):
    """Forced with a low threshold: every marker is in exactly one count, nothing is lost."""
    view = timeline_view(items, dataset.actors, "actor", max_markers=10)
    assert view.is_counted
    assert view.options == {}
    counts = view.counts
    assert counts["count"].sum() == len(view.placed)
    assert counts["bubble_id"].is_unique
    laned = lanes_of_items(items, dataset.actors, "actor")
    expected = laned.groupby(["lane_id", "kind"]).size()
    assert counts.groupby(["lane_id", "kind"])["count"].sum().equals(expected)
    assert view.bucket == "day", "a few crisis days and the background fit in daily counts"
    assert (counts["x_marker"] > counts["start"]).all()
    assert (counts["x_marker"] < counts["end"]).all()
    armenia = counts[(counts["lane_id"] == "armenia") & (counts["kind"] == "statement")].iloc[0]
    listed = view.count_items(armenia["bubble_id"])
    assert len(listed) == armenia["count"]
    assert (listed["x_marker"] >= armenia["start"]).all()
    assert (listed["x_marker"] < armenia["end"]).all()
    assert view.count_items("counts:nobody|statement|2000-01-01").empty


def test_counts_take_a_coarser_period_when_days_are_too_many(dataset, items):
    laned = lanes_of_items(items, dataset.actors, "actor")
    daily, _, bucket = count_in_lanes(laned)
    assert bucket == "day"
    coarse, _, coarser_bucket = count_in_lanes(laned, max_bubbles=len(daily) - 1)
    assert coarser_bucket != "day"
    assert len(coarse) < len(daily)
    assert coarse["count"].sum() == daily["count"].sum()


def test_a_filtered_dataset_takes_exactly_its_items_from_the_whole(dataset, items):
    """items_in (what the page does for a filter) gives the rows timeline_items would build
    from the filtered dataset, in the same order, for every actor's filter and a pair."""
    choices = [[actor_id] for actor_id in dataset.actors["actor_id"]]
    choices.append(["armenia", "azerbaijan"])
    for actor_ids in choices:
        part = filter_dataset(dataset, actor_ids)
        taken = items_in(items, part)
        # Same values; a column with no value at all may be typed object in one, str in
        # other, and the categoricals taken keep the whole set's categories.
        pd.testing.assert_frame_equal(
            taken,
            timeline_items(part),
            check_exact=True,
            check_dtype=False,
            check_categorical=False,
        )
        assert len(taken) == len(part.statements) + len(part.events)


def test_the_table_shown_is_the_first_rows_of_the_whole_table(dataset, items, monkeypatch):
    """Over MAX_TABLE_ROWS items, the view makes the table it shows from its first rows
    only, and the whole table (the CSV) when first asked: the same rows either way."""
    monkeypatch.setattr("components.timeline.frames.MAX_TABLE_ROWS", 10)
    view = timeline_view(items, dataset.actors, "actor", max_markers=10)
    assert view.is_counted
    assert view.row_count == len(items)
    assert "table" not in vars(view), "the whole table waits for a download"
    whole = items_table(items)
    pd.testing.assert_frame_equal(view.shown_table, whole.head(10), check_exact=True)
    assert "table" not in vars(view)
    pd.testing.assert_frame_equal(view.table, whole, check_exact=True)
    bubble = view.counts["bubble_id"].iloc[0]
    listed = view.count_items(bubble)
    assert list(listed.columns) == ITEM_COLUMNS
    assert len(listed) == view.counts["count"].iloc[0]
    assert MAX_TABLE_ROWS > 10


def test_a_range_is_noted_as_precisely_as_its_ends_read(corpus):
    """The first Karabakh war, 1990–1999, was noted "range of days": a range of whole years
    is a range of years, of whole months a range of months, any other a range of days (as
    dates.range_label writes the range itself), in the hover and in the detail alike."""
    corpus_items = timeline_items(corpus).set_index("item_id")
    expected = {
        "event:ev-first-karabakh-war": ("1990s (range)", "range of years"),
        "event:ev-border-incidents": ("1 Jan – 23 Jul 2021 (range)", "range of days"),
        "statement:rt0513-s05": ("11–12 May 2021 (range)", "range of days"),
    }
    for item_id, (label, note) in expected.items():
        item = corpus_items.loc[item_id]
        assert (item["date_label"], item["precision_note"]) == (label, note)
        assert item_detail(corpus, item_id).precision_note == note
    ranges = corpus_items[corpus_items["date_precision"] == "range"]
    assert set(ranges["precision_note"]) == {"range of years", "range of days"}
