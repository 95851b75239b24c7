"""Who speaks for a body without being its name: an office in its own name ("his Office
told"), an unnamed official, spokesperson or leadership of a body ("a spokesperson for the
Ministry of Defense"), a press service whose principal was named before or not at all. A
mixin of SpeakerResolver (speakers.py), which holds the document, the registry and what was
said."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc, Token

from .phrases import Mention, Speaker, as_pronoun, clean, core_bounds, inside_quote, quote_ranges
from .registry import Registry
from .titles import is_press_service

# People who speak for a body without being named: "an official of the ministry".
UNNAMED_NOUNS = {"official", "source", "leadership"}
_SPOKES_NOUNS = {"spokesperson", "spokesman", "spokeswoman"}
# A holder's staff, speaking in its own name: "his Office told".
_OFFICE_NOUNS = {"office", "staff"}
# Whose press service a bare "the press service" is, when no principal was named.
_SERVICE_HOLDERS = {"government body", "armed forces", "legislature", "international organisation"}


class SpokesRules:
    """The rules above, on a resolver's document, registry, mentions and history."""

    doc: Doc
    registry: Registry
    mentions: list[Mention]
    history: list[Speaker]
    principals: list[Speaker]
    _resolve: Callable[[Token, int, int], Speaker | None]
    from_phrase: Callable[[Token], Speaker | None]
    _antecedent: Callable[[Token, bool], Speaker | None]

    def _office_of(self, head: Token, start: int, end: int) -> Speaker | None:
        """ "The Office of the Ombudsman stated", "his Office told Armenpress": an office
        the registry knows speaks in its own name, not its holder's (whose title its
        name holds, so the holder's alias would otherwise claim it)."""
        if head.lemma_.lower() not in _OFFICE_NOUNS or is_press_service(head):
            return None
        words = self.doc.text[start:end]
        office = self.registry.office(words)
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if office is None and owner is not None:
            if owner.lower_ in ("his", "her"):
                holder = self._antecedent(owner, person=True)
            else:
                holder = self.from_phrase(owner)
            if holder is not None and holder.actor is not None:
                title = holder.actor.role_title or holder.actor.actor_name
                office = self.registry.office(f"{title} office")
        if office is None and owner is None:
            # "“...,” the office said": the office that spoke before.
            before = [
                s
                for s in self.history
                if s.end_char <= start
                and s.actor is not None
                and self.registry.office(s.actor.actor_name)
            ]
            return as_pronoun(before[-1], head) if before else None
        if office is None:
            return None
        return Speaker(office.actor_name, clean(words), start, end, office, 0.9, False)

    def _body_of_unnamed(self, head: Token, start: int, end: int) -> Speaker | None:
        """ "an official of the US Department of State": an official no name identifies
        speaks for the body named (not for a registry person of a similar title)."""
        lemma = head.lemma_.lower()
        # "A spokesperson for the Ministry of Defense": one no name or earlier mention
        # identifies ("the spokesperson" may be one named before).
        unnamed = lemma in _SPOKES_NOUNS and any(
            c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children
        )
        if not (lemma in UNNAMED_NOUNS or unnamed) or head.ent_type_ == "PERSON":
            return None
        if not any(c.dep_ == "prep" for c in head.children):
            # "The official also recalled ...": the official named before.
            noun = head.lemma_.lower()
            before = [s for s in self.history if s.end_char <= start and noun in s.mention.lower()]
            return as_pronoun(before[-1], head) if before else None
        words = self.doc.char_span(start, end, alignment_mode="expand") or []
        if any(t.ent_type_ == "PERSON" for t in words):
            return None
        of = next(
            (
                c
                for c in head.children
                if c.dep_ == "prep" and c.lower_ in ("of", "from", "at", "in", "for")
            ),
            None,
        )
        body = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        if body is None:
            return None
        speaker = self._resolve(body, *core_bounds(body))
        if speaker is None or speaker.actor is None or speaker.actor.actor_type == "person":
            return None
        return replace(
            speaker, mention=clean(self.doc.text[start:end]), start_char=start, end_char=end
        )

    def _principal_before(self, position: int) -> Speaker | None:
        """ "the press service said" after "the press service of the Ministry ...", else
        the body named last before it, outside quotations ("the Armenian Defense Ministry
        ... the press service said", "the State Border Service ..., the agency's press
        service said")."""
        before = [s for s in self.principals if s.start_char <= position]
        if before:
            return before[-1]
        quotes = quote_ranges(self.doc.text)
        bodies = [
            m
            for m in self.mentions
            if m.end_char <= position
            and m.actor.actor_type in _SERVICE_HOLDERS
            and not inside_quote(m.start_char, quotes)
        ]
        if not bodies:
            return None
        body = max(bodies, key=lambda m: m.start_char)
        return Speaker(
            body.actor.actor_name,
            body.surface,
            body.start_char,
            body.end_char,
            body.actor,
            0.7,
            False,
        )
