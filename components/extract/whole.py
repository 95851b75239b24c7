"""Rules that read a whole sentence rather than one verb's clause: the speaker named at
its end ("<words>, the ministry said."), a sentence that only attributes the one before
("The Ministry of Defense reported."), and a sentence whose main verb is an act performed
by speaking ("The MoD has banned civilians from ...").
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Span, Token

from .nouns import DOCUMENT_NOUNS, is_news_agency
from .phrases import overlaps_quote
from .spans import (
    MIN_QUOTE_WORDS,
    Attribution,
    cue_of,
    joined_names,
    sentence_bounds,
    speakers_of,
    verb_date,
)
from .speakers import SpeakerResolver
from .verbs import (
    CLAUSE_VERBS,
    CONCERN_VERBS,
    DELIVERING_VERBS,
    FALSE_WORDS,
    FINAL_VERBS,
    INFORMATION_NOUNS,
    PUBLISHING_VERBS,
    REQUEST_NOUNS,
    SPEECH_ACT_VERBS,
    SPEECH_VERBS,
    STANCE_ADJECTIVES,
)
from .when import as_of, as_reported

# '<content>, <speaker> said [at a briefing].' / '"<content>," <speaker> said.' /
# '<content>, the head of the village, Artyom Yeranosyan, told News.am.' (the comma that
# closes an appositive name may stand before the verb) / '<content>, the Armenian MoD
# has informed.'
# "... reported on Thursday, May 27[, 2021]."
_DATE_TAIL = (
    r"(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
    # "..., Artyom Yeranosyan has said, according to PastInfo."
    r"(?:,\s*(?:according\s+to|citing|quoted\s+by)\s+[^,;\"“”«»]{1,80})?"
)
_FINAL_ATTRIBUTION = re.compile(
    r"^(?P<content>.*\S)(?:,\s*[\"”»]|[\"”»],|,)\s+(?P<np>[^,;\"“”«»]{1,150}?),?\s+"
    rf"(?:(?:has|have|had)\s+)?(?P<verb>{FINAL_VERBS})\b(?P<rest>[^\"“”«»,]{{0,100}}{_DATE_TAIL})[.!]$",
    re.DOTALL,
)

# '<content>, informs the Ministry of Defense of Armenia.' / '..., said the ministry.'
_FINAL_INVERTED = re.compile(
    r"^(?P<content>.*\S)(?:,\s*[\"”»]|[\"”»],|,)\s+"
    rf"(?P<verb>{FINAL_VERBS}|informs|informed|reports)\s+"
    r"(?P<np>[^,;\"“”«»]{1,150}?)(?P<rest>\s+(?:on|at|in)\s[^,;\"“”«»]{1,60})?[.!]$",
    re.DOTALL,
)


# '<content> said the Armenian Ministry of Defense.': the comma left out before an
# inverted attribution that names its speaker with "the".
_FINAL_INVERTED_NO_COMMA = re.compile(
    r"^(?P<content>.*[a-z0-9”\"»)])\s+(?P<verb>said|stated|reported|added|noted|informed)\s+"
    r"(?P<np>the\s+[A-Z][^,;\"“”«»]{1,120}?)(?P<rest>)[.!]$",
    re.DOTALL,
)


def final_attribution(
    sentence: Span, resolver: SpeakerResolver, quotes: list[tuple[int, int]], published: date
) -> tuple[Attribution, Token] | None:
    """'<what was said>, the defense ministry said [on Friday].': the speaker after the
    last comma, the words before it; read on the words, as the parser often attaches
    such a final verb to the wrong clause."""
    text = sentence.text.rstrip()
    for pattern in (_FINAL_ATTRIBUTION, _FINAL_INVERTED, _FINAL_INVERTED_NO_COMMA):
        match = pattern.match(text)
        if match is not None and len(match["content"].split()) >= MIN_QUOTE_WORDS:
            found = _final_match(sentence, match, resolver, quotes, published)
            if is_news_agency(match["np"]):
                # Also where the agency's name alone names no one ("Trend reports").
                carried = _carried(sentence, match, resolver, quotes, published)
                found = carried or _cited_after(sentence, match, resolver, quotes, published, found)
            if found is not None:
                return found
    return None


def _carried(
    sentence: Span,
    match: re.Match,
    resolver: SpeakerResolver,
    quotes: list[tuple[int, int]],
    published: date,
) -> tuple[Attribution, Token] | None:
    """'"...," the press service said, TASS reported.': the agency carries the words of
    the source named before it, which speaks; the agency reports."""
    inner = _FINAL_ATTRIBUTION.match(match["content"] + ".")
    if inner is None or len(inner["content"].split()) < MIN_QUOTE_WORDS:
        return None
    found = _final_match(sentence, inner, resolver, quotes, published)
    if found is None:
        return None
    attribution, verb = found
    agency = _named(sentence, match)
    attribution.reported_by = resolver.from_span(agency) if agency is not None else None
    attribution.end_char = sentence_bounds(sentence)[1]
    return attribution, verb


# "..., Trend reports referring to the Armenian media.": the source the agency cites.
_CITED_SOURCE = re.compile(r"^\s*(?:referring\s+to|citing|with\s+reference\s+to|quoting)\s+")


def _cited_after(
    sentence: Span,
    match: re.Match,
    resolver: SpeakerResolver,
    quotes: list[tuple[int, int]],
    published: date,
    found: tuple[Attribution, Token] | None,
) -> tuple[Attribution, Token] | None:
    """The source an agency's "reports referring to X" cites speaks; the agency reports."""
    cue = _CITED_SOURCE.match(match.groupdict().get("rest") or "")
    if cue is None:
        return found
    content_end = sentence.start_char + match.end("content")
    if any(
        t.idx < content_end and t.pos_ == "VERB" and t.lemma_.lower() in SPEECH_VERBS | CLAUSE_VERBS
        for t in sentence
    ):
        # "Edvard Asryan admitted that ..., Trend reports referring to the Russian media":
        # the words have their own speaker; the source only carries them.
        return found
    start = sentence.start_char + match.start("rest") + cue.end()
    end = sentence.start_char + match.end("rest")
    words = sentence.doc.char_span(start, end, alignment_mode="contract")
    source = resolver.from_span(words) if words is not None and len(words) else None
    if source is None or source.actor is None:
        # A source no registry knows is left to the parse's own reading of "citing".
        return found
    content_start, content_end = sentence_bounds(sentence)
    verb = _verb(sentence, match)
    if verb is None:
        return found
    if found is not None:
        attribution, verb = found
        attribution.reported_by = attribution.speaker
        attribution.speaker = source
        return attribution, verb
    attribution = Attribution(
        start_char=content_start,
        end_char=content_end,
        speaker=source,
        rule="reporting verb",
        verb="report",
        cue=cue_of(verb),
        is_direct_quote=overlaps_quote(content_start, content_end, quotes),
        # "Today the ... Department organized a briefing ..., Trend reports referring to":
        # the day the words name, as for any final attribution.
        date=as_of(match["content"], published) or as_reported(published),
    )
    return attribution, verb


def _verb(sentence: Span, match: re.Match) -> Token | None:
    """The token of the match's reporting verb."""
    start = sentence.start_char + match.start("verb")
    return next((t for t in sentence if t.idx == start), None)


def _named(sentence: Span, match: re.Match) -> Span | None:
    """The words of the match that name who speaks."""
    start = sentence.start_char + match.start("np")
    return sentence.doc.char_span(start, start + len(match["np"]), alignment_mode="expand")


def _final_match(
    sentence: Span,
    match: re.Match,
    resolver: SpeakerResolver,
    quotes: list[tuple[int, int]],
    published: date,
) -> tuple[Attribution, Token] | None:
    phrase = _first_chunk(_named(sentence, match))
    verb = _verb(sentence, match)
    if phrase is None or verb is None or any(t.pos_ in ("VERB", "AUX") for t in phrase):
        return None
    joined = joined_names(phrase.root, resolver)
    speaker = joined[0] if joined else resolver.from_span(_name_before_title(phrase) or phrase)
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
            cue=cue_of(verb),
            is_direct_quote=overlaps_quote(start, end, quotes),
            date=verb_date(verb, published)
            or as_of(match["content"], published)
            or as_reported(published),
            extra_speakers=joined[1:],
        ),
        verb,
    )


def _first_chunk(phrase: Span | None) -> Span | None:
    """The speaker's own words, where the parser hung the rest of the phrase elsewhere
    ("statement of the Ministry of Foreign Affairs | in connection with the next
    provocation ... said"): up to the second word whose head lies outside the phrase."""
    if phrase is None:
        return None
    tops = [t for t in phrase if not phrase.start <= t.head.i < phrase.end or t.head == t]
    # Only a prepositional phrase is cut ("expert in Azerbaijan Anzhela Elibekova" stays).
    if len(tops) < 2 or tops[1].i <= phrase.start or tops[1].pos_ != "ADP":
        return phrase
    return phrase.doc[phrase.start : tops[1].i]


def _name_before_title(phrase: Span) -> Span | None:
    """'..., Spatrak Minasyan, head of Akner community, told ...' and '"...," Wendy Morton
    MP, Minister for the European Neighborhood and the Americas, said': the title after
    the last comma is in apposition to the name before it, and the name is the speaker."""
    doc = phrase.doc
    if phrase.start < 2 or doc[phrase.start - 1].text != ",":
        return None
    if any(t.ent_type_ == "PERSON" for t in phrase):
        return None
    # The words between the comma or quotation mark before the name and the comma after it.
    first = phrase.start - 1
    while first > phrase.sent.start and not _ends_words(doc[first - 1]):
        first -= 1
    if first == phrase.sent.start or first > phrase.start - 2:
        return None
    segment = doc[first : phrase.start - 1]
    if len(segment) > 6 or any(t.pos_ in ("VERB", "AUX") for t in segment):
        return None
    name = next((e for e in doc.ents if e.label_ == "PERSON" and e.start >= first), None)
    if name is None or name.end > phrase.start - 1:
        return None
    return doc[first : phrase.end]


def _ends_words(token: Token) -> bool:
    return token.is_punct and token.text in {",", '"', "“", "”", "«", "»", "'", "‘", "’"}


# A sentence that only attributes has this many words besides who speaks ("The Ministry
# of Defense reported.", "This was reported by <X> on Friday.").
MAX_BARE_WORDS = 6


def bare_attribution(
    sentences: list[Span],
    index: int,
    resolver: SpeakerResolver,
    quotes: list[tuple[int, int]],
    published: date,
    found: list[Attribution],
) -> list[Attribution]:
    """'<what was reported>. The Ministry of Defense reported.' / '... . This was reported by
    the Ministry of Defense of Azerbaijan.': a sentence of a subject and a reporting verb
    with nothing reported in it attributes the sentence before it in the paragraph (the
    two are one statement)."""
    sentence = sentences[index]
    verb = sentence.root
    lemma = verb.lemma_.lower()
    if index == 0:
        return []
    if lemma not in SPEECH_VERBS | CLAUSE_VERBS or lemma in CONCERN_VERBS:
        return []
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "parataxis", "dative") for c in verb.children):
        return []
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) or _agent_of_this(verb)
    previous = sentences[index - 1]
    text = sentence.doc.text
    if subject is None or "\n" in text[previous.end_char : sentence.start_char]:
        return []
    named = {t.i for t in subject.subtree}
    if len([t for t in sentence if t.i not in named and not t.is_punct]) > MAX_BARE_WORDS:
        return []
    if found and found[-1].end_char > previous.start_char:
        return []
    speaker = resolver.from_phrase(subject)
    if speaker is None:
        return []
    resolver.remember(speaker)
    start, _ = sentence_bounds(previous)
    _, end = sentence_bounds(sentence)
    return [
        Attribution(
            start_char=start,
            end_char=end,
            speaker=speaker,
            rule="reporting verb",
            verb=lemma,
            cue=cue_of(verb),
            is_direct_quote=overlaps_quote(start, end, quotes),
            date=verb_date(verb, published) or as_reported(published),
        )
    ]


def speech_act(
    sentence: Span, resolver: SpeakerResolver, quotes: list[tuple[int, int]], published: date
) -> list[Attribution]:
    """'Nikol Pashinyan has turned to the Russian President for help.', 'representatives of
    the opposition offered to take ...', 'The MoD has banned civilians from ...': a sentence
    whose main verb is an act performed by speaking (offer, order, ban, request, turn to
    X for help, provide details, react), or that states its subject's stance ("is deeply
    concerned", "remains committed", "is ready to"), is its subject's statement, when no
    reporting verb in it says otherwise."""
    verb = _under_impersonal(sentence.root)
    # "The United Kingdom thanks the French delegation": the small model may tag the verb
    # a noun; with a subject of its own it is the verb.
    tagged_noun = verb.pos_ == "NOUN" and any(c.dep_ == "nsubj" for c in verb.children)
    if (verb.pos_ not in ("VERB", "AUX") and not tagged_noun) or not _is_speech_act(verb):
        return []
    if any(c.dep_ == "neg" for c in verb.children):  # "Yerevan has not yet reacted"
        return []
    if any(start < sentence.start_char < end - 1 for start, end in quotes):
        # Inside a quotation begun before: the words of whoever is quoted ('"... . The US
        # is ready to support these efforts," the official said').
        return []
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return []
    speakers = speakers_of(subject, resolver)
    if not speakers:
        return []
    for speaker in speakers:
        resolver.remember(speaker)
    start, end = sentence_bounds(sentence)
    return [
        Attribution(
            start_char=start,
            end_char=end,
            speaker=speakers[0],
            rule="speech act",
            verb=verb.lemma_.lower(),
            cue=cue_of(verb),
            is_direct_quote=overlaps_quote(start, end, quotes),
            date=verb_date(verb, published) or as_reported(published),
            extra_speakers=speakers[1:],
        )
    ]


# "it is speculated that ...": an impersonal report, whose clause is what is reported.
IMPERSONAL_VERBS = {"speculate", "report", "say", "believe", "understand", "know", "rumour"}
# "It should be noted that ...": the writer's aside (speech.py), its clause holds the act.
IMPERSONAL_VERBS |= {"note", "mention", "stress", "emphasize", "emphasise", "add"}


def _under_impersonal(verb: Token) -> Token:
    """'According to Russian media reports, it is speculated that Pashinyan sent a request
    for help': the clause under an impersonal passive report holds the act."""
    if verb.lemma_.lower() not in IMPERSONAL_VERBS:
        return verb
    if not any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in verb.children):
        return verb
    return next((c for c in verb.children if c.dep_ == "ccomp"), verb)


# What is drawn, paid or extended by speaking.
_OFFERED_NOUNS = {"attention", "condolence", "gratitude", "congratulation", "greeting", "support"}


def _is_speech_act(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    if lemma in ("be", "remain", "stand"):  # "The EU is deeply concerned", "stands ready"
        return any(c.dep_ == "acomp" and c.lower_ in STANCE_ADJECTIVES for c in verb.children)
    if verb.lower_ in STANCE_ADJECTIVES:  # "Azerbaijan is committed to ..." (passive)
        return any(c.dep_ == "auxpass" for c in verb.children)
    if lemma in SPEECH_ACT_VERBS:
        return True
    if lemma in ("draw", "pay", "extend"):
        # "drew special attention to determining the fate of the missing", "We extend our
        # deepest condolences": attention called, condolences offered, by speaking.
        return any(c.dep_ == "dobj" and c.lemma_.lower() in _OFFERED_NOUNS for c in verb.children)
    if lemma == "turn":  # "turned to the CSTO for help", not "turned back"
        return any(c.lower_ == "to" and c.dep_ == "prep" for c in verb.children)
    if lemma in ("provide", "give", "share"):  # "provided details", "gave information"
        return any(
            c.dep_ == "dobj" and c.lemma_.lower() in INFORMATION_NOUNS for c in verb.children
        )
    if lemma in DELIVERING_VERBS:  # "sent a request for help", "made a statement"
        return any(
            c.dep_ == "dobj" and c.lemma_.lower() in REQUEST_NOUNS | DOCUMENT_NOUNS
            for c in verb.children
        )
    if lemma in PUBLISHING_VERBS:  # "issued a statement claiming", "spread information"
        return any(
            c.dep_ == "dobj"
            and c.lemma_.lower() in INFORMATION_NOUNS | DOCUMENT_NOUNS
            and not any(m.lower_ in FALSE_WORDS for m in c.children)
            for c in verb.children
        )
    return False


def widen_bare_verb(attribution: Attribution, sentence: Span) -> None:
    """A statement holds what was said: a span of a few words ("informed", "He said")
    alone in its sentence stands for the whole sentence."""
    text = sentence.doc.text[attribution.start_char : attribution.end_char]
    if len(text.split()) < MIN_QUOTE_WORDS:
        attribution.start_char, attribution.end_char = sentence_bounds(sentence)


def reaches_back(
    sentences: list[Span], index: int, attribution: Attribution, found: list[Attribution]
) -> None:
    """'<what happened>. This was reported by the press service of the Ministry of
    Defense.' / '... . The ministry confirmed this.': a reporting verb whose words are
    "this" takes in the sentence before it in the paragraph, when a registry actor says so
    (an outlet that "reports this" is no speaker)."""
    sentence = sentences[index]
    verb = sentence.root
    if index == 0 or attribution.speaker.actor is None:
        return
    if verb.lemma_.lower() not in SPEECH_VERBS | CLAUSE_VERBS:
        return
    if not any(
        c.dep_ in ("dobj", "nsubjpass") and c.lower_ in ("this", "that") for c in verb.children
    ):
        return
    previous = sentences[index - 1]
    if "\n" in sentence.doc.text[previous.end_char : sentence.start_char]:
        return
    if found and found[-1].end_char > previous.start_char:
        return
    attribution.start_char = sentence_bounds(previous)[0]


def _agent_of_this(verb: Token) -> Token | None:
    """X in "This was reported by X"."""
    if not any(c.dep_ == "nsubjpass" and c.lower_ in ("this", "that", "it") for c in verb.children):
        return None
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
