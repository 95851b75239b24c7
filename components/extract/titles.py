"""How a title reads (speakers.py): "the country's ministry", a press service's principal,
a country's "leader", an alias that belongs to another country's body."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Token

from .nouns import HUMAN_NOUNS, PERSON_TITLE_NOUNS
from .registry import DEMONYMS, Actor, countries, title_key

if TYPE_CHECKING:
    from .phrases import Mention

# "the country's Defense Ministry": the country named last before it.
_THE_COUNTRY = re.compile(r"\b(?:the|that|this) country(?:'s|’s)\s*", re.IGNORECASE)
_COUNTRY_NAMES = re.compile(
    r"\b(" + "|".join(sorted({*DEMONYMS, *DEMONYMS.values()}, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)

# Words of a title that do not tell two actors apart.
GENERIC_TITLE_WORDS = {"also", "said", "acting", "official", "own"}


def the_country(text: str, start: int, span_text: str) -> str:
    """'the country's Defense Ministry' → 'Azerbaijan's Defense Ministry' when Azerbaijan
    (or "Azerbaijani") is the country named last before the phrase."""
    match = _THE_COUNTRY.search(span_text)
    if match is None:
        return span_text
    named = [m.group(1).lower() for m in _COUNTRY_NAMES.finditer(text[: start + match.start()])]
    if not named:
        return span_text
    country = DEMONYMS.get(named[-1], named[-1]).title()
    return span_text[: match.start()] + country + " " + span_text[match.end() :]


def inside_a_name(mention: Mention, head: Token) -> bool:
    """A state's name that ends a longer proper name ("Sputnik Armenia", a news agency) is
    part of that name, not the state."""
    if mention.actor.actor_type != "state":
        return False
    return any(
        c.dep_ == "compound"
        and c.pos_ == "PROPN"
        and c.idx < mention.start_char
        and c.lower_ not in DEMONYMS
        for c in head.children
    )


def is_press_service(head: Token) -> bool:
    """ "the press service", "Aliyev's press office", "the press department at the
    Foreign Ministry"."""
    return head.lemma_.lower() in ("service", "office", "department", "centre", "center") and any(
        c.dep_ == "compound" and c.lower_ == "press" for c in head.children
    )


def principal_of(head: Token) -> Token | None:
    """Whom a press service speaks for: "the press service of the Azeri leader", "Aliyev's
    press office"."""
    if not is_press_service(head):
        return None
    for child in head.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in ("of", "at"):
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


# Titles of people who speak for a state abroad: news calls them "the diplomat".
_DIPLOMATIC_WORDS = {"foreign", "ambassador", "envoy", "diplomacy", "embassy"}
# Who heads a body, in news a "chief": "the security chief", "the defence chief".
_CHIEF_WORDS = {"secretary", "chairman", "director", "minister", "commander", "head"}


# Who heads a village or town: "the latter’s mayor, Hakob Arshakyan ... said the village
# head".
_LOCAL_HEAD_WORDS = {"mayor", "head"}
_LOCALITY_WORDS = {"village", "community", "town", "city"}


def with_leader(title_words: set[str]) -> set[str]:
    """In news a country's "leader" is its president or prime minister ("the Azeri leader"
    after President Aliyev), and "the diplomat" or "the diplomatic representative" is
    whoever holds a foreign-service title ("concluded the diplomat" after Zakharova, the
    foreign ministry's spokesperson), a town's mayor is its head, and a president is the
    head of state."""
    if "president" in title_words or {"prime", "minister"} <= title_words:
        title_words = title_words | {"leader"}
    if title_words & _LOCAL_HEAD_WORDS:
        title_words = title_words | _LOCAL_HEAD_WORDS | _LOCALITY_WORDS
    if title_words & _DIPLOMATIC_WORDS:
        title_words = title_words | {"diplomat", "diplomatic", "representative"}
    if "president" in title_words:
        # "said the head of state" after President Aliyev (not a town's head: after the
        # step above).
        title_words = title_words | {"head", "state"}
    if title_words & _CHIEF_WORDS:
        # "the security chief" after the Secretary of the Security Council.
        title_words = title_words | {"chief"}
    return title_words


def other_country(phrase: str, actor: Actor) -> bool:
    """ "the Ministry of Defense of Azerbaijan" holds the alias "Ministry of Defense" of
    Armenia's ministry, but names another country: not that actor."""
    named = countries(phrase)
    own = countries(" ".join([actor.actor_name, actor.role_title or ""]))
    return bool(named and own and not named & own)


def countryless_title(mention: Mention, head: Token) -> bool:
    """An alias that is a bare title ("Ministry of Defense", "border guards") of a body of
    one country: the text may mean another country's."""
    actor = mention.actor
    return (
        actor.actor_type not in ("person", "state")
        and (head.lemma_.lower() in HUMAN_NOUNS or head.lower_ in HUMAN_NOUNS)
        and not countries(mention.surface)
        and bool(countries(actor.actor_name))
    )


def national_title(mention: Mention) -> bool:
    """An alias that is only a nation and a title ("Azerbaijani ministry", of the foreign
    ministry): after "Azerbaijan’s Defense Ministry", "the Azerbaijani ministry said" is that
    one, so the text's own antecedent comes first."""
    words = mention.surface.lower().split()
    return (
        mention.actor.actor_type not in ("person", "state")
        and len(words) == 2
        and words[0] in DEMONYMS
        and words[1] in HUMAN_NOUNS
    )


def holds(actor: Actor | None, title: str) -> bool:
    """Whether an actor's names and titles hold every word of a title."""
    if actor is None:
        return False
    words = set(title_key(title).split()) - GENERIC_TITLE_WORDS
    names = " ".join([actor.actor_name, actor.role_title or "", *actor.aliases])
    return bool(words) and words <= set(title_key(names).split())


def person_titles(doc) -> dict[str, str]:
    """Surname → the titles the text gives a person no registry may know: "Foreign
    Minister of Armenia Ararat Mirzoyan", "Minister Mirzoyan", "Deputy Spokesman for
    Azerbaijan’s Defense Ministry, Lieutenant-Colonel Anar Eyvazov said", "Leyla
    Abdullayeva, an official representative of the Foreign Ministry"."""
    found: dict[str, list[str]] = {}
    for ent in doc.ents:
        if not any(t.pos_ == "PROPN" for t in ent):
            continue
        root = ent.root
        # "the latter’s mayor, Hakob Arshakyan, told": a name set off after a person's
        # title, whatever entity the small model takes it for (here a place).
        titled_before = root.dep_ == "appos" and root.head.i < root.i and _titled(root.head)
        if ent.label_ != "PERSON" and not (titled_before and all(t.pos_ == "PROPN" for t in ent)):
            continue
        # "UN Secretary-General Antonio Guterres": the whole title before the name, not
        # only the word next to it ("General").
        words = [
            w.text
            for t in root.lefts
            if t.dep_ == "compound" and t.i < ent.start
            for w in t.subtree
            if w.i < ent.start
        ]
        if titled_before:
            words += [t.text for t in root.head.subtree if t.i <= root.head.i]
        title = root.head.head
        if root.dep_ == "pobj" and root.head.lower_ == "of" and _titled(title):
            words += [t.text for t in title.subtree if title.left_edge.i <= t.i < ent.start]
        for other in (*root.children, root.head):
            if other.i != root.i and "appos" in (other.dep_, root.dep_) and other.i > root.i:
                words += [t.text for t in other.subtree]
        if root.dep_ in ("nsubj", "nsubjpass"):
            # Two subjects of one verb, the title first: the parser's reading of a title
            # set off by a comma before the name.
            words += [
                t.text
                for sibling in root.head.children
                if sibling.dep_ == root.dep_
                and sibling.i < ent.start
                and doc[sibling.right_edge.i + 1].text == ","
                and sibling.right_edge.i + 2 >= ent.start - 3
                for t in sibling.subtree
            ]
        found.setdefault(ent[-1].text, []).extend(words)
    return {surname: " ".join(words) for surname, words in found.items() if words}


def _titled(token: Token) -> bool:
    """A person's title ("Minister", "Spokesman"), not a document ("the statement of")."""
    return token.lemma_.lower() in PERSON_TITLE_NOUNS or token.lower_ in HUMAN_NOUNS
