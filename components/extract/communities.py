"""Whose words "the villagers" are: the registry's group of one village, when the text names
that village ("The village of Verishen is 3 km from Goris. According to the villagers, ...").
A bare collective noun names no one by itself; the village the article is about does."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from .registry import Actor, Registry, name_key

# Nouns for the people of a place; any of them names a group registered under another
# ("Residents of the Tekh village" for "Villagers of Tegh").
COMMUNITY_NOUNS = {"villager", "resident", "inhabitant"}
# The place in a group's name: "Residents of Verishen", "Villagers of Tegh (Syunik)",
# "Residents of the Tekh village"; not a province's "Residents of the Gegharkunik border
# communities".
_OF_PLACE = re.compile(
    r"\bof (?:the )?([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)*)(?=\s*(?:$|[(,]|and\b|village\b))"
)
# Spellings of one village through Armenian and Russian ("Tekh", "Tegh"), not another
# village that begins alike ("Verin Shorzha" is not "Verishen").
_SAME_PLACE_SCORE = 75


def community_places(actor: Actor) -> set[str]:
    """The village words of a group of residents; empty for any other actor."""
    if actor.actor_type != "group":
        return set()
    places = set()
    for name in (actor.actor_name, *actor.aliases):
        words = set(re.findall(r"[a-z]+", name.lower()))
        if not {w.rstrip("s") for w in words} & COMMUNITY_NOUNS:
            continue
        places.update(_OF_PLACE.findall(name))
    return places


def community_actor(text: str, registry: Registry, noun: str, start: int) -> Actor | None:
    """The registered group of residents whose village the text names latest before
    ``start`` (or, failing that, anywhere), for a bare community noun; None when the noun
    is no community noun or no such village is named."""
    if noun.lower() not in COMMUNITY_NOUNS:
        return None
    best: tuple[int, Actor] | None = None
    found: dict[str, int] = {}
    names = [(m.start(), m.group()) for m in re.finditer(r"[A-Z][\w’'-]+", text)]
    for actor in registry.actors:
        for place in community_places(actor):
            for position, word in _runs(text, names, len(place.split())):
                if not _same_place(word, place) or _listed(text, position, word):
                    continue
                # Before the mention counts over after it; the latest before counts most.
                rank = position if position < start else -position
                found[actor.actor_id] = max(found.get(actor.actor_id, rank), rank)
                if best is None or rank > best[0]:
                    best = (rank, actor)
    if best is None or sorted(found.values()).count(best[0]) > 1:
        return None
    return best[1]


def _runs(text: str, names: list[tuple[int, str]], length: int) -> list[tuple[int, str]]:
    """Runs of ``length`` capitalised words in a row (by position), as written."""
    runs = []
    for i in range(len(names) - length + 1):
        chunk = names[i : i + length]
        joined = text[chunk[0][0] : chunk[-1][0] + len(chunk[-1][1])]
        if joined == " ".join(word for _, word in chunk):
            runs.append((chunk[0][0], joined))
    return runs


def _same_place(written: str, place: str) -> bool:
    a, b = name_key(written), name_key(place)
    return a[:1] == b[:1] and abs(len(a) - len(b)) <= 1 and fuzz.ratio(a, b) >= _SAME_PLACE_SCORE


def _listed(text: str, position: int, word: str) -> bool:
    """A village named in a list ("alarming reports from Vardenis, Kut, Norabak, and Verin
    Shorzha"): its residents are not the only ones the text speaks of."""
    before = text[max(position - 40, 0) : position]
    after = text[position + len(word) : position + len(word) + 40]
    return bool(
        re.search(r"[A-Z][\w’'-]+,?\s+(?:and\s+)?$", before)
        and re.search(r",\s*$|\band\s+$", before)
        or re.match(r"(?:,|\s+and)\s+(?:and\s+)?[A-Z]", after)
    )
