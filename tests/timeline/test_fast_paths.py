"""The Timeline's integer-key shortcuts (components/timeline/) give what plain pandas gives.

At 100,000 statements the reshaping works on codes and on distinct values instead of sorting
and rewriting strings row by row; these tests pin each shortcut to the plain pandas it replaces.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from components.data import load_dataset
from components.timeline.counts import COUNTED_COLUMNS, _type_counts
from components.timeline.items import _per_distinct, _time_order, timeline_items
from components.timeline.lanes import _memberships, lanes_of_items
from components.timeline.table import _table_order, items_table

DAY = pd.Timestamp("2021-05-14")


@pytest.fixture(scope="module")
def items_of_real_data():
    return timeline_items(load_dataset())


def test_time_order_is_the_stable_sort_on_date_marker_kind_and_record_id():
    noon = pd.Timedelta(hours=12)
    items = pd.DataFrame(
        {
            "start_date": [DAY, DAY, DAY, DAY - pd.Timedelta(days=1), DAY, DAY, DAY],
            "x_marker": [DAY + noon] * 6 + [DAY + noon / 2],
            "kind": ["statement", "event", "statement", "statement", "event", "statement", "event"],
            "record_id": ["s10", "e2", "s9", "s99", "e10", "s10", "e99"],
        }
    ).astype({"kind": "str", "record_id": "str"})
    keys = ["start_date", "x_marker", "kind", "record_id"]
    expected = items.sort_values(keys, kind="stable").index
    assert list(_time_order(items)) == list(expected) == [3, 6, 4, 1, 0, 5, 2]


@pytest.mark.parametrize(
    "record_ids",
    [
        ["s1", "s2", "s3", "s3", "e1", "e2", "e9"],  # in blocks, rising: positions are ranks
        ["s1", "s3", "s2", "s4", "e1", "e2", "e9"],  # in blocks, one id out of order
        ["s1", "s2", "s3", "s4", "e9", "e2", "e1"],
    ],
)
def test_time_order_ranks_the_ids_whether_or_not_they_rise_in_blocks(record_ids):
    noon = pd.Timedelta(hours=12)
    items = pd.DataFrame(
        {
            "start_date": [DAY] * 7,
            "x_marker": [DAY + noon] * 7,
            "kind": ["statement"] * 4 + ["event"] * 3,
            "record_id": record_ids,
        }
    ).astype({"kind": "str", "record_id": "str"})
    keys = ["start_date", "x_marker", "kind", "record_id"]
    assert list(_time_order(items)) == list(items.sort_values(keys, kind="stable").index)


def test_per_distinct_equals_building_on_every_row():
    keys = pd.DataFrame(
        {
            "speaker": ["a", "b", "a", None, "a", None],
            "type": ["x_y", "x_y", "z", "z", "x_y", "z"],
        },
        index=[10, 11, 12, 13, 14, 15],
    ).astype("str")

    def build(frame: pd.DataFrame) -> pd.DataFrame:
        return pd.DataFrame(
            {
                "label": frame["speaker"] + ": " + frame["type"].str.replace("_", " "),
                "pair": [(s, t) for s, t in zip(frame["speaker"], frame["type"], strict=True)],
            }
        )

    spread = _per_distinct(keys, build)
    pd.testing.assert_frame_equal(spread, build(keys).set_axis(keys.index))
    assert spread["label"].tolist()[:3] == ["a: x y", "b: x y", "a: z"]
    assert spread["label"].isna().tolist() == [False, False, False, True, False, True]
    assert np.array_equal(spread.index, keys.index)


def test_per_distinct_categories_hold_the_same_values_with_sorted_categories():
    keys = pd.DataFrame({"speaker": ["b", "a", "b", None, "c"]}, index=[5, 6, 7, 8, 9])
    keys = keys.astype("str")

    def build(frame: pd.DataFrame) -> pd.DataFrame:
        return pd.DataFrame(
            {"who": "Minister " + frame["speaker"], "n": frame["speaker"].str.len()}
        )

    spread = _per_distinct(keys, build, categories=("who",))
    assert spread["who"].dtype == "category"
    assert list(spread["who"].cat.categories) == ["Minister a", "Minister b", "Minister c"]
    assert spread["who"].astype(object).where(spread["who"].notna(), None).tolist() == [
        "Minister b", "Minister a", "Minister b", None, "Minister c"
    ]  # fmt: skip
    assert spread["n"].dtype != "category"
    assert np.array_equal(spread.index, keys.index)


def test_categorical_item_columns_sort_and_compare_as_their_strings(items_of_real_data):
    """The item columns kept as categoricals have sorted categories: sorting or comparing
    them gives what the strings give (type choices, the table and the counts rely on it)."""
    items = items_of_real_data
    categorical = [name for name, dtype in items.dtypes.items() if dtype == "category"]
    assert {"kind", "item_type", "title", "who", "precision_note"} <= set(categorical)
    for name in categorical:
        as_strings = items[name].astype(object)
        assert list(items[name].cat.categories) == sorted(items[name].cat.categories)
        assert list(items[name].sort_values(kind="stable").index) == list(
            as_strings.sort_values(kind="stable").index
        ), name
        first = as_strings.dropna().iloc[0]
        assert ((items[name] == first) == (as_strings == first)).all(), name


def test_memberships_equal_exploding_the_actor_tuples():
    """(item, actor) pairs in item order, actors in tuple order; unknown actors have none."""
    tuples = pd.Series(
        [("b", "a"), ("c",), ("b", "a"), ("zz", "a"), (), ("a",), ("c",), ("zz",)],
        dtype=object,
    )
    actor_ids = pd.Series(["a", "b", "c"], dtype="str")
    position, actor = _memberships(tuples, actor_ids)
    exploded = tuples.explode().dropna()
    expected = [
        (item, ["a", "b", "c"].index(actor_id))
        for item, actor_id in exploded.items()
        if actor_id in {"a", "b", "c"}
    ]
    assert list(zip(position.tolist(), actor.tolist(), strict=True)) == expected


def test_table_order_is_the_stable_sort_on_date_marker_and_item_id():
    """In table order already (None: nothing to sort), and shuffled: the sort items_table
    needs."""
    noon = pd.Timedelta(hours=12)
    items = pd.DataFrame(
        {
            "start_date": [DAY, DAY, DAY, DAY + pd.Timedelta(days=1), DAY + pd.Timedelta(days=1)],
            "x_marker": [DAY + noon, DAY + noon, DAY + 2 * noon, DAY, DAY],
            "item_id": ["event:e1", "statement:s1", "statement:s0", "event:e0", "statement:s2"],
        }
    ).astype({"item_id": "str"})
    assert _table_order(items) is None
    for order in ([4, 2, 0, 3, 1], [1, 0, 2, 3, 4], [0, 1, 2, 4, 3]):
        frame = items.iloc[order]
        expected = frame.sort_values(["start_date", "x_marker", "item_id"], kind="stable")
        assert list(frame.index[_table_order(frame)]) == list(expected.index)


def test_items_come_in_the_order_of_the_table(items_of_real_data):
    """timeline_items orders as the table does, so the table takes them as they are."""
    items = items_of_real_data
    assert _table_order(items) is None
    table = items_table(items)
    assert table["Item"].tolist() == items["item_id"].tolist()
    # The table is plain strings, as the page shows and writes it (not categoricals).
    assert "category" not in set(table.dtypes.astype(str))
    expected = items.sort_values(["start_date", "x_marker", "item_id"], kind="stable")
    assert table["Item"].tolist() == expected["item_id"].tolist()


def test_type_counts_list_the_most_frequent_type_first_then_by_name():
    item_types = pd.Series(["denial", "appeal_for_help", "denial", "threat", "appeal_for_help"])
    bubble = np.array([0, 0, 0, 1, 0])
    assert _type_counts(item_types, bubble, 2) == ["appeal for help 2, denial 2", "threat 1"]


def test_lanes_take_each_item_once_per_lane_and_fold_ties_by_lane_id():
    """Two actors of one state put an event once in the state's lane; equally busy lanes
    are kept in lane id order when some must fold."""
    actors = pd.DataFrame(
        {
            "actor_id": ["a", "a_minister", "b", "c"],
            "actor_name": ["A", "A's minister", "B", "C"],
            "actor_type": ["state", "person", "state", "state"],
            "parent_actor_id": [None, "a", None, None],
            "state_actor_id": ["a", "a", "b", "c"],
        }
    ).astype("str")
    items = pd.DataFrame(
        {
            "item_id": ["event:e1", "statement:s1", "statement:s2"],
            "kind": ["event", "statement", "statement"],
            "item_type": ["talks", "denial", "denial"],
            "lane_actor_ids": [("a_minister", "a", "c"), ("b",), ("c",)],
            "x_marker": [DAY, DAY, DAY],
        }
    ).astype({"item_id": "str", "kind": "str", "item_type": "str"})
    by_state = lanes_of_items(items, actors, "state", columns=[*COUNTED_COLUMNS, "lane_actor_ids"])
    assert by_state[["item_id", "lane_id", "lane_actor_ids"]].values.tolist() == [
        ["event:e1", "a", "a_minister"],
        ["event:e1", "c", "c"],
        ["statement:s1", "b", "b"],
        ["statement:s2", "c", "c"],
    ]
    assert by_state.groupby("lane_id")["lane_index"].first().to_dict() == {"c": 0, "a": 1, "b": 2}
    folded = lanes_of_items(items, actors, "state", max_lanes=2, columns=COUNTED_COLUMNS)
    assert folded["lane_id"].tolist() == ["__other__", "c", "__other__", "c"]
    assert set(folded["lane_label"]) == {"C", "Other states or organisations (2)"}
