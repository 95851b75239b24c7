"""Mentions: where an alias of the actor and place registries occurs in an article's text.

An alias names one entity only; the words an article.yaml lists under not_mentions are
skipped, and each of them must start a mention.
"""

from __future__ import annotations

from . import records as rec
from .errors import Problems
from .placing import placed_items
from .text import find_mentions


def alias_index(
    actors: list[dict], locations: list[dict], registry: dict[str, str], problems: Problems
) -> dict[str, tuple[str, str]]:
    """Each alias of the registries -> (entity type, id); ``registry``: file labels by table."""
    index: dict[str, tuple[str, str]] = {}
    entities = [("actor", "actor_id", "actors", row) for row in actors]
    entities += [("location", "location_id", "locations", row) for row in locations]
    for entity_type, id_field, table, row in entities:
        for alias in row["aliases"]:
            if alias in index and index[alias] != (entity_type, row[id_field]):
                other = index[alias]
                problems.add(
                    registry[table],
                    row[id_field],
                    "aliases",
                    f"the alias {alias!r} already belongs to {other[0]} {other[1]!r}; "
                    "expected each surface form to name one entity",
                )
            index[alias] = (entity_type, row[id_field])
    return index


def article_mentions(
    article: dict, aliases: dict[str, tuple[str, str]], label: str, problems: Problems
) -> list[dict]:
    """Every alias in the article's text, but the words its article.yaml (``label``) says
    are no mention."""
    skipped = _not_mentions(article, label, problems)
    mentions = []
    for entity_type, entity_id, surface, start, end in find_mentions(article["text"], aliases):
        if skipped.pop(start, None) is not None:
            continue
        mentions.append(
            {
                "mention_id": f"{article['article_id']}:{start}",
                "article_id": article["article_id"],
                "entity_type": entity_type,
                "entity_id": entity_id,
                "surface": surface,
                "start_char": start,
                "end_char": end,
            }
        )
    for where in skipped.values():
        problems.add(
            label,
            where,
            "surface",
            "the words start no mention; expected them to begin with an alias of the registry",
        )
    return mentions


def _not_mentions(article: dict, label: str, problems: Problems) -> dict[int, str]:
    """Starts of the words article.yaml says are no mention, with where they are listed."""
    starts = {}
    listed = placed_items(
        article.get("not_mentions"),
        rec.NOT_MENTION_FIELDS,
        "surface",
        "not_mentions",
        article["text"],
        label,
        problems,
    )
    for _, where, _, start, _ in listed:
        starts[start] = where
    return starts
