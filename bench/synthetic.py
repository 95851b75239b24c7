"""A synthetic corpus in the real data format, to measure how the app's costs grow with size.

`write_corpus(folder, n_articles)` writes what `load_dataset()` reads: actors.yaml,
locations.yaml, issues.yaml, geo/ (copied from data/geo) and one folder per article with
article.txt, article.yaml, statements.yaml and events.yaml. Every record is valid against
the same rules and schemas as the curated data: quotes are exact words of their text (each
unique within its article, so no `occurrence` is needed), date expressions come from the
documented vocabulary with their date_quote, every alias occurs in some text and every
actor is used. The output is deterministic for a given seed.
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import yaml

from components.data.loader import DEFAULT_DATA_DIR
from components.data.schemas import SIDES

STATEMENTS_PER_ARTICLE = 100
EVENTS_PER_ARTICLE = 20
# The filter lists every actor; a few hundred is what a large hand-annotated corpus reaches.
MAX_ACTORS = 400
MIN_ACTORS = 12
N_STATES = 16
N_LOCATIONS = 40
# Publication dates are spread over these years, so the timeline spans a realistic range.
FIRST_DAY = date(2020, 1, 1)
DAYS_SPANNED = 3 * 365
SENTENCES_PER_PARAGRAPH = 6
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

ISSUES = (
    ("withdrawal", "Troops must withdraw", "Foreign troops must leave the disputed area."),
    ("border_violation", "The border was crossed", "Armed forces crossed an agreed border."),
    ("ceasefire", "Respect the ceasefire", "The ceasefire agreement must be respected."),
    ("negotiation", "Negotiate the border", "The border must be settled through negotiations."),
    ("de_escalation", "De-escalate", "The military situation must calm down."),
    ("mediation", "Outside mediation", "An outside power should mediate the dispute."),
    ("sanctions", "Impose sanctions", "Sanctions should be imposed on the aggressor."),
    ("aid_request", "Military aid was requested", "A state asked an ally for military aid."),
)
# Statement type -> (CAMEO code, verb phrase used in its sentence).
STATEMENT_KINDS = {
    "accusation": ("1123", "accused"),
    "denial": ("016", "rejected the claims of"),
    "demand": ("1056", "demanded a withdrawal from"),
    "appeal": ("021", "appealed to"),
    "appeal_for_assistance": ("0232", "asked for the assistance of"),
    "call_for_negotiation": ("036", "called for talks with"),
    "claim": ("010", "said it had warned"),
    "criticism": ("111", "criticised"),
    "concern": ("012", "expressed concern to"),
    "warning": ("138", "warned"),
    "intention": ("030", "said it would meet"),
    "report": ("010", "reported on the position of"),
}
EVENT_KINDS = (
    ("negotiation", "held talks"),
    ("consultation", "spoke by telephone"),
    ("speech", "addressed the press"),
    ("military movement", "moved troops"),
    ("armed conflict", "exchanged fire"),
    ("agreement", "signed a protocol"),
)
EVENT_STATUSES = ("occurred", "occurred", "planned", "reported", "alleged")
STANCES = ("support", "oppose", "neutral")
LOCATION_TYPES = ("town", "city", "district", "region", "lake")
PARTS_OF_DAY = ("morning", "afternoon", "evening", "night")
# Two-letter syllables the synthetic names are made of.
_SYLLABLE_LETTERS = "arbacedaelfagahainkalamanaorparasataulvazabekominorusitevoludenigoyezokire"
_SYLLABLES = tuple(_SYLLABLE_LETTERS[i : i + 2] for i in range(0, len(_SYLLABLE_LETTERS), 2))


@dataclass(frozen=True)
class CorpusStats:
    """What a call to write_corpus wrote: record counts and the size on disk."""

    articles: int
    statements: int
    events: int
    stances: int
    actors: int
    locations: int
    issues: int
    bytes_on_disk: int


@dataclass(frozen=True)
class _Actor:
    actor_id: str
    name: str
    aliases: tuple[str, ...]


def write_corpus(
    folder: Path | str,
    n_articles: int,
    statements_per_article: int = STATEMENTS_PER_ARTICLE,
    events_per_article: int = EVENTS_PER_ARTICLE,
    seed: int = 0,
) -> CorpusStats:
    """Write a synthetic data folder at ``folder`` (created; must be empty or absent)."""
    root = Path(folder)
    root.mkdir(parents=True, exist_ok=True)
    if any(root.iterdir()):
        raise FileExistsError(f"{root} is not empty; expected a new folder for the corpus")
    rng = random.Random(seed)
    total_statements = n_articles * statements_per_article
    # Each actor needs two sentences to show both its aliases, so the registry grows with
    # the corpus until MAX_ACTORS.
    n_actors = max(MIN_ACTORS, min(MAX_ACTORS, total_statements // 3))
    names = _NameMaker(rng)
    actor_records, actors = _actors(n_actors, names, rng)
    # Every place alias must occur in a text: events name a place, every other statement too.
    place_mentions = n_articles * (events_per_article + statements_per_article // 2)
    location_records, places = _locations(max(1, min(N_LOCATIONS, place_mentions)), names, rng)
    _dump(root / "actors.yaml", actor_records)
    _dump(root / "locations.yaml", location_records)
    _dump(
        root / "issues.yaml",
        [{"issue_id": i, "issue_label": label, "proposition": p} for i, label, p in ISSUES],
    )
    shutil.copytree(DEFAULT_DATA_DIR / "geo", root / "geo")

    writer = _ArticleWriter(rng, actors, places)
    counts = {"statements": 0, "events": 0, "stances": 0}
    for number in range(n_articles):
        written = writer.write(
            root / "articles", number, statements_per_article, events_per_article
        )
        for key, value in written.items():
            counts[key] += value
    size = sum(path.stat().st_size for path in root.rglob("*") if path.is_file())
    return CorpusStats(
        articles=n_articles,
        actors=len(actor_records),
        locations=len(location_records),
        issues=len(ISSUES),
        bytes_on_disk=size,
        **counts,
    )


class _NameMaker:
    """Unique, pronounceable capitalised words, so no alias is part of another one."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()

    def word(self, syllables: int = 3) -> str:
        while True:
            word = "".join(self.rng.choice(_SYLLABLES) for _ in range(syllables)).capitalize()
            if word not in self.used:
                self.used.add(word)
                return word


def _actors(n_actors: int, names: _NameMaker, rng: random.Random):
    """States at the top; ministries, armed forces and people under them."""
    records, actors = [], []
    n_states = min(N_STATES, max(2, n_actors // 8))
    states = []
    for number in range(n_states):
        name = names.word(3)
        actor_id = f"state_{number:03d}"
        capital = names.word(2)
        states.append((actor_id, name))
        records.append(
            {
                "actor_id": actor_id,
                "actor_name": f"Republic of {name}",
                "actor_type": "state",
                "country_code": name[:3].upper(),
                "aliases": [name, capital],
                "description": f"A synthetic state; {capital} stands for its government.",
            }
        )
        actors.append(_Actor(actor_id, name, (name, capital)))
    for number in range(n_actors - n_states):
        state_id, state_name = states[number % n_states]
        kind = rng.choice(("person", "person", "person", "government body", "armed forces"))
        actor_id = f"actor_{number:04d}"
        if kind == "person":
            surname = names.word(3)
            full = f"{names.word(2)} {surname}"
            record = {"actor_name": full, "role_title": f"Minister of {state_name}"}
            aliases = (full, surname)
        else:
            word = names.word(3)
            label = "Ministry" if kind == "government body" else "Army"
            full = f"{word} {label}"
            record = {"actor_name": f"{full} of {state_name}"}
            aliases = (full, f"{state_name} {word}")
        records.append(
            {
                "actor_id": actor_id,
                "actor_type": kind,
                "country_code": state_name[:3].upper(),
                "parent_actor_id": state_id,
                "aliases": list(aliases),
                **record,
            }
        )
        actors.append(_Actor(actor_id, full, aliases))
    return records, actors


def _locations(n_locations: int, names: _NameMaker, rng: random.Random):
    records, places = [], []
    for number in range(n_locations):
        name = names.word(3)
        location_id = f"place_{number:03d}"
        records.append(
            {
                "location_id": location_id,
                "location_name": name,
                "location_type": LOCATION_TYPES[number % len(LOCATION_TYPES)],
                "aliases": [name],
                "lat": round(rng.uniform(38.5, 41.5), 5),
                "lon": round(rng.uniform(43.5, 50.0), 5),
                "geo_precision": "synthetic point",
                "coord_source": "bench.synthetic (random point in the region)",
            }
        )
        places.append((location_id, name))
    return records, places


class _ArticleWriter:
    """Writes one article folder at a time, cycling through actors and places so that
    every alias of every actor and place occurs in some text."""

    def __init__(self, rng: random.Random, actors: list[_Actor], places: list[tuple[str, str]]):
        self.rng = rng
        self.actors = actors
        self.places = places
        self.turn = 0
        self.place_turn = 0

    def _next_actor(self) -> tuple[_Actor, str]:
        actor = self.actors[self.turn % len(self.actors)]
        alias = actor.aliases[(self.turn // len(self.actors)) % len(actor.aliases)]
        self.turn += 1
        return actor, alias

    def _next_place(self) -> tuple[str, str]:
        place = self.places[self.place_turn % len(self.places)]
        self.place_turn += 1
        return place

    def write(self, folder: Path, number: int, n_statements: int, n_events: int) -> dict[str, int]:
        rng = self.rng
        article_id = f"synthetic-{number:05d}"
        published = FIRST_DAY + timedelta(days=rng.randrange(DAYS_SPANNED))
        sentences: list[str] = []
        statements: list[dict] = []
        events: list[dict] = []
        date_words: list[str | None] = []
        for k in range(1, n_statements + 1):
            sentence, record, words = self._statement(article_id, k, published, statements)
            sentences.append(sentence)
            statements.append(record)
            date_words.append(words)
        for k in range(1, n_events + 1):
            sentence, record, words = self._event(article_id, k, published)
            sentences.append(sentence)
            events.append(record)
            date_words.append(words)
        order = list(range(len(sentences)))
        rng.shuffle(order)
        text, starts = _join(sentences, order)
        for index, record in enumerate([*statements, *events]):
            _set_date_occurrence(record, text, starts[index], date_words[index])
        directory = folder / article_id
        directory.mkdir(parents=True)
        (directory / "article.txt").write_text(text, encoding="utf-8")
        _dump(
            directory / "article.yaml",
            {
                "article_id": article_id,
                "title": f"Synthetic report {number + 1} on the border dispute",
                "outlet": "Synthetic Wire",
                "outlet_type": "wire",
                "side": SIDES[number % len(SIDES)],
                "rights": "Generated by bench/synthetic.py for the benchmark; no real text.",
                "agency": "BENCH",
                "published_date": published,
                "language": "en",
                "is_translation": False,
            },
        )
        _dump(directory / "statements.yaml", statements)
        _dump(directory / "events.yaml", events)
        stances = sum(len(record.get("stances", ())) for record in statements)
        return {"statements": len(statements), "events": len(events), "stances": stances}

    def _statement(self, article_id: str, k: int, published: date, earlier: list[dict]):
        rng = self.rng
        speaker, speaker_alias = self._next_actor()
        target, target_alias = self._next_actor()
        kind = rng.choice(list(STATEMENT_KINDS))
        cameo, verb = STATEMENT_KINDS[kind]
        when, words = _when(rng, published)
        place = self._next_place() if k % 2 == 0 else None
        where = f" near {place[1]}" if place else ""
        date_part = f" {words}" if words else ""
        direct = rng.random() < 0.4
        if direct:
            quote = f'{speaker_alias} {verb} {target_alias} over "point {k} of the file"'
        else:
            quote = f"{speaker_alias} {verb} {target_alias} over point {k} of the file"
        sentence = f"{quote}{where}{date_part}."
        record = {
            "statement_id": f"{article_id}-s{k:03d}",
            "speaker_actor_id": speaker.actor_id,
            "target_actor_id": target.actor_id,
            "quote": quote,
            "is_direct_quote": direct,
            "statement_type": kind,
            "cameo_code": cameo,
            "when": when,
        }
        if words:
            record["date_quote"] = words
        if place:
            record["location_id"] = place[0]
        if rng.random() < 0.1:
            record["reported_by_actor_id"] = self.actors[rng.randrange(len(self.actors))].actor_id
        if earlier and rng.random() < 0.05:
            record["contradicts_statement_id"] = rng.choice(earlier)["statement_id"]
        issues = rng.sample(ISSUES, rng.choice((0, 1, 1, 2)))
        if issues:
            record["stances"] = [
                {"issue_id": issue[0], "stance": rng.choice(STANCES)} for issue in issues
            ]
        return sentence, record, words

    def _event(self, article_id: str, k: int, published: date):
        rng = self.rng
        event_type, verb = rng.choice(EVENT_KINDS)
        involved = [self._next_actor() for _ in range(rng.choice((1, 2, 2, 3)))]
        ids = list(dict.fromkeys(actor.actor_id for actor, _ in involved))
        who = " and ".join(alias for _, alias in involved)
        when, words = _when(rng, published)
        place = self._next_place()
        quote = f"{who} {verb} at {place[1]} in episode {k} of the dispute"
        date_part = f" {words}" if words else ""
        record = {
            "event_id": f"{article_id}-e{k:03d}",
            "title": f"Episode {k}: {event_type}",
            "event_type": event_type,
            "status": rng.choice(EVENT_STATUSES),
            "quote": quote,
            "when": when,
            "actor_ids": ids,
            "location_id": place[0],
        }
        if words:
            record["date_quote"] = words
        if when.count("-") == 1 and rng.random() < 0.3:
            record["is_background"] = True
        return f"{quote}{date_part}.", record, words


def _when(rng: random.Random, published: date) -> tuple[str, str | None]:
    """A date expression of the documented vocabulary and the words that give it."""
    day = published - timedelta(days=rng.randrange(0, 10))
    choice = rng.random()
    if choice < 0.3:
        return "as reported", None
    if choice < 0.6:
        return day.isoformat(), f"on {day.day} {day:%B %Y}"
    if choice < 0.75:
        part = rng.choice(PARTS_OF_DAY)
        return f"{day.isoformat()} {part}", f"on the {part} of {day.day} {day:%B %Y}"
    if choice < 0.9:
        start = day - timedelta(days=rng.randrange(1, 5))
        words = f"between {start.day} {start:%B %Y} and {day.day} {day:%B %Y}"
        return f"{start.isoformat()}/{day.isoformat()}", words
    month = (published.replace(day=1) - timedelta(days=1)).replace(day=1)
    return f"{month:%Y-%m}", f"in {month:%B %Y}"


def _join(sentences: list[str], order: list[int]) -> tuple[str, list[int]]:
    """The article text from sentences in ``order``; and where each sentence starts."""
    parts, starts, position = [], [0] * len(sentences), 0
    for count, index in enumerate(order):
        if count:
            separator = "\n\n" if count % SENTENCES_PER_PARAGRAPH == 0 else " "
            parts.append(separator)
            position += len(separator)
        starts[index] = position
        parts.append(sentences[index])
        position += len(sentences[index])
    return "".join(parts) + "\n", starts


def _set_date_occurrence(record: dict, text: str, sentence_start: int, words: str | None) -> None:
    """Date words repeat across sentences: say which occurrence is this sentence's own."""
    if not words:
        return
    found = text.find(words, sentence_start)
    occurrence, position = 0, -1
    while True:
        position = text.find(words, position + 1)
        if position < 0 or position > found:
            break
        occurrence += 1
    if occurrence > 1 or text.find(words, found + 1) >= 0:
        record["date_quote_occurrence"] = occurrence


def _dump(path: Path, content) -> None:
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(content, handle, Dumper=_DUMPER, allow_unicode=True, sort_keys=False)
