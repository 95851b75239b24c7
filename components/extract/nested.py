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
from .verbs import FALSE_WORDS
from .when import as_reported, find_date

RULE = "statement named"
# Acts that put a document out: "the statement spread by X", "issued by", "released by".
_PUTTING_OUT = {"spread", "issue", "release", "publish", "make", "circulate", "disseminate"}
# What a statement named does when it is told of: "claiming that", "alleging that".
_CLAIMING = {"claim", "allege"}
# What one side's denial calls the other's words: "The information spread by the Armenian
# side about ... is untrue", "Armenia's reports on the death of ... are false". Named
# statements only with their author and what they said.
_CLAIM_NOUNS = {"information", "report", "claim", "allegation", "accusation"}
# What one asks of another, named with its author: "the request of the Russian side".
_ASKING = {"request", "appeal", "proposal", "demand"}


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
        elif noun.lemma_.lower() in _CLAIM_NOUNS and noun.pos_ == "NOUN":
            if any(c.lower_ in FALSE_WORDS for c in noun.children):
                # "The Armenian defense ministry has once again spread false information
                # about ...": the writer's accusation, not a statement it names.
                continue
            author, content = _author(noun), _claim_content(noun)
        elif noun.lemma_.lower() in _ASKING and noun.pos_ == "NOUN":
            # "taking into account the request of the Russian side": the request is its
            # author's appeal, whatever the words around it tell.
            author, content = _author(noun), noun
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
            if noun is content and noun.pos_ == "VERB"
            else min(noun.left_edge.idx, author.left_edge.idx)
        )
        end = content.right_edge.idx + len(content.right_edge.text)
        words = doc.text[start:end]
        told = end if noun is content else content.left_edge.idx
        end = max(end, noun.right_edge.idx + len(noun.right_edge.text))
        found.append(
            Attribution(
                start_char=start,
                end_char=end,
                speaker=speaker,
                rule=RULE,
                verb=noun.lemma_.lower(),
                cue=cue_of(noun),
                is_direct_quote=overlaps_quote(start, end, quotes) and words.count("“") > 0,
                # The document's own date, not one of what it tells ("... that, on May
                # 25, the Armed Forces ... shelled").
                date=find_date(doc.text[start:told] if told > start else words, published)
                or as_reported(published),
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
    spread_by = _put_out_by(noun)
    if spread_by is not None:
        return spread_by
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


def _claim_content(noun: Token) -> Token | None:
    """What another's information or reports said: as a document's words, also "reports on
    the death of ...", and the clause of "The information spread by X about ..." or
    "... disseminated by X that, on May 25, the Armed Forces ... fired", however the small
    model hangs it (on "spread" as the sentence's verb; a relative clause whose "that" it
    takes for a subject beside the clause's own)."""
    content = _content(noun, about=("about", "on", "regarding"))
    if content is not None:
        return content
    for clause in noun.children:
        first = clause.left_edge
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        if (
            clause.dep_ == "relcl"
            and first.lower_ == "that"
            and first.dep_ != "dobj"
            and any(s.lower_ not in ("that", "which") for s in subjects)
        ):
            return clause
    if _put_out_by(noun) is not None:
        return next(
            (c for c in noun.head.children if c.dep_ == "prep" and c.lower_ == "about"), None
        )
    return None


def _put_out_by(noun: Token) -> Token | None:
    """X of "The information spread by X ...", where the parser makes "spread" the verb."""
    if noun.dep_ != "nsubj" or noun.head.lemma_.lower() not in _PUTTING_OUT:
        return None
    agent = next(
        (
            c
            for c in noun.head.children
            if c.dep_ == "agent" or (c.dep_, c.lower_) == ("prep", "by")
        ),
        None,
    )
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None


def _content(noun: Token, about: tuple[str, ...] = ("about",)) -> Token | None:
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
        if child.dep_ == "prep" and child.lower_ in about:
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
