"""Words carried by a document, and attributions that stand alone.

- A document noun as the source ("according to a statement from the CSTO", "the
  ministry's statement says", '"...," the statement said.') speaks for whoever issued the
  document: its "from / by / of" object or its possessor, else the latest source before
  it that issued a document, else the latest speaker, else the article's issuer.
- A sentence that is only an attribution ("The Ministry of Defense reported.", "The
  ministry said in a statement:") attributes the sentence before it in its paragraph,
  and is the anchor the context rule carries to the paragraphs after it (a release
  quoted whole after its source is named).
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .speakers import Speaker, SpeakerResolver

# Nouns of a text issued by a body: its words are the issuer's.
DOCUMENT_NOUNS = {
    "statement",
    "release",
    "communique",
    "communiqué",
    "report",
    "message",
    "announcement",
    "notice",
    "bulletin",
    "briefing",
}
# "a statement posted on the website of the ministry", "released by the ministry".
PUBLISHING_VERBS = {"post", "publish", "issue", "release", "distribute", "circulate", "spread"}
# "the press service of X", "X's press office" speak for X.
PRESS_OFFICES = {"service", "office", "centre", "center", "secretary"}
# Verbs whose subject alone, with nothing reported after them, attributes what came before.
BARE_VERBS = {
    "report",
    "inform",
    "say",
    "state",
    "announce",
    "declare",
    "add",
    "note",
    "write",
    "tell",
}
# An attribution alone has few words ("The press service of the Ministry of Defense
# of Armenia informed about this." is 13).
MAX_BARE_TOKENS = 16
_DOCUMENT_WORDS = re.compile(
    r"\b(?:statement|release|communiqu[eé]|report|message|announcement|press service)\b",
    re.IGNORECASE,
)


def press_office_owner(head: Token, resolver: SpeakerResolver) -> Speaker | None:
    """'the press service of the Azeri leader', 'the ministry's press office': the owner."""
    if head.lemma_.lower() not in PRESS_OFFICES:
        return None
    if not any(c.lower_ == "press" and c.dep_ in ("compound", "amod") for c in head.children):
        return None
    return named_issuer(head, resolver)


def is_document(token: Token) -> bool:
    return token.lemma_.lower() in DOCUMENT_NOUNS or token.lower_ in DOCUMENT_NOUNS


def named_issuer(noun: Token, resolver: SpeakerResolver) -> Speaker | None:
    """The issuer named beside a document noun: "a statement from the CSTO", "the
    ministry's statement", "the CSTO statement"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return resolver.from_phrase(child)
        if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
            issuer = next((c for c in child.children if c.dep_ == "pobj"), None)
            if issuer is not None and not is_document(issuer):
                speaker = resolver.from_phrase(issuer)
                if speaker is not None:
                    return speaker
    for child in noun.children:
        if child.dep_ == "acl" and child.lemma_.lower() in PUBLISHING_VERBS:
            places = [t for t in child.subtree if t.dep_ == "pobj" and not is_document(t)]
            for place in reversed(places):
                speaker = resolver.from_phrase(place)
                if speaker is not None:
                    return speaker
        if child.dep_ == "compound" and child.ent_type_ in ("ORG", "GPE", "NORP", "PERSON"):
            speaker = resolver.from_phrase(child)
            if speaker is not None:
                return speaker
    return None


def document_speaker(
    noun: Token, resolver: SpeakerResolver, earlier: list, position: int
) -> Speaker | None:
    """Who speaks through "the statement": its issuer named beside it, else the latest
    earlier source whose sentence names a document, else the latest speaker, else the
    article's issuer."""
    named = named_issuer(noun, resolver)
    if named is not None:
        return named
    if not any(c.lower_ in ("the", "this", "that") for c in noun.children):
        return None
    before = [a for a in earlier if a.end_char <= position]
    for attribution in reversed(before):
        if attribution.verb == "according to" or _DOCUMENT_WORDS.search(
            _sentence_of(noun.doc, attribution.start_char)
        ):
            return attribution.speaker
    return before[-1].speaker if before else resolver.issuer


def _sentence_of(doc, position: int) -> str:
    span = doc.char_span(position, position + 1, alignment_mode="expand")
    return span.sent.text if span is not None else ""


def bare_attribution(sentence: Span, resolver: SpeakerResolver) -> Speaker | None:
    """The speaker of a sentence that is nothing but an attribution, or None."""
    root = sentence.root
    text = sentence.text.strip()
    if len(sentence) > MAX_BARE_TOKENS or not re.search(r"[.:]$", text) or '"' in text:
        return None
    if root.lemma_.lower() not in BARE_VERBS or root.pos_ not in ("VERB", "AUX"):
        return None
    deps = {child.dep_ for child in root.children}
    if deps & {"ccomp", "xcomp", "parataxis", "advcl", "conj"}:
        return None
    objects = [c for c in root.children if c.dep_ in ("dobj", "attr", "dative")]
    if any(c.lower_ not in ("this", "that", "following", "it") for c in objects):
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or any(c in ("“", "”", "«", "»") for c in text):
        return None
    if is_document(subject):
        return None
    return resolver.from_phrase(subject)
