"""Who a document speaks for: "a statement released by the Defense Ministry", "the
ministry's statement", "a foreign ministry statement", and "the statement" named before. A
mixin of SpeakerResolver (speakers.py), which holds the document, the registry and what was
said."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from .phrases import Speaker, as_pronoun, inside_quote, owner_of, quote_ranges
from .registry import countries


class DocumentRules:
    """The rules above, on a resolver's document, history and issuer."""

    doc: Doc
    history: list[Speaker]
    issuer: Speaker | None
    documents: list[tuple[str, int, Speaker]]
    from_phrase: Callable[[Token], Speaker | None]
    from_span: Callable[[Span], Speaker | None]
    _of_the_sentence_country: Callable[..., Speaker | None]

    def _author(self, head: Token) -> Speaker | None:
        """Who a document speaks for: "a statement released by the Defense Ministry", "the
        ministry's statement", "the statement of X"; with no author named, the latest
        speaker before it, else the issuer ("..., said the statement.")."""
        author_words = self._author_words(head)
        if author_words is not None:
            named = self.from_phrase(author_words)
            if named is not None and _speaks(head):
                self.documents.append((head.lemma_.lower(), head.idx, named))
            return named
        # "a foreign ministry statement said": the body named in front of the document.
        # Not "the press release": a press release is no body's name.
        named = [
            c
            for c in head.children
            if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN") and c.lower_ != "press"
        ]
        if named:
            words = self.doc[named[0].left_edge.i : named[-1].i + 1]
            author = self.from_span(words)
            if author is not None and author.actor is None and not countries(words.text):
                # '"France expresses ...," a foreign ministry statement said.'
                bounds = (words.text, words.start_char, words.end_char)
                author = self._of_the_sentence_country(words.root, *bounds) or author
            if author is not None:
                return author
        # "says a statement by the press-office of the UN Secretary-General, Azeri Daily
        # reports. ..., says the statement.": the statement named before, not its carrier.
        definite = any(c.lower_ == "the" for c in head.children)
        earlier = [d for d in self.documents if d[0] == head.lemma_.lower() and d[1] < head.idx]
        if earlier and definite:
            return as_pronoun(earlier[-1][2], head)
        issuer = self._said_in(head) if definite else None
        if issuer is not None:
            return as_pronoun(issuer, head)
        before = [s for s in self.history if s.start_char <= head.idx]
        if before:
            return as_pronoun(max(before, key=lambda s: s.start_char), head)
        if self.issuer is not None:
            return as_pronoun(self.issuer, head)
        return None

    def _said_in(self, head: Token) -> Speaker | None:
        """ "Tatoyan’s office said in a statement posted on Facebook ... “...,” the
        statement reads", "Ilham Aliyev signed an Order ... According to the Order": who
        spoke in, or signed, the latest document of that kind before."""
        quotes = quote_ranges(self.doc.text)
        for token in reversed(self.doc[: head.i]):
            if token.lemma_.lower() != head.lemma_.lower() or token.dep_ not in ("pobj", "dobj"):
                continue
            if inside_quote(token.idx, quotes):
                continue  # a statement the speaker's own words name
            if token.dep_ == "dobj":
                if token.head.lemma_.lower() not in _SIGNING:
                    continue
                verb = token.head  # "Ilham Aliyev signed an Order ...": its signer
            elif token.head.lower_ == "in":
                verb = token.head.head
            else:
                return None
            if verb.pos_ not in ("VERB", "AUX"):
                return None
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            return self.from_phrase(subject) if subject is not None else None
        return None

    @staticmethod
    def _author_words(head: Token) -> Token | None:
        """The author a document's own words name: its possessor, its agent ("released
        by"), or "of"/"from"/"by" after it."""
        for child in head.children:
            if child.dep_ == "poss":
                return child
            if child.dep_ == "acl":
                for grand in child.children:
                    if grand.dep_ == "agent":
                        author = next((c for c in grand.children if c.dep_ == "pobj"), None)
                        if author is not None:
                            return author
                    owner = _site_owner(grand)
                    if owner is not None:
                        return owner
            if child.dep_ == "prep" and child.lower_ in ("of", "from", "by"):
                author = next((c for c in child.children if c.dep_ == "pobj"), None)
                if author is not None:
                    return author
        return None


# Who puts a document out under his name: "signed an Order", "issued a decree".
_SIGNING = {"sign", "issue", "adopt", "publish", "release"}

# Where a body publishes: "the message posted today on the website of the Azerbaijani MoD".
_SITE_NOUNS = {"website", "site", "page", "channel", "account"}


def _site_owner(preposition: Token) -> Token | None:
    """The owner of the site a document was posted on ("on the website of X", "on X's
    website"), or None."""
    if preposition.dep_ != "prep" or preposition.lower_ not in ("on", "at"):
        return None
    site = next((c for c in preposition.children if c.dep_ == "pobj"), None)
    if site is None or site.lemma_.lower() not in _SITE_NOUNS:
        return None
    return owner_of(site)


def _speaks(document: Token) -> bool:
    """Whether a document is the one that speaks ("says a statement by ...", "according to
    a statement of ..."), not one that is denied ("has denied the statement of ...")."""
    if document.dep_ in ("nsubj", "nsubjpass"):
        return True
    preposition = document.head
    return (
        document.dep_ == "pobj"
        and preposition.lower_ == "to"
        and any(c.lower_ == "according" for c in (preposition.head, *preposition.lefts))
    )
