"""The shared actor filter's rule, on the real dataset: what concerns the chosen actors."""

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from components.app.filters import events_mask, filter_dataset, isin_many, with_descendants


def test_no_selection_keeps_everything(dataset):
    assert filter_dataset(dataset, []) is dataset


def test_descendants_follow_the_parent_chain(dataset):
    assert with_descendants(dataset.actors, ["united_states"]) == {
        "united_states",
        "us_state_department",
        "porter",
        "us_state_department_official",
    }
    assert with_descendants(dataset.actors, ["nobody"]) == set()


def test_statements_of_speaker_target_or_reporter(dataset):
    kept = filter_dataset(dataset, ["kremlin"])
    # The Kremlin reports Putin's words (s17); its spokesperson speaks (s18, s19); Putin is
    # the target of Pashinyan's appeal (s05).
    assert set(kept.statements["statement_id"]) == {"s05", "s17", "s18", "s19"}
    assert set(kept.stances["statement_id"]) <= set(kept.statements["statement_id"])


def test_events_with_any_chosen_actor(dataset):
    kept = filter_dataset(dataset, ["macron"])
    assert set(kept.events["event_id"]) == {"e04"}
    assert set(kept.statements["statement_id"]) == {"s11"}


def test_related_actors_and_places_come_along(dataset):
    kept = filter_dataset(dataset, ["porter"])
    assert set(kept.statements["statement_id"]) == {"s14", "s15"}
    assert {"porter", "azerbaijan", "azerbaijani_forces"} <= set(kept.actors["actor_id"])
    assert {"sev_lich", "washington_dc"} <= set(kept.locations["location_id"])
    actor_mentions = kept.mentions[kept.mentions["entity_type"] == "actor"]
    assert set(actor_mentions["entity_id"]) == {"porter"}


def test_filter_never_changes_the_full_dataset(dataset):
    before = len(dataset.statements)
    filter_dataset(dataset, ["armenia"])
    assert len(dataset.statements) == before


@pytest.mark.parametrize(
    ("column", "values", "expected"),
    [
        pytest.param(["a", "b", None, "c"], ["c", "a"], [True, False, False, True], id="str"),
        pytest.param(["a", None], [None], [False, False], id="missing never matches"),
        pytest.param(["a", "b"], [], [False, False], id="no values"),
        pytest.param([], ["a"], [], id="empty column"),
        pytest.param([None, None], ["a"], [False, False], id="all missing"),
    ],
)
def test_isin_many_is_a_plain_mask(column, values, expected):
    for dtype in ("str", object):
        found = isin_many(pd.Series(column, dtype=dtype), pd.Series(values, dtype=object))
        assert isinstance(found, np.ndarray)
        assert found.tolist() == expected


def test_isin_many_matches_large_and_small_arrow_strings():
    column = pd.Series(["s1", "s2", "s3"], dtype=pd.ArrowDtype(pa.large_string()))
    values = pd.Series(["s3", "s1"], dtype=pd.ArrowDtype(pa.string()))
    assert isin_many(column, values).tolist() == [True, False, True]


def test_events_mask_keeps_events_with_any_chosen_actor():
    events = pd.DataFrame({"actor_ids": [("a", "b"), (), ("c",), ("b", "c")]})
    assert events_mask(events, {"b"}).tolist() == [True, False, False, True]
    assert events_mask(events, set()).tolist() == [False, False, False, False]
