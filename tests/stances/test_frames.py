"""The Stances reshaping (components/stances/frames.py, relations.py, grouping.py): real data
and tiny frames."""

from dataclasses import replace

import pandas as pd
import pytest

from components.app.contradictions import contradiction_pairs
from components.app.filters import filter_dataset
from components.data.schemas import STATEMENT_TYPES
from components.stances.frames import (
    NO_STATEMENT,
    cell_choices,
    cell_evidence,
    cell_from_selection,
    matrix_table,
    matrix_words,
    order_actors,
    row_actor_ids,
    stance_cells,
    stance_distance,
)
from components.stances.grouping import sorted_codes
from components.stances.relations import (
    TARGET_TONES,
    TARGET_VERBS,
    agreement_edges,
    contradictions_in_scope,
    targeting_edges,
)


@pytest.fixture(scope="module")
def names(dataset):
    return dict(zip(dataset.actors["actor_id"], dataset.actors["actor_name"], strict=True))


@pytest.fixture(scope="module")
def issue_labels(dataset):
    return dict(zip(dataset.issues["issue_id"], dataset.issues["issue_label"], strict=True))


def cell(cells: pd.DataFrame, actor_id: str, issue_id: str) -> dict:
    found = cells.loc[(cells["actor_id"] == actor_id) & (cells["issue_id"] == issue_id)]
    assert len(found) == 1, f"no single cell {actor_id} × {issue_id}"
    return found.iloc[0].to_dict()


# Tiny frames: two members of one state who disagree, and an outsider.
TINY_ACTORS = pd.DataFrame(
    {
        "actor_id": ["land", "minister", "envoy", "other"],
        "actor_name": ["Land", "Minister", "Envoy", "Other"],
        "state_actor_id": ["land", "land", "land", "other"],
    }
)


def tiny_stances(rows: list[tuple[str, str, str, str]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["statement_id", "actor_id", "issue_id", "stance"])


# --- the matrix on the real dataset ------------------------------------------------------


def test_united_states_supports_withdrawal(dataset):
    """The US demanded the withdrawal twice in its own name (s08, s13)."""
    found = cell(
        stance_cells(dataset.stances, dataset.actors, "actor"), "united_states", "withdrawal"
    )
    assert found["stance"] == "support"
    assert found["statement_ids"] == ("s08", "s13")
    assert found["statement_count"] == 2


def test_azerbaijan_opposes_border_violation_claim(dataset):
    """Baku rejected the accusation (s07): it opposes "Azerbaijan crossed the border"."""
    found = cell(
        stance_cells(dataset.stances, dataset.actors, "actor"), "azerbaijan", "border_violation"
    )
    assert (found["stance"], found["statement_ids"]) == ("oppose", ("s07",))


def test_kremlin_opposes_military_aid_request_claim(dataset):
    found = cell(
        stance_cells(dataset.stances, dataset.actors, "actor"),
        "kremlin_spokesperson",
        "military_aid_request",
    )
    assert (found["stance"], found["statement_ids"]) == ("oppose", ("s19",))


def test_state_level_rolls_members_up_to_their_state(dataset):
    """Porter (a State Department spokeswoman) counts for the United States; Pashinyan for
    Armenia; every row is the state_actor_id of some actor who took a stance."""
    actor_cells = stance_cells(dataset.stances, dataset.actors, "actor")
    state_cells = stance_cells(dataset.stances, dataset.actors, "state")
    states = dataset.actors.set_index("actor_id")["state_actor_id"]
    assert set(state_cells["actor_id"]) == set(actor_cells["actor_id"].map(states))
    assert {"porter", "pashinyan", "putin"} <= set(actor_cells["actor_id"])
    assert not {"porter", "pashinyan", "putin"} & set(state_cells["actor_id"])
    us = cell(state_cells, "united_states", "withdrawal")
    assert us["statement_ids"] == ("s08", "s13", "s15")
    armenia = cell(state_cells, "armenia", "military_aid_request")
    assert armenia["statement_ids"] == ("s01", "s05", "s16")
    assert len(state_cells) < len(actor_cells)


def test_state_level_keeps_every_stance_statement(dataset):
    """Rolling up moves statements between rows but never drops one."""
    for level in ("actor", "state"):
        cells = stance_cells(dataset.stances, dataset.actors, level)
        kept = {sid for ids in cells["statement_ids"] for sid in ids}
        assert kept == set(dataset.stances["statement_id"])


def test_filter_drops_statements_outside_it(dataset):
    """With the filter on Azerbaijan, Macron's UN Security Council stance drops out."""
    filtered = filter_dataset(dataset, ["azerbaijan"])
    cells = stance_cells(filtered.stances, dataset.actors, "actor")
    assert "macron" not in set(cells["actor_id"])
    assert cell(cells, "azerbaijan", "border_violation")["stance"] == "oppose"


# --- the matrix on tiny frames -----------------------------------------------------------


def test_cell_of_opposed_members_is_mixed_at_state_level():
    stances = tiny_stances([("s1", "minister", "i1", "support"), ("s2", "envoy", "i1", "oppose")])
    actor_level = stance_cells(stances, TINY_ACTORS, "actor")
    assert sorted(actor_level["stance"]) == ["oppose", "support"]
    state_level = stance_cells(stances, TINY_ACTORS, "state")
    assert state_level[["actor_id", "stance", "statement_count"]].to_dict("records") == [
        {"actor_id": "land", "stance": "mixed", "statement_count": 2}
    ]
    assert (state_level.iloc[0]["support_count"], state_level.iloc[0]["oppose_count"]) == (1, 1)


def test_unknown_level_is_refused():
    with pytest.raises(ValueError, match="level must be one of"):
        stance_cells(tiny_stances([("s1", "land", "i1", "support")]), TINY_ACTORS, "county")


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        pytest.param({"i1": 1, "i2": -1}, {"i1": 1, "i2": -1}, 0.0, id="same side everywhere"),
        pytest.param({"i1": 1}, {"i1": -1}, 2.0, id="opposite sides"),
        pytest.param({"i1": 1}, {"i2": 1}, 1.0, id="no shared issue"),
        pytest.param({"i1": 1}, {"i1": 0}, 1.0, id="support against neutral"),
        pytest.param(
            {"i1": 1, "i2": 1}, {"i1": 1, "i2": -1}, 1.0, id="one agreement, one conflict"
        ),
    ],
)
def test_stance_distance(left, right, expected):
    assert stance_distance(left, right) == expected


def test_like_minded_order_keeps_allies_together_and_opponents_apart():
    """a and c agree on two issues; b opposes them; d agrees with a on one. Alphabetical
    order would split the allies; the like-minded order puts them side by side."""
    cells = pd.DataFrame(
        {
            "actor_id": ["a", "a", "b", "b", "c", "c", "d"],
            "issue_id": ["i1", "i2", "i1", "i2", "i1", "i2", "i1"],
            "stance": ["support", "oppose", "oppose", "support", "support", "oppose", "support"],
            "statement_count": [1, 1, 1, 1, 1, 1, 1],
        }
    )
    names = {actor_id: actor_id for actor_id in "abcd"}
    assert order_actors(cells, names, "name") == ["a", "b", "c", "d"]
    order = order_actors(cells, names, "like-minded")
    assert sorted(order) == ["a", "b", "c", "d"]
    assert abs(order.index("a") - order.index("c")) == 1
    assert order.index("b") in (0, 3), "the opponent sits at one end"


def test_statements_order_puts_most_stances_first(dataset, names):
    cells = stance_cells(dataset.stances, dataset.actors, "state")
    order = order_actors(cells, names, "statements")
    totals = cells.groupby("actor_id")["statement_count"].sum()
    assert [totals[a] for a in order] == sorted(totals, reverse=True)
    assert order[0] == "armenia"


def test_matrix_table_has_one_row_per_actor_and_two_columns_per_issue(dataset, names):
    cells = stance_cells(dataset.stances, dataset.actors, "state")
    rows = order_actors(cells, names, "like-minded")
    table = matrix_table(cells, rows, dataset.issues, names)
    assert table["actor_id"].tolist() == rows
    assert len(table.columns) == 2 + 2 * len(dataset.issues)
    us = table.set_index("actor_id").loc["united_states"]
    assert (us["withdrawal"], us["withdrawal_statement_count"]) == ("support", 3)
    assert (us["ceasefire"], us["ceasefire_statement_count"]) == (NO_STATEMENT, 0)
    assert table.set_index("actor_id").loc["azerbaijan", "border_violation"] == "oppose"


# --- evidence, selection, choices --------------------------------------------------------


def test_cell_evidence_lists_the_statements_behind_a_state_cell(dataset):
    evidence = cell_evidence(
        dataset.stances, dataset.statements, dataset.actors, "armenia|military_aid_request", "state"
    )
    assert evidence["statement_id"].tolist() == ["s01", "s05", "s16"]
    assert evidence["actor_name"].tolist() == ["Armenia", "Nikol Pashinyan", "Nikol Pashinyan"]
    assert set(evidence["stance"]) == {"support"}
    assert evidence["quote"].iloc[1].startswith("assuring to have asked Russian President")
    for row in evidence.itertuples():
        assert row.quote in row.sentence, "the evidence sits in its article sentence"


def test_cell_choices_follow_the_matrix_reading_order(dataset, names):
    cells = stance_cells(dataset.stances, dataset.actors, "state")
    rows = ["united_states", "armenia", "azerbaijan", "france", "eu", "russia"]
    choices = cell_choices(cells, rows, dataset.issues, names)
    assert len(choices) == len(cells)
    assert list(choices)[:2] == ["united_states|withdrawal", "united_states|de_escalation"]
    assert choices["united_states|withdrawal"] == (
        "United States · Azerbaijani troops must withdraw: support (3 statements)"
    )


@pytest.mark.parametrize(
    ("selection", "expected"),
    [
        pytest.param(None, None, id="no chart state yet"),
        pytest.param({"selection": {"points": []}}, None, id="nothing chosen"),
        pytest.param(
            {"selection": {"points": [{"customdata": "us|withdrawal"}]}},
            "us|withdrawal",
            id="customdata as text",
        ),
        pytest.param(
            {"selection": {"points": [{"customdata": ["us|withdrawal"]}]}},
            "us|withdrawal",
            id="customdata as list",
        ),
        pytest.param(
            {"selection": {"points": [{"x": 1}, {"customdata": "a|b"}]}},
            "a|b",
            id="point without customdata skipped",
        ),
    ],
)
def test_cell_from_selection(selection, expected):
    assert cell_from_selection(selection) == expected


# --- actor × actor, who targets whom, contradictions --------------------------------------


def test_agreement_and_conflict_between_states(dataset, names, issue_labels):
    cells = stance_cells(dataset.stances, dataset.actors, "state")
    edges = agreement_edges(cells, names, issue_labels)
    found = {
        (row.actor_id, row.other_actor_id, row.relation): row.issue_ids
        for row in edges.itertuples()
    }
    assert found[("armenia", "azerbaijan", "conflict")] == "border_violation"
    assert found[("armenia", "russia", "conflict")] == "military_aid_request"
    assert found[("france", "united_states", "agreement")] == "withdrawal"
    assert ("armenia", "azerbaijan", "agreement") not in found
    assert (edges["actor_id"] < edges["other_actor_id"]).all(), "each pair listed once"


def test_neutral_and_mixed_cells_make_no_edge():
    cells = pd.DataFrame(
        {
            "actor_id": ["a", "b", "c", "d"],
            "issue_id": ["i1", "i1", "i1", "i1"],
            "stance": ["support", "neutral", "mixed", "oppose"],
            "statement_count": [1, 1, 2, 3],
        }
    )
    edges = agreement_edges(cells, {}, {"i1": "Issue one"})
    assert edges[["actor_id", "other_actor_id", "relation", "statement_count"]].to_dict(
        "records"
    ) == [{"actor_id": "a", "other_actor_id": "d", "relation": "conflict", "statement_count": 4}]
    assert edges.iloc[0]["issue_labels"] == "Issue one"


def test_every_statement_type_has_a_verb_and_a_tone():
    assert set(TARGET_VERBS) == set(STATEMENT_TYPES) == set(TARGET_TONES)


def test_who_targets_whom_at_both_levels(dataset):
    actor_edges = targeting_edges(dataset.statements, dataset.actors, "actor")
    denial = actor_edges.loc[actor_edges["statement_ids"] == "s07"].iloc[0]
    assert (denial["speaker_name"], denial["verb"], denial["target_name"]) == (
        "Azerbaijan",
        "denies the claims of",
        "Armenia",
    )
    state_edges = targeting_edges(dataset.statements, dataset.actors, "state")
    us_demands = state_edges.loc[
        (state_edges["speaker_actor_id"] == "united_states")
        & (state_edges["target_actor_id"] == "azerbaijan")
        & (state_edges["statement_type"] == "demand")
    ]
    assert us_demands["statement_ids"].tolist() == ["s08; s13; s15"]
    targeted = dataset.statements["target_actor_id"].notna().sum()
    assert actor_edges["statement_count"].sum() == state_edges["statement_count"].sum() == targeted


def test_contradictions_keep_pairs_with_a_side_in_the_filter(dataset):
    pairs = contradiction_pairs(dataset)
    everyone = contradictions_in_scope(pairs, dataset.statements["statement_id"])
    assert set(
        zip(everyone["statement_id"], everyone["contradicted_statement_id"], strict=True)
    ) == {
        ("s07", "s06"),
        ("s19", "s05"),
    }
    only_pashinyan = filter_dataset(dataset, ["pashinyan"]).statements["statement_id"]
    narrowed = contradictions_in_scope(pairs, only_pashinyan)
    assert narrowed["statement_id"].tolist() == ["s19"]


def test_like_minded_order_of_hundreds_of_actors_is_quick():
    """The order grows with the square of the actors, not the cube: 400 actors on 8 issues
    (what a large corpus reaches) take milliseconds; the old clustering took minutes."""
    import time

    import numpy as np

    rng = np.random.default_rng(0)
    actor_ids = [f"a{n:03d}" for n in range(400)]
    rows = [
        (actor_id, f"i{issue}", ("support", "oppose", "neutral")[rng.integers(3)])
        for actor_id in actor_ids
        for issue in rng.choice(8, size=3, replace=False)
    ]
    cells = pd.DataFrame(rows, columns=["actor_id", "issue_id", "stance"]).assign(statement_count=1)
    start = time.perf_counter()
    order = order_actors(cells, {}, "like-minded")
    assert time.perf_counter() - start < 2.0
    assert sorted(order) == actor_ids


# --- grouping on tiny frames (integer codes must give what a sorted groupby gives) --------


def test_cells_count_distinct_statements_and_sort_their_ids():
    stances = tiny_stances(
        [
            ("s9", "minister", "i2", "support"),
            ("s3", "minister", "i2", "oppose"),
            ("s3", "minister", "i2", "oppose"),  # the same stance twice counts once
            ("s10", "minister", "i2", "support"),
            ("s1", "envoy", "i1", "neutral"),
            ("s1", "envoy", "i1", "neutral"),
        ]
    )
    expected = pd.DataFrame(
        {
            "actor_id": ["envoy", "minister"],
            "issue_id": ["i1", "i2"],
            "stance": ["neutral", "mixed"],
            "statement_count": [1, 3],
            "support_count": [0, 2],
            "oppose_count": [0, 1],
            "neutral_count": [1, 0],
            "statement_ids": [("s1",), ("s10", "s3", "s9")],
        }
    )
    cells = stance_cells(stances, TINY_ACTORS, "actor")
    pd.testing.assert_frame_equal(cells, expected, check_dtype=False)
    state_cells = stance_cells(stances, TINY_ACTORS, "state")
    assert state_cells[["actor_id", "issue_id", "statement_ids"]].values.tolist() == [
        ["land", "i1", ("s1",)],
        ["land", "i2", ("s10", "s3", "s9")],
    ]


def test_targets_group_speaker_target_and_type_with_sorted_ids():
    statements = pd.DataFrame(
        {
            "statement_id": ["s4", "s2", "s3", "s1", "s5"],
            "speaker_actor_id": ["minister", "envoy", "minister", "minister", "other"],
            "target_actor_id": ["other", "other", "other", "other", None],
            "statement_type": ["warning", "warning", "warning", "demand", "claim"],
        }
    )
    edges = targeting_edges(statements, TINY_ACTORS, "actor")
    assert edges[
        ["speaker_actor_id", "target_actor_id", "statement_type", "statement_ids"]
    ].values.tolist() == [
        ["minister", "other", "warning", "s3; s4"],
        ["envoy", "other", "warning", "s2"],
        ["minister", "other", "demand", "s1"],
    ]
    state_edges = targeting_edges(statements, TINY_ACTORS, "state")
    assert state_edges[
        ["speaker_actor_id", "statement_type", "statement_count", "statement_ids"]
    ].values.tolist() == [
        ["land", "warning", 3, "s2; s3; s4"],
        ["land", "demand", 1, "s1"],
    ]


def test_contradiction_pairs_name_the_first_opposed_issue(dataset):
    statements = pd.DataFrame(
        {
            "statement_id": ["s1", "s2", "s3", "s4"],
            "speaker_actor_id": ["minister", "envoy", "other", "envoy"],
            "quote": ["q1", "q2", "q3", "q4"],
            "sentence": ["t1", "t2", "t3", "t4"],
            "date_label": ["d1", "d2", "d3", "d4"],
            "contradicts_statement_id": [None, "s1", "s2", "gone"],
        }
    )
    stances = tiny_stances(
        [
            ("s1", "minister", "i1", "support"),
            ("s1", "minister", "i2", "support"),
            ("s2", "envoy", "i1", "neutral"),
            ("s2", "envoy", "i2", "oppose"),
            ("s3", "other", "i2", "neutral"),
        ]
    )
    issues = pd.DataFrame({"issue_id": ["i1", "i2"], "issue_label": ["One", "Two"]})
    tiny = replace(
        dataset, statements=statements, stances=stances, actors=TINY_ACTORS, issues=issues
    )
    pairs = contradiction_pairs(tiny)
    # s4 contradicts a statement that is not there: no pair. s3 is neutral: no issue.
    sides = [
        "statement_id",
        "contradicted_statement_id",
        "speaker_name",
        "contradicted_speaker_name",
    ]
    assert pairs[sides].values.tolist() == [
        ["s2", "s1", "Envoy", "Minister"],
        ["s3", "s2", "Other", "Envoy"],
    ]
    assert pairs["issue_label"].iloc[0] == "Two"
    assert pd.isna(pairs["issue_label"].iloc[1])
    assert pairs["contradicted_quote"].tolist() == ["q1", "q2"]


def test_state_rows_roll_actors_up_and_keep_unknown_and_missing_ids():
    actor_ids = pd.Series(
        ["minister", None, "other", "stranger", "minister"], index=[4, 5, 6, 7, 8]
    )
    rows = row_actor_ids(actor_ids, TINY_ACTORS, "state")
    assert rows.index.tolist() == [4, 5, 6, 7, 8]
    assert rows.tolist()[:1] + rows.tolist()[2:] == ["land", "other", "stranger", "land"]
    assert pd.isna(rows.iloc[1])
    assert row_actor_ids(actor_ids, TINY_ACTORS, "actor") is actor_ids


@pytest.mark.parametrize(
    "values",
    [
        ["s01", "s01", "s03", "s10", "s10", "s2"],  # in order: counted between neighbours
        ["s10", "s01", "s2", "s01", "s03", "s10"],  # out of order: hashed and sorted
        ["b", "a"],
        ["only"],
        ["é", "e", "z", "ä"],
    ],
)
def test_sorted_codes_are_the_sorted_factorization(values):
    """Both ways of coding give what pandas' sorted factorize gives."""
    codes, distinct = sorted_codes(pd.Series(values, dtype="str"))
    expected_codes, expected_distinct = pd.factorize(pd.Series(values, dtype=object), sort=True)
    assert codes.tolist() == expected_codes.tolist()
    assert distinct.tolist() == list(expected_distinct)


def test_matrix_words_gives_each_cell_in_words_in_the_matrix_order():
    """The text version of the matrix: rows in the given order, a column per issue label,
    a stance word and count per cell, a mixed cell's parts named, "—" where none."""
    cells = pd.DataFrame(
        [
            ("a", "i1", "support", 2, 2, 0, 0, ("s1", "s2")),
            ("b", "i1", "mixed", 3, 1, 1, 1, ("s3", "s4", "s5")),
            ("b", "i2", "oppose", 1, 0, 1, 0, ("s6",)),
        ],
        columns=[
            "actor_id", "issue_id", "stance", "statement_count",
            "support_count", "oppose_count", "neutral_count", "statement_ids",
        ],
    )  # fmt: skip
    table = matrix_words(cells, ["b", "a"], {"i1": "Issue one", "i2": "Issue two"}, {"a": "A"})
    expected = pd.DataFrame(
        {
            "Actor": ["b", "A"],
            "Issue one": ["mixed (1 support, 1 oppose, 1 neutral)", "supports (2)"],
            "Issue two": ["opposes (1)", "—"],
        }
    )
    pd.testing.assert_frame_equal(table, expected)
