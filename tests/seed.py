"""The seed article on its own: a data folder holding only the France 24/AFP article of 14 May
2021 and the registry records it uses, projected from the real data/.

Most of the suite was written for the seed article and asserts what the app shows about it
(24 statements, 10 events, its contradictions...). The corpus keeps the seed, and this
projection lets those tests keep their assertions, so that everything the app shows about
the seed stays checked; tests of the whole corpus read data/ itself.

The projection keeps an actor when the seed's text names it by an alias or a seed record
uses it, with its parents; a place when the text names it, a record or a kept actor uses
it; an issue when a seed stance takes it; an aspect when a seed claim uses it; and only the
aliases that occur in the seed's text. Nothing is edited: each record is the real one.
"""

from __future__ import annotations

import functools
import shutil
import tempfile
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
SEED_ID = "france24-2021-05-14-lake-sev"


def _load(path: Path) -> list:
    if not path.exists():
        return []
    return yaml.safe_load(path.read_text(encoding="utf-8")) or []


def _dump(path: Path, records: list) -> None:
    path.write_text(
        yaml.safe_dump(records, sort_keys=False, allow_unicode=True, width=100), encoding="utf-8"
    )


def write_seed_data(target: Path, source: Path = DATA_DIR) -> Path:
    """Write the seed-only projection of ``source`` into ``target`` (created); return it."""
    seed_dir = source / "articles" / SEED_ID
    text = (seed_dir / "article.txt").read_text(encoding="utf-8")
    statements = _load(seed_dir / "statements.yaml")
    events = _load(seed_dir / "events.yaml")

    shutil.copytree(source, target, ignore=shutil.ignore_patterns("articles"))
    shutil.copytree(seed_dir, target / "articles" / SEED_ID)

    actors = {r["actor_id"]: r for r in _load(source / "actors.yaml")}
    used_actors = {
        r[field]
        for r in statements
        for field in ("speaker_actor_id", "target_actor_id", "reported_by_actor_id")
        if r.get(field)
    }
    used_actors |= {
        s["actor_id"] for r in statements for s in r.get("stances") or () if "actor_id" in s
    }
    used_actors |= {a for r in events for a in r.get("actor_ids") or ()}
    used_actors |= {
        c["by_actor_id"] for r in events for c in r.get("claims") or () if c.get("by_actor_id")
    }
    keep = {a for a, r in actors.items() if a in used_actors or _named(r, text)}
    for actor_id in list(keep):
        parent = actors[actor_id].get("parent_actor_id")
        while parent and parent not in keep:
            keep.add(parent)
            parent = actors[parent].get("parent_actor_id")
    _dump(target / "actors.yaml", [_in_text(r, text) for a, r in actors.items() if a in keep])

    places = {r["location_id"] for r in [*statements, *events] if r.get("location_id")}
    places |= {actors[a]["seat_location_id"] for a in keep if actors[a].get("seat_location_id")}
    locations = [
        _in_text(r, text)
        for r in _load(source / "locations.yaml")
        if r["location_id"] in places or _named(r, text)
    ]
    _dump(target / "locations.yaml", locations)

    issues = {s["issue_id"] for r in statements for s in r.get("stances") or ()}
    _dump(
        target / "issues.yaml",
        [r for r in _load(source / "issues.yaml") if r["issue_id"] in issues],
    )
    aspects = {c["aspect"] for r in events for c in r.get("claims") or ()}
    _dump(
        target / "aspects.yaml",
        [r for r in _load(source / "aspects.yaml") if r["aspect_id"] in aspects],
    )
    reported = {r["event_id"] for r in events}
    (target / "events.yaml").unlink(missing_ok=True)
    registry = [r for r in _load(source / "events.yaml") if r["event_id"] in reported]
    if registry:
        _dump(target / "events.yaml", registry)
    return target


def _named(record: dict, text: str) -> bool:
    return any(alias in text for alias in record.get("aliases") or ())


def _in_text(record: dict, text: str) -> dict:
    aliases = [alias for alias in record.get("aliases") or () if alias in text]
    return {**record, "aliases": aliases}


@functools.cache
def seed_data_dir() -> Path:
    """The projection of data/, written once per test process into a temporary folder (the
    folder the page and browser tests serve unless a test names another)."""
    return write_seed_data(Path(tempfile.mkdtemp(prefix="seed-")) / "data")
