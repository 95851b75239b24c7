"""Readouts: a body's account of what a person said ('"Mr. Sullivan conveyed the commitment
of the United States ...," the White House said in a statement'). Inside a quotation or a
statement the rules gave to its issuer, a reporting verb whose subject names a person
("Mr. Sullivan conveyed", "He welcomed") is that person's statement; the body that
quotes it reports it. The Kremlin's "the sides continued discussing" names nobody, and
stays the Kremlin's."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .nouns import PERSON_TITLE_NOUNS
from .phrases import quote_ranges
from .spans import Attribution
from .speakers import PERSON_PRONOUNS, Speaker, SpeakerResolver
from .verbs import CLAUSE_VERBS, NOUN_OBJECT_VERBS, SPEECH_VERBS

READOUT_VERBS = SPEECH_VERBS | CLAUSE_VERBS | NOUN_OBJECT_VERBS


def readout_speakers(doc: Doc, attributions: list[Attribution], resolver: SpeakerResolver) -> None:
    """Give each readout sentence to the person it says spoke."""
    quotes = quote_ranges(doc.text)
    person: Speaker | None = None
    spokespeople: set[str] = set()  # named so once ("Spokesperson Emily Horne"), then "Horne"
    for attribution in attributions:
        if _speaks_for_another(attribution.speaker):
            spokespeople.add(attribution.speaker.name)
        if attribution.speaker.is_person and attribution.speaker.name not in spokespeople:
            person = None
            continue
        inside = any(
            start <= attribution.start_char and attribution.end_char <= end + 1
            for start, end in quotes
        )
        if not inside and attribution.rule not in ("reporting verb", "context"):
            continue
        verb = _readout_verb(doc, attribution)
        if verb is None:
            continue
        subject = next(c for c in verb.children if c.dep_ == "nsubj")
        speaker = person if subject.lower_ in PERSON_PRONOUNS else resolver.from_phrase(subject)
        if speaker is None or not speaker.is_person or _same_name(speaker, attribution.speaker):
            continue
        person = speaker
        attribution.reported_by = attribution.speaker
        attribution.speaker = speaker


def _speaks_for_another(speaker: Speaker) -> bool:
    """A spokesperson, whose readout tells what her principal said ('"Mr. Sullivan conveyed
    ...," according to the statement' of his spokesperson Emily Horne)."""
    words = [speaker.mention, speaker.name]
    if speaker.actor is not None:
        words += [speaker.actor.actor_name, speaker.actor.role_title or ""]
    return "spokes" in " ".join(words).lower()


def _same_name(one: Speaker, other: Speaker) -> bool:
    """ "the latter’s mayor, Hakob Arshakyan" is "Hakob Arshakyan", named as the speaker."""
    return one.actor is None and other.actor is None and other.name in one.name


def _readout_verb(doc: Doc, attribution: Attribution) -> Token | None:
    """The first reporting verb in the statement whose subject is a person's name or "he"
    / "she"."""
    span = doc.char_span(attribution.start_char, attribution.end_char, alignment_mode="expand")
    if span is None:
        return None
    for token in span:
        if token.pos_ != "VERB" or token.lemma_.lower() not in READOUT_VERBS:
            continue
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.i < span.sent.start:
            continue
        if subject.lower_ in PERSON_PRONOUNS or subject.ent_type_ == "PERSON":
            return token
        # A name the small model does not tag, or a title ("Minister of Foreign Affairs of
        # Armenia highlighted ..."): a person if the resolver finds one.
        if subject.pos_ == "PROPN" or subject.lemma_.lower() in PERSON_TITLE_NOUNS:
            return token
    return None
