"""A copy of data/ with hostile text in names, titles, labels and the article itself.

Quotes must be exact words of the article, so the hostile words go into article.txt and
into every YAML string that quotes those words, consistently. Used by the Source and Data
page tests to prove that data text is escaped, never rendered as HTML or Markdown.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

REAL_DATA_DIR = Path(__file__).resolve().parents[1] / "data"
ARTICLE_ID = "france24-2021-05-14-lake-sev"

# Words of the article that one statement (s19) quotes; replaced everywhere.
QUOTED_WORDS = "did not ask for help."

# A very long run of words, so the layout meets text that does not fit one line.
LONG_WORDS = " ".join(["interminable"] * 150)

HOSTILE_QUOTE = (
    "did not ask for <script>alert('quote')</script> help <img src=x onerror=alert(2)> "
    f"**bold** [link](javascript:alert(3)) & {LONG_WORDS}."
)
HOSTILE_ACTOR_NAME = "Nikol <script>alert('name')</script> **Pashinyan** [x](javascript:alert(5))"
HOSTILE_EVENT_TITLE = "<img src=x onerror=alert('event')> talks **held**"
HOSTILE_ISSUE_LABEL = "<b>aid</b> [request](javascript:alert(7))"
HOSTILE_DESCRIPTION = "<iframe src=javascript:alert(8)></iframe> " + LONG_WORDS

# Raw fragments that must never reach the page as markup.
LIVE_FRAGMENTS = ("<script>alert(", "<img src=x", "<iframe", "<b>aid</b>")

HOSTILE_STATEMENT_ID = "s19"
HOSTILE_ACTOR_ID = "pashinyan"
HOSTILE_EVENT_ID = "e01"
HOSTILE_ISSUE_ID = "military_aid_request"


def _replace_words(value: object) -> object:
    """``value`` with QUOTED_WORDS replaced in every string, however deeply nested."""
    if isinstance(value, str):
        return value.replace(QUOTED_WORDS, HOSTILE_QUOTE)
    if isinstance(value, list):
        return [_replace_words(item) for item in value]
    if isinstance(value, dict):
        return {key: _replace_words(item) for key, item in value.items()}
    return value


def _edit(path: Path, change) -> None:
    content = yaml.safe_load(path.read_text(encoding="utf-8"))
    content = change(content)
    path.write_text(yaml.safe_dump(content, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _set_field(records: list[dict], id_field: str, record_id: str, field: str, value: str):
    for record in records:
        if record[id_field] == record_id:
            record[field] = value
    return records


def make_hostile_copy(target: Path) -> Path:
    """Copy data/ to ``target`` and inject the hostile text; return ``target``."""
    shutil.copytree(REAL_DATA_DIR, target)
    article_dir = target / "articles" / ARTICLE_ID
    text_path = article_dir / "article.txt"
    text = text_path.read_text(encoding="utf-8")
    assert text.count(QUOTED_WORDS) == 1, "the fixture expects the quoted words once"
    text_path.write_text(text.replace(QUOTED_WORDS, HOSTILE_QUOTE), encoding="utf-8")
    _edit(article_dir / "statements.yaml", _replace_words)
    _edit(
        target / "actors.yaml",
        lambda actors: _set_field(
            _set_field(actors, "actor_id", HOSTILE_ACTOR_ID, "actor_name", HOSTILE_ACTOR_NAME),
            "actor_id",
            HOSTILE_ACTOR_ID,
            "description",
            HOSTILE_DESCRIPTION,
        ),
    )
    _edit(
        article_dir / "events.yaml",
        lambda events: _set_field(
            events, "event_id", HOSTILE_EVENT_ID, "title", HOSTILE_EVENT_TITLE
        ),
    )
    _edit(
        target / "issues.yaml",
        lambda issues: _set_field(
            issues, "issue_id", HOSTILE_ISSUE_ID, "issue_label", HOSTILE_ISSUE_LABEL
        ),
    )
    return target
