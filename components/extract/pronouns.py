"""Whom a pronoun stands for: "he" and "she" for the person spoken of last (the subject
of the sentence before a person named in its object), "it" and "they" for the body, "we"
for whoever spoke last or the text's issuer. A mixin of SpeakerResolver (speakers.py),
which holds the document, the registry and what was said."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from .phrases import Mention, Speaker, as_pronoun, inside_quote, is_name, quote_ranges
from .registry import Registry

if TYPE_CHECKING:
    from collections.abc import Callable

# The name given to the speaker of a first-person release whose issuer is unknown.
UNNAMED_ISSUER = "issuer of the text (we)"


class PronounRules:
    """The rules above, on a resolver's document, registry, mentions and history."""

    doc: Doc
    registry: Registry
    mentions: list[Mention]
    issuer: Speaker | None
    last_person: Speaker | None
    last_body: Speaker | None
    # The unnamed issuer, once the text's own "we" (outside quotations) was found to be it.
    own_we: Speaker | None
    from_phrase: Callable[[Token], Speaker | None]

    def _antecedent(self, token: Token, person: bool) -> Speaker | None:
        # A release in the first person, its issuer unnamed: its "we" stays the issuer ("We
        # extend our deepest condolences ... . Although the Ministry of Defense of Azerbaijan
        # has denied ..., we consider it necessary to emphasize ...").
        if token.lower_ == "it":
            bound = self._bound_by(token)
            if bound is not None:
                return as_pronoun(bound, token)
        quoted = inside_quote(token.idx, quote_ranges(self.doc.text))
        if token.lower_ == "we" and self.own_we is not None and not quoted:
            return as_pronoun(self.own_we, token)
        remembered = self.last_person if person else self.last_body
        if token.lower_ == "we" and self.last_body is not None and self.last_person is not None:
            # "We" is whoever spoke last, a person or a body ("..., the co-chairs take note
            # ... . We call on both sides" after a politician was quoted).
            remembered = max(self.last_body, self.last_person, key=lambda s: s.start_char)
            if self.last_body.actor_id in self.registry.lineage(self.last_person.actor_id):
                # "Price said the US considers ... . "We reject ...": the spokesman's "we"
                # is his state's, and the words are his.
                remembered = self.last_person
        if remembered is not None and remembered.start_char <= token.idx:
            return as_pronoun(remembered, token)
        if person and token.lower_ != "we":
            return self._latest_person_before(token.idx)
        if token.lower_ == "we" and self.issuer is not None:
            return as_pronoun(self.issuer, token)
        body = self.last_body
        if token.lower_ == "we" and body is not None and body.start_char <= token.idx:
            # "The Co-Chairs underscore ... . We call on both sides": the body speaking.
            return as_pronoun(body, token)
        if token.lower_ == "we":
            teller = self._teller_after(token)
            if teller is not None:
                return teller
            # A release in the first person whose issuer was not given: a new speaker for
            # the reviewer to name (the statements are found; who "we" are is not).
            unnamed = Speaker(
                UNNAMED_ISSUER, token.text, token.idx, token.idx + 2, None, 0.3, False
            )
            if not quoted:
                self.own_we = unnamed
            return unnamed
        return None

    def _bound_by(self, token: Token) -> Speaker | None:
        """ "Armenia protested what it described as an incursion": "it" in a clause under
        a verb whose subject, before it in the sentence, is a state or body, is that
        subject."""
        for verb in token.ancestors:
            if verb.i == token.head.i:
                continue  # the pronoun's own verb
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is None or subject.i > token.i or subject.pos_ != "PROPN":
                continue
            speaker = self.from_phrase(subject)
            if speaker is not None and speaker.actor is not None and not speaker.is_person:
                return speaker
            return None
        return None

    def _teller_after(self, token: Token) -> Speaker | None:
        """ "We have discussed ... . Both we and the Iranian side are concerned ... . The
        secretary of the Security Council of Armenia, Armen Grigoryan, on Friday told this to
        reporters": words that open a paragraph are those of whoever "told this" after
        them in it."""
        end = self.doc.text.find("\n", token.idx)
        end = len(self.doc.text) if end < 0 else end
        for verb in self.doc[token.i :]:
            if verb.idx >= end:
                break
            if verb.pos_ == "VERB" and any(
                c.dep_ == "dobj" and c.lower_ in ("this", "so") for c in verb.children
            ):
                subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                if subject is not None and subject.lower_ not in ("we", "it", "they"):
                    teller = self.from_phrase(subject)
                    return as_pronoun(teller, token) if teller is not None else None
        return None

    def _known_body(self, name: str) -> bool:
        """A name the tagger took for a person's that the registry knows as a state or
        body ("Azerbaijan")."""
        actor, _ = self.registry.resolve_actor(name)
        return actor is not None and actor.actor_type != "person"

    def _known_person(self, ent) -> bool:
        """A registry person's name the small model took for something else ("Nikol
        Pachinian" tagged as a nationality)."""
        if ent.label_ not in ("NORP", "ORG", "GPE") or len(ent) < 2:
            return False
        actor, _ = self.registry.resolve_actor(ent.text)
        return actor is not None and actor.actor_type == "person"

    def _is_subject(self, position: int) -> bool:
        """Whether the name at `position` is (in) the subject of its clause."""
        words = self.doc.char_span(position, position + 1, alignment_mode="expand")
        if words is None:
            return False
        token = words.root
        while token.dep_ in ("compound", "amod", "det", "poss", "appos") and token.head != token:
            token = token.head
        return token.dep_ in ("nsubj", "nsubjpass")

    def _latest_person_before(self, position: int) -> Speaker | None:
        # "“... What is troubling is the condition of serviceman Vachagan Martirosyan ...,”
        # he said": a pronoun outside a quotation is no one the quotation names.
        quotes = [q for q in quote_ranges(self.doc.text) if not q[0] < position < q[1]]
        before = [
            m
            for m in self.mentions
            if m.end_char <= position
            and m.actor.actor_type == "person"
            and not inside_quote(m.start_char, quotes)
        ]
        people = [
            ent
            for ent in self.doc.ents
            if (
                (ent.label_ == "PERSON" and is_name(ent) and not self._known_body(ent.text))
                or self._known_person(ent)
            )
            and ent.end_char <= position
            and not inside_quote(ent.start_char, quotes)
        ]
        candidates = [(m.start_char, m) for m in before] + [(e.start_char, e) for e in people]
        if not candidates:
            return None
        _, latest = max(candidates, key=lambda pair: pair[0])
        # "Minister Mirzoyan held phone conversations with ... Sergey Lavrov, On November 17
        # he talked to ...": "he" goes on about the subject of its sentence before a
        # person named after it in an object.
        sentence = self.doc.char_span(position - 1, position, alignment_mode="expand")
        if sentence is not None and not self._is_subject(latest.start_char):
            start = sentence.sent.start_char
            subjects = [c for c in candidates if c[0] >= start and self._is_subject(c[0])]
            if subjects:
                _, latest = max(subjects, key=lambda pair: pair[0])
        if isinstance(latest, Mention):
            return Speaker(
                latest.actor.actor_name,
                latest.surface,
                latest.start_char,
                latest.end_char,
                latest.actor,
                0.7,
                True,
            )
        actor, score = self.registry.resolve_actor(latest.text)
        return Speaker(
            actor.actor_name if actor else latest.text,
            latest.text,
            latest.start_char,
            latest.end_char,
            actor,
            0.6,
            True,
        )
