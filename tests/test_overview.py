"""Unit tests of the Overview reshaping in components/overview.py."""

from types import SimpleNamespace

import pandas as pd

from components.overview import article_source_lines, key_counts


def test_key_counts_counts_rows_per_table():
    dataset = SimpleNamespace(
        actors=pd.DataFrame({"actor_id": ["a", "b", "c"]}),
        statements=pd.DataFrame({"statement_id": ["s1"]}),
        events=pd.DataFrame({"event_id": []}),
        locations=pd.DataFrame({"location_id": ["l1", "l2"]}),
    )
    assert key_counts(dataset) == {"Actors": 3, "Statements": 1, "Events": 0, "Locations": 2}


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
