"""Quotation and reported-speech rules: where a statement is and who made it.

Anchors of a statement, read on spaCy's dependency parse of each sentence:
- a reporting verb ("said", "stated", "told", "noted", "stressed", "accused", "denied"...)
  and its subject, also when inverted ('"...," said US spokeswoman Jalina Porter'),
  passive ("was quoted by"), or carried by the clause it hangs on ("..., adding that",
  "Yerevan claiming", "Washington and Paris which demanded");
- "according to X" (X speaks unless the sentence names another speaker: then X reports);
- a verb of concern whose object feels it ("the tension worries Western countries");
- a quotation with no anchor of its own continues the previous speaker
  ('"We expect Azerbaijan to withdraw," she said.' after Porter's first quote).
A statement nested in another ("indicating that Vladimir Putin had insisted...") is the
inner speaker's; the outer one keeps the words around it.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc, Span, Token

from .according import according_to
from .nouns import is_news_agency
from .phrases import inside_quote, overlaps_quote, quote_ranges
from .spans import (
    MIN_QUOTE_WORDS,
    Attribution,
    cue_of,
    sentence_bounds,
    speakers_of,
    trim,
    verb_date,
)
from .speakers import Speaker, SpeakerResolver
from .subjects import INHERITING, cited, inverted_as, speaker_further_up, subject_of
from .verbs import (
    CLAUSE_VERBS,
    CONCERN_VERBS,
    DESCRIBING_VERBS,
    NOUN_OBJECT_VERBS,
    SPEECH_VERBS,
)
from .when import DatePhrase, as_reported
from .whole import (
    bare_attribution,
    final_attribution,
    reaches_back,
    speech_act,
    widen_bare_verb,
)

__all__ = ["Attribution", "find_attributions", "overlaps_quote", "quote_ranges"]

# Modals of speech that has not happened.
HYPOTHETICAL = {"could", "might", "may", "would"}

# A quotation further than this from the last statement is not its continuation.
MAX_CONTINUATION_CHARS = 300

# 'The French president "is studying..."': a subject, then a quotation going on from it.
_NESTED_SUBJECT = re.compile(r"^\s*(?P<np>[A-Z][^\"“”«»,.]{2,80}?)\s+[\"“«]\s*(?=[a-z])")


def find_attributions(doc: Doc, resolver: SpeakerResolver, published: date) -> list[Attribution]:
    """Every statement the rules find, in text order."""
    quotes = quote_ranges(doc.text)
    found: list[Attribution] = []
    sentences = list(doc.sents)
    for index, sentence in enumerate(sentences):
        in_sentence = _sentence_attributions(sentence, resolver, quotes, published, found)
        if not in_sentence:
            in_sentence = bare_attribution(sentences, index, resolver, quotes, published, found)
        if not in_sentence:
            in_sentence = speech_act(sentence, resolver, quotes, published)
        if len(in_sentence) == 1:
            widen_bare_verb(in_sentence[0], sentence)
            reaches_back(sentences, index, in_sentence[0], found)
        for attribution in in_sentence:
            attribution.sentence_index = index
        found += in_sentence
    return sorted(found, key=lambda a: a.start_char)


def _sentence_attributions(
    sentence: Span,
    resolver: SpeakerResolver,
    quotes: list[tuple[int, int]],
    published: date,
    earlier: list[Attribution],
) -> list[Attribution]:
    anchors = [t for t in sentence if _is_anchor(t, quotes)]
    results: list[Attribution] = []
    by_verb: dict[int, Attribution] = {}
    if any(not _agency_reports(t) for t in anchors):
        # "..., officials say - ..., the BBC reports.": the agency carries another's words.
        anchors = [t for t in anchors if not _agency_reports(t)]
    final = final_attribution(sentence, resolver, quotes, published)
    if final is not None and is_news_agency(final[0].speaker.mention) and anchors:
        final = None
    if final is not None:
        attribution, verb = final
        results.append(attribution)
        by_verb[verb.i] = attribution
        # Only an act with a subject of its own is a statement nested in the reported words.
        anchors = [
            t for t in anchors if t.i != verb.i and _own_subject(t) and not _agency_reports(t)
        ]
    for verb in sorted(anchors, key=_depth):
        attribution = _from_verb(verb, anchors, resolver, quotes, published, by_verb, earlier)
        if attribution is not None:
            by_verb[verb.i] = attribution
            results.append(attribution)
    results = _own_side_nested(results, by_verb, resolver)
    for attribution in results:
        _nested_subject(sentence, attribution, resolver)
    according = according_to(sentence, resolver, quotes, published, results)
    if according is not None:
        results.append(according)
    results += _unanchored_quotes(sentence, quotes, results, earlier, published)
    results.sort(key=lambda a: a.start_char)
    return results


def _own_side_nested(
    results: list[Attribution], by_verb: dict[int, Attribution], resolver: SpeakerResolver
) -> list[Attribution]:
    """'Price said the US considers any movements ... provocative', 'Price voiced that the US
    is concerned ... and urged both sides': a speaker's own state or body, as the subject
    inside the speaker's words, is the speaker speaking for it, not a statement of its own.
    The inner statement joins the outer one."""
    doc = resolver.doc
    dropped = set()
    for index, attribution in by_verb.items():
        outer = next(
            (by_verb[t.i] for t in doc[index].ancestors if t.i in by_verb),
            None,
        )
        if outer is None or id(outer) in dropped:
            continue
        inner_id, outer_id = attribution.speaker.actor_id, outer.speaker.actor_id
        if not inner_id or inner_id == outer_id:
            continue
        if inner_id not in resolver.registry.lineage(outer_id) or attribution.extra_speakers:
            continue
        outer.start_char = min(outer.start_char, attribution.start_char)
        outer.end_char = max(outer.end_char, attribution.end_char)
        outer.is_direct_quote = outer.is_direct_quote or attribution.is_direct_quote
        dropped.add(id(attribution))
        resolver.remember(outer.speaker)  # "we" in the next sentence is the outer speaker
    return [a for a in results if id(a) not in dropped]


def _nested_subject(sentence: Span, attribution: Attribution, resolver: SpeakerResolver) -> None:
    """'The French president "is studying...," added Pachinian': the quotation goes on from
    a subject before it, whose words they are; the one who says so reports them."""
    match = _NESTED_SUBJECT.match(sentence.text)
    if match is None:
        return
    phrase = sentence.doc.char_span(
        sentence.start_char + match.start("np"),
        sentence.start_char + match.end("np"),
        alignment_mode="expand",
    )
    if phrase is None or any(t.pos_ in ("VERB", "AUX") for t in phrase):
        return
    speaker = resolver.from_span(phrase)
    if speaker is None or speaker.name == attribution.speaker.name:
        return
    attribution.reported_by = attribution.speaker
    attribution.speaker = speaker


def _agency_reports(verb: Token) -> bool:
    """ "..., TASS reported": a news agency carrying what the sentence's speaker said."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and is_news_agency(
        verb.doc[subject.left_edge.i : subject.right_edge.i + 1].text
    )


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i:
        token, depth = token.head, depth + 1
    return depth


def _is_anchor(token: Token, quotes: list[tuple[int, int]]) -> bool:
    if token.pos_ not in ("VERB", "AUX") or inside_quote(token.idx, quotes):
        return False
    if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL for c in token.children):
        # "the opposite side could respond": speech that may happen is no statement.
        return False
    if _writers_aside(token):
        return False
    lemma = token.lemma_.lower()
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in SPEECH_VERBS | CLAUSE_VERBS:
        return False
    if lemma in CONCERN_VERBS:
        return any(c.dep_ == "dobj" for c in token.children) and token.tag_ != "VBN"
    if lemma == "take":
        # "The Co-Chairs take note of the reported detention"
        return any(c.dep_ == "dobj" and c.lower_ == "note" for c in token.children)
    if lemma in SPEECH_VERBS:
        return not (lemma == "call" and token.tag_ == "VBN")
    if _as_reported(token):
        return True
    if lemma in CLAUSE_VERBS | DESCRIBING_VERBS:
        return _has_complement(token, quotes)
    return False


def _writers_aside(token: Token) -> bool:
    """ "It should be noted that Azerbaijan's Defence Minister Zakir Hasanov on August 2
    instructed ...": the writer's aside, with no one noting; what follows may be a
    statement of its own."""
    return (
        token.tag_ == "VBN"
        and any(c.dep_ in ("nsubjpass", "expl") and c.lower_ == "it" for c in token.children)
        and any(
            c.dep_ in ("aux", "auxpass") and c.lower_ in ("should", "must") for c in token.children
        )
    )


def _as_reported(token: Token) -> bool:
    """'As the press department at the Foreign Ministry reported, the interlocutors
    discussed ...': a reporting verb in an "as" clause vouches for its main clause."""
    return (
        token.dep_ == "advcl"
        and token.lemma_.lower() in CLAUSE_VERBS | SPEECH_VERBS
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children)
        and (_own_subject(token) or inverted_as(token))
    )


def _has_complement(token: Token, quotes: list[tuple[int, int]]) -> bool:
    deps = {child.dep_ for child in token.children}
    if deps & {"ccomp", "xcomp", "parataxis"}:
        return True
    objects = [c for c in token.children if c.dep_ == "dobj" and c.pos_ != "PRON"]
    if objects and token.lemma_.lower() in NOUN_OBJECT_VERBS:
        # "expressed concern", "voiced its support", "welcomed the agreement",
        # "reported another attempt", "proposed mediation"
        return True
    if token.lemma_.lower() == "call":
        # "called on/for ...", or naming something: "called the incident an encroachment"
        return any(c.lower_ in ("on", "for", "upon") or c.dep_ == "oprd" for c in token.children)
    if token.lemma_.lower() in DESCRIBING_VERBS:
        # "describes these actions (taken by Azerbaijan) as a provocation"
        return any(c.dep_ == "dobj" for c in token.children) and any(
            t.lower_ == "as" and t.i > token.i for t in token.subtree
        )
    if token.lemma_.lower() == "point":
        return any(c.lower_ == "out" for c in token.children)
    if token.lemma_.lower() in ("report", "write") and token.tag_ != "VBN":
        # "The Ministry of Defense of Azerbaijan reported on the shelling ...": what a
        # report is about, with "on" or "about"
        return any(
            c.dep_ == "prep" and c.lower_ in ("on", "about") and c.i == token.i + 1
            for c in token.children
        )
    if _detached_complement(token):
        return True
    sentence = token.sent
    return any(start < sentence.end_char and end > sentence.start_char for start, end in quotes)


def _detached_complement(token: Token) -> bool:
    """'Nikol Pashinyan proposed, in his words, the shortest path to ...': a person named
    as the subject, the verb, then a comma: the parser hung what was proposed elsewhere."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return (
        following is not None
        and following.text == ","
        and token.lemma_.lower() in NOUN_OBJECT_VERBS
        and any(c.dep_ == "nsubj" and c.ent_type_ == "PERSON" for c in token.children)
    )


def _from_verb(
    verb: Token,
    anchors: list[Token],
    resolver: SpeakerResolver,
    quotes: list[tuple[int, int]],
    published: date,
    by_verb: dict[int, Attribution],
    earlier: list[Attribution],
) -> Attribution | None:
    subject, inherited_from = subject_of(verb, by_verb)
    if subject is None:
        return None
    if subject.lower_ in ("which", "who", "that") and verb.dep_ == "relcl":
        subject = verb.head
    speakers = speakers_of(subject, resolver)
    if not speakers and inherited_from is None and verb.dep_ in INHERITING:
        # '..., Ilham Aliyev stressed the delimitation must be conducted ..., noting that':
        # the parser hung "noting" on the reported clause, whose subject ("the
        # delimitation") speaks for no one; the speaker is that of a clause further up.
        subject, speakers = speaker_further_up(verb, resolver)
    # 'The "Caucasian Knot" has reported citing the Armenian party that ...': the party
    # cited speaks, the subject reports it (as with "according to").
    source = cited(verb, resolver)
    reported_by = None
    if source is not None:
        reported_by = speakers[0] if speakers else None
        speakers = [source]
    if not speakers:
        return None
    start, end = _clause_bounds(verb, anchors)
    if _as_reported(verb):
        start, end = sentence_bounds(verb.sent)
    date_phrase = verb_date(verb, published)
    if date_phrase is None and inherited_from is not None:
        date_phrase = inherited_from.date
    if date_phrase is None:
        date_phrase = _continued_date(speakers[0], subject, verb, earlier, published)
    date_phrase = date_phrase or as_reported(published)
    rule = "concern" if verb.lemma_.lower() in CONCERN_VERBS else "reporting verb"
    for speaker in speakers:
        resolver.remember(speaker)
    return Attribution(
        start_char=start,
        end_char=end,
        speaker=speakers[0],
        rule=rule,
        verb=verb.lemma_.lower(),
        cue=cue_of(verb),
        is_direct_quote=overlaps_quote(start, end, quotes),
        date=date_phrase,
        reported_by=reported_by,
        extra_speakers=speakers[1:],
    )


def _clause_bounds(verb: Token, anchors: list[Token]) -> tuple[int, int]:
    """The verb's clause without the clauses of other anchors below it."""
    excluded = set()
    for other in anchors:
        nested = other.i != verb.i and verb.is_ancestor(other)
        if nested and (_own_subject(other) or other.dep_ in ("advcl", "conj")):
            excluded.update(t.i for t in other.subtree)
    tokens = _run_around(verb, [t for t in verb.subtree if t.i not in excluded])
    if verb.dep_ in ("advcl", "conj", "xcomp", "acl", "relcl") and verb.lemma_ != "worry":
        tokens = [t for t in tokens if t.i >= verb.i or t.dep_ in ("nsubj", "nsubjpass")]
    tokens = trim(tokens)
    if not tokens:
        return verb.idx, verb.idx + len(verb.text)
    if verb.dep_ == "relcl":
        head = verb.head
        first = min(head.left_edge.i, tokens[0].i)
        tokens = [verb.doc[first], *tokens]
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _run_around(verb: Token, tokens: list[Token]) -> list[Token]:
    """The unbroken stretch of tokens around the verb: a nested clause cuts it."""
    kept = {t.i for t in tokens}
    start = end = verb.i
    while start - 1 in kept:
        start -= 1
    while end + 1 in kept:
        end += 1
    return [verb.doc[i] for i in range(start, end + 1)]


def _own_subject(token: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


def _continued_date(
    speaker: Speaker, subject: Token, verb: Token, earlier: list[Attribution], published: date
) -> DatePhrase | None:
    """A pronoun's statement right after its antecedent's keeps that statement's date."""
    if subject.lower_ not in ("he", "she", "it", "they") or not earlier:
        return None
    previous = earlier[-1]
    if previous.speaker.name == speaker.name and verb.idx - previous.end_char < 400:
        return previous.date
    return None


def _unanchored_quotes(
    sentence: Span,
    quotes: list[tuple[int, int]],
    results: list[Attribution],
    earlier: list[Attribution],
    published: date,
) -> list[Attribution]:
    """Quotations nobody in the sentence says: the previous speaker goes on."""
    out = []
    for start, end in quotes:
        if not (sentence.start_char <= start < sentence.end_char):
            continue
        if len(sentence.doc.text[start:end].split()) < MIN_QUOTE_WORDS or _is_heading(sentence):
            continue
        if any(a.start_char < end and a.end_char > start for a in results):
            continue
        previous = results[0] if results else (earlier[-1] if earlier else None)
        if previous is None or start - previous.end_char > MAX_CONTINUATION_CHARS:
            continue
        out.append(
            Attribution(
                start_char=start,
                end_char=min(end, sentence.end_char),
                speaker=previous.speaker,
                rule="quotation continues",
                verb="",
                is_direct_quote=True,
                date=previous.date,
                reported_by=previous.reported_by,
            )
        )
    return out


def _is_heading(sentence: Span) -> bool:
    """A line of its own without final punctuation: a heading, not reported speech."""
    text = sentence.text.strip()
    doc_text = sentence.doc.text
    own_line = sentence.start_char == 0 or doc_text[sentence.start_char - 1] == "\n"
    return own_line and not re.search(r"[.!?…][\"”»]?$", text)
