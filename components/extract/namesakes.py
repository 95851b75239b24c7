"""A surname the registry knows, said of someone else the text named in full: after "the
vice-mayor of the city of Goris Karo Kocharyan", "Kocharyan said" is Karo Kocharyan, not
the registry's Karen Kocharyan (the texts give two first names; that one is a short form of
the other is not the texts' words)."""

from __future__ import annotations

from rapidfuzz import fuzz
from spacy.tokens import Doc

from .phrases import Mention, Speaker, clean, entity_name
from .registry import Registry, name_key

# How alike two spellings of one first name are (Andranik / Andranick).
_SAME_FIRST_NAME = 85


def namesake(doc: Doc, registry: Registry, mention: Mention, start: int, end: int):
    """The person named in full before `start` whose surname is the one-word `mention` and
    whose first name is not the registry actor's, or None."""
    actor = mention.actor
    if actor.actor_type != "person" or " " in mention.surface.strip():
        return None
    named = [
        ent
        for ent in doc.ents
        if ent.label_ == "PERSON"
        and ent.end_char <= start
        and len(ent) >= 2
        and ent[-1].text == mention.surface
        and all(t.pos_ == "PROPN" for t in ent)
    ]
    if not named:
        return None
    full = named[-1]
    own = {name_key(word) for word in " ".join([actor.actor_name, *actor.aliases]).split()}
    given = [name_key(t.text) for t in full[:-1]]
    if any(fuzz.ratio(word, mine) >= _SAME_FIRST_NAME for word in given for mine in own):
        return None
    name = entity_name(full)
    other, score = registry.resolve_actor(name)
    if other is not None and other.actor_id == actor.actor_id:
        return None
    words = clean(doc.text[start:end])
    return Speaker(other.actor_name if other else name, words, start, end, other, 0.7, True)
