"""A hostile but valid copy of data/: names, titles, notes and quotes full of HTML and Markdown.

`write_hostile_data(target)` copies the real data folder and plants script tags, an image
with an onerror handler, HTML and Markdown bold, a javascript: link, LaTeX, Streamlit's
colour syntax and a 5,000-character word in the fields the pages show. Quotes must stay
the exact words of article.txt, so a hostile paragraph is added to the article text and a
statement (with a stance) and an alias quote it. `load_dataset` accepts the result: the
data is valid, only unpleasant. Every page must show it as inert, literal text.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.seed import write_seed_data

REAL_DATA_DIR = Path(__file__).resolve().parents[1] / "data"
ARTICLE_ID = "france24-2021-05-14-lake-sev"

# Each payload sets window.__xss (or makes an element) only if a page renders it as code.
SCRIPT = "<script>window.__xss=1</script>"
IMG = '<img src=x onerror="window.__xss=2">'
HTML_BOLD = "<b>bold</b>"
MARKDOWN_BOLD = "**bold**"
JS_LINK = "[link](javascript:window.__xss=3)"
LATEX = "$x$"
COLOUR = ":red[color]"
PAYLOADS = (SCRIPT, IMG, HTML_BOLD, MARKDOWN_BOLD, JS_LINK, LATEX, COLOUR)
# The payloads that are live markup: none may reach a page as typed.
LIVE_FRAGMENTS = (SCRIPT, IMG, HTML_BOLD)
HOSTILE = " ".join(PAYLOADS)

# A note a spreadsheet would run as a formula if a CSV cell started with it.
FORMULA = '=HYPERLINK("http://example.invalid","click")'

# One unbroken word of 5,000 characters: what long text does to tables, chips and cells.
LONG_WORD = "Long" + "o" * 4992 + "word"

# The actor whose name, role and description carry the payloads (pick it in the filter).
HOSTILE_ACTOR_ID = "pashinyan"
HOSTILE_ACTOR_NAME = f"Nikol {HOSTILE}"
# The actor whose name is the long word.
LONG_ACTOR_ID = "avinyan"
# The issue whose label and proposition carry the payloads.
HOSTILE_ISSUE_ID = "withdrawal"
# The event whose title carries the payloads, and the one whose title is the long word.
HOSTILE_EVENT_ID = "e01"
LONG_EVENT_ID = "e03"
# The statement added for the hostile paragraph.
HOSTILE_STATEMENT_ID = "s99"

# The paragraph added to article.txt after the first one; the new statement quotes it.
HOSTILE_QUOTE = f"Pashinyan wrote {HOSTILE} and {LONG_WORD}"


def write_hostile_data(target: Path) -> Path:
    """Write the hostile copy of data/ into ``target`` (created) and return it."""
    write_seed_data(target)
    article_dir = target / "articles" / ARTICLE_ID
    _insert_paragraph(article_dir / "article.txt")
    _edit(target / "actors.yaml", _hostile_actors)
    _edit(target / "issues.yaml", _hostile_issues)
    _edit(article_dir / "article.yaml", _hostile_article)
    _edit(article_dir / "events.yaml", _hostile_events)
    _edit(article_dir / "statements.yaml", _hostile_statements)
    return target


def _insert_paragraph(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    first_break = text.index("\n\n")
    path.write_text(
        text[:first_break] + "\n\n" + HOSTILE_QUOTE + text[first_break:], encoding="utf-8"
    )


def _edit(path: Path, change) -> None:
    content = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(content)
    path.write_text(yaml.safe_dump(content, sort_keys=False, allow_unicode=True), "utf-8")


def _by_id(records: list[dict], field: str, record_id: str) -> dict:
    return next(record for record in records if record[field] == record_id)


def _hostile_actors(actors: list[dict]) -> None:
    actor = _by_id(actors, "actor_id", HOSTILE_ACTOR_ID)
    actor["actor_name"] = HOSTILE_ACTOR_NAME
    actor["role_title"] = HOSTILE
    actor["description"] = HOSTILE
    actor["name_note"] = HOSTILE
    # An alias that is exact words of the text, so the Source page marks a hostile mention.
    actor["aliases"] = [*actor["aliases"], SCRIPT]
    _by_id(actors, "actor_id", LONG_ACTOR_ID)["actor_name"] = LONG_WORD


def _hostile_issues(issues: list[dict]) -> None:
    issue = _by_id(issues, "issue_id", HOSTILE_ISSUE_ID)
    issue["issue_label"] = HOSTILE
    issue["proposition"] = f"{HOSTILE} {LONG_WORD}"


def _hostile_article(meta: dict) -> None:
    meta["title"] = HOSTILE
    meta["title_note"] = HOSTILE
    meta["translation_note"] = HOSTILE


def _hostile_events(events: list[dict]) -> None:
    event = _by_id(events, "event_id", HOSTILE_EVENT_ID)
    event["title"] = HOSTILE
    event["note"] = HOSTILE
    _by_id(events, "event_id", LONG_EVENT_ID)["title"] = LONG_WORD


def _hostile_statements(statements: list[dict]) -> None:
    statements[0]["note"] = HOSTILE
    statements[1]["note"] = FORMULA
    statements.append(
        {
            "statement_id": HOSTILE_STATEMENT_ID,
            "speaker_actor_id": HOSTILE_ACTOR_ID,
            "target_actor_id": "azerbaijan",
            "quote": HOSTILE_QUOTE,
            "is_direct_quote": False,
            "statement_type": "claim",
            "when": "as reported",
            "location_id": "sev_lich",
            "note": HOSTILE,
            "stances": [{"issue_id": HOSTILE_ISSUE_ID, "stance": "support"}],
        }
    )
