"""Reshaping for the Overview page: the source line, key figures, story strip, top speakers.

Pure pandas, no streamlit; the page only lays these out.
"""

from dataclasses import dataclass

import pandas as pd

from components.contradictions import contradiction_pairs
from components.data import Dataset


def article_source_lines(articles: pd.DataFrame) -> list[str]:
    """One line per article: title, outlet (with agency) and publication date."""
    ordered = articles.sort_values(["published_date", "article_id"], kind="stable")
    return [_source_line(row) for row in ordered.itertuples(index=False)]


def _source_line(article) -> str:
    publisher = article.outlet
    if isinstance(article.agency, str) and article.agency:
        publisher = f"{article.outlet}/{article.agency}"
    published = f"{article.published_date.day} {article.published_date:%B %Y}"
    return f"“{article.title}”, {publisher}, {published}"


@dataclass(frozen=True)
class KeyFigure:
    """One headline number of the Overview, with what it counts."""

    label: str
    value: str
    help: str


def key_figures(dataset: Dataset) -> list[KeyFigure]:
    """How many actors, statements, events, places and issues, with what each counts."""
    statements = dataset.statements
    speakers = statements["speaker_actor_id"].nunique()
    in_text = set(dataset.locations.loc[dataset.locations["mention_count"] > 0, "location_id"])
    seats = set(dataset.actors["seat_location_id"].dropna()) - in_text
    others = len(dataset.locations) - len(in_text) - len(seats)
    stance_issues = dataset.stances["issue_id"].nunique()
    return [
        KeyFigure(
            "Actors",
            str(len(dataset.actors)),
            f"People, states, bodies and groups named or involved; {speakers} of them speak.",
        ),
        KeyFigure(
            "Statements",
            str(len(statements)),
            f"Attributed statements; {int(statements['is_direct_quote'].sum())} hold the "
            "speaker's own words in quotation marks.",
        ),
        KeyFigure(
            "Events",
            str(len(dataset.events)),
            f"Reported events; {int(dataset.events['is_background'].sum())} of them are "
            "background before the May 2021 crisis.",
        ),
        KeyFigure(
            "Places",
            str(len(dataset.locations)),
            f"{len(in_text)} named in the text, {len(seats)} seats the actors speak from, "
            f"{others} other places the records refer to.",
        ),
        KeyFigure(
            "Issues",
            str(len(dataset.issues)),
            f"Propositions actors support or oppose; {stance_issues} carry a stance here.",
        ),
    ]


def date_span(dataset: Dataset) -> str:
    """The earliest and latest item dates, each with its precision ("autumn 2020 → 15 May")."""
    items = _dated_items(dataset)
    if items.empty:
        return "no dates"
    first = items.sort_values(["start_date", "end_date"], kind="stable").iloc[0]
    last = items.sort_values(["end_date", "start_date"], kind="stable").iloc[-1]
    return f"{_short_label(first)} → {_short_label(last)}"


def _dated_items(dataset: Dataset) -> pd.DataFrame:
    columns = ["start_date", "end_date", "date_precision", "date_label"]
    return pd.concat([dataset.statements[columns], dataset.events[columns]], ignore_index=True)


def _short_label(item: pd.Series) -> str:
    """A date as short as its precision allows: "autumn 2020", "Nov 2020", "15 May 2021"."""
    start = item["start_date"]
    if item["date_precision"] == "season":
        return item["date_label"].split(" (")[0]
    if item["date_precision"] == "month":
        return f"{start:%b %Y}"
    if item["date_precision"] == "range":
        return f"{start:%d %b} – {item['end_date']:%d %b %Y}"
    return f"{start.day} {start:%b %Y}"


@dataclass(frozen=True)
class StoryStep:
    """One step of the story strip: a period, what happened, and the record to read first."""

    when: str
    what: str
    layer: str
    record_id: str


def story_steps(dataset: Dataset) -> list[StoryStep]:
    """What happened when: one step per background period, then one per crisis day.

    A step lists its events and statements in text order (at most STEP_ITEMS, then a
    count); statements the text does not date count on the publication day, and the step
    says how many. Each step points at its first record in the text, to read it there.
    """
    items = _story_items(dataset)
    steps = []
    for when, group in items.groupby("when", sort=False):
        first = group.iloc[0]
        steps.append(StoryStep(when, _step_text(group), first["layer"], first["record_id"]))
    return steps


def _step_text(group: pd.DataFrame) -> str:
    """All items of a small step in order; for a busy one, its first events and a count."""
    if len(group) <= STEP_ITEMS:
        return "; ".join(group["phrase"])
    events = group.loc[group["layer"] == "event"]
    statements = group.loc[group["layer"] == "statement"]
    parts = list(events["phrase"].head(BUSY_STEP_EVENTS))
    if len(events) > BUSY_STEP_EVENTS:
        parts.append(f"+{len(events) - BUSY_STEP_EVENTS} events")
    if not statements.empty:
        speakers = statements["speaker_actor_id"].nunique()
        count = f"{len(statements)} statements by {speakers} speakers"
        undated = int(statements["is_undated"].sum())
        if undated:
            count += f" ({undated} undated in the text)"
        parts.append(count)
    return "; ".join(parts)


# A step with up to STEP_ITEMS items names them all; a busier one names its first
# BUSY_STEP_EVENTS events and counts the rest, so every step fits a few lines.
STEP_ITEMS = 3
BUSY_STEP_EVENTS = 2


def _story_items(dataset: Dataset) -> pd.DataFrame:
    """Events and statements with their step ("when"), ordered by date, then text position."""
    names = dataset.actors.set_index("actor_id")["actor_name"]
    rows = []
    for row in dataset.events.itertuples(index=False):
        rows.append(
            {
                "when": _short_label(pd.Series(row._asdict())) if row.is_background else None,
                "exact_date": row.background_start_date,
                "day": row.start_date,
                "start_char": row.start_char,
                "phrase": row.title,
                "layer": "event",
                "record_id": row.event_id,
                "is_undated": False,
                "speaker_actor_id": None,
            }
        )
    for row in dataset.statements.itertuples(index=False):
        phrase = f"{names[row.speaker_actor_id]}: {row.statement_type.replace('_', ' ')}"
        if isinstance(row.target_actor_id, str):
            phrase += f" ({names[row.target_actor_id]})"
        rows.append(
            {
                "when": None,
                "exact_date": pd.NaT,
                "day": row.start_date,
                "start_char": row.start_char,
                "phrase": phrase,
                "layer": "statement",
                "record_id": row.statement_id,
                "is_undated": row.date_precision == "as_reported",
                "speaker_actor_id": row.speaker_actor_id,
            }
        )
    items = pd.DataFrame(rows)
    if items.empty:
        return items
    crisis_day = items["day"].map(lambda day: f"{day:%a} {day.day} {day:%b %Y}")
    items["when"] = items["when"].where(items["when"].notna(), crisis_day)
    # Items of one period in time order where an outside source dates them, else text order.
    return items.sort_values(["day", "exact_date", "start_char"], kind="stable", na_position="last")


def most_active_actors(dataset: Dataset, limit: int = 5) -> pd.DataFrame:
    """The speakers with the most statements: actor_id, actor_name, statement_count."""
    counts = dataset.statements["speaker_actor_id"].value_counts().rename("statement_count")
    frame = counts.rename_axis("actor_id").reset_index()
    frame = frame.merge(
        dataset.actors[["actor_id", "actor_name"]], on="actor_id", how="left", validate="1:1"
    )
    frame = frame.sort_values(["statement_count", "actor_name"], ascending=[False, True])
    return frame[["actor_id", "actor_name", "statement_count"]].head(limit).reset_index(drop=True)


def lede(articles: pd.DataFrame) -> str:
    """The first paragraph of the first article: the story in one sentence."""
    text = articles.sort_values(["published_date", "article_id"], kind="stable").iloc[0]["text"]
    return text.strip().split("\n\n", 1)[0]


def contradiction_lines(
    dataset: Dataset, scope_actor_ids: set[str] | None = None
) -> list[tuple[str, str]]:
    """(statement_id, one line) per contradiction; with a scope, those touching it.

    A pair touches the scope when either speaker is in it, so a filtered reader still sees
    who contradicts the chosen actors.
    """
    pairs = contradiction_pairs(dataset)
    if scope_actor_ids is not None:
        touches = pairs["speaker_actor_id"].isin(scope_actor_ids) | pairs[
            "contradicted_speaker_actor_id"
        ].isin(scope_actor_ids)
        pairs = pairs.loc[touches]
    lines = []
    for row in pairs.itertuples(index=False):
        line = f"{row.speaker_name} contradicts {row.contradicted_speaker_name}"
        if isinstance(row.issue_label, str):
            line += f" on “{row.issue_label}”"
        lines.append((row.statement_id, line))
    return lines
