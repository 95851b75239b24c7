"""What the speech rules share: the Attribution record, quotation ranges, sentence and
clause bounds, the speakers a subject names, and the date of an act of speaking."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Span, Token

from .phrases import inside_quote, quote_ranges
from .speakers import Speaker, SpeakerResolver
from .when import DatePhrase, find_date

# A date phrase longer than this is a clause, not a time adverbial.
MAX_DATE_PHRASE_TOKENS = 8

# A quotation this short with no reporting verb is a scare quote or a label.
MIN_QUOTE_WORDS = 4


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
    cue: tuple[int, int] | None = None  # the reporting word's characters, when a verb


def cue_of(token) -> tuple[int, int]:
    """The characters of a reporting verb's token."""
    return (token.idx, token.idx + len(token.text))


def trim(tokens: list[Token]) -> list[Token]:
    tokens = sorted(tokens, key=lambda t: t.i)
    while tokens and (tokens[0].is_punct and tokens[0].text not in '"“«' or tokens[0].dep_ == "cc"):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_space or tokens[-1].is_punct and tokens[-1].text not in '"”»'):
        tokens = tokens[:-1]
    return tokens


def sentence_bounds(sentence: Span) -> tuple[int, int]:
    tokens = trim(list(sentence))
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def speakers_of(subject: Token, resolver: SpeakerResolver) -> list[Speaker]:
    """The speaker a subject names, and one per conjunct ("Washington and Paris")."""
    joined = joined_names(subject, resolver)
    if joined:
        return joined
    if _both_sides(subject):
        # "Both sides stressed the need ..." after "Aivazian held a phone conversation with
        # Schallenberg": the two who spoke; "Both sides confirmed the incident", "the sides
        # accused each other": the two states the text is about.
        if subject.head.lemma_.lower() in ("accuse", "blame"):
            # "The two sides accused each other of provocations": the two at war, even
            # after a summit's leaders were named.
            return resolver.both_states(subject)
        return resolver.conversation_pair(subject) or resolver.both_states(subject)
    if _the_leaders(subject):
        # "Putin held trilateral talks with Aliyev and Pashinyan ... . The three leaders
        # signed a joint statement": the people of the talks.
        party = resolver.conversation_pair(subject)
        if party:
            return party
    speakers = [resolver.from_phrase(subject)]
    speakers += [resolver.from_phrase(c) for c in subject.conjuncts if c.i > subject.i]
    return [s for s in speakers if s is not None]


def _the_leaders(subject: Token) -> bool:
    """ "the three leaders", "the two presidents", "the leaders", "the ministers"."""
    return (
        subject.tag_ == "NNS"
        and subject.lemma_.lower() in ("leader", "president", "minister")
        and any(c.lower_ in ("the", "both", "two", "three") for c in subject.children)
    )


def _both_sides(subject: Token) -> bool:
    """ "both sides", "the two countries", "the sides", "the parties", "Two neighbors"."""
    lemma = subject.lemma_.lower()
    if lemma not in ("side", "country", "party", "neighbor", "neighbour"):
        return False
    if any(c.lower_ in ("both", "two") for c in subject.children):
        return True
    return (
        lemma in ("side", "party")  # "the sides", "The parties reaffirmed their readiness"
        and subject.tag_ == "NNS"
        and not any(c.dep_ in ("amod", "compound", "poss", "prep") for c in subject.children)
    )


def joined_names(subject: Token, resolver: SpeakerResolver) -> list[Speaker]:
    """ "the Azerbaijani Defense Ministry and State Border Service said": the parser made
    the first name a modifier of the second; each is a speaker, the first named first."""
    doc = subject.doc
    for child in subject.children:
        if child.dep_ not in ("nmod", "compound") or child.i > subject.i:
            continue
        joint = next((c for c in child.children if c.dep_ == "cc" and c.lower_ == "and"), None)
        if joint is None or joint.i + 1 >= subject.i:
            continue
        first = doc[child.left_edge.i : child.i + 1]
        second = doc[joint.i + 1 : subject.i + 1]
        speakers = [resolver.from_span(first), resolver.from_span(second)]
        return [s for s in speakers if s is not None]
    return []


def verb_date(verb: Token, published: date) -> DatePhrase | None:
    """A date that modifies the act of speaking: 'said on Friday', 'On Thursday, X accused'.
    Not one inside quotation marks the verb is outside of: '"On July 19 at about 23:40, ...
    fire ...," the Ministry of Defense told AZERTAC' dates the fire, not the telling."""
    quotes = quote_ranges(verb.doc.text)
    outside = not inside_quote(verb.idx, quotes)
    for child in verb.children:
        if child.dep_ in ("prep", "npadvmod", "advmod", "tmod", "obl") or (
            child.dep_ == "advcl" and child.i < verb.i
        ):
            for part in _date_candidates(child):
                if outside and inside_quote(part.start_char, quotes):
                    continue
                if part.start > 0 and part.doc[part.start - 1].lower_ in ("early", "late"):
                    part = part.doc[part.start - 1 : part.end]  # "said late on Thursday"
                found = find_date(part.text, published)
                if found is not None:
                    return found
    return None


# Occasions of speaking: "during an emergency meeting that was convened on May 14".
OCCASION_NOUNS = {
    "meeting",
    "session",
    "briefing",
    "conference",
    "call",
    "conversation",
    "interview",
    "talks",
    "speech",
    "address",
}


def _date_candidates(child: Token) -> list[Span]:
    """Short phrases of a modifier that can date the act ("on Friday"); a clause's
    dates belong to what it reports ("signed in November"), so only its own modifiers.
    The occasion a speaker spoke at dates the act too ("during an emergency meeting that
    was convened on May 14, ... told")."""
    doc = child.doc
    if child.dep_ != "advcl":
        subtree = doc[child.left_edge.i : child.right_edge.i + 1]
        if len(subtree) <= MAX_DATE_PHRASE_TOKENS:
            return [subtree]
        occasion = next((c for c in child.children if c.dep_ == "pobj"), None)
        if child.dep_ != "prep" or occasion is None or occasion.lemma_ not in OCCASION_NOUNS:
            return []
        return [
            doc[t.left_edge.i : t.right_edge.i + 1]
            for t in occasion.subtree
            # "during Tuesday’s meeting with ...": the occasion's own day, too.
            if (t.dep_ in ("prep", "npadvmod") or (t.dep_ == "poss" and t.head == occasion))
            and t.i != child.i
            and t.right_edge.i - t.left_edge.i < MAX_DATE_PHRASE_TOKENS
        ]
    return [
        doc[c.left_edge.i : c.right_edge.i + 1]
        for c in child.children
        if c.dep_ in ("prep", "npadvmod")
        and c.right_edge.i - c.left_edge.i < MAX_DATE_PHRASE_TOKENS
    ]
