"""What the Source page shows: the article choices and one article's view (its markup from
markup.py), the records to pick, a record's card, fields and contradiction links, and the
record a link names. Data text in Markdown is escaped. No streamlit.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, replace

import pandas as pd

from components.app.text_safety import escape_markdown
from components.data import Dataset
from components.data.dates import range_label
from components.data.events import REPORT_COLUMNS
from components.source.markup import (
    ANCHOR_ID_PATTERN,
    ARTICLE_CSS,
    article_html,
    event_spans,
    legend_entries,
    legend_html,
    mention_spans,
    speaker_colours,
    statement_spans,
)


def article_options(ds: Dataset) -> dict[str, str]:
    """Article id -> label ("title · 14 May 2021"), in the order of the articles table."""
    return {
        row.article_id: f"{row.title} · {row.published_date:%d %b %Y}"
        for row in ds.articles.itertuples(index=False)
    }


def record_article(
    ds: Dataset, layer: str, record_id: str, preferred_article: str | None = None
) -> str | None:
    """The article a statement or event is in, or None when the dataset has no such record.

    An event reported by several articles is in each of them: ``preferred_article`` (a
    link's ``?article=``) wins when it reports the event, else the event's main article.
    """
    if layer == "event" and preferred_article is not None:
        reports = ds.event_reports
        reported = (reports["event_id"] == record_id) & (reports["article_id"] == preferred_article)
        if reported.any():
            return preferred_article
    frame = ds.statements if layer == "statement" else ds.events
    found = frame.loc[frame[f"{layer}_id"] == record_id, "article_id"]
    return None if found.empty else str(found.iloc[0])


def reported_events(ds: Dataset, article_id: str) -> pd.DataFrame:
    """The events one article reports, each with that article's words and date (its report),
    in the columns of ``ds.events``; an event the dataset leaves out is left out."""
    reports = ds.event_reports.loc[ds.event_reports["article_id"] == article_id]
    own = ds.events.drop(columns=list(REPORT_COLUMNS))
    events = reports[["event_id", *REPORT_COLUMNS, "location_id"]].merge(
        own, on="event_id", how="inner", suffixes=("", "_event"), validate="1:1"
    )
    events["location_id"] = events["location_id"].where(
        events["location_id"].notna(), events["location_id_event"]
    )
    return events[list(ds.events.columns)].reset_index(drop=True)


def article_part(ds: Dataset, article_id: str) -> Dataset:
    """``ds`` narrowed to one article: its statements, its reports of events (with its own
    words), stances and mentions.

    The registries (actors, places, issues) stay whole: records of the article point to them.
    """
    statements = ds.statements.loc[ds.statements["article_id"] == article_id]
    return replace(
        ds,
        articles=ds.articles.loc[ds.articles["article_id"] == article_id],
        statements=statements,
        events=reported_events(ds, article_id),
        stances=ds.stances.loc[ds.stances["statement_id"].isin(statements["statement_id"])],
        mentions=ds.mentions.loc[ds.mentions["article_id"] == article_id],
    )


@dataclass(frozen=True)
class ArticleView:
    """One article as the Source page shows it: heading, byline, legend and marked text."""

    article_id: str
    title: str
    byline: str
    translation_note: str | None
    legend_markup: str
    article_markup: str


def article_view(
    ds: Dataset,
    shown: Dataset | None,
    article_id: str,
    selected: tuple[str, str] | None = None,
    show_events: bool = False,
    colours: Mapping[str, str] | None = None,
) -> ArticleView:
    """Build what the Source page shows of one article of ``ds``.

    ``shown`` is the part the actor filter keeps (None: no filter); the records outside it
    are dimmed. ``selected`` (layer, record id) is outlined. ``colours`` is
    `speaker_colours` of ``ds`` (computed when None). Only this article's spans are
    cut and marked, so the cost follows the article, not the dataset. Data text is escaped
    (markup by `article_html`, Markdown by `escape_markdown`).
    """
    part = article_part(ds, article_id)
    # The filter's records of this article only: a few ids to look up, not the dataset's.
    active = None if shown is None else article_part(shown, article_id)
    article = part.articles.iloc[0]
    colours = speaker_colours(ds) if colours is None else colours
    layer, record_id = selected if selected else (None, None)
    spans = [
        *statement_spans(
            part,
            active_ids=None if active is None else active.statements["statement_id"],
            selected_id=record_id if layer == "statement" else None,
            colours=colours,
        ),
        *event_spans(
            part,
            shown_ids=None if show_events else [],
            active_ids=None if active is None else active.events["event_id"],
            selected_id=record_id if layer == "event" else None,
        ),
        *mention_spans(part, active_ids=None if active is None else active.mentions["mention_id"]),
    ]
    # The language of the original is in the translation note (shown beside the byline).
    translated = " · translated" if article["is_translation"] else ""
    source = escape_markdown(article["outlet"])
    if isinstance(article["agency"], str):
        source += f"/{escape_markdown(article['agency'])}"
    byline = f"{source} · {article['published_date']:%d %B %Y}{translated}"
    return ArticleView(
        article_id=article_id,
        title=escape_markdown(article["title"]),
        byline=byline,
        translation_note=(
            escape_markdown(str(article["translation_note"])) if article["is_translation"] else None
        ),
        legend_markup=ARTICLE_CSS + legend_html(legend_entries(part, colours)),
        article_markup=article_html(article["text"], spans, int(article["body_end_char"])),
    )


@dataclass(frozen=True)
class RecordView:
    """The side panel of one record: its card, its contradiction links and all its fields."""

    card_markdown: str
    contradiction_links: tuple[tuple[str, str], ...]
    fields: pd.DataFrame


def record_view(ds: Dataset, layer: str, record_id: str) -> RecordView:
    """Build the side panel of one statement or event (data text escaped in the card)."""
    links = contradiction_links(ds, record_id) if layer == "statement" else []
    return RecordView(
        card_markdown=record_card_markdown(ds, layer, record_id),
        contradiction_links=tuple(links),
        fields=record_fields(ds, layer, record_id),
    )


def record_key(layer: str, record_id: str) -> str:
    """The selectbox value of one record: "statement:s05"."""
    return f"{layer}:{record_id}"


def split_record_key(key: str) -> tuple[str, str]:
    """("statement", "s05") from "statement:s05"."""
    layer, _, record_id = key.partition(":")
    return layer, record_id


def record_options(ds: Dataset) -> dict[str, str]:
    """Selectbox value -> label for every statement then every event, in text order."""
    names = ds.actors.set_index("actor_id")["actor_name"].to_dict()
    options = {}
    for row in ds.statements.sort_values("start_char", kind="stable").itertuples(index=False):
        kind = row.statement_type.replace("_", " ")
        options[record_key("statement", row.statement_id)] = (
            f"{row.statement_id} · {names[row.speaker_actor_id]}: {kind}"
        )
    for row in ds.events.sort_values("start_char", kind="stable").itertuples(index=False):
        options[record_key("event", row.event_id)] = f"{row.event_id} · event: {row.title}"
    return options


def record_fields(ds: Dataset, layer: str, record_id: str) -> pd.DataFrame:
    """All fields of one statement or event as rows (field, value), values as text.

    Actor and place ids are followed by their names; empty fields are left out.
    """
    frame = ds.statements if layer == "statement" else ds.events
    rows = frame.loc[frame[f"{layer}_id"] == record_id]
    if rows.empty:
        return pd.DataFrame({"field": pd.Series(dtype=str), "value": pd.Series(dtype=str)})
    actor_names = ds.actors.set_index("actor_id")["actor_name"].to_dict()
    place_names = ds.locations.set_index("location_id")["location_name"].to_dict()
    fields, values = [], []
    for column, value in rows.iloc[0].items():
        text = _field_text(column, value, actor_names, place_names)
        if text:
            fields.append(column)
            values.append(text)
    return pd.DataFrame({"field": fields, "value": values})


def _field_text(
    column: str, value: object, actor_names: Mapping[str, str], place_names: Mapping[str, str]
) -> str:
    if isinstance(value, tuple):
        return ", ".join(_field_text(column, item, actor_names, place_names) for item in value)
    if value is None or (not isinstance(value, str | bool) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return f"{value:%Y-%m-%d}"
    if column.endswith("actor_id") or column == "actor_ids":
        return f"{value} ({actor_names[value]})" if value in actor_names else str(value)
    if column == "location_id":
        return f"{value} ({place_names[value]})" if value in place_names else str(value)
    return str(value)


def record_card_markdown(ds: Dataset, layer: str, record_id: str) -> str:
    """A readable summary of one statement or event as Markdown; all data text escaped."""
    if layer == "statement":
        return _statement_card(ds, record_id)
    return _event_card(ds, record_id)


def _statement_card(ds: Dataset, statement_id: str) -> str:
    row = ds.statements.loc[ds.statements["statement_id"] == statement_id].iloc[0]
    names = ds.actors.set_index("actor_id")["actor_name"]
    lines = [f"**{escape_markdown(names[row['speaker_actor_id']])}**"]
    if isinstance(row["target_actor_id"], str):
        lines[0] += f" → {escape_markdown(names[row['target_actor_id']])}"
    kind = [escape_markdown(row["statement_type"].replace("_", " "))]
    if isinstance(row["cameo_code"], str):
        kind.append(f"CAMEO {escape_markdown(row['cameo_code'])}")
    kind.append("direct quote" if row["is_direct_quote"] else "reported speech")
    lines.append(" · ".join(kind))
    lines.append(f"**When:** {escape_markdown(row['date_label'])}")
    if isinstance(row["reported_by_actor_id"], str):
        reporter = names[row["reported_by_actor_id"]]
        lines.append(f"**Reported by:** {escape_markdown(reporter)}")
    lines.extend(_place_line(ds, row["location_id"]))
    lines.extend(_stance_lines(ds, statement_id))
    if isinstance(row["note"], str):
        lines.append(f"**Note:** {escape_markdown(row['note'])}")
    return "  \n".join(lines) + f"\n\n> {escape_markdown(row['quote'])}"


def _event_card(ds: Dataset, event_id: str) -> str:
    row = ds.events.loc[ds.events["event_id"] == event_id].iloc[0]
    names = ds.actors.set_index("actor_id")["actor_name"]
    lines = [f"**{escape_markdown(row['title'])}**"]
    lines.append(f"{escape_markdown(row['event_type'])} · {escape_markdown(row['status'])}")
    lines.append(f"**When:** {escape_markdown(row['date_label'])}")
    if row["is_background"] and pd.notna(row["background_start_date"]):
        span = range_label(row["background_start_date"].date(), row["background_end_date"].date())
        source = escape_markdown(str(row["background_date_source"]))
        lines.append(f"**Exact dates (background):** {span}, from {source}")
    actors = ", ".join(
        escape_markdown(names.get(actor_id, actor_id)) for actor_id in row["actor_ids"]
    )
    if actors:
        lines.append(f"**Actors:** {actors}")
    lines.extend(_place_line(ds, row["location_id"]))
    if isinstance(row["note"], str):
        lines.append(f"**Note:** {escape_markdown(row['note'])}")
    return "  \n".join(lines) + f"\n\n> {escape_markdown(row['quote'])}"


def _place_line(ds: Dataset, location_id: object) -> list[str]:
    if not isinstance(location_id, str):
        return []
    places = ds.locations.set_index("location_id")["location_name"]
    return [f"**Where:** {escape_markdown(places.get(location_id, location_id))}"]


def _stance_lines(ds: Dataset, statement_id: str) -> list[str]:
    stances = ds.stances.loc[ds.stances["statement_id"] == statement_id]
    if stances.empty:
        return []
    names = ds.actors.set_index("actor_id")["actor_name"]
    labels = ds.issues.set_index("issue_id")["issue_label"]
    items = [
        f"{escape_markdown(names[row.actor_id])} {_STANCE_VERBS[row.stance]} "
        f"“{escape_markdown(labels[row.issue_id])}”"
        for row in stances.itertuples(index=False)
    ]
    return [f"**Stances:** {'; '.join(items)}"]


# How a stance reads in a sentence: "Armenia opposes …".
_STANCE_VERBS = {"support": "supports", "oppose": "opposes", "neutral": "is neutral on"}


def contradiction_links(ds: Dataset, statement_id: str) -> list[tuple[str, str]]:
    """(statement_id, label) of the statements this one contradicts or is contradicted by."""
    statements = ds.statements
    names = ds.actors.set_index("actor_id")["actor_name"]
    row = statements.loc[statements["statement_id"] == statement_id].iloc[0]
    links = []
    if isinstance(row["contradicts_statement_id"], str):
        links.append((row["contradicts_statement_id"], "Contradicts"))
    for other in statements.loc[statements["contradicts_statement_id"] == statement_id].itertuples(
        index=False
    ):
        links.append((other.statement_id, "Contradicted by"))
    speakers = statements.set_index("statement_id")["speaker_actor_id"]
    return [
        (other_id, f"{verb} {other_id} ({names[speakers[other_id]]})")
        for other_id, verb in links
        if other_id in speakers.index
    ]


def linked_record(params: Mapping[str, object]) -> tuple[str, str] | None:
    """The (layer, record_id) a deep link asks for, ``?statement=`` before ``?event=``.

    Returns the pair even when the id is unknown, so the page can say so.
    """
    for layer in ("statement", "event"):
        value = params.get(layer)
        if isinstance(value, list):
            value = value[0] if value else None
        if value:
            return layer, str(value)
    return None


def scroll_script(element_id: str) -> str:
    """A script that scrolls the page to the element with ``element_id`` once it exists.

    Only ids this module writes (checked against ID_PATTERN) go in, as a JSON string.
    """
    if not ANCHOR_ID_PATTERN.fullmatch(element_id):
        raise ValueError(f"not an anchor id: {element_id!r}")
    # Scroll the nearest scrollable box (the article's container) so the record sits a
    # third of the way down it; the page itself does not move.
    return (
        "<script>(function () {"
        f"const id = {json.dumps(element_id)}; let tries = 0;"
        "function box(el) { for (let p = el.parentElement; p; p = p.parentElement) {"
        " const s = getComputedStyle(p).overflowY;"
        " if ((s === 'auto' || s === 'scroll') && p.scrollHeight > p.clientHeight) return p; }"
        " return null; }"
        "function go() { const el = document.getElementById(id);"
        " const b = el && box(el);"
        " if (el && b) { const top = el.getBoundingClientRect().top"
        " - b.getBoundingClientRect().top + b.scrollTop;"
        " b.scrollTo({top: top - b.clientHeight / 3}); return; }"
        " if (el) { el.scrollIntoView({block: 'center'}); return; }"
        " if (++tries < 50) { setTimeout(go, 100); } }"
        "go(); })();</script>"
    )
