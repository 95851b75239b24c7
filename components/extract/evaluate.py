"""Honest accuracy of the draft extractor on the bundled annotated corpus (issue 20).

    python -m components.extract.evaluate [--data DIR] [--outlet] [--errors]
                                          [--split development|all]

Every article is scored leave-one-out: the registry it is resolved against is the corpus
registry minus the aliases that occur in no other article's text, so a speaker only that
article names must be found by name (actor_id None) and is scored against the gold
actor's name and aliases. The articles are split by the round their errors were first
read in (splits.py: the development set of rounds 1-4, then the sets held out in one
round and read in the next), and the held-out set (every other article: never read while
developing, scored only in aggregate). --errors lists the errors of the sets read only,
so that looking at them cannot leak the held-out set. --outlet passes each article's
outlet and headline (article.yaml; not a title the annotator wrote in brackets) as the
Review page does; the tables say whether they were used.

Measures (a missed gold statement counts as wrong wherever a measure is "over gold"):
- statement recall: gold statements overlapped by a predicted span;
- statement precision: predicted statements that overlap a gold statement;
- speaker accuracy: gold statements with an overlapping prediction naming the right speaker;
- date accuracy: gold statements whose best prediction has the gold start date and precision;
- actor recall: gold actors (speakers, targets, reporters, stance holders, event actors)
  found among the draft's actors;
- place recall: gold places (statements' and events' location_id, place claims) with a
  draft place within 10 km.
It reads the annotation YAML itself (not load_dataset), so it also reads a corpus that
does not validate yet.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml
from rapidfuzz import fuzz

from components.data.dates import resolve_when
from components.data.text import find_span

from .calibration import band, bands_table, outcome
from .draft import Draft, extract
from .error_kinds import MISSED, kinds_table, speaker_error_kind
from .model import load_pipeline
from .registry import SAFE_LOADER, registry_from_records
from .splits import GROUPS, HELD_OUT, group_of

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "data"
PLACE_RADIUS_KM = 10.0
# A new speaker's name matches a gold actor at this token-set score ("the villagers" and
# "villagers" score 100; "Armenian side" and "Azerbaijani side" score 76).
NAME_MATCH_SCORE = 85


@dataclass
class GoldStatement:
    start_char: int
    end_char: int
    quote: str
    speaker_actor_id: str
    start_date: date | None
    precision: str | None


@dataclass
class GoldArticle:
    article_id: str
    group: str
    text: str
    published: date
    outlet: str | None
    statements: list[GoldStatement]
    actor_ids: set[str]
    location_ids: set[str]
    problems: list[str] = field(default_factory=list)
    # The headline as published; None for a title the annotator wrote "(in brackets)".
    title: str | None = None


@dataclass
class Corpus:
    actors: list[dict]
    locations: list[dict]
    articles: list[GoldArticle]


@dataclass
class Score:
    """Counts for one article; tables add them up."""

    article_id: str
    group: str
    gold: int = 0
    predicted: int = 0
    found: int = 0
    precise: int = 0
    speaker_ok: int = 0
    date_ok: int = 0
    actors: int = 0
    actors_found: int = 0
    places: int = 0
    places_found: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)
    kinds: Counter = field(default_factory=Counter)
    # Drafted statements by confidence band and outcome (calibration.py).
    bands: Counter = field(default_factory=Counter)


def load_corpus(data_dir: Path) -> Corpus:
    """The registry and the annotated articles of a data folder, each in its split."""
    return Corpus(
        _read_list(data_dir / "actors.yaml"),
        _read_list(data_dir / "locations.yaml"),
        _articles(data_dir / "articles"),
    )


def leave_one_out(corpus: Corpus, article: GoldArticle) -> tuple[list[dict], list[dict]]:
    """The registry without the aliases (and actors, places) only this article names."""
    others = [a for a in corpus.articles if a.article_id != article.article_id]
    texts = [a.text for a in others]
    used_elsewhere = set().union(*(a.actor_ids for a in others)) if others else set()
    actors = [
        record
        for record in _without_only_here(corpus.actors, texts, article.text)
        if record.get("aliases") or record["actor_id"] in used_elsewhere
    ]
    return actors, _without_only_here(corpus.locations, texts, article.text)


def score_article(corpus: Corpus, article: GoldArticle, use_outlet: bool = False) -> Score:
    actors, locations = leave_one_out(corpus, article)
    registry = registry_from_records(actors, locations)
    issuer = article.outlet if use_outlet else None
    title = article.title if use_outlet else None
    started = time.perf_counter()
    draft = extract(article.text, article.published, registry, issuer=issuer, title=title)
    seconds = time.perf_counter() - started
    known = {record["actor_id"] for record in actors}
    names = {record["actor_id"]: _names(record) for record in corpus.actors}
    score = Score(article.article_id, article.group, seconds=seconds)
    score.gold, score.predicted = len(article.statements), len(draft.statements)
    score.precise = sum(
        any(_overlap(p.start_char, p.end_char, g) for g in article.statements)
        for p in draft.statements
    )
    parents = {record["actor_id"]: record.get("parent_actor_id") for record in corpus.actors}
    for gold in article.statements:
        _score_statement(score, draft, gold, known, names, parents)
    for prediction in draft.statements:
        overlapped = [g for g in article.statements if _overlap(*_span(prediction), g)]
        right = any(_same_speaker(prediction, g.speaker_actor_id, known, names) for g in overlapped)
        score.bands[band(prediction.confidence), outcome(bool(overlapped), right)] += 1
    _score_actors(score, draft, article, known, names)
    _score_places(score, draft, article, {r["location_id"]: r for r in corpus.locations})
    return score


def _score_statement(score: Score, draft: Draft, gold: GoldStatement, known, names, parents):
    hits = [p for p in draft.statements if _overlap(p.start_char, p.end_char, gold)]
    if not hits:
        score.kinds[MISSED] += 1
        score.errors.append(f"missed [{gold.speaker_actor_id}] {_short(gold.quote)}")
        return
    score.found += 1
    right = [p for p in hits if _same_speaker(p, gold.speaker_actor_id, known, names)]
    if right:
        score.speaker_ok += 1
    else:
        drafted = [p.speaker_actor_id for p in hits]
        score.kinds[speaker_error_kind(gold.speaker_actor_id, drafted, known, parents)] += 1
        said = ", ".join(sorted({p.speaker_actor_id or f"new:{p.speaker_name}" for p in hits}))
        score.errors.append(f"speaker [{gold.speaker_actor_id}] got [{said}] {_short(gold.quote)}")
    best = max(right or hits, key=lambda p: _overlap_length(p.start_char, p.end_char, gold))
    if gold.start_date is None:
        return
    if best.start_date == gold.start_date and best.date_precision == gold.precision:
        score.date_ok += 1
    else:
        score.errors.append(
            f"date [{gold.start_date} {gold.precision}] got [{best.start_date} "
            f"{best.date_precision} from {best.date_expression!r}] {_short(gold.quote)}"
        )


def _same_speaker(prediction, gold_id: str, known: set[str], names: dict) -> bool:
    if gold_id in known:
        return prediction.speaker_actor_id == gold_id
    if prediction.speaker_actor_id is not None:
        return False
    return _name_matches(prediction.speaker_name, names.get(gold_id, ())) or _name_matches(
        prediction.speaker_mention, names.get(gold_id, ())
    )


def _name_matches(name: str, gold_names) -> bool:
    name = name.lower()
    return any(
        fuzz.token_set_ratio(name, other.lower()) >= NAME_MATCH_SCORE for other in gold_names
    )


def _score_actors(score: Score, draft: Draft, article: GoldArticle, known, names) -> None:
    draft_ids = {a.actor_id for a in draft.actors if a.actor_id}
    new_names = [n for a in draft.actors if a.actor_id is None for n in (a.actor_name, *a.aliases)]
    for actor_id in sorted(article.actor_ids):
        score.actors += 1
        if actor_id in known:
            hit = actor_id in draft_ids
        else:
            hit = any(_name_matches(name, names.get(actor_id, ())) for name in new_names)
        if hit:
            score.actors_found += 1
        else:
            score.errors.append(f"actor not found [{actor_id}]")


def _score_places(score: Score, draft: Draft, article: GoldArticle, locations: dict) -> None:
    for location_id in sorted(article.location_ids):
        record = locations.get(location_id)
        if not record or record.get("lat") is None:
            continue
        score.places += 1
        lat, lon = float(record["lat"]), float(record["lon"])
        if any(_km(lat, lon, p.lat, p.lon) <= PLACE_RADIUS_KM for p in draft.locations):
            score.places_found += 1
        else:
            score.errors.append(f"place not found [{location_id}]")


def table(scores: list[Score], title: str) -> str:
    """A Markdown table of the summed counts of a group of articles."""
    if not scores:
        return f"**{title}**: no articles\n"

    def pct(part: int, whole: int) -> str:
        return f"{100 * part / whole:.1f}% ({part}/{whole})" if whole else "n/a"

    total = Score("(all)", title)
    for s in scores:
        for name in ("gold", "predicted", "found", "precise", "speaker_ok", "date_ok"):
            setattr(total, name, getattr(total, name) + getattr(s, name))
        for name in ("actors", "actors_found", "places", "places_found"):
            setattr(total, name, getattr(total, name) + getattr(s, name))
    times = sorted(s.seconds for s in scores)
    rows = [
        ("articles", str(len(scores))),
        ("gold statements", str(total.gold)),
        ("predicted statements", str(total.predicted)),
        ("statement recall", pct(total.found, total.gold)),
        ("statement precision", pct(total.precise, total.predicted)),
        ("speaker accuracy (over gold)", pct(total.speaker_ok, total.gold)),
        ("date accuracy (over gold)", pct(total.date_ok, total.gold)),
        ("actor recall", pct(total.actors_found, total.actors)),
        ("place recall (10 km)", pct(total.places_found, total.places)),
        ("seconds per article (median / max)", f"{times[len(times) // 2]:.2f} / {times[-1]:.2f}"),
    ]
    lines = [f"**{title}**", "", "| measure | value |", "|---|---:|"]
    lines += [f"| {name} | {value} |" for name, value in rows]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m components.extract.evaluate")
    parser.add_argument(
        "--data", default=str(DEFAULT_DATA_DIR), help="annotated data folder (default: data/)"
    )
    parser.add_argument(
        "--outlet",
        action="store_true",
        help="pass each article's outlet and headline, as the Review page does",
    )
    parser.add_argument(
        "--errors",
        action="store_true",
        help="list every error of the articles developed on (never the held-out ones)",
    )
    parser.add_argument(
        "--split",
        choices=("development", "all"),
        default="all",
        help="score only the articles developed on, or all (default: all, a table per split)",
    )
    args = parser.parse_args(argv)
    corpus = load_corpus(Path(args.data))
    articles = [a for a in corpus.articles if args.split == "all" or a.group != HELD_OUT]
    load_pipeline()
    scores = [score_article(corpus, article, args.outlet) for article in articles]
    for article in articles:
        for problem in article.problems:
            print(f"skipped in {article.article_id}: {problem}", file=sys.stderr)
    issuer = "outlet passed as issuer" if args.outlet else "no outlet"
    for group in GROUPS:
        chosen = [s for s in scores if s.group == group]
        if chosen:
            print(table(chosen, f"Leave one out, {group} ({issuer})"))
    if args.split == "all":
        print(table(scores, f"Leave one out, all articles ({issuer})"))
    groups = {}
    for group in GROUPS:
        chosen = [s for s in scores if s.group == group]
        if chosen:
            kinds = sum((s.kinds for s in chosen), Counter())
            groups[group] = (kinds, sum(s.speaker_ok for s in chosen), sum(s.gold for s in chosen))
    print(kinds_table(groups, f"Wrong speakers by kind, counts only ({issuer})"))
    bands = {g: sum((s.bands for s in scores if s.group == g), Counter()) for g in groups}
    print(bands_table(bands, f"Drafted statements by the draft's confidence ({issuer})"))
    if args.errors:
        for s in scores:
            if s.group != HELD_OUT:
                for error in s.errors:
                    print(f"{s.article_id} | {error}")
    return 0


# -- reading the gold ------------------------------------------------------------------------


def _articles(folder: Path) -> list[GoldArticle]:
    if not folder.is_dir():
        return []
    out = []
    for path in sorted(p for p in folder.iterdir() if (p / "article.txt").is_file()):
        try:
            group = group_of(path.name)
            out.append(_article(path, group))
        except (OSError, ValueError, yaml.YAMLError, KeyError) as error:
            print(f"skipped article {path}: {error}", file=sys.stderr)
    return out


def _article(path: Path, group: str) -> GoldArticle:
    text = (path / "article.txt").read_text(encoding="utf-8")
    meta = yaml.load((path / "article.yaml").read_text(encoding="utf-8"), Loader=SAFE_LOADER) or {}
    published = meta["published_date"]
    if isinstance(published, str):
        published = date.fromisoformat(published)
    outlet = meta.get("outlet")
    article = GoldArticle(path.name, group, text, published, outlet, [], set(), set())
    title = str(meta.get("title") or "").strip()
    article.title = title if title and not title.startswith("(") else None
    for record in _read_list(path / "statements.yaml"):
        statement = _gold_statement(record, article)
        if statement is not None:
            article.statements.append(statement)
        article.actor_ids.update(
            record[key]
            for key in ("speaker_actor_id", "target_actor_id", "reported_by_actor_id")
            if record.get(key)
        )
        article.actor_ids.update(
            s["actor_id"] for s in record.get("stances") or [] if s.get("actor_id")
        )
        if record.get("location_id"):
            article.location_ids.add(record["location_id"])
    for record in _read_list(path / "events.yaml"):
        article.actor_ids.update(record.get("actor_ids") or [])
        if record.get("location_id"):
            article.location_ids.add(record["location_id"])
        for claim in record.get("claims") or []:
            if claim.get("aspect") == "place" and claim.get("value"):
                article.location_ids.add(str(claim["value"]))
    return article


def _gold_statement(record: dict, article: GoldArticle) -> GoldStatement | None:
    try:
        start, end = find_span(article.text, record["quote"], record.get("occurrence"))
    except (ValueError, KeyError) as error:
        article.problems.append(f"{record.get('statement_id')}: {error}")
        return None
    start_date = precision = None
    try:
        resolved = resolve_when(record.get("when") or "as reported", article.published)
        start_date, precision = resolved.start_date, resolved.precision
    except ValueError as error:
        article.problems.append(f"{record.get('statement_id')} when: {error}")
    return GoldStatement(
        start, end, record["quote"], record.get("speaker_actor_id") or "", start_date, precision
    )


def _without_only_here(records: list[dict], others: list[str], here: str) -> list[dict]:
    kept = []
    for record in records:
        aliases = list(record.get("aliases") or [])
        if not aliases:
            kept.append(record)
            continue
        remaining = [a for a in aliases if not _only_in(a, here, others)]
        if remaining:
            kept.append({**record, "aliases": remaining})
    return kept


def _only_in(alias: str, here: str, others: list[str]) -> bool:
    pattern = re.compile(rf"(?<!\w){re.escape(alias)}(?!\w)")
    return bool(pattern.search(here)) and not any(pattern.search(text) for text in others)


def _names(record: dict) -> tuple[str, ...]:
    return tuple(n for n in (record.get("actor_name"), *(record.get("aliases") or ())) if n)


def _span(prediction) -> tuple[int, int]:
    return prediction.start_char, prediction.end_char


def _overlap(start: int, end: int, gold: GoldStatement) -> bool:
    return start < gold.end_char and end > gold.start_char


def _overlap_length(start: int, end: int, gold: GoldStatement) -> int:
    return min(end, gold.end_char) - max(start, gold.start_char)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlam = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlam / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def _read_list(path: Path) -> list[dict]:
    if not path.is_file():
        return []
    content = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER) or []
    return [r for r in content if isinstance(r, dict)] if isinstance(content, list) else []


if __name__ == "__main__":
    sys.exit(main())
