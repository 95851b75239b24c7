"""The draft of one article: plain dataclasses, and extract() that fills them.

    from components.extract import extract, load_registry
    draft = extract(text, date(2021, 5, 14), load_registry("data"))
    draft.statements[0].speaker_actor_id, draft.as_json()

A draft is what a person reviews: every record points at its words in the text, every
name says whether the registry knows it (an id) or not (None).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, replace
from datetime import date

from components.data.text import find_mentions

from .bodies import accused_sides
from .context import (
    capital_between,
    context_attributions,
    named_after,
    quotation_speaker,
)
from .dating import introduction_dates, occasion_dates, spread_dates
from .issuers import (
    issuer_speaker,
    rebuttal_issuer,
    release_writer,
    signature_issuer,
    title_issuer,
)
from .model import load_pipeline
from .nested import nested_statements
from .nouns import PERSON_TITLE_NOUNS
from .phrases import quote_ranges
from .readouts import readout_speakers
from .registry import Place, Registry
from .spans import Attribution
from .speakers import SPEAKER_LABELS, Speaker, SpeakerResolver
from .speech import find_attributions

# The JSON keys of the command line's --format json, in order (issue 20).
STATEMENT_KEYS = (
    "start_char",
    "end_char",
    "quote",
    "speaker_name",
    "speaker_mention",
    "speaker_actor_id",
    "statement_type",
    "date_expression",
    "start_date",
    "date_precision",
    "confidence",
)
ACTOR_KEYS = ("actor_name", "actor_id", "aliases")
LOCATION_KEYS = ("location_name", "location_id", "lat", "lon", "coord_source")
EVENT_KEYS = ("start_char", "end_char", "quote", "event_type", "actor_names")

# Statement types by reporting verb (codebook, data/README.md); words of the clause refine
# "said" and its kind.
_TYPE_BY_VERB = {
    "accuse": "accusation",
    "blame": "accusation",
    "allege": "accusation",
    "deny": "denial",
    "reject": "denial",
    "dismiss": "denial",
    "refute": "denial",
    "demand": "demand",
    "urge": "demand",
    "call": "demand",
    "appeal": "appeal",
    "warn": "warning",
    "threaten": "warning",
    "worry": "concern",
    "concern": "concern",
    "alarm": "concern",
    "express": "concern",
    "condemn": "criticism",
    "criticize": "criticism",
    "criticise": "criticism",
    "denounce": "criticism",
    "claim": "claim",
    "assure": "claim",
    "insist": "claim",
    "vow": "intention",
    "pledge": "intention",
    "promise": "intention",
    "propose": "intention",
}
_TYPE_BY_WORDS = (
    (r"\b(?:talks|negotiat\w+|dialogue|peaceful settlement)\b", "call_for_negotiation"),
    (
        r"\b(?:ask\w*|request\w*|appeal\w*|turn\w* to)\b.*\b(?:assistance|help|aid)\b",
        "appeal_for_assistance",
    ),
    (r"\b(?:concern\w*|worr\w+|alarm\w*)\b", "concern"),
    (
        r"\b(?:must|should|demand\w*|expect\w*)\b.*\b(?:withdraw\w*|leave|return\w*|stop)\b",
        "demand",
    ),
    (r"\b(?:provocation|irresponsible|unacceptable|violat\w+)\b", "criticism"),
    (r"\b(?:restraint|calm|de-escalat\w+|normali[sz]ation)\b", "appeal"),
    (r"\b(?:will|would|plans? to|intends? to|is studying|considering)\b", "intention"),
)


@dataclass
class DraftStatement:
    """One statement found in the text, with its speaker and date."""

    start_char: int
    end_char: int
    quote: str
    speaker_name: str
    speaker_mention: str
    speaker_actor_id: str | None
    statement_type: str
    date_expression: str
    start_date: date
    date_precision: str
    confidence: float
    end_date: date | None = None
    date_quote: str | None = None
    is_direct_quote: bool = False
    reported_by_actor_id: str | None = None
    location_id: str | None = None
    rule: str = ""
    cue_start: int | None = None  # the reporting word the rule read, when it read a verb
    cue_end: int | None = None

    def as_json(self) -> dict:
        row = {key: getattr(self, key) for key in STATEMENT_KEYS}
        row["start_date"] = self.start_date.isoformat()
        return row


@dataclass
class DraftActor:
    """An actor named in the text: a registry actor (actor_id) or a new one (None)."""

    actor_name: str
    actor_id: str | None
    aliases: list[str] = field(default_factory=list)
    is_person: bool = False

    def as_json(self) -> dict:
        return {key: getattr(self, key) for key in ACTOR_KEYS}


@dataclass
class DraftLocation:
    """A place named in the text: from the registry (location_id) or the gazetteer (None)."""

    location_name: str
    location_id: str | None
    lat: float
    lon: float
    coord_source: str
    aliases: list[str] = field(default_factory=list)
    kind: str = ""
    first_char: int = 0

    def as_json(self) -> dict:
        return {key: getattr(self, key) for key in LOCATION_KEYS}


@dataclass
class DraftEvent:
    """An event the text narrates (left to the reviewer for now: see docs/extract.md)."""

    start_char: int
    end_char: int
    quote: str
    event_type: str
    actor_names: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return asdict(self)


@dataclass
class Draft:
    """Everything extracted from one article."""

    text: str
    published: date
    statements: list[DraftStatement]
    actors: list[DraftActor]
    locations: list[DraftLocation]
    events: list[DraftEvent] = field(default_factory=list)

    def as_json(self) -> dict:
        """The --format json object: statements, actors, locations, events."""
        return {
            "statements": [s.as_json() for s in self.statements],
            "actors": [a.as_json() for a in self.actors],
            "locations": [loc.as_json() for loc in self.locations],
            "events": [e.as_json() for e in self.events],
        }


def extract(
    text: str,
    published: date,
    registry: Registry,
    issuer: str | None = None,
    title: str | None = None,
) -> Draft:
    """Find the statements, actors and places of an article text published on `published`.

    `issuer` is the article's outlet or issuing body ("Ministry of Defence of Armenia"),
    when known: an official release's sentences with no speaker of their own are its.
    `title`, the headline as published, names the issuer of a release carried by a news
    site ("Statement of the Ministry of Foreign Affairs of Armenia")."""
    doc = load_pipeline()(blank_datelines(text))
    resolver = SpeakerResolver(doc, registry)
    resolver.issuer = (
        issuer_speaker(issuer, registry)
        or title_issuer(title, registry)
        or signature_issuer(doc, resolver)
    )
    rebuttal = None if resolver.issuer else rebuttal_issuer(text, registry)
    if rebuttal is not None:
        resolver.issuer = rebuttal[0]
    if resolver.issuer is None:
        resolver.issuer = release_writer(doc, accused_sides(doc), registry)
    attributions = find_attributions(doc, resolver, published)
    if rebuttal is not None and rebuttal[1]:
        _own_opening(doc, attributions, resolver.issuer)
    attributions = context_attributions(doc, attributions, resolver.issuer, published)
    quotation_speaker(text, attributions)
    capital_between(attributions, registry)
    named_after(attributions)
    _whole_quotations(text, attributions)
    readout_speakers(doc, attributions, resolver)
    occasion_dates(doc, attributions, resolver, published)
    introduction_dates(doc, attributions, resolver, published)
    spread_dates(text, attributions, registry)
    attributions = sorted(
        [*attributions, *nested_statements(doc, attributions, resolver, published)],
        key=lambda a: a.start_char,
    )
    locations = _locations(text, registry)
    statements = []
    people: dict[str, str] = {}
    for attribution in attributions:
        for speaker in (attribution.speaker, *attribution.extra_speakers):
            speaker = _named_person(speaker, people)
            statements.append(_statement(text, attribution, speaker, locations))
    actors = _actors(doc, resolver, statements)
    return Draft(text, published, statements, actors, locations)


# A wire copy's dateline: "BAKU (RIA Novosti): ", "WASHINGTON, DC — ", "YEREVAN, May 14
# (Reuters) - ", "MOSCOW, May 14. /TASS/. ": a city in capitals at the start of a paragraph,
# then a date, the agency or both, then a colon or a dash.
_DATELINE = re.compile(
    r"(?m)^[A-Z]{3,}(?:[ -][A-Z]{2,})*(?:,\s*[A-Z][A-Za-z]+)?"
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?\.?)?"
    r"(?:\s*(?:\([^()\n]{2,30}\)|/[^/\n]{2,20}/)\.?\s*(?::|—|–|--?)?|\s*(?::|—|–|--?))"
    r"\s+(?=[\"“A-Z])"
)


def _own_opening(doc, attributions: list[Attribution], writer: Speaker) -> None:
    """ "The Armenian defense ministry has once again spread false information about ...":
    a rebuttal's opening tells what the other side put out, in its writer's words."""
    first = next(iter(doc.sents), None)
    for attribution in attributions:
        opening = first is not None and attribution.start_char < first.end_char
        if opening and attribution.verb in ("spread", "disseminate"):
            # Both speak in it: the writer tells, the other side put it out.
            attribution.extra_speakers = [attribution.speaker, *attribution.extra_speakers]
            attribution.speaker = writer


def blank_datelines(text: str) -> str:
    """The text with its datelines turned into spaces, so that the parser reads the first
    sentence as a sentence; every character keeps its place, so spans stay the text's."""
    return _DATELINE.sub(lambda match: " " * len(match[0]), text)


def _whole_quotations(text: str, attributions: list[Attribution]) -> None:
    """A statement that starts inside a quotation whose first words no statement holds
    starts at its opening mark: the parser can split a quotation where no sentence ends
    ('"... of the Basarkechyar (Vardenis – ed.) region ... fired ...," – according to the
    press service').
    """
    for start, end in quote_ranges(text):
        inside = [a for a in attributions if start < a.start_char < end]
        if not inside:
            continue
        first = min(inside, key=lambda a: a.start_char)
        if not any(
            a.start_char <= start < a.end_char or start < a.end_char <= first.start_char
            for a in attributions
            if a is not first
        ):
            first.start_char = start


# Words of rank and office before a name ("Major General Huseyn Mahmudov", "Human Rights
# Defender Arman Tatoyan") or after it ("Wendy Morton MP").
_TITLE_WORDS = {
    *PERSON_TITLE_NOUNS,
    "major",
    "general",
    "colonel",
    "lieutenant",
    "captain",
    "sergeant",
    "admiral",
    "marshal",
    "mr",
    "mrs",
    "ms",
    "dr",
    "human",
    "rights",
    "acting",
    "prime",
    "foreign",
    "defence",
    "defense",
    "deputy",
    "mp",
    "senator",
    "sen",
}


def _named_person(speaker: Speaker, people: dict[str, str]) -> Speaker:
    """A person the registry lacks is named by their name without rank or office, and
    once: "Major General Mahmudov" after "Major General Huseyn Mahmudov" is the same new
    speaker (same surname)."""
    words = speaker.name.split()
    if speaker.actor is not None or not words:
        return speaker
    if not speaker.is_person and words[-1].lower() not in people:
        return speaker
    while len(words) > 1 and words[0].lower().strip(".") in _TITLE_WORDS:
        words = words[1:]
    while len(words) > 1 and words[-1].lower().strip(".") in _TITLE_WORDS:
        words = words[:-1]
    if not words or not words[-1][:1].isupper():
        return speaker
    name = people.setdefault(words[-1].lower(), " ".join(words))
    return replace(speaker, name=name)


def _statement(
    text: str, attribution: Attribution, speaker: Speaker, locations: list[DraftLocation]
) -> DraftStatement:
    quote = text[attribution.start_char : attribution.end_char]
    reported_by = attribution.reported_by
    return DraftStatement(
        start_char=attribution.start_char,
        end_char=attribution.end_char,
        quote=quote,
        speaker_name=speaker.name,
        speaker_mention=speaker.mention,
        speaker_actor_id=speaker.actor_id,
        statement_type=statement_type(attribution.verb, quote),
        date_expression=attribution.date.expression,
        start_date=attribution.date.start_date,
        date_precision=attribution.date.precision,
        confidence=round(_confidence(attribution, speaker), 2),
        end_date=attribution.date.end_date,
        date_quote=attribution.date.date_quote,
        is_direct_quote=attribution.is_direct_quote,
        reported_by_actor_id=reported_by.actor_id if reported_by else None,
        location_id=_statement_place(quote, locations),
        rule=attribution.rule,
        cue_start=attribution.cue[0] if attribution.cue else None,
        cue_end=attribution.cue[1] if attribution.cue else None,
    )


def statement_type(verb: str, quote: str) -> str:
    """The codebook type a statement most likely has: by verb, then by its words."""
    if verb in _TYPE_BY_VERB and verb not in ("call", "express"):
        return _TYPE_BY_VERB[verb]
    lowered = quote.lower()
    for pattern, kind in _TYPE_BY_WORDS:
        if re.search(pattern, lowered):
            return kind
    return _TYPE_BY_VERB.get(verb, "report")


def _confidence(attribution: Attribution, speaker: Speaker) -> float:
    base = {
        "reporting verb": 0.9,
        "according to": 0.85,
        "concern": 0.6,
        "context": 0.4,
    }.get(attribution.rule, 0.7)
    return base * (speaker.score if speaker.actor else 0.7)


def _statement_place(quote: str, locations: list[DraftLocation]) -> str | None:
    """The first registry place the statement's words name, if any."""
    for location in locations:
        if location.location_id and any(
            re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", quote) for alias in location.aliases
        ):
            return location.location_id
    return None


def _locations(text: str, registry: Registry) -> list[DraftLocation]:
    """Places named in the text, in order of first mention; metonymies are actors, not places."""
    actor_surfaces = set(registry.actor_aliases) | set(registry.capitals)
    index = {
        name: ("location", name)
        for name in registry.place_names
        if name not in actor_surfaces and name[:1].isupper() and len(name) >= 4
    }
    found: dict[tuple[float, float], DraftLocation] = {}
    for _, name, surface, start, _ in find_mentions(text, index):
        place: Place = registry.place_names[name]
        key = (place.lat, place.lon)
        if key not in found:
            found[key] = DraftLocation(
                location_name=place.location_name,
                location_id=place.location_id,
                lat=place.lat,
                lon=place.lon,
                coord_source=place.coord_source,
                kind=place.kind,
                first_char=start,
            )
        if surface not in found[key].aliases:
            found[key].aliases.append(surface)
    return sorted(found.values(), key=lambda loc: loc.first_char)


def _actors(doc, resolver: SpeakerResolver, statements: list[DraftStatement]) -> list[DraftActor]:
    """Registry actors mentioned, new speakers, and named entities the registry lacks."""
    actors: dict[str, DraftActor] = {}

    def add(name: str, actor_id: str | None, surface: str, is_person: bool) -> None:
        key = actor_id or name
        entry = actors.setdefault(key, DraftActor(name, actor_id, [], is_person))
        if surface and surface not in entry.aliases:
            entry.aliases.append(surface)

    for mention in resolver.mentions:
        add(mention.actor.actor_name, mention.actor.actor_id, mention.surface, False)
    for statement in statements:
        if statement.speaker_actor_id is None:
            add(statement.speaker_name, None, statement.speaker_mention, False)
    for reporter in resolver.reporters:
        add(reporter.name, reporter.actor_id, reporter.mention, False)
    covered = [(m.start_char, m.end_char) for m in resolver.mentions]
    for ent in doc.ents:
        if ent.label_ not in SPEAKER_LABELS or ent.label_ == "NORP":
            continue
        if any(start < ent.end_char and end > ent.start_char for start, end in covered):
            continue
        name = "".join(t.text + t.whitespace_ for t in ent if t.lower_ != "the").strip()
        if not name or not name[:1].isupper():
            continue
        actor, _ = resolver.registry.resolve_actor(name)
        if actor is not None:
            add(actor.actor_name, actor.actor_id, name, actor.actor_type == "person")
        elif resolver.registry.resolve_place(name) is None:
            add(name, None, name, ent.label_ == "PERSON")
    return list(actors.values())
