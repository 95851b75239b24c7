"""Who a noun phrase names: a registry actor, a new actor, or (for a pronoun) the actor
it points back to.

Mentions come from three sources, strongest first: the registry's aliases found in the
text (case-sensitive whole words, as the loader finds them), capitals standing for their
state ("Baku"), and spaCy's named entities resolved by title or spelling (registry.py).
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from components.data.text import find_mentions

from .bodies import BodyRules
from .communities import community_actor
from .documents import DocumentRules
from .namesakes import namesake
from .nouns import DOCUMENT_NOUNS, HUMAN_NOUNS, PERSON_TITLE_NOUNS
from .phrases import (
    Mention,
    Speaker,
    as_pronoun,
    clean,
    core_bounds,
    entity_name,
    is_bare_title,
    is_name,
    is_person,
)
from .pronouns import PronounRules
from .registry import Registry, countries
from .spokes import SpokesRules
from .titles import (
    countryless_title,
    holds,
    inside_a_name,
    is_press_service,
    national_title,
    other_country,
    person_titles,
    principal_of,
    the_country,
)

PERSON_PRONOUNS = {"he", "she", "him", "her"}
_FORMAL_FORCES = re.compile(r"^(?:[Tt]he )?Armed Forces of\b")
BODY_PRONOUNS = {"it", "they", "we"}
_ARTICLE_OR_COUNT = re.compile(
    r"^(?:(?:the|a|an|several|some|many|a few|few|two|three|four|five|local)\s+)+", re.I
)
# Entity labels that can name a speaker.
SPEAKER_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
# Who chairs a body: "OSCE Chairperson-in-Office".
_CHAIR_WORDS = {"chairperson", "chairman", "chairwoman", "chair"}


def initials(name: str) -> set[str]:
    """ "State Customs Committee of Azerbaijan" → {"SCCA", "SCC"}: the initials of a name's
    capitalised words, and of those before its "of"."""
    head = re.split(r"\s+of\s+", name)[0]
    return {
        "".join(word[0] for word in words.split() if word[:1].isupper()) for words in (name, head)
    } - {""}


def registry_mentions(text: str, registry: Registry) -> list[Mention]:
    """Every alias, actor name and capital of the registry in the text, longest first."""
    surfaces = {**registry.capitals, **registry.actor_aliases}
    index = {surface: ("actor", actor.actor_id) for surface, actor in surfaces.items()}
    mentions = [
        Mention(start, end, surface, registry.actor_by_id[actor_id])
        for _, actor_id, surface, start, end in find_mentions(text, index)
    ]
    return [
        m for m in mentions if not _of_another_country(text, m) and not _another_first_name(text, m)
    ]


_OF_COUNTRY = re.compile(r"\s+(?:of|in)\s+(?:the\s+)?(?:Republic\s+of\s+)?([A-Z][\w.]+)")


_FIRST_NAME_BEFORE = re.compile(r"([A-Z][a-z]+)\s+$")


def _another_first_name(text: str, mention: Mention) -> bool:
    """ "Harutyunyan" (an alias of Vagharshak Harutyunyan) in "Major General Arayik
    Harutyunyan", "Kocharyan" in "Karo Kocharyan": a surname after another first name is
    another person."""
    actor = mention.actor
    if actor.actor_type != "person" or " " in mention.surface:
        return False
    before = _FIRST_NAME_BEFORE.search(text, max(0, mention.start_char - 30), mention.start_char)
    if before is None or _not_a_first_name(before.group(1)):
        return False
    firsts = {name.split()[0] for name in (actor.actor_name, *actor.aliases) if " " in name}
    return bool(firsts) and before.group(1) not in firsts


_RANKS = {"major", "general", "colonel", "lieutenant", "captain", "sergeant", "admiral"}
_RANKS |= {"marshal", "mr", "mrs", "ms", "dr", "acting", "deputy", "vice", "former"}


def _not_a_first_name(word: str) -> bool:
    lower = word.lower()
    return (
        lower in _RANKS
        or lower in PERSON_TITLE_NOUNS
        or lower in HUMAN_NOUNS
        or bool(countries(word))
        or lower in ("the", "and", "of", "by", "to", "on", "in", "at", "as", "with")
    )


_SEAT = re.compile(r"\bin\s+(?:the\s+)?([A-Z][\w-]+)")


def _seated_elsewhere(words: str, actor) -> bool:
    """ "The US Embassy in Armenia" is not the registry's "US Embassy in Baku": a body the
    words place somewhere its name places elsewhere."""
    here, there = _SEAT.search(words), _SEAT.search(actor.actor_name)
    names = " ".join([actor.actor_name, *actor.aliases])
    return bool(here and there) and here.group(1) not in names


_COUNTRY_BEFORE = re.compile(r"([A-Z][\w.]+)(?:['’`]s)?\s+$")


def _of_another_country(text: str, mention: Mention) -> bool:
    """ "Ministry of Defense" (Armenia's, as an alias) in "the Ministry of Defense of
    Azerbaijan" or "Azerbaijan's Ministry of Defense" is not a mention of Armenia's
    ministry."""
    after = _OF_COUNTRY.match(text, mention.end_char)
    if after and other_country(after.group(0), mention.actor):
        return True
    before = _COUNTRY_BEFORE.search(text, max(0, mention.start_char - 40), mention.start_char)
    return bool(before) and other_country(before.group(1), mention.actor)


# A press service's principal named by what it is, not by name.
_BODY_WORDS = {"agency", "ministry", "department", "service", "body", "committee"}


class SpeakerResolver(BodyRules, SpokesRules, PronounRules, DocumentRules):
    """Resolves speaker phrases of one document; remembers who spoke last."""

    def __init__(self, doc: Doc, registry: Registry):
        self.doc = doc
        self.registry = registry
        self.mentions = registry_mentions(doc.text, registry)
        self.titles = person_titles(doc)
        self.last_person: Speaker | None = None
        self.last_body: Speaker | None = None
        self.own_we: Speaker | None = None
        # The body that issued the article, when known: "we" of a release with no
        # antecedent is the issuer.
        self.issuer: Speaker | None = None
        self.history: list[Speaker] = []
        # Press services that spoke for their principal: actors of the draft too.
        self.reporters: list[Speaker] = []
        # Whom they spoke for, in text order (at the press service's place).
        self.principals: list[Speaker] = []
        # Documents whose author the text names ("a statement by the press office"), for
        # "the statement" later on.
        self.documents: list[tuple[str, int, Speaker]] = []

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
        if head.lower_ == "one":
            # "As one of the Iranian drivers noted": the group speaks through one of its own.
            of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            group = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
            return self.from_phrase(group) if group is not None else None
        if head.lemma_.lower() in DOCUMENT_NOUNS:
            return self._author(head)
        if is_press_service(head):
            speaker = self._press_service(head)
            if speaker is not None:
                return speaker
        start, end = core_bounds(head)
        body = self._office_of(head, start, end) or self._body_of_unnamed(head, start, end)
        if body is not None:
            return body
        return self._resolve(head, start, end)

    def _press_service(self, head: Token) -> Speaker | None:
        """Whom a press service speaks for: the principal it names, else the one the last
        press service before it named ("the press service said"), else None."""
        principal = principal_of(head)
        if principal is not None:
            speaker = self._for_principal(head, principal)
            # "the agency's press service": the body named before, as for a bare one.
            if principal.lemma_.lower() not in _BODY_WORDS or (speaker and speaker.actor):
                return speaker
        named = self._principal_before(head.idx)
        return as_pronoun(named, head) if named is not None else None

    def _for_principal(self, head: Token, principal: Token) -> Speaker | None:
        """The principal speaks; the press service itself is kept as an actor of the
        draft (it reports the words)."""
        reporter = self._resolve(head, *core_bounds(head))
        if reporter is not None:
            self.reporters.append(reporter)
        speaker = self.from_phrase(principal)
        if speaker is not None:
            self.principals.append(replace(speaker, start_char=head.idx))
        return speaker

    def from_span(self, span: Span) -> Speaker | None:
        """The speaker a stretch of words names ("the defense ministry", "it"), when the
        parse did not make it a subject."""
        head = span.root
        if len(span) == 1 or head.lower_ in PERSON_PRONOUNS | BODY_PRONOUNS:
            return self.from_phrase(head)
        if head.lemma_.lower() in DOCUMENT_NOUNS:
            return self._author(head)
        if is_press_service(head):
            speaker = self._press_service(head)
            if speaker is not None:
                return speaker
        bounds = (span.start_char, span.end_char)
        body = self._office_of(head, *bounds) or self._body_of_unnamed(head, *bounds)
        return body or self._resolve(head, *bounds)

    def _resolve(self, head: Token, start: int, end: int) -> Speaker | None:
        words = self.doc.text[start:end]
        span_text = the_country(self.doc.text, start, words)
        # "Azerbaijan's top brass also claimed" (TASS), "The Armed Forces of the Republic of
        # Armenia emphasize the need for ..." (the ministry's release): a state's forces
        # by their formal name, or its top brass, speak through its defence ministry.
        top_brass = head.lower_ == "brass" and any(c.lower_ == "top" for c in head.children)
        if top_brass or _FORMAL_FORCES.search(words):
            state = countries(span_text)
            if len(state) == 1:
                ministry = self._from_title(f"Ministry of Defence of {state.pop()}", start)
                if ministry is not None:
                    return replace(ministry, mention=clean(words), end_char=end)
        speaker = self._resolve_text(head, start, end, span_text)
        if speaker is not None and span_text != words:
            speaker = replace(speaker, mention=clean(words), end_char=end)
        if speaker is not None and self._issuers_state(speaker):
            # "France expresses its deep concern" in the French foreign ministry's release,
            # "The United States is concerned" in one its spokesman signs: the state speaks
            # through the body or official that issued the text.
            return replace(self.issuer, mention=speaker.mention, start_char=start, end_char=end)
        return speaker

    def _title_holder(self, mention: Mention | None, span_text: str, start: int):
        """ "“...,” OSCE Chairperson-in-Office added": an organisation's title with no name
        is the person named before who holds it (Ann Linde), not the organisation."""
        if mention is None or mention.actor.actor_type in ("person", "state"):
            return None
        rest = span_text.lower().replace(mention.surface.lower(), " ")
        if not set(re.findall(r"[a-z]+", rest)) & (PERSON_TITLE_NOUNS | _CHAIR_WORDS):
            return None
        antecedent = self._title_antecedent(span_text, start)
        if antecedent is None or antecedent.actor is None:
            return None
        return antecedent if antecedent.actor.actor_type == "person" else None

    def _issuers_state(self, speaker: Speaker) -> bool:
        """Whether `speaker` is the state of the text's issuer."""
        issuer, actor = self.issuer, speaker.actor
        if issuer is None or actor is None or actor.actor_type != "state":
            return False
        if issuer.actor is not None and issuer.actor.parent_actor_id == actor.actor_id:
            return True
        state = countries(actor.actor_name)
        words = [issuer.name, issuer.mention]
        if issuer.actor is not None:
            words += [issuer.actor.actor_name, issuer.actor.role_title or ""]
        return bool(state) and state <= countries(" ".join(words))

    def _resolve_text(self, head: Token, start: int, end: int, span_text: str) -> Speaker | None:
        mention = self._best_mention(start, end, head)
        holder = self._title_holder(mention, span_text, start)
        if holder is not None:
            return holder
        if mention is not None and not other_country(span_text, mention.actor):
            if countryless_title(mention, head):
                # "the Ministry of Defense" (an alias of Armenia's) after "the Ministry of
                # Defense of Azerbaijan" said something is Azerbaijan's.
                antecedent = self._title_antecedent(span_text, start)
                if antecedent is not None and antecedent.actor is not None:
                    return antecedent
                if self.issuer is not None and holds(self.issuer.actor, span_text):
                    return as_pronoun(self.issuer, head)  # the issuing ministry's release
                national = self._of_the_sentence_country(head, span_text, start, end)
                if national is not None:
                    return national
            if national_title(mention):
                antecedent = self._title_antecedent(span_text, start)
                if antecedent is not None and antecedent.actor is not None:
                    return antecedent
            other = namesake(self.doc, self.registry, mention, start, end)
            return other or self._speaker_from_mention(mention, start, end)
        if is_bare_title(head, start, end):
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
        found = self._from_entities(head, start, end)
        if found is not None and found.actor is None:
            # "the SCC", an entity no registry names: the body whose initials it is.
            found = self._acronym(head, start, end) or found
        return found or self._from_words(head, span_text, start) or self._acronym(head, start, end)

    def _acronym(self, head: Token, start: int, end: int) -> Speaker | None:
        """ "SBS noted" after "the State Border Service (SBS) of Azerbaijan told ...": an
        acronym the text spelled out in brackets is the body named before them."""
        written = re.sub(r"^[Tt]he\s+", "", self.doc.text[start:end])
        if not (head.text.isupper() and 2 <= len(head.text) <= 6 and written == head.text):
            return None
        for token in self.doc[1 : head.i - 1]:
            if token.text != head.text or token.nbor(-1).text != "(" or token.nbor(1).text != ")":
                continue
            named = token.nbor(-2)
            while named.dep_ == "compound" and named.head.i > named.i:
                named = named.head
            speaker = self._resolve(named, *core_bounds(named))
            if speaker is not None and speaker.actor is not None:
                return replace(speaker, mention=head.text, start_char=start, end_char=end)
        # '"...," the SCC had said.' after "the State Customs Committee of Azerbaijan said":
        # the latest body named before whose initials the acronym is.
        for mention in sorted(self.mentions, key=lambda m: -m.start_char):
            if mention.end_char <= start and head.text in initials(mention.surface):
                actor = mention.actor
                return Speaker(actor.actor_name, head.text, start, end, actor, 0.7, False)
        return None

    def _from_title(self, span_text: str, start: int) -> Speaker | None:
        actor, score = self.registry.resolve_actor(span_text)
        if actor is None:
            return None
        return Speaker(
            actor.actor_name,
            clean(span_text),
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
            mention=clean(surface),
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
        # Not one the apposition works for ("Farhan Haq, spokesman for Antonio Guterres").
        appositive = [
            m
            for m in inside
            if m.actor.actor_type == "person"
            and m.start_char > head.idx
            and not self._object_of_preposition(m)
        ]
        return appositive[-1] if appositive else None

    def _object_of_preposition(self, mention: Mention) -> bool:
        span = self.doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
        return span is not None and span.root.dep_ == "pobj"

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
            name = entity_name(ent)
            if not name or not is_name(ent):
                continue
            actor, score = self.registry.resolve_actor(name)
            if actor is None:
                actor, score = self.registry.resolve_actor(self.doc.text[start:end])
            if actor is not None and _seated_elsewhere(self.doc.text[start:end], actor):
                actor = None
            return Speaker(
                name=actor.actor_name if actor else name,
                mention=clean(self.doc.text[start:end]),
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
                clean(span_text),
                start,
                start + len(span_text),
                actor,
                score,
                actor.actor_type == "person",
            )
        named = self._surname(head, span_text, start)
        if named is not None:
            return named
        if head.lemma_.lower() not in HUMAN_NOUNS and head.lower_ not in HUMAN_NOUNS:
            return None
        antecedent = self._title_antecedent(span_text, start)
        if antecedent is not None:
            return antecedent
        # "According to the villagers": the village's registered residents, if it has some.
        group = community_actor(self.doc.text, self.registry, head.lemma_, start)
        end = start + len(span_text)
        if group is not None:
            return Speaker(group.actor_name, clean(span_text), start, end, group, 0.6, False)
        # "Several shepherds told the ombudsman": the shepherds, not how many.
        name = clean(re.sub(_ARTICLE_OR_COUNT, "", span_text))
        return Speaker(name, clean(span_text), start, end, None, 0.5, is_person(head))

    def _surname(self, head: Token, span_text: str, start: int) -> Speaker | None:
        """'According to Makunts, ...' after 'Lilit Makunts': a capitalised word that is the
        surname of a person named earlier is that person, even where the tagger took it
        for a common noun."""
        if not head.text[:1].isupper() or head.i == head.sent.start or " " in span_text.strip():
            return None
        for ent in reversed(self.doc.ents):
            if ent.end_char > start or len(ent) < 2 or ent[-1].text != head.text:
                continue
            # The tagger may call a name an organisation ("Lilit Makunts"): a run of
            # capitalised proper nouns the registry knows as no body is a person's name.
            if ent.label_ in ("PERSON", "ORG") and all(
                t.pos_ == "PROPN" and t.text[:1].isupper() for t in ent
            ):
                actor, score = self.registry.resolve_actor(ent.text)
                if actor is not None and actor.actor_type != "person":
                    return None
                return Speaker(
                    actor.actor_name if actor else entity_name(ent),
                    clean(span_text),
                    start,
                    start + len(span_text),
                    actor,
                    score if actor else 0.6,
                    True,
                )
        return None
