"""Noun phrases that name speakers: the Speaker and Mention records, a phrase's bounds and
cleaned words, and what kind of phrase it is (a bare title, a name, a person's title)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from .nouns import HUMAN_NOUNS, PERSON_TITLE_NOUNS
from .registry import DEMONYMS, Actor, countries


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: its name, the words in the text, and its registry actor."""

    name: str
    mention: str
    start_char: int
    end_char: int
    actor: Actor | None
    score: float
    is_person: bool

    @property
    def actor_id(self) -> str | None:
        return self.actor.actor_id if self.actor else None


@dataclass(frozen=True)
class Mention:
    """A registry actor named in the text."""

    start_char: int
    end_char: int
    surface: str
    actor: Actor


_COUNTRY_WORD = re.compile(r"[A-Za-z]+")


def first_country(text: str) -> str | None:
    """The first country a stretch of text names, by name or nationality."""
    for match in _COUNTRY_WORD.finditer(text):
        named = countries(match.group(0))
        if named:
            return sorted(named)[0]
    return None


def is_bare_title(head: Token, start: int, end: int) -> bool:
    """A title with no name in it: "the ministry", "the Azerbaijani ministry"."""
    human = head.lemma_.lower() in HUMAN_NOUNS or head.lower_ in HUMAN_NOUNS
    if not human and not secretary_general(head):
        return False
    words = head.doc.char_span(start, end, alignment_mode="expand") or [head]
    # The small model tags a lone title ("the Ombudsman said") as a PERSON now and then.
    return not any(
        t.ent_type_ == "PERSON"
        and t.lower_ not in HUMAN_NOUNS
        and t.lemma_.lower() not in HUMAN_NOUNS
        for t in words
    )


def owner_of(noun: Token) -> Token | None:
    """Whose a noun is: its possessor ("Mirzoyan’s words") or what "of" names after it ("the
    website of the Azerbaijani MoD")."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def secretary_general(head: Token) -> bool:
    """ "the UN Secretary-General": "General" heads the title."""
    return head.lower_ == "general" and head.i >= 2 and head.doc[head.i - 2].lower_ == "secretary"


def is_person_title(words: set[str]) -> bool:
    return bool(words & {"spokesperson", "minister", "president", "representative", "head"})


def is_name(ent: Span) -> bool:
    """spaCy's small model tags "Azerbaijani" as a PERSON now and then: not a name."""
    return ent.text.lower() not in DEMONYMS and any(t.pos_ == "PROPN" for t in ent)


def as_pronoun(speaker: Speaker, token: Token) -> Speaker:
    return Speaker(
        speaker.name,
        token.text,
        token.idx,
        token.idx + len(token.text),
        speaker.actor,
        min(speaker.score, 0.8),
        speaker.is_person,
    )


def core_bounds(head: Token) -> tuple[int, int]:
    """The noun phrase of a head without its relative clauses and participle phrases."""
    dropped = set()
    for child in head.children:
        if (
            child.dep_ in ("relcl", "acl", "advcl", "cc", "conj")
            or (child.dep_ == "prep" and child.i < head.i)
            or (child.dep_ == "punct" and child.i > head.i and child.text in ",(")
        ):
            dropped.update(t.i for t in child.subtree)
    tokens = [t for t in head.subtree if t.i not in dropped]
    tokens += _hyphen_siblings(head)
    kept = _contiguous(tokens, head)
    if not kept:  # a lone punctuation mark the parser made a subject
        return head.idx, head.idx + len(head.text)
    return kept[0].idx, kept[-1].idx + len(kept[-1].text)


def _hyphen_siblings(head: Token) -> list[Token]:
    """'the co - chairs': the parser may split a hyphenated word into siblings of one
    role (three subjects); the word is all of them with their modifiers."""
    doc, out = head.doc, []
    for step in (-1, 1):
        i = head.i + step
        while 0 <= i < len(doc) and doc[i].dep_ == head.dep_ and doc[i].head.i == head.head.i:
            if doc[i].whitespace_ and step == -1 or doc[i - step].whitespace_ and step == 1:
                break
            out += list(doc[i].subtree)
            i += step
    return out


def _contiguous(tokens: list[Token], head: Token) -> list[Token]:
    indices = {t.i for t in tokens}
    start = head.i
    while start - 1 in indices:
        start -= 1
    end = head.i
    while end + 1 in indices:
        end += 1
    # An appositive name after a comma ("the head of diplomacy, Djeyhoun Baïramov") stays.
    for child in head.children:
        if child.dep_ == "appos" and child.i > end:
            end = max(end, max(t.i for t in child.subtree))
    return [head.doc[i] for i in range(start, end + 1) if not head.doc[i].is_punct or i < end]


def entity_name(ent: Span) -> str:
    """The entity's words as written, without "the" ("Office of Armenia’s Representative",
    not "Office of Armenia ’s Representative")."""
    words = [t.text + t.whitespace_ for t in ent if t.lower_ not in ("the",)]
    return clean("".join(words))


def is_person(head: Token) -> bool:
    return head.lemma_.lower() in PERSON_TITLE_NOUNS


def clean(text: str) -> str:
    text = " ".join(text.split())
    text = re.sub(r"'s$|’s$", "", text)
    return text.strip(' ,.;:"“”()')


# Quotations: “...”, "...", «...».
_QUOTES = re.compile(r"“[^”]{1,2000}”|\"[^\"\n]{1,2000}\"|«[^»]{1,2000}»")


def quote_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of the text's quotations, marks included."""
    return [(match.start(), match.end()) for match in _QUOTES.finditer(text)]


def overlaps_quote(start: int, end: int, quotes: list[tuple[int, int]]) -> bool:
    return any(q_start < end and q_end > start for q_start, q_end in quotes)


def inside_quote(position: int, quotes: list[tuple[int, int]]) -> bool:
    return any(start < position < end - 1 for start, end in quotes)
