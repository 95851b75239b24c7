"""The Timeline's integer-key shortcuts (components/timeline.py) give what plain pandas gives.

At 100,000 statements the reshaping works on codes and on distinct values instead of sorting
and rewriting strings row by row; these tests pin each shortcut to the plain pandas it replaces.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from components.timeline import _per_distinct, _time_order

DAY = pd.Timestamp("2021-05-14")


def test_time_order_is_the_stable_sort_on_date_kind_and_record_id():
    items = pd.DataFrame(
        {
            "start_date": [DAY, DAY, DAY, DAY - pd.Timedelta(days=1), DAY, DAY],
            "kind": ["statement", "event", "statement", "statement", "event", "statement"],
            "record_id": ["s10", "e2", "s9", "s99", "e10", "s10"],
        }
    ).astype({"kind": "str", "record_id": "str"})
    expected = items.sort_values(["start_date", "kind", "record_id"], kind="stable").index
    assert list(_time_order(items)) == list(expected) == [3, 4, 1, 0, 5, 2]


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
