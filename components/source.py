"""The Source reader's markup: the article text with its annotations as safe, escaped HTML.

Annotations are character spans of the article text (statements, events, actor and place
mentions). Spans may overlap (two statements can share one span) and nest (mentions sit
inside statements), so the text is cut at every span boundary into non-overlapping
segments; each segment is wrapped in the marks of the spans that cover it, statement
outermost and mention innermost. Every piece of text from the data goes through
`html.escape`: the only tags in the result are the ones this module writes. No streamlit.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from components.data import Dataset

# Nesting order of the marks, outermost first: a statement holds events and mentions.
LAYERS = ("statement", "event", "mention")

# Okabe–Ito palette (colour-blind safe) as light tints, so black text stays readable on it;
# one colour per state or organisation a speaker counts for, in order of first statement.
SIDE_COLOURS = (
    "#f5d38f",  # orange
    "#a9d8f5",  # sky blue
    "#8fd6bd",  # bluish green
    "#f5ed9a",  # yellow
    "#8fb8dc",  # blue
    "#ebb38f",  # vermillion
    "#e3b8d2",  # reddish purple
    "#d0d0d0",  # grey, when more sides than colours
)

# Prefix of the element id a deep link scrolls to: id="statement-s05".
ANCHOR_PREFIX = {"statement": "statement-", "event": "event-"}
ANCHOR_ID_PATTERN = re.compile(r"(statement|event)-[a-z0-9][a-z0-9_\-]*")


@dataclass(frozen=True)
class Span:
    """One annotation to mark: a record's span of the article text and how to show it."""

    layer: str
    record_id: str
    start_char: int
    end_char: int
    title: str
    colour: str | None = None
    is_dimmed: bool = False
    is_selected: bool = False


@dataclass(frozen=True)
class LegendEntry:
    """One colour of the legend: the side it stands for and the speakers who have it."""

    colour: str
    side_name: str
    speaker_names: tuple[str, ...] = field(default_factory=tuple)


def anchor_id(layer: str, record_id: str) -> str:
    """The id of the element a deep link to this record scrolls to."""
    return f"{ANCHOR_PREFIX[layer]}{record_id}"


def speaker_colours(ds: Dataset) -> dict[str, str]:
    """Speaker actor id -> colour of the side (state or organisation) the speaker counts for."""
    side_colour = _side_colours(ds)
    sides = ds.actors.set_index("actor_id")["state_actor_id"]
    return {
        speaker: side_colour[sides[speaker]]
        for speaker in ds.statements["speaker_actor_id"].drop_duplicates()
    }


def legend_entries(ds: Dataset) -> list[LegendEntry]:
    """The colours in use, each with its side and the speakers who speak for it."""
    names = ds.actors.set_index("actor_id")["actor_name"]
    sides = ds.actors.set_index("actor_id")["state_actor_id"]
    speakers = ds.statements.sort_values("start_char", kind="stable")["speaker_actor_id"]
    by_side: dict[str, list[str]] = {}
    for speaker in speakers.drop_duplicates():
        by_side.setdefault(sides[speaker], []).append(names[speaker])
    side_colour = _side_colours(ds)
    return [
        LegendEntry(side_colour[side], names[side], tuple(speaker_names))
        for side, speaker_names in by_side.items()
    ]


def _side_colours(ds: Dataset) -> dict[str, str]:
    sides = ds.actors.set_index("actor_id")["state_actor_id"]
    speakers = ds.statements.sort_values("start_char", kind="stable")["speaker_actor_id"]
    ordered = list(dict.fromkeys(sides[speaker] for speaker in speakers))
    last = len(SIDE_COLOURS) - 1
    return {side: SIDE_COLOURS[min(i, last)] for i, side in enumerate(ordered)}


def statement_spans(
    ds: Dataset,
    active_ids: Iterable[str] | None = None,
    selected_id: str | None = None,
) -> list[Span]:
    """One span per statement, coloured by speaker; those not in ``active_ids`` are dimmed.

    ``active_ids`` None means every statement is active (no filter).
    """
    names = ds.actors.set_index("actor_id")["actor_name"]
    colours = speaker_colours(ds)
    active = None if active_ids is None else set(active_ids)
    spans = []
    for row in ds.statements.itertuples(index=False):
        title = (
            f"{row.statement_id} · {names[row.speaker_actor_id]} · "
            f"{row.statement_type.replace('_', ' ')} · {row.date_label}"
        )
        spans.append(
            Span(
                layer="statement",
                record_id=row.statement_id,
                start_char=row.start_char,
                end_char=row.end_char,
                title=title,
                colour=colours[row.speaker_actor_id],
                is_dimmed=active is not None and row.statement_id not in active,
                is_selected=row.statement_id == selected_id,
            )
        )
    return spans


def event_spans(
    ds: Dataset,
    shown_ids: Iterable[str] | None = None,
    active_ids: Iterable[str] | None = None,
    selected_id: str | None = None,
) -> list[Span]:
    """One span per event in ``shown_ids`` (all when None) plus the selected one."""
    shown = None if shown_ids is None else set(shown_ids)
    active = None if active_ids is None else set(active_ids)
    spans = []
    for row in ds.events.itertuples(index=False):
        is_selected = row.event_id == selected_id
        if shown is not None and row.event_id not in shown and not is_selected:
            continue
        title = f"{row.event_id} · event · {row.title} · {row.status} · {row.date_label}"
        spans.append(
            Span(
                layer="event",
                record_id=row.event_id,
                start_char=row.start_char,
                end_char=row.end_char,
                title=title,
                is_dimmed=active is not None and row.event_id not in active,
                is_selected=is_selected,
            )
        )
    return spans


def mention_spans(ds: Dataset, active_ids: Iterable[str] | None = None) -> list[Span]:
    """One span per actor or place mention; those not in ``active_ids`` are dimmed."""
    actor_names = ds.actors.set_index("actor_id")["actor_name"]
    place_names = ds.locations.set_index("location_id")["location_name"]
    active = None if active_ids is None else set(active_ids)
    spans = []
    for row in ds.mentions.itertuples(index=False):
        if row.entity_type == "actor":
            title = f"actor: {actor_names.get(row.entity_id, row.entity_id)}"
        else:
            title = f"place: {place_names.get(row.entity_id, row.entity_id)}"
        spans.append(
            Span(
                layer="mention",
                record_id=f"{row.entity_type}:{row.entity_id}",
                start_char=row.start_char,
                end_char=row.end_char,
                title=title,
                is_dimmed=active is not None and row.mention_id not in active,
            )
        )
    return spans


def segments(text_length: int, spans: Sequence[Span]) -> list[tuple[int, int, list[Span]]]:
    """Cut [0, text_length) at every span boundary: (start, end, spans covering it)."""
    cuts = {0, text_length}
    for span in spans:
        cuts.update((span.start_char, span.end_char))
    points = sorted(cut for cut in cuts if 0 <= cut <= text_length)
    result = []
    for start, end in zip(points, points[1:], strict=False):
        covering = [span for span in spans if span.start_char <= start and end <= span.end_char]
        result.append((start, end, covering))
    return result


def article_html(text: str, spans: Sequence[Span], body_end_char: int | None = None) -> str:
    """The article as HTML: escaped text, marks for the spans, anchors for deep links.

    Text after ``body_end_char`` (the page furniture of the web page) is set apart and
    labelled as not part of the report.
    """
    body_end = len(text) if body_end_char is None else min(body_end_char, len(text))
    starts: dict[int, list[Span]] = {}
    for span in spans:
        if span.layer in ANCHOR_PREFIX:
            starts.setdefault(span.start_char, []).append(span)
    parts = ['<div class="src-article">']
    for start, end, covering in segments(body_end, [s for s in spans if s.start_char < body_end]):
        for span in starts.get(start, ()):
            parts.append(f'<span class="src-anchor" id="{anchor_id(span.layer, span.record_id)}">')
            parts.append("</span>")
        parts.append(_segment_html(text[start:end], covering))
    parts.append("</div>")
    if body_end < len(text):
        parts.append(
            '<div class="src-furniture"><div class="src-furniture-label">'
            "Not part of the report: page furniture of the web page</div>"
        )
        parts.append(html.escape(text[body_end:]))
        parts.append("</div>")
    return "".join(parts)


def _segment_html(text: str, covering: Sequence[Span]) -> str:
    inner = html.escape(text)
    for layer in reversed(LAYERS):
        layer_spans = [span for span in covering if span.layer == layer]
        if layer_spans:
            inner = _mark(layer, layer_spans, inner)
    return inner


def _mark(layer: str, spans: Sequence[Span], inner: str) -> str:
    """Wrap ``inner`` in one mark for all the spans of one layer that cover it."""
    classes = [f"src-{layer}"]
    if all(span.is_dimmed for span in spans):
        classes.append("src-dimmed")
    if any(span.is_selected for span in spans):
        classes.append("src-selected")
    ids = " ".join(span.record_id for span in spans)
    title = "\n".join(span.title for span in spans)
    attributes = [
        f'class="{" ".join(classes)}"',
        f'data-{layer}-ids="{html.escape(ids)}"',
        f'title="{html.escape(title)}"',
    ]
    style = _background(spans)
    if style:
        attributes.append(f'style="{style}"')
    tag = "mark" if layer == "statement" else "span"
    return f"<{tag} {' '.join(attributes)}>{inner}</{tag}>"


def _background(spans: Sequence[Span]) -> str:
    """One colour, or stripes of each speaker's colour where statements share the text."""
    colours = list(dict.fromkeys(span.colour for span in spans if span.colour))
    if not colours:
        return ""
    if len(colours) == 1:
        return f"background-color: {colours[0]}"
    stops = []
    step = 8
    for i, colour in enumerate(colours):
        stops.append(f"{colour} {i * step}px {(i + 1) * step}px")
    return f"background: repeating-linear-gradient(135deg, {', '.join(stops)})"


ARTICLE_CSS = """
<style>
.src-article, .src-furniture { white-space: pre-wrap; line-height: 1.9; font-size: 1.02rem; }
.src-statement { padding: 0.1em 0; border-radius: 0.2em; color: inherit; }
.src-event { border-bottom: 2px dashed #555; }
.src-mention { font-weight: 600; text-decoration: underline dotted; }
.src-dimmed { opacity: 0.35; }
mark.src-dimmed { background: #eeeeee !important; }
.src-selected { outline: 3px solid #d55e00; outline-offset: 1px; }
.src-anchor { scroll-margin-top: 6rem; }
.src-furniture { margin-top: 1.5rem; padding: 0.5rem 0.75rem; color: #777;
  border-left: 3px solid #ccc; font-size: 0.9rem; line-height: 1.5; }
.src-furniture-label { font-style: italic; font-weight: 600; white-space: normal; }
.src-legend { display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; font-size: 0.9rem; }
.src-swatch { display: inline-block; width: 1em; height: 1em; border-radius: 0.2em;
  vertical-align: -0.15em; margin-right: 0.3em; border: 1px solid #999; }
</style>
"""


def legend_html(entries: Sequence[LegendEntry]) -> str:
    """The colour legend: one swatch per side, with the speakers who have that colour."""
    items = []
    for entry in entries:
        speakers = ", ".join(entry.speaker_names)
        label = entry.side_name if speakers == entry.side_name else f"{entry.side_name}: {speakers}"
        items.append(
            f'<span><span class="src-swatch" style="background-color: {entry.colour}"></span>'
            f"{html.escape(label)}</span>"
        )
    return f'<div class="src-legend">{"".join(items)}</div>'


def record_key(layer: str, record_id: str) -> str:
    """The selectbox value of one record: "statement:s05"."""
    return f"{layer}:{record_id}"


def split_record_key(key: str) -> tuple[str, str]:
    """("statement", "s05") from "statement:s05"."""
    layer, _, record_id = key.partition(":")
    return layer, record_id


def record_options(ds: Dataset) -> dict[str, str]:
    """Selectbox value -> label for every statement then every event, in text order."""
    names = ds.actors.set_index("actor_id")["actor_name"]
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


def record_exists(ds: Dataset, layer: str, record_id: str) -> bool:
    """True when the dataset has this statement or event."""
    frame = ds.statements if layer == "statement" else ds.events
    return bool((frame[f"{layer}_id"] == record_id).any())


# Characters that Markdown (as Streamlit renders it) would read as formatting or HTML.
_MARKDOWN_SPECIALS = "\\`*_{}[]()<>#+-.!|~$:"


def escape_markdown(text: str) -> str:
    """``text`` with every Markdown special backslash-escaped, to show it literally."""
    return "".join(f"\\{char}" if char in _MARKDOWN_SPECIALS else char for char in text)


def scroll_script(element_id: str) -> str:
    """A script that scrolls the page to the element with ``element_id`` once it exists.

    Only ids this module writes (checked against ID_PATTERN) go in, as a JSON string.
    """
    if not ANCHOR_ID_PATTERN.fullmatch(element_id):
        raise ValueError(f"not an anchor id: {element_id!r}")
    return (
        "<script>(function () {"
        f"const id = {json.dumps(element_id)}; let tries = 0;"
        "function go() { const el = document.getElementById(id);"
        " if (el) { el.scrollIntoView({block: 'center'}); return; }"
        " if (++tries < 50) { setTimeout(go, 100); } }"
        "go(); })();</script>"
    )
