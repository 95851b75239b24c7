"""Reshaping for the Overview page: the source line of each article and the key counts."""

import pandas as pd

from components.data import Dataset

# Tables counted on the Overview, with the label each count is shown under.
COUNTED_TABLES = {
    "actors": "Actors",
    "statements": "Statements",
    "events": "Events",
    "locations": "Locations",
}


def key_counts(dataset: Dataset) -> dict[str, int]:
    """Label -> number of rows, for the tables in COUNTED_TABLES."""
    return {label: len(getattr(dataset, table)) for table, label in COUNTED_TABLES.items()}


def article_source_lines(articles: pd.DataFrame) -> list[str]:
    """One line per article: title, outlet (with agency) and publication date."""
    ordered = articles.sort_values(["published_date", "article_id"], kind="stable")
    return [_source_line(row) for row in ordered.itertuples(index=False)]


def _source_line(article) -> str:
    publisher = article.outlet
    if isinstance(article.agency, str) and article.agency:
        publisher = f"{article.outlet}/{article.agency}"
    published = f"{article.published_date.day} {article.published_date:%B %Y}"
    return f"“{article.title}”, {publisher}, {published}"
