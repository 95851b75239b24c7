"""Unit tests of the shared filter helpers in components/app/state.py."""

import pandas as pd
import pytest

from components.app.state import actor_choices, split_known_ids


@pytest.mark.parametrize(
    ("actor_ids", "expected"),
    [
        pytest.param(["b", "a"], (["b", "a"], []), id="all known, order kept"),
        pytest.param(["a", "zz", "b"], (["a", "b"], ["zz"]), id="unknown id split off"),
        pytest.param(["a", "a", "zz", "zz"], (["a"], ["zz"]), id="repeats dropped"),
        pytest.param([], ([], []), id="empty"),
    ],
)
def test_split_known_ids(actor_ids, expected):
    assert split_known_ids(actor_ids, {"a", "b"}) == expected


def test_actor_choices_are_ordered_by_type_then_name():
    actors = pd.DataFrame(
        {
            "actor_id": ["pashinyan", "armenia", "aliyev", "azerbaijan"],
            "actor_name": ["Nikol Pashinyan", "Armenia", "Ilham Aliyev", "Azerbaijan"],
            "actor_type": ["person", "state", "person", "state"],
        }
    )
    assert list(actor_choices(actors).items()) == [
        ("aliyev", "Ilham Aliyev"),
        ("pashinyan", "Nikol Pashinyan"),
        ("armenia", "Armenia"),
        ("azerbaijan", "Azerbaijan"),
    ]
