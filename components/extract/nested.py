"""Statements inside statements: one speaker's words name another's statement and tell
what it said ("“The statement spread by the Ministry of Defense of Azerbaijan on December
8, according to which the Armenian Armed Forces fired on ..., is misinformation,” the
Defense Ministry said"; "reacted to the statement of Armenian Prime Minister Nikol
Pashinyan about the alleged “penetration ...”"). The statement named is its author's,
drafted beside the one that names it."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Token

from .nouns import DOCUMENT_NOUNS
from .phrases import overlaps_quote, quote_ranges
from .spans import Attribution, cue_of
from .speakers import SpeakerResolver
from .when import as_reported, find_date

RULE = "statement named"
# Acts that put a document out: "the statement spread by X", "issued by", "released by".
_PUTTING_OUT = {"spread", "issue", "release", "publish", "make", "circulate", "disseminate"}
# What a statement named does when it is told of: "claiming that", "alleging that".
_CLAIMING = {"claim", "allege"}


def nested_statements(
    doc: Doc, attributions: list[Attribution], resolver: SpeakerResolver, published: date
) -> list[Attribution]:
    """A statement for each document another statement names with its author and what
    it said."""
    found = []
    quotes = quote_ranges(doc.text)
    for noun in doc:
        if noun.lemma_.lower() in DOCUMENT_NOUNS and noun.pos_ == "NOUN":
            author, content = _author(noun), _content(noun)
        elif noun.lemma_.lower() in _CLAIMING and noun.pos_ == "VERB":
            author, content = _claimant(noun), noun
        else:
            continue
        outer = next((a for a in attributions if a.start_char <= noun.idx < a.end_char), None)
        if outer is None or author is None or content is None:
            continue
        speaker = resolver.from_phrase(author)
        if speaker is None or speaker.actor_id == outer.speaker.actor_id:
            continue
        if speaker.actor is None and speaker.name == outer.speaker.name:
            continue
        start = (
            author.left_edge.idx
            if noun is content
            else min(noun.left_edge.idx, author.left_edge.idx)
        )
        end = content.right_edge.idx + len(content.right_edge.text)
        words = doc.text[start:end]
        found.append(
            Attribution(
                start_char=start,
                end_char=end,
                speaker=speaker,
                rule=RULE,
                verb=noun.lemma_.lower(),
                cue=cue_of(noun),
                is_direct_quote=overlaps_quote(start, end, quotes) and words.count("“") > 0,
                date=find_date(words, published) or as_reported(published),
            )
        )
    return found


def _claimant(verb: Token) -> Token | None:
    """Who claims, when the words that tell it are another's: "The Azerbaijani Ministry of
    Defense is further claiming that the Armenian military units are carrying out
    operations" in the Armenian ministry's quotation."""
    if not any(c.dep_ == "ccomp" for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _author(noun: Token) -> Token | None:
    """Who a document is of: "the ministry's statement", "the statement of X", "the
    statement spread by X"."""
    # "the statement (dated July 30) of the Armenian Foreign Ministry": the parser may hang
    # "of" on the words in brackets.
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in _PUTTING_OUT:
        # "the Azerbaijani Ministry of Defense issued a statement falsely claiming that".
        subject = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
    dated = [c for c in noun.children if c.dep_ == "acl" and c.lower_ == "dated"]
    for child in [*noun.children, *(c for d in dated for c in d.children)]:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in ("of", "by"):
            author = next((c for c in child.children if c.dep_ == "pobj"), None)
            if author is not None and author.ent_type_ not in ("DATE", "TIME"):
                return author
        if child.dep_ == "acl" and child.lemma_.lower() in _PUTTING_OUT:
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            author = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            if author is not None:
                return author
    return None


def _content(noun: Token) -> Token | None:
    """What a document is said to say: "..., according to which X", "that X", "about X";
    else, as the subject of "contains", "claims" or "says", the clause it heads."""
    for child in noun.subtree:
        if child.dep_ in ("relcl", "acl") and any(
            t.lower_ == "which" and t.head.lower_ == "to" for t in child.subtree
        ):
            return child
    for child in noun.children:
        if child.dep_ == "acl" and child.lemma_.lower() in _CLAIMING:
            return child  # "a statement falsely claiming that ..."
        if child.dep_ in ("acl", "ccomp", "appos") and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in child.children
        ):
            return child
        if child.dep_ == "prep" and child.lower_ == "about":
            return child
    verb = noun.head
    if noun.dep_ == "dobj":
        # "recorded the official statement of the Ministry of Defense of Armenia, that the
        # Azerbaijani military attacks have political motives": the parser hangs the
        # clause on the verb, right after the document's words.
        for clause in verb.children:
            next_words = verb.doc[noun.right_edge.i + 1 : clause.left_edge.i]
            if (
                clause.dep_ == "ccomp"
                and clause.i > noun.i
                and all(t.is_punct for t in next_words)
                and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
            ):
                return clause
    if noun.dep_ == "nsubj" and verb.lemma_.lower() in ("contain", "claim", "say", "allege"):
        return verb
    return None
