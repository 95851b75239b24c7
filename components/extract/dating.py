"""Dates a statement takes from around it when its own words give none: the occasion it was
said at ("On May 25, Aivazian held a phone conversation with Schallenberg"), the line that
introduces a text ("... released the following statement today:"), the same speaker's dated
words, or those of the body or state the speaker belongs to."""

from __future__ import annotations

import re
from datetime import date

from .registry import Registry
from .spans import OCCASION_NOUNS, Attribution, verb_date
from .speakers import Speaker
from .when import today

_TODAY = re.compile(r"\b[Tt]oday\b")
_TELLING_PRECISIONS = ("day", "part_of_day")
# Verbs of a call or meeting held "with" someone.
_MEETING_VERBS = {"speak", "talk", "meet", "converse"}
_EARLIER = re.compile(r"\b(?:[Ee]arlier|[Pp]reviously)\b")


def occasion_dates(doc, attributions: list[Attribution], resolver, published: date) -> None:
    """'On May 25, ... Aivazian held a phone conversation with ... Schallenberg. ... Both
    sides stressed ...': a call, meeting or talks dated in the text dates the undated words
    its two participants say after it (until another occasion)."""
    occasions = []
    for token in doc:
        if token.lemma_.lower() in OCCASION_NOUNS and token.dep_ == "dobj":
            # "held a phone conversation on Friday with ...": the verb's day or the call's.
            verb = token.head
            when = verb_date(verb, published) or verb_date(token, published)
        elif token.lemma_.lower() in _MEETING_VERBS and token.pos_ == "VERB":
            # "Sullivan spoke separately on Monday with Pashinyan and Aliyev".
            verb = token
            when = verb_date(token, published)
        else:
            continue
        withs = [c for c in (*verb.children, *token.children) if c.lower_ == "with"]
        if verb is token and not withs:
            continue
        if when is None or when.precision == "as_reported":
            # "The Armenian Prime Minister, who also spoke with Vladimir Putin, had
            # indicated ... on this occasion": another occasion, undated, ends the last
            # from its sentence on.
            occasions.append((token.sent.start_char - 1, None, set()))
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        other = next((c for w in withs for c in w.children if c.dep_ == "pobj"), None)
        people = [resolver.from_phrase(t) for t in (subject, other) if t is not None]
        names = {speaker_key(s) for s in people if s is not None}
        if names:
            occasions.append((token.idx, when, names))
    for attribution in attributions:
        if attribution.date.precision != "as_reported":
            continue
        before = sorted(o for o in occasions if o[0] < attribution.start_char)
        if not before or before[-1][1] is None:
            continue
        _, when, names = before[-1]
        speakers = (attribution.speaker, *attribution.extra_speakers)
        if any(speaker_key(s) in names for s in speakers):
            attribution.date = when


def introduction_dates(doc, attributions: list[Attribution], resolver, published: date) -> None:
    """'The Co-Chairs of the OSCE Minsk Group ... released the following statement today:'
    a clause that introduces a text (a colon ends its paragraph) dates the undated words of
    its speaker that follow."""
    for colon in doc:
        if colon.text != ":" or doc.text[colon.idx + 1 : colon.idx + 2] != "\n":
            continue
        verb = colon.head
        when = verb_date(verb, published)
        if when is None or when.precision == "as_reported":
            continue
        # "The Co-Chairs" parses as two subjects, "Co" and "Chairs": the last one named.
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        speaker = next(filter(None, map(resolver.from_phrase, reversed(subjects))), None)
        if speaker is None:
            continue
        # A member named in the subject ("(Igor Popov ..., and Andrew Schofer ...)") and
        # the body the text then speaks as are one introduction's.
        key = speaker_key(speaker)
        family = resolver.registry.lineage(speaker.actor_id) | {key}
        for attribution in attributions:
            other = speaker_key(attribution.speaker)
            if (
                attribution.start_char > colon.idx
                and attribution.date.precision == "as_reported"
                and (other in family or key in resolver.registry.lineage(other))
            ):
                attribution.date = when


def spread_dates(text: str, attributions: list[Attribution], registry: Registry) -> None:
    """A day named once dates the speaker's other undated statements: "On Thursday,
    Pashinyan accused ... . Mr Pashinyan said ..." (the nearest dated one before, else
    after, of the same speaker)."""
    for index, attribution in enumerate(attributions):
        if attribution.date.precision != "as_reported":
            continue
        words = text[attribution.start_char : attribution.end_char]
        if _TODAY.search(words):
            attribution.date = today(attribution.date.start_date)
            continue
        if _EARLIER.search(words):
            continue  # "The Army General Staff said earlier": another, undated occasion
        key = speaker_key(attribution.speaker)
        before = [a for a in attributions[:index] if speaker_key(a.speaker) == key]
        after = [a for a in attributions[index + 1 :] if speaker_key(a.speaker) == key]
        # "The US on Thursday called on ... . State Department spokesman Ned Price said":
        # a statement of the body or state a speaker belongs to dates the speaker's
        # undated words, when it comes first.
        lineage = registry.lineage(attribution.speaker.actor_id)
        family = [a for a in attributions[:index] if a.speaker.actor_id in lineage - {key}]
        for other in [*reversed(before), *after, *reversed(family)]:
            # "Pashinyan reminded that back in May he had announced ...": a month or a
            # span recalls another occasion; only a day dates the speaker's telling.
            if other.date.precision in _TELLING_PRECISIONS:
                attribution.date = other.date
                break


def speaker_key(speaker: Speaker) -> str:
    if speaker.actor_id:
        return speaker.actor_id
    return speaker.name.split()[-1] if speaker.name else ""
