"""Who a reporting verb's subject is: its subject, the source it cites ("reported citing",
"quoted X as saying", "was informed from"), an inverted name after a quotation, a subject
the parser hung elsewhere, or the speaker of a clause further up (speech.py's anchors)."""

from __future__ import annotations

import re

from spacy.tokens import Token

from .spans import Attribution, speakers_of
from .speakers import Speaker, SpeakerResolver
from .verbs import CLAUSE_VERBS, CONCERN_VERBS, SPEECH_VERBS

NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP")


INHERITING = ("advcl", "xcomp", "conj", "acl", "pcomp")


def speaker_further_up(verb: Token, resolver: SpeakerResolver) -> tuple[Token, list[Speaker]]:
    """The subject of the nearest reporting verb above `verb` that names a speaker."""
    head = verb.head
    while True:
        subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and head.lemma_.lower() in SPEECH_VERBS | CLAUSE_VERBS:
            speakers = speakers_of(subject, resolver)
            if speakers:
                return subject, speakers
        if head.head.i == head.i:
            return verb, []
        head = head.head


def cited(verb: Token, resolver: SpeakerResolver) -> Speaker | None:
    """The source a reporting verb cites ("reported citing the Armenian party"), if any."""
    quoted = quoted_as_saying(verb)
    if quoted is not None:
        return resolver.from_phrase(quoted)
    for child in verb.children:
        if child.lemma_.lower() == "cite" and child.dep_ in ("xcomp", "advcl", "conj"):
            source = next((c for c in child.children if c.dep_ == "dobj"), None)
            if source is not None:
                return resolver.from_phrase(source)
        if child.dep_ == "prep" and child.lower_ == "with":
            # "News.Az reports with reference to the European Council"
            source = _referred_to(child)
            if source is not None:
                return resolver.from_phrase(source)
        if child.lemma_.lower() == "refer" and child.dep_ in ("xcomp", "advcl", "conj"):
            # "Trend reports referring to the Azerbaijani Defense Ministry"
            to = next((c for c in child.children if c.lower_ == "to"), None)
            source = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
            if source is not None:
                return resolver.from_phrase(source)
    return None


def _referred_to(with_: Token) -> Token | None:
    """Y in "with reference to Y"."""
    reference = next((c for c in with_.children if c.lemma_.lower() == "reference"), None)
    to = next((c for c in reference.children if c.lower_ == "to"), None) if reference else None
    return next((c for c in to.children if c.dep_ == "pobj"), None) if to else None


def quoted_as_saying(verb: Token) -> Token | None:
    """ "the ministry quoted Minister Harutyunyan as saying": who is quoted."""
    if verb.lemma_.lower() != "quote":
        return None
    quoted = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if quoted is not None and any(c.lower_ == "as" for c in verb.children):
        return quoted
    return None


def subject_of(
    verb: Token, by_verb: dict[int, Attribution]
) -> tuple[Token | None, Attribution | None]:
    """The token naming who speaks, and the attribution it was inherited from, if any."""
    if verb.lemma_.lower() in CONCERN_VERBS:
        return next((c for c in verb.children if c.dep_ == "dobj"), None), None
    informant = _informant(verb)
    if informant is not None:
        return informant, None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    # "Chief of the ... Department, Major General Huseyn Mahmudov informed": the parser
    # made both the title and the name subjects; the name is the speaker.
    subjects.sort(key=lambda c: c.ent_type_ != "PERSON")
    agent = _agent(verb)
    for child in subjects:
        if child.dep_ == "nsubjpass" and verb.lemma_.lower() == "quote":
            return child, None
        if child.dep_ == "nsubjpass" and agent is not None:
            # "These reports were denied by both the Armenian Defense Ministry and the
            # Central Command ...": a passive's agent acts, its subject is what was said.
            return agent, None
        if _passive_report(child, verb):
            # "Meruzhan Harutyunyan, born in 1991, has been confirmed dead": what a passive
            # tells of its subject is said by someone else.
            continue
        if child.lower_ not in ("accusations", "statement", "report") or child.i > verb.i:
            return child, None
    if agent is not None:
        return agent, None
    # Inversion: '"...," added Nikol Pachinian' (the parser makes the name an object).
    if _quote_before(verb):
        for child in verb.children:
            if _inverted_name(child, verb):
                return child, None
    if inverted_as(verb):
        # "..., as reported Head of the Military-Medical Department ... Sahak Ohanyan.": a
        # translation's "as" clause with its speaker after the verb.
        return next(c for c in verb.children if _inverted_name(c, verb)), None
    if verb.dep_ == "ROOT":
        misparsed = _phrase_before(verb)
        if misparsed is not None:
            return misparsed, None
    if verb.dep_ in ("advcl", "xcomp", "conj", "acl", "pcomp") and verb.head.i != verb.i:
        head = verb.head
        if head.dep_ == "prep" or head.pos_ == "ADP":
            head = head.head
        quoted = quoted_as_saying(head)
        if quoted is not None:
            return quoted, None
        subject, _ = subject_of(head, by_verb)
        return subject, by_verb.get(head.i)
    return None, None


def _passive_report(subject: Token, verb: Token) -> bool:
    """ "X has been confirmed dead", "the attack was reported": the subject of a passive
    reporting verb is what is told, not who tells it ("France is seen as ... and has
    pledged support": "seen" reports nothing, so France pledges)."""
    return (
        subject.dep_ == "nsubjpass"
        and verb.lemma_.lower() in SPEECH_VERBS | CLAUSE_VERBS
        and any(c.dep_ == "auxpass" for c in verb.children)
    )


def _agent(verb: Token) -> Token | None:
    """Y in "was denied by Y"."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None


# Verbs whose passive subject is the one spoken to ("ARMENPRESS was informed").
LISTENER_VERBS = {"inform", "tell", "brief", "notify", "assure"}


def _informant(verb: Token) -> Token | None:
    """'..., ARMENPRESS was informed from the Kremlin.' / 'the minister was told by X': the
    passive subject of informing is the one spoken to; who speaks is the source after
    "by" or "from", as in '... has learned from the NSS'."""
    learnt = verb.lemma_.lower() == "learn"  # "Armenian News-NEWS.am has learned from the NSS"
    if verb.lemma_.lower() not in LISTENER_VERBS and not learnt:
        return None
    if not learnt and not any(c.dep_ == "nsubjpass" for c in verb.children):
        return None
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "from"):
            source = next((c for c in child.children if c.dep_ == "pobj"), None)
            if source is not None:
                return source
    return None


def _phrase_before(verb: Token) -> Token | None:
    """'..., in Gegharkunik Province, an official of the US Department of State said': the
    parser hung the subject on the phrase before it (as an apposition), leaving the verb
    without one; the noun phrase that ends right before the verb is its subject."""
    if verb.i == verb.sent.start:
        return None
    token = verb.doc[verb.i - 1]
    while token.pos_ in ("ADV", "AUX", "PART") and token.i > verb.sent.start:
        token = verb.doc[token.i - 1]
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    while token.dep_ in ("pobj", "prep", "compound", "amod", "det") and token.head.i < verb.i:
        token = token.head
    if token.dep_ == "nmod" and token.head.i == verb.i and token.pos_ in ("NOUN", "PROPN"):
        # "The RA Ministry of Defense shares the bitterness of the loss and expresses its
        # support ...": the parser made the subject a modifier of the verb.
        return token
    if token.dep_ not in ("appos", "conj") or token.pos_ not in ("NOUN", "PROPN"):
        return None
    return token


def _inverted_name(child: Token, verb: Token) -> bool:
    return (
        child.dep_ in ("dobj", "attr", "npadvmod")
        and child.i > verb.i
        and (child.pos_ == "PROPN" or child.ent_type_ in NAME_LABELS)
    )


def inverted_as(verb: Token) -> bool:
    """ "as reported Head of ... Sahak Ohanyan", "as stated Minister X": an "as" clause
    whose speaker follows its verb, with no subject before it."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ in ("VBD", "VBZ")
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        and any(_inverted_name(c, verb) for c in verb.children)
    )


def _quote_before(verb: Token) -> bool:
    before = verb.doc.text[verb.sent.start_char : verb.idx]
    return bool(re.search(r"[\"”»]\s*,?\s*$|,\s*[\"”»]\s*$", before))
