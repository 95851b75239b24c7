"""A statement found by a rule (Attribution) and the span helpers the rules share:
quotation ranges, a sentence's bounds without its edge punctuation and paragraph break."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from .speakers import Speaker
from .when import DatePhrase

_QUOTES = re.compile(r"“[^”]{1,2000}”|\"[^\"\n]{1,2000}\"|«[^»]{1,2000}»")


@dataclass
class Attribution:
    """One statement found by a rule: its span, speaker, date and how it was found."""

    start_char: int
    end_char: int
    speaker: Speaker
    rule: str
    verb: str
    is_direct_quote: bool
    date: DatePhrase
    reported_by: Speaker | None = None
    sentence_index: int = 0
    extra_speakers: list[Speaker] = field(default_factory=list)


def quote_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of the text's quotations, marks included."""
    return [(match.start(), match.end()) for match in _QUOTES.finditer(text)]


def overlaps_quote(start: int, end: int, quotes: list[tuple[int, int]]) -> bool:
    return any(q_start < end and q_end > start for q_start, q_end in quotes)


def inside(position: int, quotes: list[tuple[int, int]]) -> bool:
    return any(start < position < end - 1 for start, end in quotes)


def trim(tokens: list[Token]) -> list[Token]:
    tokens = sorted(tokens, key=lambda t: t.i)
    while tokens and (tokens[0].is_punct and tokens[0].text not in '"“«' or tokens[0].dep_ == "cc"):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct and tokens[-1].text not in '"”»':
        tokens = tokens[:-1]
    return tokens


def sentence_bounds(sentence: Span) -> tuple[int, int]:
    tokens = trim([t for t in sentence if not t.is_space])
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
