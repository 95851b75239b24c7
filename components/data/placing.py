"""A record in its article: the span and sentence of its quote, and its date.

Statements and event reports are placed alike. Each step adds a Problem naming the file,
the record and the field, and returns False, when the record cannot be placed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from . import records as rec
from .dates import resolve_when
from .errors import Problems
from .text import find_span, sentence_bounds


def place_quote(row: dict, article: dict, label: str, name: str, problems: Problems) -> bool:
    """Find the quote's span in the text and the sentence around it."""
    text = article["text"]
    try:
        start, end = find_span(text, row.pop("quote"), row.pop("occurrence"))
    except ValueError as error:
        problems.add(label, name, "quote", str(error))
        return False
    sentence_start, sentence_end = sentence_bounds(text, start, end)
    row.update(
        article_id=article["article_id"],
        quote=text[start:end],
        start_char=start,
        end_char=end,
        sentence=text[sentence_start:sentence_end],
        _file=label,
    )
    return True


def resolve_date(row: dict, article: dict, label: str, name: str, problems: Problems) -> bool:
    """Resolve 'when' against the publication date and check its date_quote."""
    expression = row.pop("when")
    try:
        resolved = resolve_when(expression, article["published_date"])
    except ValueError as error:
        problems.add(label, name, "when", str(error))
        return False
    asserted = row.pop("date_precision")
    if asserted is not None and asserted != resolved.precision:
        problems.add(
            label,
            name,
            "date_precision",
            f"expected {resolved.precision!r} for when={expression!r}, got {asserted!r}",
        )
        return False
    date_quote, occurrence = row["date_quote"], row.pop("date_quote_occurrence")
    if date_quote is not None:
        try:
            find_span(article["text"], date_quote, occurrence)
        except ValueError as error:
            problems.add(label, name, "date_quote", str(error))
            return False
    elif resolved.precision != "as_reported":
        problems.add(
            label,
            name,
            "date_quote",
            f"missing; expected the article's words that give the date {expression!r} "
            "(only 'as reported' needs none)",
        )
        return False
    row.update(
        date_expression=expression,
        start_date=resolved.start_date,
        end_date=resolved.end_date,
        date_precision=resolved.precision,
        part_of_day=resolved.part_of_day,
        date_label=resolved.label,
    )
    return True


def placed_items(
    items: Iterable,
    specs: dict,
    words_field: str,
    where: str,
    text: str,
    label: str,
    problems: Problems,
) -> Iterator[tuple[int, str, dict, int, int]]:
    """Each mapping of a record's list (claims, not_statements, not_mentions) checked against
    ``specs``, with the span of its ``words_field`` in ``text``: yields (position, its name,
    the parsed item, start, end); an item that cannot be placed adds a Problem instead."""
    for position, item in enumerate(items or (), start=1):
        name = f"{where} {position}"
        parsed = rec.parse_record(item, specs, "", name, label, problems)
        if parsed is None:
            continue
        try:
            start, end = find_span(text, parsed[words_field], parsed["occurrence"])
        except ValueError as error:
            problems.add(label, name, words_field, str(error))
            continue
        yield position, name, parsed, start, end
