"""The registry the extractor resolves names against: actors and places of a data folder,
plus the bundled regional gazetteer (gazetteer.csv, GeoNames and Natural Earth; see
docs/extract.md).

Resolution order for a name found in the text: an exact alias (case-sensitive, as the
loader's mentions), a capital city standing for its state ("Baku", "Moscow"), a title
matched against the actors' names and roles ("Armenian Defence Ministry" → "Ministry of
Defence of Armenia"), then a spelling match with rapidfuzz on a transliteration key
("Pachinian" and "Pashinian" → "Pashinyan").
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from rapidfuzz import fuzz

from .nouns import HUMAN_NOUNS, PERSON_TITLE_NOUNS

# Words that name who holds a title ("spokesperson", "ministry", "drivers"), not what it is of.
_HOLDER_WORDS = HUMAN_NOUNS | PERSON_TITLE_NOUNS

# The C parser where PyYAML has it (components/data reads the same files with it): the
# same safe loading and the same records, about ten times faster on the corpus (4.8 -> 0.46
# CPU-s for every YAML file of data/).
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

GAZETTEER_CSV = Path(__file__).with_name("gazetteer.csv")
# A surname spelled differently ("Pachinian"/"Pashinyan") scores 100 on the key below;
# unrelated names of the region score under 60. 90 leaves room for one letter more or less
# ("Aliev"/"Aliyev" 90.9), not two ("Asryan"/"Asatryan" 85.7: two men).
NAME_MATCH_THRESHOLD = 90
# A first name need only look like the registry's to keep a surname's match.
FIRST_NAME_MATCH_THRESHOLD = 85
# Titles are compared as sorted words; "deputy prime minister armenia" against "prime
# minister armenia" scores 86, so a title match must be nearly exact.
TITLE_MATCH_THRESHOLD = 92
# Two words of titles are one word spelt two ways at this score ("defence"/"defense" are
# made one by title_key; "Pashinyan"/"Pashinian" score 88.9; "minister"/"ministry" 87.5).
WORD_MATCH_SCORE = 88
# A title matched by its words alone needs a country and this many words.
MIN_SUBSET_TITLE_WORDS = 3
# A gazetteer city and a registry place this close (about 10 km) are the same city.
SAME_PLACE_DEGREES = 0.1
# Names shorter than this are too ambiguous to match by spelling ("EU", "Kut").
MIN_FUZZY_LENGTH = 5

# Nationality adjectives and their countries, so that "Armenian Prime Minister" and
# "Prime Minister of Armenia" become the same words.
DEMONYMS = {
    "armenian": "armenia",
    "azerbaijani": "azerbaijan",
    "azeri": "azerbaijan",
    "russian": "russia",
    "french": "france",
    "american": "united states",
    "us": "united states",
    "u.s.": "united states",
    "turkish": "turkey",
    "iranian": "iran",
    "georgian": "georgia",
    "british": "united kingdom",
    "uk": "united kingdom",
    "european": "eu",
    "indian": "india",
    "german": "germany",
    # "RA" is the Republic of Armenia in Armenian usage ("RA Minister of Defense").
    "ra": "armenia",
}
# Spellings of a country's abbreviation: "the U.S. Department of State" is the US one.
_ABBREVIATIONS = {"u.s": "us", "u.s.a": "usa", "u.k": "uk"}
_TITLE_SYNONYMS = {
    "defense": "defence",
    "mod": "ministry defence",
    "mfa": "ministry foreign",
    "dm": "ministry defence",  # "Armenia DM claims that ..." (ISWNews)
    "affairs": "",
    "premier": "prime minister",
    "pm": "prime minister",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "spokesperson's": "spokesperson",
    "office": "",
}
# "Republic" adds nothing to a country's name: "Ministry of Defence of the Republic of
# Armenia" is "Ministry of Defence of Armenia".
_TITLE_STOPWORDS = {
    "the",
    "of",
    "for",
    "and",
    "a",
    "an",
    "'s",
    "s",
    "its",
    "his",
    "her",
    "republic",
}
# French and English transliterations of the same Armenian or Azerbaijani name.
_TRANSLITERATION = (("dj", "j"), ("ch", "sh"), ("ou", "u"), ("y", "i"), ("kh", "h"), ("w", "v"))


@dataclass(frozen=True)
class Actor:
    """One actor of the registry, with the fields the extractor needs."""

    actor_id: str
    actor_name: str
    actor_type: str
    aliases: tuple[str, ...] = ()
    role_title: str | None = None
    parent_actor_id: str | None = None
    seat_location_id: str | None = None


@dataclass(frozen=True)
class Place:
    """A place: from the registry (with a location_id) or from the gazetteer (without)."""

    location_name: str
    lat: float
    lon: float
    coord_source: str
    aliases: tuple[str, ...] = ()
    location_id: str | None = None
    kind: str = ""


@dataclass(frozen=True)
class Registry:
    """Actors and places to resolve against; build one with load_registry()."""

    actors: tuple[Actor, ...]
    places: tuple[Place, ...]
    gazetteer: tuple[Place, ...] = field(default=(), repr=False)

    @functools.cached_property
    def actor_by_id(self) -> dict[str, Actor]:
        return {actor.actor_id: actor for actor in self.actors}

    def lineage(self, actor_id: str | None) -> set[str]:
        """An actor's id and those of the bodies and states above it (parent_actor_id)."""
        ids: set[str] = set()
        while actor_id and actor_id not in ids:
            ids.add(actor_id)
            actor = self.actor_by_id.get(actor_id)
            actor_id = actor.parent_actor_id if actor else None
        return ids

    @functools.cached_property
    def actor_aliases(self) -> dict[str, Actor]:
        """Surface form → actor: every alias, and every actor_name as written."""
        index = {actor.actor_name: actor for actor in self.actors}
        for actor in self.actors:
            for alias in actor.aliases:
                index[alias] = actor
        return index

    @functools.cached_property
    def capitals(self) -> dict[str, Actor]:
        """A seat's names → the state seated there: "Baku" stands for Azerbaijan."""
        names = {}
        for place in self.places:
            for name in (place.location_name, *place.aliases):
                names.setdefault(name, place.location_id)
        for place in self.gazetteer:
            if place.kind in ("national capital", "city"):
                seat = self._registry_place_near(place)
                if seat is not None:
                    names.setdefault(place.location_name, seat)
        seats = {
            actor.seat_location_id: actor
            for actor in self.actors
            if actor.actor_type == "state" and actor.seat_location_id
        }
        return {name: seats[loc] for name, loc in names.items() if loc in seats}

    def _registry_place_near(self, place: Place) -> str | None:
        for known in self.places:
            if (
                abs(known.lat - place.lat) < SAME_PLACE_DEGREES
                and abs(known.lon - place.lon) < SAME_PLACE_DEGREES
            ):
                return known.location_id
        return None

    @functools.cached_property
    def _title_keys(self) -> list[tuple[str, Actor]]:
        keys = []
        for actor in self.actors:
            for text in (actor.actor_name, actor.role_title, *actor.aliases):
                if text and len(title_key(text).split()) >= 2:
                    keys.append((title_key(text), actor))
        return keys

    @functools.cached_property
    def _name_keys(self) -> list[tuple[str, Actor]]:
        keys = []
        for actor in self.actors:
            if actor.actor_type != "person":
                continue
            for text in (actor.actor_name, *actor.aliases):
                words = text.split()
                if words and words[-1][:1].isupper() and not _is_title_word(words[-1]):
                    keys.append((name_key(words[-1]), actor))
        return keys

    def resolve_actor(self, mention: str) -> tuple[Actor | None, float]:
        """The registry actor a mention names, with a score in [0, 1]; (None, 0) if none."""
        mention = _strip_mention(mention)
        if not mention:
            return None, 0.0
        if mention in self.actor_aliases:
            return self.actor_aliases[mention], 1.0
        if mention in self.capitals:
            return self.capitals[mention], 0.9
        office = self.office(mention)
        if office is not None:
            return office, 0.9
        # "The Human Rights Defender of the Republic of Armenia (RA)": a bracket at the end
        # (its closing mark lost to the phrase's end, now and then) says nothing more.
        bare = re.sub(r"\s*\([^()]*\)?$", "", mention)
        if bare and bare != mention:
            found = self.resolve_actor(bare)
            if found[0] is not None:
                return found
        key = title_key(mention)
        best: tuple[Actor | None, float] = (None, 0.0)
        countries = _countries(key)
        for title, actor in self._title_keys:
            if countries and _countries(title) and countries != _countries(title):
                continue
            score = fuzz.token_sort_ratio(key, title)
            if score < TITLE_MATCH_THRESHOLD or score / 100 <= best[1]:
                continue
            if not _same_words(key, title):
                continue
            best = (actor, score / 100)
        if best[0] is not None:
            return best
        return self._resolve_title_words(key) or self._resolve_name(mention)

    def office(self, mention: str) -> Actor | None:
        """ "the Ombudsman’s Office", "the ombudsman's staff": the one body whose name holds
        "office" or "staff" and every other word of the mention (title keys drop "office",
        so without this the office is its holder's namesake)."""
        if not _OFFICE.search(mention):
            return None
        words = set(_ombudsman(title_key(mention)).split())
        if not words:
            return None
        found = {
            actor.actor_id: actor
            for actor in self.actors
            if actor.actor_type not in ("person", "state")
            for name in (actor.actor_name, *actor.aliases)
            if _OFFICE.search(name) and words <= set(_ombudsman(title_key(name)).split())
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def _resolve_title_words(self, key: str) -> tuple[Actor, float] | None:
        """A longer title whose words all belong to one actor's title ("the spokesperson of
        the Indian ministry of external affairs" → "Official Spokesperson, Ministry of
        External Affairs of India"), when no other actor's title holds them all."""
        words = set(key.split())
        if len(words) < MIN_SUBSET_TITLE_WORDS or not _countries(key):
            return None
        if not ({word.removesuffix("s") for word in words} | words) & _HOLDER_WORDS:
            # "the delimitation of the border with Armenia" holds words of a title
            # ("Chairman of the State Commission on delimitation of the border with
            # Armenia") but names no one who holds it.
            return None
        matches = {
            actor.actor_id: actor
            for title, actor in self._title_keys
            if words <= set(title.split())
        }
        if len(matches) != 1:
            return None
        return next(iter(matches.values())), 0.8

    def _resolve_name(self, mention: str) -> tuple[Actor | None, float]:
        words = [word for word in mention.split() if word[:1].isupper()]
        if not words or len(words[-1]) < MIN_FUZZY_LENGTH or _is_title_word(words[-1]):
            return None, 0.0
        surname = name_key(words[-1])
        best: tuple[Actor | None, float] = (None, 0.0)
        for key, actor in self._name_keys:
            score = fuzz.ratio(surname, key)
            if score >= NAME_MATCH_THRESHOLD and score / 100 > best[1]:
                if _other_first_name(words, actor):
                    continue
                best = (actor, score / 100 * 0.9)
        return best

    def resolve_place(self, name: str) -> Place | None:
        """A place by exact name or alias: the registry first, then the gazetteer."""
        return self.place_names.get(name)

    @functools.cached_property
    def place_names(self) -> dict[str, Place]:
        names: dict[str, Place] = {}
        for place in self.places:
            for name in (place.location_name, *place.aliases):
                names.setdefault(name, place)
        by_id = {place.location_id: place for place in self.places}
        for place in _ranked(self.gazetteer):
            # The gazetteer's "Syunik region" is the registry's Syunik province.
            known = by_id.get(self._registry_place_near(place))
            if known is not None and place.location_name.lower() in known.location_name.lower():
                place = known
            for name in (place.location_name, *place.aliases):
                names.setdefault(name, place)
        return names


def title_key(text: str) -> str:
    """Words of a title or body name, nationality → country, without filler words."""
    text = text.lower().replace("’", "'").replace("'s ", " ").replace("-", " ")
    words = []
    for word in re.findall(r"[\w.']+", text):
        word = word.strip(".'")
        word = _ABBREVIATIONS.get(word, word)
        word = DEMONYMS.get(word, word)
        word = _TITLE_SYNONYMS.get(word, word)
        words += [w for w in word.split() if w not in _TITLE_STOPWORDS]
    return " ".join(words)


# A body's staff: "the Ombudsman’s Office", "Human Rights Defender’s staff".
_OFFICE = re.compile(r"\b(?:office|staff)\b", re.IGNORECASE)


def _ombudsman(key: str) -> str:
    """ "ombudsman" is the English of "Human Rights Defender" (Armenia's title)."""
    return re.sub(r"\bombuds(?:man|person)\b", "human rights defender", key)


# Words that end a title, not a surname: "Acting Prime Minister of Armenia" is no
# "Mr Armenia", and "the Ministry of Defence of the Republic of Armenia" is not its holder.
_TITLE_WORDS = {
    "minister",
    "ministry",
    "president",
    "premier",
    "secretary",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "leader",
    "republic",
    "affairs",
    "defence",
    "defense",
    "office",
    "government",
}


def _is_title_word(word: str) -> bool:
    word = word.lower().strip(".,'’")
    return word in _TITLE_WORDS or word in DEMONYMS or word in _COUNTRY_WORDS


def countries(text: str) -> set[str]:
    """The countries a name or title names, by name or nationality."""
    return _countries(title_key(text))


def _countries(key: str) -> set[str]:
    return {word for word in key.split() if word in _COUNTRY_WORDS}


_COUNTRY_WORDS = {word for country in DEMONYMS.values() for word in country.split()}


def name_key(word: str) -> str:
    """A spelling-insensitive key of a surname: no accents, French → English letters."""
    plain = unicodedata.normalize("NFKD", word.lower())
    plain = "".join(char for char in plain if char.isalpha() and not unicodedata.combining(char))
    for before, after in _TRANSLITERATION:
        plain = plain.replace(before, after)
    return plain


def load_registry(data_dir: Path | str) -> Registry:
    """Read actors.yaml and locations.yaml of a data folder, plus the bundled gazetteer."""
    root = Path(data_dir)
    return registry_from_records(
        _read_list(root / "actors.yaml"), _read_list(root / "locations.yaml")
    )


def registry_from_records(actors: list[dict], locations: list[dict]) -> Registry:
    """Build a registry from records in the codebook's format (unknown fields ignored)."""
    return Registry(
        actors=tuple(_actor(record) for record in actors if record.get("actor_id")),
        places=tuple(_place(record) for record in locations if record.get("location_id")),
        gazetteer=load_gazetteer(),
    )


@functools.cache
def load_gazetteer() -> tuple[Place, ...]:
    """The bundled regional gazetteer (Armenia, Azerbaijan, capitals); no network."""
    with GAZETTEER_CSV.open(encoding="utf-8", newline="") as handle:
        return tuple(
            Place(
                location_name=row["name"],
                lat=float(row["lat"]),
                lon=float(row["lon"]),
                coord_source=row["source"],
                aliases=tuple(a.strip() for a in row["aliases"].split(";") if a.strip()),
                kind=row["kind"],
            )
            for row in csv.DictReader(handle)
        )


def _ranked(places: tuple[Place, ...]) -> list[Place]:
    # Where two places share a name ("Syunik" the region and a village), the region and
    # the bigger place win: news names regions and towns, rarely hamlets.
    order = {"region": 0, "lake": 1, "national capital": 2, "city": 3}
    return sorted(places, key=lambda place: order.get(place.kind, 9))


def _strip_mention(mention: str) -> str:
    mention = " ".join(mention.replace("’", "'").split())
    mention = re.sub(r"^(?:the|The)\s+", "", mention)
    return re.sub(r"'s?$", "", mention).strip(' ,.;:"“”')


def _actor(record: dict) -> Actor:
    return Actor(
        actor_id=record["actor_id"],
        actor_name=record.get("actor_name") or record["actor_id"],
        actor_type=record.get("actor_type") or "",
        aliases=tuple(record.get("aliases") or ()),
        role_title=record.get("role_title"),
        parent_actor_id=record.get("parent_actor_id"),
        seat_location_id=record.get("seat_location_id"),
    )


def _place(record: dict) -> Place:
    return Place(
        location_name=record.get("location_name") or record["location_id"],
        lat=float(record.get("lat") or 0.0),
        lon=float(record.get("lon") or 0.0),
        coord_source=record.get("coord_source") or "",
        aliases=tuple(record.get("aliases") or ()),
        location_id=record["location_id"],
        kind=record.get("location_type") or "",
    )


def _read_list(path: Path) -> list[dict]:
    if not path.is_file():
        return []
    content = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER) or []
    if not isinstance(content, list):
        raise ValueError(f"{path}: expected a YAML list of records")
    return [record for record in content if isinstance(record, dict)]


def _same_words(key: str, title: str) -> bool:
    """Whether two title keys a spelling apart name the same thing: every word of one has a
    close spelling in the other ("Pashinian"/"Pashinyan" differ by a letter), not another
    word ("minister" is a person, "ministry" a body; "sources" are not "forces")."""
    words, other = key.split(), title.split()
    if len(words) != len(other):
        return True  # a longer or shorter title: token_sort_ratio already weighed it
    return all(
        any(
            w == o or (len(w) > MIN_FUZZY_LENGTH and fuzz.ratio(w, o) >= WORD_MATCH_SCORE)
            for o in other
        )
        for w in words
    )


def _other_first_name(words: list[str], actor: Actor) -> bool:
    """'Levon Ayvazyan' is not 'Ara Aivazian': a first name in the mention that is not the
    registry person's (an initial is no first name)."""
    if len(words) < 2 or len(words[-2].strip(".")) < 2 or _is_title_word(words[-2]):
        return False
    first = name_key(words[-2])
    names = [actor.actor_name, *actor.aliases]
    firsts = {name_key(n.split()[-2]) for n in names if len(n.split()) >= 2}
    firsts = {f for f in firsts if len(f) >= 2}
    return bool(firsts) and all(fuzz.ratio(first, f) < FIRST_NAME_MATCH_THRESHOLD for f in firsts)
