"""'According to X, ...' (or "In X's words, ..."): X speaks, unless the sentence names
another speaker (then X reports what that one said), or X's words stop at a semicolon
before another's; '... the statement of X according to which ...': the clause is X's
claim."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Span, Token

from .phrases import inside_quote, overlaps_quote, owner_of
from .spans import Attribution, sentence_bounds
from .speakers import Speaker, SpeakerResolver
from .when import as_reported


def according_to(
    sentence: Span,
    resolver: SpeakerResolver,
    quotes: list[tuple[int, int]],
    published: date,
    results: list[Attribution],
) -> Attribution | None:
    for token in sentence:
        if token.lower_ not in ("according", "words") or inside_quote(token.idx, quotes):
            continue
        if token.lower_ == "words":
            source = _in_the_words_of(token)
        elif (
            token.i + 2 < len(token.doc) and token.doc[token.i + 1 : token.i + 3].text == "to which"
        ):
            return _according_to_which(token, resolver, quotes, published)
        else:
            to = next((c for c in token.children if c.lower_ == "to"), None)
            source = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
        if source is None:
            continue
        speaker = resolver.from_phrase(source)
        if speaker is None:
            continue
        clause = _own_clause(sentence, token, results)
        if results and clause is None:
            for attribution in results:
                if _generic_state(attribution.speaker) or _side_of(attribution.speaker, speaker):
                    # "According to Chairman of the Armenian Security Council Armen
                    # Grigoryan, the country has called on Russia": the unnamed "country"
                    # is no source; the one it is according to speaks.
                    attribution.speaker = speaker
                else:
                    attribution.reported_by = speaker
            return None
        resolver.remember(speaker)
        return _according(*(clause or sentence_bounds(sentence)), speaker, quotes, published)
    return None


def _in_the_words_of(words: Token) -> Token | None:
    """X in "In Mirzoyan’s words, ..." and "in the words of X", which read as "according
    to X"."""
    if words.dep_ != "pobj" or words.head.lower_ != "in":
        return None
    return owner_of(words)


# A state named by no name: "the country", "the side".
_STATE_WORDS = {"country", "side", "state", "republic", "nation"}


def _generic_state(speaker: Speaker | None) -> bool:
    """Whether a speaker is a state the text names by a common noun only, with no actor."""
    if speaker is None or speaker.actor is not None:
        return False
    words = speaker.mention.lower().split()
    return bool(words) and words[-1] in _STATE_WORDS and speaker.mention == speaker.mention.lower()


def _side_of(speaker: Speaker | None, source: Speaker) -> bool:
    """ "In Mirzoyan’s words, the Armenian side believes ...": a person's "side" is the state
    he speaks for, which speaks through him."""
    if speaker is None or not source.is_person:
        return False
    return speaker.mention.lower().split()[-1:] == ["side"]


def _own_clause(
    sentence: Span, according: Token, results: list[Attribution]
) -> tuple[int, int] | None:
    """ "According to the Armenian MoD, they performed some engineering works there;
    Azerbaijan insists that ...": the clause up to (or from) a semicolon is the source's
    alone when every other speech verb of the sentence is on the other side of it."""
    semicolon = next((t for t in sentence if t.text == ";"), None)
    if semicolon is None or not results:
        return None
    first = according.i < semicolon.i
    cues = [a.cue[0] if a.cue else a.start_char for a in results]
    if any((cue < semicolon.idx) == first for cue in cues):
        return None
    start, end = sentence_bounds(sentence)
    return (start, semicolon.idx + 1) if first else (semicolon.idx + 1, end)


def _according(
    start: int, end: int, speaker: Speaker, quotes: list[tuple[int, int]], published: date
) -> Attribution:
    return Attribution(
        start_char=start,
        end_char=end,
        speaker=speaker,
        rule="according to",
        verb="according to",
        is_direct_quote=overlaps_quote(start, end, quotes),
        date=as_reported(published),
    )


def _according_to_which(
    according: Token, resolver: SpeakerResolver, quotes: list[tuple[int, int]], published: date
) -> Attribution | None:
    """'... has denied the statement of the Azerbaijani defense ministry according to which
    40 Armenian servicemen crossed ...': the clause is the claim of the document's author."""
    doc = according.doc
    clause = doc[according.i + 1].head  # the parser hangs "to which" on the clause's verb
    if clause.pos_ not in ("VERB", "AUX") or clause.i < according.i:
        return None
    antecedent = doc[according.i - 1]  # the noun phrase right before "according"
    while antecedent.dep_ in ("pobj", "prep", "compound", "amod", "det") and (
        antecedent.head.i < according.i
    ):
        antecedent = antecedent.head
    speaker = resolver.from_phrase(antecedent)
    if speaker is None:
        return None
    end_token = clause.right_edge
    if end_token.i <= according.i + 2:
        # The parser hung "to which" on "according" and the clause on the main verb: the
        # claim runs to the end of the sentence.
        end_token = according.sent[-1]
    while end_token.is_punct and end_token.i > according.i:
        end_token = end_token.nbor(-1)
    return _according(
        according.idx, end_token.idx + len(end_token.text), speaker, quotes, published
    )
