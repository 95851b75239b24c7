"""Provenance in the text: find the span of quoted words, the sentence around a span,
and every mention of an actor's or a place's alias."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable

# A sentence starts at the text's start, after a line break, or after . ! ? (and an
# optional closing quote) followed by space and a capital letter or an opening quote.
# The capital-letter rule keeps the garbled 'assistance. of the Russian' in one sentence.
_SENTENCE_START = re.compile(r"\n+|(?<=[.!?])[\"”]?\s+(?=[\"“A-Z])")


def find_span(text: str, quote: str, occurrence: int | None = None) -> tuple[int, int]:
    """Return (start, end) of ``quote`` in ``text``; raise ValueError when it cannot be placed.

    ``occurrence`` (1-based) is required when the words appear more than once.
    """
    if not quote:
        raise ValueError("expected the exact words of the article, got an empty quote")
    starts = _non_overlapping_starts(text, quote)
    if not starts:
        raise ValueError(f"expected words found in the article text; {_short(quote)} is not in it")
    if occurrence is None:
        if len(starts) > 1:
            raise ValueError(
                f"{_short(quote)} occurs {len(starts)} times in the article text; "
                "add 'occurrence: N' (1-based) to say which one"
            )
        occurrence = 1
    if not 1 <= occurrence <= len(starts):
        raise ValueError(
            f"occurrence {occurrence} asked, but {_short(quote)} occurs {len(starts)} time(s)"
        )
    start = starts[occurrence - 1]
    return start, start + len(quote)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Return the span of the sentence(s) that contain text[start:end]."""
    ends = _sentence_start_ends(text)
    before = bisect.bisect_right(ends, start)
    sentence_start = ends[before - 1] if before else 0
    after = bisect.bisect_left(ends, end, lo=before)
    sentence_end = ends[after] if after < len(ends) else len(text)
    while sentence_end > sentence_start and text[sentence_end - 1].isspace():
        sentence_end -= 1
    return sentence_start, sentence_end


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Every sentence of the text as (start, end), trailing space left out, in order."""
    bounds = [0, *_sentence_start_ends(text), len(text)]
    spans = []
    for start, end in zip(bounds, bounds[1:], strict=False):
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def find_mentions(
    text: str, aliases: dict[str, tuple[str, str]]
) -> Iterable[tuple[str, str, str, int, int]]:
    """Yield (entity_type, entity_id, surface, start, end) for every alias occurrence.

    ``aliases`` maps a surface form to (entity_type, entity_id). Matching is
    case-sensitive on whole words; at each position the longest alias wins, and
    matches never overlap.
    """
    if not aliases:
        return
    for match in _alias_pattern(frozenset(aliases)).finditer(text):
        entity_type, entity_id = aliases[match[0]]
        yield entity_type, entity_id, match[0], match.start(), match.end()


# One pattern per alias set, shaped as a trie of the aliases: an alternation of every alias
# (longest first) tries each one at every position, ten times slower on 800 aliases.
# The aliases that match at one position are prefixes of one another, so they lie on one
# path of the trie, and its greedy optional branches try the longest first: the same
# matches as the alternation.
@functools.lru_cache(maxsize=4)
def _alias_pattern(aliases: frozenset[str]) -> re.Pattern:
    trie: dict = {}
    for alias in aliases:
        node = trie
        for character in alias:
            node = node.setdefault(character, {})
        node[""] = {}
    return re.compile(r"(?<!\w)(?:" + _trie_pattern(trie) + r")(?!\w)")


def _trie_pattern(node: dict) -> str:
    branches = [
        re.escape(character) + _trie_pattern(child)
        for character, child in sorted(node.items())
        if character
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return "(?:" + body + ")?" if "" in node else body


def _non_overlapping_starts(text: str, quote: str) -> list[int]:
    # A literal search, as re.finditer(re.escape(quote)) would do it, without compiling one
    # regex per quote (that was a third of the load time of a large corpus).
    starts = []
    position = text.find(quote)
    while position >= 0:
        starts.append(position)
        position = text.find(quote, position + len(quote))
    return starts


# The loader asks for the sentence of every record of an article in turn; scanning the
# text once per article instead of once per record keeps a long article linear.
@functools.lru_cache(maxsize=8)
def _sentence_start_ends(text: str) -> list[int]:
    return [match.end() for match in _SENTENCE_START.finditer(text)]


def _short(quote: str, limit: int = 80) -> str:
    shown = quote if len(quote) <= limit else quote[: limit - 1] + "…"
    return repr(shown)
