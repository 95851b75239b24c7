"""Who a noun phrase names: a registry actor, a new actor, or (for a pronoun) the actor
it points back to.

Mentions come from three sources, strongest first: the registry's aliases found in the
text (case-sensitive whole words, as the loader finds them), capitals standing for their
state ("Baku"), and spaCy's named entities resolved by title or spelling (registry.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from components.data.text import find_mentions

from .nouns import DOCUMENT_NOUNS, HUMAN_NOUNS, PERSON_TITLE_NOUNS
from .registry import DEMONYMS, Actor, Registry, countries, title_key
from .titles import (
    GENERIC_TITLE_WORDS,
    countryless_title,
    holds,
    inside_a_name,
    is_press_service,
    other_country,
    principal_of,
    the_country,
    with_leader,
)

PERSON_PRONOUNS = {"he", "she", "him", "her"}
# Nouns for a state's government as a whole: "the Armenian authorities".
STATE_NOUNS = {"authority", "authorities", "government", "leadership", "side"}
# People who speak for a body without being named: "an official of the ministry".
UNNAMED_NOUNS = {"official", "source"}
BODY_PRONOUNS = {"it", "they", "we"}
# "We" of a text whose issuer is not known.
UNNAMED_ISSUER = "issuer of the text (we)"
# Entity labels that can name a speaker.
SPEAKER_LABELS = {"PERSON", "ORG", "GPE", "NORP"}


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: its name, the words in the text, and its registry actor."""

    name: str
    mention: str
    start_char: int
    end_char: int
    actor: Actor | None
    score: float
    is_person: bool

    @property
    def actor_id(self) -> str | None:
        return self.actor.actor_id if self.actor else None


@dataclass(frozen=True)
class Mention:
    """A registry actor named in the text."""

    start_char: int
    end_char: int
    surface: str
    actor: Actor


def registry_mentions(text: str, registry: Registry) -> list[Mention]:
    """Every alias, actor name and capital of the registry in the text, longest first."""
    surfaces = {**registry.capitals, **registry.actor_aliases}
    index = {surface: ("actor", actor.actor_id) for surface, actor in surfaces.items()}
    mentions = [
        Mention(start, end, surface, registry.actor_by_id[actor_id])
        for _, actor_id, surface, start, end in find_mentions(text, index)
    ]
    return [m for m in mentions if not _of_another_country(text, m)]


_OF_COUNTRY = re.compile(r"\s+of\s+(?:the\s+)?(?:Republic\s+of\s+)?([A-Z][\w.]+)")


def _of_another_country(text: str, mention: Mention) -> bool:
    """ "Ministry of Defense" (Armenia's, as an alias) in "the Ministry of Defense of
    Azerbaijan" is not a mention of Armenia's ministry."""
    after = _OF_COUNTRY.match(text, mention.end_char)
    return bool(after) and other_country(after.group(0), mention.actor)


class SpeakerResolver:
    """Resolves speaker phrases of one document; remembers who spoke last."""

    def __init__(self, doc: Doc, registry: Registry):
        self.doc = doc
        self.registry = registry
        self.mentions = registry_mentions(doc.text, registry)
        self.last_person: Speaker | None = None
        self.last_body: Speaker | None = None
        # The body that issued the article, when known: "we" of a release with no
        # antecedent is the issuer.
        self.issuer: Speaker | None = None
        self.history: list[Speaker] = []
        # Press services that spoke for their principal: actors of the draft too.
        self.reporters: list[Speaker] = []
        # Whom they spoke for, in text order (at the press service's place).
        self.principals: list[Speaker] = []

    def remember(self, speaker: Speaker) -> None:
        self.history.append(speaker)
        if speaker.is_person:
            self.last_person = speaker
        else:
            self.last_body = speaker

    def from_phrase(self, head: Token) -> Speaker | None:
        """The speaker a subject (or 'according to' object) names, or None."""
        if head.lower_ in PERSON_PRONOUNS:
            return self._antecedent(head, person=True)
        if head.lower_ in BODY_PRONOUNS or head.lower_ in ("which", "who", "that"):
            if head.lower_ in ("which", "who", "that") and head.head.dep_ == "relcl":
                return self.from_phrase(head.head.head)
            return self._antecedent(head, person=head.lower_ == "we")
        if head.lower_ == "latter":
            return self._latest_person_before(head.idx)
        if head.lemma_.lower() in DOCUMENT_NOUNS:
            return self._author(head)
        principal = principal_of(head)
        if principal is not None:
            return self._for_principal(head, principal)
        if is_press_service(head) and self._principal_before(head.idx) is not None:
            return _as_pronoun(self._principal_before(head.idx), head)
        start, end = _core_bounds(head)
        body = self._body_of_unnamed(head, start, end)
        if body is not None:
            return body
        return self._resolve(head, start, end)

    def _body_of_unnamed(self, head: Token, start: int, end: int) -> Speaker | None:
        """ "an official of the US Department of State": an official no name identifies
        speaks for the body named (not for a registry person of a similar title)."""
        if head.lemma_.lower() not in UNNAMED_NOUNS or head.ent_type_ == "PERSON":
            return None
        if not any(c.dep_ == "prep" for c in head.children):
            # "The official also recalled ...": the official named before.
            noun = head.lemma_.lower()
            before = [s for s in self.history if s.end_char <= start and noun in s.mention.lower()]
            return _as_pronoun(before[-1], head) if before else None
        words = self.doc.char_span(start, end, alignment_mode="expand") or []
        if any(t.ent_type_ == "PERSON" for t in words):
            return None
        of = next(
            (
                c
                for c in head.children
                if c.dep_ == "prep" and c.lower_ in ("of", "from", "at", "in")
            ),
            None,
        )
        body = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        if body is None:
            return None
        speaker = self._resolve(body, *_core_bounds(body))
        if speaker is None or speaker.actor is None or speaker.actor.actor_type == "person":
            return None
        return replace(
            speaker, mention=_clean(self.doc.text[start:end]), start_char=start, end_char=end
        )

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
        start, end = _core_bounds(head)
        return [
            Speaker(
                m[0].actor.actor_name,
                _clean(self.doc.text[start:end]),
                start,
                end,
                m[0].actor,
                0.6,
                False,
            )
            for m in two
        ]

    def _principal_before(self, position: int) -> Speaker | None:
        """ "the press service said" after "the press service of the Ministry ..."."""
        before = [s for s in self.principals if s.start_char <= position]
        return before[-1] if before else None

    def _for_principal(self, head: Token, principal: Token) -> Speaker | None:
        """The principal speaks; the press service itself is kept as an actor of the
        draft (it reports the words)."""
        reporter = self._resolve(head, *_core_bounds(head))
        if reporter is not None:
            self.reporters.append(reporter)
        speaker = self.from_phrase(principal)
        if speaker is not None:
            self.principals.append(replace(speaker, start_char=head.idx))
        return speaker

    def _author(self, head: Token) -> Speaker | None:
        """Who a document speaks for: "a statement released by the Defense Ministry", "the
        ministry's statement", "the statement of X"; with no author named, the latest
        speaker before it, else the issuer ("..., said the statement.")."""
        for child in head.children:
            if child.dep_ == "poss":
                return self.from_phrase(child)
            if child.dep_ == "acl":
                for grand in child.children:
                    if grand.dep_ == "agent":
                        author = next((c for c in grand.children if c.dep_ == "pobj"), None)
                        if author is not None:
                            return self.from_phrase(author)
            if child.dep_ == "prep" and child.lower_ in ("of", "from", "by"):
                author = next((c for c in child.children if c.dep_ == "pobj"), None)
                if author is not None:
                    return self.from_phrase(author)
        before = [s for s in self.history if s.start_char <= head.idx]
        if before:
            return _as_pronoun(max(before, key=lambda s: s.start_char), head)
        if self.issuer is not None:
            return _as_pronoun(self.issuer, head)
        return None

    def from_span(self, span: Span) -> Speaker | None:
        """The speaker a stretch of words names ("the defense ministry", "it"), when the
        parse did not make it a subject."""
        head = span.root
        if len(span) == 1 or head.lower_ in PERSON_PRONOUNS | BODY_PRONOUNS:
            return self.from_phrase(head)
        if head.lemma_.lower() in DOCUMENT_NOUNS:
            return self._author(head)
        principal = principal_of(head)
        if principal is not None:
            return self._for_principal(head, principal)
        if is_press_service(head) and self._principal_before(head.idx) is not None:
            return _as_pronoun(self._principal_before(head.idx), head)
        return self._resolve(head, span.start_char, span.end_char)

    def _resolve(self, head: Token, start: int, end: int) -> Speaker | None:
        words = self.doc.text[start:end]
        span_text = the_country(self.doc.text, start, words)
        speaker = self._resolve_text(head, start, end, span_text)
        if speaker is not None and span_text != words:
            speaker = replace(speaker, mention=_clean(words), end_char=end)
        return speaker

    def _resolve_text(self, head: Token, start: int, end: int, span_text: str) -> Speaker | None:
        mention = self._best_mention(start, end, head)
        if mention is not None and not other_country(span_text, mention.actor):
            if countryless_title(mention, head):
                # "the Ministry of Defense" (an alias of Armenia's) after "the Ministry of
                # Defense of Azerbaijan" said something is Azerbaijan's.
                antecedent = self._title_antecedent(span_text, start)
                if antecedent is not None and antecedent.actor is not None:
                    return antecedent
                if self.issuer is not None and holds(self.issuer.actor, span_text):
                    return _as_pronoun(self.issuer, head)  # the issuing ministry's release
                national = self._of_the_sentence_country(head, span_text, start, end)
                if national is not None:
                    return national
            return self._speaker_from_mention(mention, start, end)
        if _is_bare_title(head, start, end):
            antecedent = self._title_antecedent(span_text, start)
            if antecedent is not None:
                return antecedent
            if not countries(span_text):
                national = self._of_the_sentence_country(head, span_text, start, end)
                if national is not None:
                    return national
        seated = self._seated_body(head, start, end) or self._state_of(head, start, end)
        if seated is not None:
            return seated
        if head.ent_type_ != "PERSON":
            titled = self._from_title(span_text, start)
            if titled is not None:
                return titled
        return self._from_entities(head, start, end) or self._from_words(head, span_text, start)

    def _of_the_sentence_country(
        self, head: Token, span_text: str, start: int, end: int
    ) -> Speaker | None:
        """ "Azerbaijan has expelled ..., the Defence Ministry reported": a bare title no
        earlier body holds is the body of the country the sentence is about (its
        subject's, else the first it names)."""
        sentence = head.sent
        subjects = [t for t in sentence.root.children if t.dep_ in ("nsubj", "nsubjpass")]
        phrases = [self.doc.text[t.left_edge.idx : t.right_edge.idx + 1] for t in subjects]
        phrases.append(self.doc.text[sentence.start_char : start])
        for phrase in phrases:
            named = _first_country(phrase)
            if named is not None:
                return self._national_body(named, span_text, start, end)
        return None

    def _national_body(self, country: str, title: str, start: int, end: int) -> Speaker | None:
        """The body of `country` whose title is `title` ("the Defence Ministry")."""
        actor, score = self.registry.resolve_actor(f"{country} {title}")
        if actor is None or actor.actor_type in ("person", "state") or score < 0.9:
            return None
        if country.lower() not in countries(" ".join([actor.actor_name, actor.role_title or ""])):
            return None
        return Speaker(
            actor.actor_name, _clean(self.doc.text[start:end]), start, end, actor, 0.7, False
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
            actor.actor_name, _clean(self.doc.text[start:end]), start, end, actor, 0.7, False
        )

    def _from_title(self, span_text: str, start: int) -> Speaker | None:
        actor, score = self.registry.resolve_actor(span_text)
        if actor is None:
            return None
        return Speaker(
            actor.actor_name,
            _clean(span_text),
            start,
            start + len(span_text),
            actor,
            score,
            actor.actor_type == "person",
        )

    def _speaker_from_mention(self, mention: Mention, start: int, end: int) -> Speaker:
        surface = self.doc.text[start:end]
        return Speaker(
            name=mention.actor.actor_name,
            mention=_clean(surface),
            start_char=start,
            end_char=end,
            actor=mention.actor,
            score=1.0,
            is_person=mention.actor.actor_type == "person",
        )

    def _best_mention(self, start: int, end: int, head: Token) -> Mention | None:
        inside = [m for m in self.mentions if m.start_char >= start and m.end_char <= end]
        if not inside:
            return None
        for mention in inside:
            if mention.start_char <= head.idx < mention.end_char:
                return None if inside_a_name(mention, head) else mention
        # A name in a modifier ("Azerbaijan's foreign ministry", "US State Department
        # spokeswoman Jalina Porter") is not the speaker; a name in apposition is.
        appositive = [
            m for m in inside if m.actor.actor_type == "person" and m.start_char > head.idx
        ]
        return appositive[-1] if appositive else None

    def _from_entities(self, head: Token, start: int, end: int) -> Speaker | None:
        entities = [
            ent
            for ent in self.doc.ents
            if ent.start_char >= start and ent.end_char <= end and ent.label_ in SPEAKER_LABELS
        ]
        entities.sort(key=lambda ent: (ent.label_ != "PERSON", -len(ent)))
        # A place or nationality in a modifier ("the spokesperson of the Indian ministry")
        # is not the speaker.
        entities = [
            ent for ent in entities if ent.label_ == "PERSON" or ent.start <= head.i < ent.end
        ]
        for ent in entities:
            name = _entity_name(ent)
            if not name or not _is_name(ent):
                continue
            actor, score = self.registry.resolve_actor(name)
            if actor is None:
                actor, score = self.registry.resolve_actor(self.doc.text[start:end])
            return Speaker(
                name=actor.actor_name if actor else name,
                mention=_clean(self.doc.text[start:end]),
                start_char=start,
                end_char=end,
                actor=actor,
                score=score if actor else 0.6,
                is_person=ent.label_ == "PERSON" or bool(actor and actor.actor_type == "person"),
            )
        return None

    def _from_words(self, head: Token, span_text: str, start: int) -> Speaker | None:
        actor, score = self.registry.resolve_actor(span_text)
        if actor is not None:
            return Speaker(
                actor.actor_name,
                _clean(span_text),
                start,
                start + len(span_text),
                actor,
                score,
                actor.actor_type == "person",
            )
        if head.lemma_.lower() not in HUMAN_NOUNS and head.lower_ not in HUMAN_NOUNS:
            return None
        antecedent = self._title_antecedent(span_text, start)
        if antecedent is not None:
            return antecedent
        name = _clean(re.sub(r"^(?:the|The|a|A|an|An)\s+", "", span_text))
        return Speaker(
            name, _clean(span_text), start, start + len(span_text), None, 0.5, _is_person(head)
        )

    def _title_antecedent(self, span_text: str, start: int) -> Speaker | None:
        """A bare title ("the spokesperson", "the Azerbaijani ministry", "The Permanent
        Representative") names the latest speaker or registry actor before it whose name
        or title holds all its words."""
        words = set(title_key(span_text).split()) - GENERIC_TITLE_WORDS
        if not words:
            return None
        # Before the title and not around it ("the press service of the Azeri leader" is
        # no antecedent of its own "the Azeri leader").
        candidates: list[tuple[int, str, Actor | None, str]] = [
            (s.start_char, s.mention, s.actor, s.name) for s in self.history if s.end_char <= start
        ]
        candidates += [
            (m.start_char, m.surface, m.actor, m.actor.actor_name)
            for m in self.mentions
            if m.end_char <= start
        ]
        for _, mention, actor, name in sorted(candidates, key=lambda c: -c[0]):
            titles = [mention, name]
            if actor is not None:
                titles += [actor.actor_name, actor.role_title or "", *actor.aliases]
            if words <= with_leader(set(title_key(" ".join(titles)).split())):
                return Speaker(
                    name,
                    _clean(span_text),
                    start,
                    start + len(span_text),
                    actor,
                    0.7,
                    actor.actor_type == "person" if actor else _is_person_title(words),
                )
        return None

    def _antecedent(self, token: Token, person: bool) -> Speaker | None:
        remembered = self.last_person if person else self.last_body
        if remembered is not None and remembered.start_char <= token.idx:
            return _as_pronoun(remembered, token)
        if person and token.lower_ != "we":
            return self._latest_person_before(token.idx)
        if token.lower_ == "we" and self.issuer is not None:
            return _as_pronoun(self.issuer, token)
        body = self.last_body
        if token.lower_ == "we" and body is not None and body.start_char <= token.idx:
            # "The Co-Chairs underscore ... . We call on both sides": the body speaking.
            return _as_pronoun(body, token)
        if token.lower_ == "we":
            # A release in the first person whose issuer was not given: a new speaker for
            # the reviewer to name (the statements are found; who "we" are is not).
            return Speaker(UNNAMED_ISSUER, token.text, token.idx, token.idx + 2, None, 0.3, False)
        return None

    def _latest_person_before(self, position: int) -> Speaker | None:
        before = [
            m for m in self.mentions if m.end_char <= position and m.actor.actor_type == "person"
        ]
        people = [
            ent
            for ent in self.doc.ents
            if ent.label_ == "PERSON" and ent.end_char <= position and _is_name(ent)
        ]
        candidates = [(m.start_char, m) for m in before] + [(e.start_char, e) for e in people]
        if not candidates:
            return None
        _, latest = max(candidates, key=lambda pair: pair[0])
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


_COUNTRY_WORD = re.compile(r"[A-Za-z]+")


def _first_country(text: str) -> str | None:
    """The first country a stretch of text names, by name or nationality."""
    for match in _COUNTRY_WORD.finditer(text):
        named = countries(match.group(0))
        if named:
            return sorted(named)[0]
    return None


def _is_bare_title(head: Token, start: int, end: int) -> bool:
    """A title with no name in it: "the ministry", "the Azerbaijani ministry"."""
    if head.lemma_.lower() not in HUMAN_NOUNS and head.lower_ not in HUMAN_NOUNS:
        return False
    words = head.doc.char_span(start, end, alignment_mode="expand") or [head]
    return not any(t.ent_type_ == "PERSON" for t in words)


def _is_person_title(words: set[str]) -> bool:
    return bool(words & {"spokesperson", "minister", "president", "representative", "head"})


def _is_name(ent: Span) -> bool:
    """spaCy's small model tags "Azerbaijani" as a PERSON now and then: not a name."""
    return ent.text.lower() not in DEMONYMS and any(t.pos_ == "PROPN" for t in ent)


def _as_pronoun(speaker: Speaker, token: Token) -> Speaker:
    return Speaker(
        speaker.name,
        token.text,
        token.idx,
        token.idx + len(token.text),
        speaker.actor,
        min(speaker.score, 0.8),
        speaker.is_person,
    )


def _core_bounds(head: Token) -> tuple[int, int]:
    """The noun phrase of a head without its relative clauses and participle phrases."""
    dropped = set()
    for child in head.children:
        if (
            child.dep_ in ("relcl", "acl", "advcl", "cc", "conj")
            or (child.dep_ == "prep" and child.i < head.i)
            or (child.dep_ == "punct" and child.i > head.i and child.text in ",(")
        ):
            dropped.update(t.i for t in child.subtree)
    tokens = [t for t in head.subtree if t.i not in dropped]
    kept = _contiguous(tokens, head)
    return kept[0].idx, kept[-1].idx + len(kept[-1].text)


def _contiguous(tokens: list[Token], head: Token) -> list[Token]:
    indices = {t.i for t in tokens}
    start = head.i
    while start - 1 in indices:
        start -= 1
    end = head.i
    while end + 1 in indices:
        end += 1
    # An appositive name after a comma ("the head of diplomacy, Djeyhoun Baïramov") stays.
    for child in head.children:
        if child.dep_ == "appos" and child.i > end:
            end = max(end, max(t.i for t in child.subtree))
    return [head.doc[i] for i in range(start, end + 1) if not head.doc[i].is_punct or i < end]


def _entity_name(ent: Span) -> str:
    words = [t.text for t in ent if t.lower_ not in ("the",)]
    return _clean(" ".join(words))


def _is_person(head: Token) -> bool:
    return head.lemma_.lower() in PERSON_TITLE_NOUNS


def _clean(text: str) -> str:
    text = " ".join(text.split())
    text = re.sub(r"'s$|’s$", "", text)
    return text.strip(' ,.;:"“”()')
