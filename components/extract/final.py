"""The speaker at the end of a sentence, read on the words: "<what was said>, the
defense ministry said [on Friday].", "..., informs the Ministry of Defense of Armenia.",
"..., Spatrak Minasyan, head of Akner community, told ...". The parser often hangs such
a final verb on the wrong clause, so the words decide."""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Span, Token

from .documents import document_speaker, is_document, press_office_owner
from .spans import Attribution, overlaps_quote, sentence_bounds
from .speakers import SpeakerResolver
from .verbs import FINAL_VERBS
from .when import as_reported, verb_date

# A quotation this short with no reporting verb is a scare quote or a label.
MIN_CONTENT_WORDS = 4
# '<content>, <speaker> said [at a briefing].' / '"<content>," <speaker> said.'
_FINAL_ATTRIBUTION = re.compile(
    r"^(?P<content>.*\S)(?:,\s*[\"”»]|[\"”»],|,)\s+(?P<np>[^,;\"“”«»]{1,150}?)\s+"
    rf"(?:(?:has|have|had)\s+)?(?P<verb>{FINAL_VERBS}|informed|reads)\b(?P<rest>[^\"“”«»,]{{0,100}})[.!]$",
    re.DOTALL,
)
# '<content>, Spatrak Minasyan, head of Akner community, told Public Radio.' / '...,
# the head of the village, Artyom Yeranosyan, told News.am.': a name and its title in
# apposition before the verb (the part naming a person speaks).
_FINAL_APPOSITION = re.compile(
    r"^(?P<content>.*\S)(?:,\s*[\"”»]|[\"”»],|,)\s+(?P<first>[^,;\"“”«»]{1,100}?),\s+"
    r"(?P<second>[^,;\"“”«»]{1,100}?),\s+"
    rf"(?:(?:has|have|had)\s+)?(?P<verb>{FINAL_VERBS}|informed)\b(?P<rest>[^\"“”«»,]{{0,100}})[.!]$",
    re.DOTALL,
)
# '<content>, informs the Ministry of Defense of Armenia.' / '..., said the ministry.'
# ("told" is left out: what follows it is the hearer.)
_FINAL_INVERTED = re.compile(
    r"^(?P<content>.*\S)(?:,\s*[\"”»]|[\"”»],|,)\s+"
    rf"(?P<verb>{FINAL_VERBS.replace('|told', '')}|informs|informed|reports)\s+"
    r"(?P<np>[^,;\"“”«»]{1,150}?)(?P<rest>\s+(?:on|at|in)\s[^,;\"“”«»]{1,60})?[.!]$",
    re.DOTALL,
)


def final_attribution(
    sentence: Span,
    resolver: SpeakerResolver,
    quotes: list[tuple[int, int]],
    published: date,
    earlier: list[Attribution],
) -> tuple[Attribution, Token] | None:
    """'<what was said>, the defense ministry said [on Friday].': the speaker after the
    last comma, the words before it; read on the words, as the parser often attaches
    such a final verb to the wrong clause."""
    text = sentence.text.rstrip()
    doc = sentence.doc
    phrase = None
    match = _FINAL_APPOSITION.match(text)
    if match is not None:
        phrase = _person_part(sentence, match)
        match = match if phrase is not None else None
    match = match or _FINAL_ATTRIBUTION.match(text) or _FINAL_INVERTED.match(text)
    if match is None or len(match["content"].split()) < MIN_CONTENT_WORDS:
        return None
    if phrase is None:
        np_start = sentence.start_char + match.start("np")
        phrase = doc.char_span(np_start, np_start + len(match["np"]), alignment_mode="expand")
    verb_start = sentence.start_char + match.start("verb")
    verb = next((t for t in sentence if t.idx == verb_start), None)
    if phrase is None or verb is None or any(t.pos_ in ("VERB", "AUX") for t in phrase):
        return None
    if is_document(phrase.root):
        speaker = document_speaker(phrase.root, resolver, earlier, phrase.start_char)
    else:
        speaker = press_office_owner(phrase.root, resolver) or resolver.from_span(phrase)
    if speaker is None:
        return None
    resolver.remember(speaker)
    start, end = sentence_bounds(sentence)
    return (
        Attribution(
            start_char=start,
            end_char=end,
            speaker=speaker,
            rule="reporting verb",
            verb=verb.lemma_.lower(),
            is_direct_quote=overlaps_quote(start, end, quotes),
            date=verb_date(verb, published) or as_reported(published),
        ),
        verb,
    )


def _person_part(sentence: Span, match: re.Match) -> Span | None:
    """Of a name and its title in apposition, the part that names a person."""
    for group in ("first", "second"):
        start = sentence.start_char + match.start(group)
        part = sentence.doc.char_span(start, start + len(match[group]), alignment_mode="expand")
        if part is not None and any(t.ent_type_ == "PERSON" for t in part):
            return part
    return None
