"""Bodies a phrase names without naming them: an unnamed official's body, "the Defence
Ministry" of the country a sentence is about, "the foreign ministry in Baku", "the Armenian
authorities", "both sides" (who speaks for a body: spokes.py). A mixin of
SpeakerResolver (speakers.py), which holds the document, the registry and what was said."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from .perspective import perspective
from .phrases import (
    Mention,
    Speaker,
    clean,
    core_bounds,
    entity_name,
    first_country,
    inside_quote,
    is_person_title,
    quote_ranges,
)
from .registry import DEMONYMS, Actor, Registry, countries, title_key
from .titles import GENERIC_TITLE_WORDS, with_leader

if TYPE_CHECKING:
    from collections.abc import Callable

# Nouns for a state's government as a whole: "the Armenian authorities".
STATE_NOUNS = {"authority", "authorities", "government", "leadership", "side"}
# A bare "department" in texts translated from Russian is a ministry ("vedomstvo").
_DEPARTMENT_WORDS = {
    "department": "ministry",
    "military": "defence",
    "defence": "defence",
    "foreign": "foreign",
    "policy": "foreign",
}
# What two people hold together: "held a phone conversation with", "had talks with".
_MEETING_NOUNS = {"conversation", "call", "talk", "talks", "meeting", "discussion"}
# What one person does with another: "held a phone conversation with", "talked to".
_CALL_VERBS = {"hold", "have", "talk", "speak", "meet", "converse"}
# The two states at war: what one's forces are accused of, the other's body tells;
# a rebuttal with no issuer is the other side's body's (issuers.py).
ADVERSARY = {"armenia": "azerbaijan", "azerbaijan": "armenia"}
# What a side says only of the other's forces: they "tried", "violated", "opened fire",
# "resorted to provocation".
_ACCUSED_VERBS = {"try", "attempt", "violate", "shell", "infiltrate", "invade", "provoke", "resort"}
_ACCUSED_DEEDS = {"fire", "attack", "offensive", "provocation", "provocations", "assault"}


class BodyRules:
    """The rules above, on a resolver's document, registry, mentions and history."""

    doc: Doc
    registry: Registry
    mentions: list[Mention]
    history: list[Speaker]
    principals: list[Speaker]
    # Surname → the titles the text gives a person (titles.person_titles).
    titles: dict[str, str]
    _resolve: Callable[[Token, int, int], Speaker | None]
    from_phrase: Callable[[Token], Speaker | None]
    _antecedent: Callable[[Token, bool], Speaker | None]

    def both_states(self, head: Token) -> list[Speaker]:
        """ "both sides", "the two countries": the two states the text names most (when
        two stand out), in the order it first names them."""
        counts: dict[str, list[Mention]] = {}
        for mention in self.mentions:
            if mention.actor.actor_type == "state":
                counts.setdefault(mention.actor.actor_id, []).append(mention)
        ranked = sorted(counts.values(), key=len, reverse=True)
        if len(ranked) < 2 or (len(ranked) > 2 and len(ranked[1]) == len(ranked[2])):
            return []
        two = sorted(ranked[:2], key=lambda found: found[0].start_char)
        start, end = core_bounds(head)
        return [
            Speaker(
                m[0].actor.actor_name,
                clean(self.doc.text[start:end]),
                start,
                end,
                m[0].actor,
                0.6,
                False,
            )
            for m in two
        ]

    def conversation_pair(self, head: Token) -> list[Speaker]:
        """ "Aivazian held a phone conversation with Schallenberg ... . Both sides stressed":
        the people of the latest call, meeting or talks before `head` ("Putin held
        trilateral talks with Aliyev and Pashinyan ... . The three leaders signed"), when a
        person held it with others."""
        for token in reversed(self.doc[: head.i]):
            if token.lemma_.lower() in _MEETING_NOUNS and token.dep_ in ("nsubj", "nsubjpass"):
                # "the first meeting of the Deputy Prime Minister of Azerbaijan Shahin
                # Mustafayev and the Deputy Prime Minister of Armenia Mher Grigoryan took
                # place": the people the meeting is of.
                party = self._meeting_of(token, head)
                if party:
                    return party
            if token.lemma_.lower() not in _MEETING_NOUNS or token.dep_ != "dobj":
                continue
            verb = token.head
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            withs = [c for c in (*verb.children, *token.children) if c.lower_ == "with"]
            other = next((c for w in withs for c in w.children if c.dep_ == "pobj"), None)
            if subject is None or other is None:
                continue
            # "with Azerbaijan’s President Ilham Aliyev and Armenia’s Prime Minister Nikol
            # Pashinyan": every person named there (the parser hangs the second on
            # "Armenia").
            named = [
                ent.root
                for ent in self.doc.ents
                if ent.label_ == "PERSON" and other.left_edge.i <= ent.root.i <= other.right_edge.i
            ]
            people = [subject, *(named or [other])]
            party = [self.from_phrase(person) for person in people]
            if all(s is not None and s.is_person for s in party):
                return self._party_at(party, head)
            return []
        return []

    def _meeting_of(self, meeting: Token, head: Token) -> list[Speaker]:
        """The two or more people a meeting "of" names, as speakers at `head`."""
        of = next((c for c in meeting.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is None:
            return []
        named = [
            ent.root
            for ent in self.doc.ents
            if ent.label_ == "PERSON" and of.i < ent.root.i <= of.right_edge.i
        ]
        party = [self.from_phrase(person) for person in named]
        if len(party) < 2 or not all(s is not None and s.is_person for s in party):
            return []
        return self._party_at(party, head)

    def _party_at(self, party: list[Speaker], head: Token) -> list[Speaker]:
        """The people of a call or meeting, as the speakers the words at `head` name."""
        start, end = core_bounds(head)
        words = clean(self.doc.text[start:end])
        return [replace(s, mention=words, start_char=start, end_char=end) for s in party]

    def _of_the_sentence_country(
        self, head: Token, span_text: str, start: int, end: int
    ) -> Speaker | None:
        """ "Azerbaijan has expelled ..., the Defence Ministry reported": a bare title no
        earlier body holds is the body of the country the sentence is about (its
        subject's, else the first it names)."""
        sentence = head.sent
        subjects = [t for t in sentence.root.children if t.dep_ in ("nsubj", "nsubjpass")]
        phrases = [(self.doc.text[t.left_edge.idx : t.right_edge.idx + 1], t) for t in subjects]
        first = next(
            (t for t in sentence if t.dep_ in ("nsubj", "nsubjpass") and t.idx < start), None
        )
        if first is not None:
            # The subject of what the title's body reported ("Azerbaijan has expelled ...,
            # the Defence Ministry reported"), by its own words and not by the phrases
            # hung on it ("The situation created ... by the Azerbaijani Armed Forces has not
            # changed, the Ministry of Defense informs" names no country).
            phrases.append((" ".join(t.text for t in first.subtree if t.i <= first.i), first))
        title_words = set(title_key(span_text).split()) - {"the"}
        for phrase, subject in phrases:
            if title_words and title_words <= set(title_key(phrase).split()):
                # "The Armenian Defence Ministry has issued a statement ..., the Defence
                # Ministry reported": a ministry does not report its own statement in the
                # third person; the subject's country is not the title's.
                continue
            named = first_country(phrase)
            if named in ADVERSARY and _accused(subject):
                # "units of the Azerbaijani Armed Forces tried to secure a positional
                # advance ..., the Ministry of Defense reports": a ministry tells of its
                # own side's forces trying, firing or provoking only to accuse the other.
                named = ADVERSARY[named]
            if named is not None:
                return self._national_body(named, span_text, start, end)
        # "Acting Minister of Foreign Affairs of Armenia Ara Aivazian held a phone
        # conversation ... . As the press department at the Foreign Ministry reported":
        # a sentence naming no country goes on about the subject of the one before it in
        # the paragraph, when that subject names one country.
        if sentence.start > 0:
            before = self.doc[sentence.start - 1].sent
            if "\n" not in self.doc.text[before.end_char : sentence.start_char]:
                for subject in (
                    t for t in before.root.children if t.dep_ in ("nsubj", "nsubjpass")
                ):
                    phrase = self.doc.text[subject.left_edge.idx : subject.right_edge.idx + 1]
                    named = countries(phrase)
                    if len(named) == 1:
                        return self._national_body(next(iter(named)), span_text, start, end)
        # "The Defence Ministry on July 23 reported that the soldier of the Azerbaijani army
        # was killed ... in the liberated Kalbajar region": the side the text is written from.
        side = perspective(self.doc.text)
        return self._national_body(side, span_text, start, end) if side else None

    def _national_body(self, country: str, title: str, start: int, end: int) -> Speaker | None:
        """The body of `country` whose title is `title` ("the Defence Ministry")."""
        actor, score = self.registry.resolve_actor(f"{country} {title}")
        if actor is None or actor.actor_type in ("person", "state"):
            return None
        names = " ".join([actor.actor_name, *actor.aliases])
        if score < 0.9 and not set(title_key(title).split()) <= set(title_key(names).split()):
            # A looser match only when the body's name holds every word of the title ("the
            # foreign ministry" of France, its "Ministry for Europe and Foreign Affairs").
            return None
        if country.lower() not in countries(" ".join([actor.actor_name, actor.role_title or ""])):
            return None
        return Speaker(
            actor.actor_name, clean(self.doc.text[start:end]), start, end, actor, 0.7, False
        )

    def _seated_body(self, head: Token, start: int, end: int) -> Speaker | None:
        """ "the foreign ministry in Baku": the ministry of the state seated there."""
        for child in head.children:
            if child.dep_ != "prep" or child.lower_ != "in":
                continue
            place = next((c for c in child.children if c.dep_ == "pobj"), None)
            state = self.registry.capitals.get(place.text) if place is not None else None
            if state is None:
                continue
            title = self.doc.text[start : child.idx].strip()
            return self._national_body(state.actor_name, title, start, end)
        return None

    def _state_of(self, head: Token, start: int, end: int) -> Speaker | None:
        """ "the Armenian authorities", "the Azerbaijani government", "The Armenians": the
        state (when the registry has no body of these words)."""
        lemma = head.lemma_.lower()
        if lemma in STATE_NOUNS:
            named = [t.lower_ for t in head.children if t.dep_ in ("amod", "compound", "nmod")]
            named = [DEMONYMS[w] for w in named if w in DEMONYMS]
        elif head.tag_ in ("NNPS", "NNS") and head.lower_.rstrip("s") in DEMONYMS:
            named = [DEMONYMS[head.lower_.rstrip("s")]]
        else:
            return None
        if len(named) != 1:
            return None
        actor, score = self.registry.resolve_actor(named[0].title())
        if actor is None or actor.actor_type != "state":
            return None
        return Speaker(
            actor.actor_name, clean(self.doc.text[start:end]), start, end, actor, 0.7, False
        )

    def _title_antecedent(self, span_text: str, start: int) -> Speaker | None:
        """A bare title ("the spokesperson", "the Azerbaijani ministry", "The Permanent
        Representative") names the latest speaker or registry actor before it whose name
        or title holds all its words."""
        # "The senator from New Jersey": where a person comes from is no part of the title.
        title = re.sub(r"\s+from\s+[A-Z].*$", "", span_text)
        words = set(title_key(title).split()) - GENERIC_TITLE_WORDS
        if not words:
            return None
        # Before the title and not around it ("the press service of the Azeri leader" is
        # no antecedent of its own "the Azeri leader").
        candidates: list[tuple[int, str, Actor | None, str]] = [
            (s.start_char, s.mention, s.actor, s.name) for s in self.history if s.end_char <= start
        ]
        quotes = quote_ranges(self.doc.text)
        # Not one named in a quotation ("“I spoke to Azerbaijani Foreign Minister Bayramov
        # ...,” the Minister said": the speaker does not name himself so).
        candidates += [
            (m.start_char, m.surface, m.actor, m.actor.actor_name)
            for m in self.mentions
            if m.end_char <= start and not inside_quote(m.start_char, quotes)
        ]
        reported = self._reported_words(start)
        candidates = [c for c in candidates if not reported[0] <= c[0] < reported[1]]
        tries = [words]
        if words <= _DEPARTMENT_WORDS.keys() and "department" in words:
            # Translated from Russian ("vedomstvo"): "the press service of the department",
            # "the military department" is the ministry named before, when no department is.
            tries.append({_DEPARTMENT_WORDS[word] for word in words})
        # A person the registry does not know, named with a title ("Foreign Minister of
        # Armenia Ararat Mirzoyan ... Minister Mirzoyan held phone conversations").
        candidates += [
            (ent.start_char, ent.text, None, entity_name(ent))
            for ent in self.doc.ents
            if ent.label_ == "PERSON"
            and ent.end_char <= start
            and ent[-1].text in self.titles
            # Not one the speaker's own words name ("“I spoke to Azerbaijani Foreign
            # Minister Bayramov ...,” the Minister said").
            and not inside_quote(ent.start_char, quotes)
        ]
        for wanted in tries:
            for position, mention, actor, name in sorted(candidates, key=lambda c: -c[0]):
                if not self._holds_title(wanted, mention, name, actor):
                    continue
                speaker = Speaker(
                    name,
                    clean(span_text),
                    start,
                    start + len(span_text),
                    actor,
                    0.7,
                    actor.actor_type == "person" if actor else is_person_title(words),
                )
                host = self._host_of(position, wanted)
                if host is not None:
                    speaker = replace(speaker, name=host.name, actor=host.actor, is_person=True)
                return speaker
        return None

    def _holds_title(self, wanted: set[str], mention: str, name: str, actor) -> bool:
        """Whether a candidate's words, names and titles (the registry's and those the
        text gives it) hold every word of a title."""
        titles = [mention, name, self.titles.get(name.split()[-1] if name else "", "")]
        if actor is not None:
            titles += [actor.actor_name, actor.role_title or "", *actor.aliases]
        return wanted <= with_leader(set(title_key(" ".join(titles)).split()))

    def _host_of(self, position: int, wanted: set[str]) -> Speaker | None:
        """ "Minister Mirzoyan held phone conversations with Foreign Minister of Russia
        Sergey Lavrov, On November 17 he talked to the Foreign Minister of Sweden ... . The
        Foreign Minister noted": of people of one title in a call, the title goes on about
        the one who held it, not the ones called (named after the call's verb)."""
        span = self.doc.char_span(position, position + 1, alignment_mode="expand")
        if span is None:
            return None
        owner = next(
            (t for t in reversed(self.doc[max(span.start - 40, 0) : span.start]) if _is_call(t)),
            None,
        )
        if owner is None:
            return None
        if owner.lemma_.lower() in _MEETING_NOUNS:
            owner = owner.head
        subject = next((c for c in owner.children if c.dep_ == "nsubj"), None)
        host = self.from_phrase(subject) if subject is not None else None
        if host is None or not self._holds_title(wanted, host.mention, host.name, host.actor):
            return None
        return host

    def _reported_words(self, start: int) -> tuple[int, int]:
        """The characters of what a title at `start` reports ("The Armenian Defence Ministry
        has issued a statement ..., the Defence Ministry reported"): a body does not report
        its own statement in the third person, so no antecedent lies there."""
        words = self.doc.char_span(start, start + 1, alignment_mode="expand")
        if words is None:
            return (0, 0)
        head = words.root
        while head.dep_ in ("det", "compound", "amod", "poss") and head.head.i != head.i:
            head = head.head
        if head.dep_ not in ("nsubj", "nsubjpass"):
            return (0, 0)
        verb = head.head
        content = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis") and c.i < verb.i]
        if not content:
            return (0, 0)
        first = min(c.left_edge.idx for c in content)
        last = max(c.right_edge.idx + len(c.right_edge.text) for c in content)
        return (first, last)


def _is_call(token: Token) -> bool:
    """ "held phone conversations with", "talked to", "met with": a call's verb."""
    lemma = token.lemma_.lower()
    if lemma in _MEETING_NOUNS and token.dep_ == "dobj":
        return token.head.lemma_.lower() in _CALL_VERBS
    return lemma in _CALL_VERBS - {"hold", "have"} and any(
        c.dep_ == "prep" and c.lower_ in ("with", "to") for c in token.children
    )


def _accused(subject: Token) -> bool:
    """Whether a subject's verb accuses it: "tried to secure a positional advance",
    "violated the ceasefire", "fired at", "opened fire", "launched an attack"; or its
    own clause does: "the military-political leadership of Armenia, which committed
    another bloody provocation ..., is directly responsible for the escalation"."""
    verb = subject.head
    if verb.lemma_.lower() == "be" and any(
        c.dep_ == "acomp" and c.lower_ == "responsible" for c in verb.children
    ):
        return True
    # The clause accuses the subject only if the subject names its country before it (not
    # "six enemy servicemen who tried to mine the routes to the positions of the Azerbaijan
    # Army").
    return _accuses(verb) or any(
        c.dep_ == "relcl"
        and _accuses(c)
        and first_country(subject.doc.text[subject.left_edge.idx : c.left_edge.idx]) is not None
        for c in subject.children
    )


def _accuses(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    if lemma in _ACCUSED_VERBS:
        return True
    if lemma == "fire" and any(c.lower_ == "at" for c in verb.children):
        return True
    return lemma in ("open", "launch", "commit") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _ACCUSED_DEEDS for c in verb.children
    )


# What a release lays on the other side: "the responsibility ... lies directly with the
# military-political leadership of Armenia", "the military-political leadership of
# Azerbaijan bears the responsibility", "provocations have been committed by Armenia".
_BLAME = re.compile(
    r"\bresponsibility\b[^.;]{0,120}?\b(?:lies|rests)\s+(?:\w+\s+)?(?:with|on|upon)\s+"
    r"(?P<holder>[^.,;]{3,80})"
    r"|(?P<bearer>[^.,;]{3,80}?)\s+bears\s+(?:the\s+|full\s+|all\s+|entire\s+)*responsibility\b"
    r"|\bprovocations?\s+(?:have|has|had|were|was|been|being|\s)*(?:committed|perpetrated)\s+"
    r"by\s+(?P<author>[^.,;]{3,60})"
)


def accused_sides(doc: Doc) -> list[str]:
    """The states whose forces a text accuses ("the Azerbaijani side tried to carry out
    some work", "the Armenian armed forces units ... subjected to fire") or lays the
    responsibility on, once per accusation."""
    sides = []
    for token in doc:
        # Not "allegedly shelled" nor "did not open fire": no accusation.
        alleged = any(
            c.lower_ in ("allegedly", "reportedly") or c.dep_ == "neg" for c in token.head.children
        )
        if token.dep_ in ("nsubj", "nsubjpass") and _accused(token) and not alleged:
            named = first_country(doc.text[token.left_edge.idx : token.right_edge.idx + 1])
            if named in ADVERSARY:
                sides.append(named)
    for match in _BLAME.finditer(doc.text):
        named = first_country(match["holder"] or match["bearer"] or match["author"])
        if named in ADVERSARY:
            sides.append(named)
    return sides
