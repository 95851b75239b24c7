"""The agreement table on the whole corpus: every link is listed, the strongest first, and
each one is found by searching for either of its actors (the page shows them in a box of
fixed height, with that search)."""

import pandas as pd
import pytest

from components.app.contradictions import contradiction_pairs
from components.stances.model import AGREEMENT_TABLE_COLUMNS, build_stances_view
from components.stances.relations import links_naming, strongest_first


@pytest.fixture(scope="module")
def view(corpus):
    return build_stances_view(
        corpus, corpus, "actor", "like-minded", pairs=contradiction_pairs(corpus)
    )


def test_the_table_lists_every_link(view):
    table = view.agreement_table
    assert len(table) == len(view.agreements) > 500
    assert list(table.columns) == AGREEMENT_TABLE_COLUMNS
    keys = ["actor_name", "other_actor_name", "relation"]
    pd.testing.assert_frame_equal(
        table[keys].sort_values(keys).reset_index(drop=True),
        view.agreements[keys].sort_values(keys).reset_index(drop=True),
    )


def test_the_strongest_links_come_first(view):
    table = view.agreement_table
    strength = list(zip(table["issue_count"], table["statement_count"], strict=True))
    assert strength == sorted(strength, reverse=True)


def test_every_link_is_found_by_either_actor(view):
    table = view.agreement_table
    for name in pd.unique(table[["actor_name", "other_actor_name"]].to_numpy().ravel()):
        found = links_naming(table, name)
        expected = table.loc[(table["actor_name"] == name) | (table["other_actor_name"] == name)]
        assert expected.index.isin(found.index).all(), name


def test_search_ignores_case_and_blank_words():
    edges = strongest_first(
        pd.DataFrame(
            {
                "actor_name": ["France", "Armenia"],
                "other_actor_name": ["Armenia", "Azerbaijan"],
                "relation": ["agreement", "conflict"],
                "issue_count": [1, 3],
                "statement_count": [2, 9],
            }
        )
    )
    assert list(edges["actor_name"]) == ["Armenia", "France"]
    assert len(links_naming(edges, "  ")) == 2
    assert list(links_naming(edges, " fRANCE ")["other_actor_name"]) == ["Armenia"]
    assert len(links_naming(edges, "armenia")) == 2
    assert links_naming(edges, "Iran").empty
