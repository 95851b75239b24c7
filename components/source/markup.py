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
import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from components.app.text_safety import clip
from components.data import Dataset

# Nesting order of the marks, outermost first: a statement holds events and mentions.
LAYERS = ("statement", "event", "mention")


# Paul Tol's "light" scheme: colour-blind safe and made for black text on top. One colour
# per state or organisation a speaker counts for, in the order the sides first speak, so
# Armenia and Azerbaijan (the first two) get the two most different hues; light cyan, the
# nearest to Azerbaijan's light blue, comes last (Russia, the sixth side, gets pear).
SIDE_COLOURS = (
    "#EE8866",  # orange
    "#77AADD",  # light blue
    "#EEDD88",  # light yellow
    "#FFAABB",  # pink
    "#44BB99",  # mint
    "#BBCC33",  # pear
    "#99DDFF",  # light cyan
    "#DDDDDD",  # pale grey, when there are more sides than colours
)


# Speakers named per side in the legend (the curated article has at most 3 per side).
LEGEND_SPEAKERS_SHOWN = 4


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
    sides = ds.actors.set_index("actor_id")["state_actor_id"].to_dict()
    return {
        speaker: side_colour[sides[speaker]]
        for speaker in ds.statements["speaker_actor_id"].unique().tolist()
    }


def legend_entries(ds: Dataset, colours: Mapping[str, str] | None = None) -> list[LegendEntry]:
    """The colours in use, each with its side and the speakers who speak for it.

    ``colours`` (speaker -> colour) defaults to `speaker_colours` of ``ds``; pass the whole
    dataset's when ``ds`` is one article of it, so a side keeps its colour in every article.
    """
    names = ds.actors.set_index("actor_id")["actor_name"].to_dict()
    sides = ds.actors.set_index("actor_id")["state_actor_id"].to_dict()
    speakers = ds.statements.sort_values("start_char", kind="stable")["speaker_actor_id"]
    by_side: dict[str, list[str]] = {}
    for speaker in dict.fromkeys(speakers.tolist()):
        by_side.setdefault(sides[speaker], []).append(names[speaker])
    colours = speaker_colours(ds) if colours is None else colours
    side_colour = {sides[speaker]: colour for speaker, colour in colours.items()}
    return [
        LegendEntry(side_colour[side], names[side], tuple(speaker_names))
        for side, speaker_names in by_side.items()
    ]


def _side_colours(ds: Dataset) -> dict[str, str]:
    sides = ds.actors.set_index("actor_id")["state_actor_id"].to_dict()
    speakers = ds.statements.sort_values("start_char", kind="stable")["speaker_actor_id"]
    # Each speaker once (vectorised), then each side in the order its first speaker speaks.
    ordered = list(dict.fromkeys(sides[speaker] for speaker in speakers.unique().tolist()))
    last = len(SIDE_COLOURS) - 1
    return {side: SIDE_COLOURS[min(i, last)] for i, side in enumerate(ordered)}


def statement_spans(
    ds: Dataset,
    active_ids: Iterable[str] | None = None,
    selected_id: str | None = None,
    colours: Mapping[str, str] | None = None,
) -> list[Span]:
    """One span per statement, coloured by speaker; those not in ``active_ids`` are dimmed.

    ``active_ids`` None means every statement is active (no filter). ``colours`` (speaker
    -> colour) defaults to `speaker_colours` of ``ds``; pass the whole dataset's when ``ds``
    is one article of it.
    """
    names = ds.actors.set_index("actor_id")["actor_name"].to_dict()
    colours = speaker_colours(ds) if colours is None else colours
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
    actor_names = ds.actors.set_index("actor_id")["actor_name"].to_dict()
    place_names = ds.locations.set_index("location_id")["location_name"].to_dict()
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


@dataclass(frozen=True)
class Segment:
    """A stretch of text that no span boundary cuts, with the spans that cover it."""

    start_char: int
    end_char: int
    spans: tuple[Span, ...]


def segments(text_length: int, spans: Sequence[Span]) -> list[Segment]:
    """Cut [0, text_length) at every span boundary into segments, in text order.

    One sweep over the sorted boundaries: a span joins the covering set where it starts
    and leaves it where it ends, so the cost grows with the spans plus the segments, not
    with their product. Each segment lists its spans in the order ``spans`` gives them.
    """
    opening: dict[int, list[int]] = {}
    closing: dict[int, list[int]] = {}
    for index, span in enumerate(spans):
        start = max(span.start_char, 0)
        if start < span.end_char:
            opening.setdefault(start, []).append(index)
            closing.setdefault(span.end_char, []).append(index)
    cuts = {0, text_length, *opening, *closing}
    points = sorted(cut for cut in cuts if 0 <= cut <= text_length)
    covering: set[int] = set()
    result = []
    for start, end in zip(points, points[1:], strict=False):
        covering.difference_update(closing.get(start, ()))
        covering.update(opening.get(start, ()))
        result.append(Segment(start, end, tuple(spans[index] for index in sorted(covering))))
    return result


def article_html(text: str, spans: Sequence[Span], body_end_char: int | None = None) -> str:
    """The article as HTML: escaped text, marks for the spans, anchors for deep links.

    Consecutive segments covered by the same statements share one mark (likewise events
    inside it, then mentions), so a highlight is one element however many mentions it
    holds. Text after ``body_end_char`` (the page furniture of the web page) is set apart
    and labelled as not part of the report.
    """
    body_end = len(text) if body_end_char is None else min(body_end_char, len(text))
    in_body = [span for span in spans if span.start_char < body_end]
    anchors: dict[int, list[Span]] = {}
    for span in in_body:
        if span.layer in ANCHOR_PREFIX:
            anchors.setdefault(span.start_char, []).append(span)
    body = _nested_html(text, segments(body_end, in_body), anchors, 0)
    # Focusable, so a keyboard can scroll the article's box (a box that scrolls must be).
    parts = [
        f'<div class="src-article" tabindex="0" role="region" aria-label="Article text">'
        f"{body}</div>"
    ]
    if body_end < len(text):
        parts.append(
            '<div class="src-furniture"><div class="src-furniture-label">'
            "Not part of the report: page furniture of the web page</div>"
            f"{html.escape(text[body_end:])}</div>"
        )
    return "".join(parts)


def _nested_html(
    text: str, parts: Sequence[Segment], anchors: Mapping[int, Sequence[Span]], depth: int
) -> str:
    """Marks of layer ``depth`` around runs of segments that the same spans cover."""
    if depth == len(LAYERS):
        return "".join(_text_html(text, part, anchors) for part in parts)
    layer = LAYERS[depth]
    out = []
    for covering, run in itertools.groupby(
        parts, key=lambda part: tuple(span for span in part.spans if span.layer == layer)
    ):
        inner = _nested_html(text, list(run), anchors, depth + 1)
        out.append(_mark(layer, covering, inner) if covering else inner)
    return "".join(out)


def _text_html(text: str, part: Segment, anchors: Mapping[int, Sequence[Span]]) -> str:
    """The escaped text of one segment, after the anchors of the records starting there."""
    targets = "".join(
        f'<span class="src-anchor" id="{anchor_id(span.layer, span.record_id)}"></span>'
        for span in anchors.get(part.start_char, ())
    )
    return targets + html.escape(text[part.start_char : part.end_char])


def _mark(layer: str, spans: Sequence[Span], inner: str) -> str:
    """Wrap ``inner`` in one mark for all the spans of one layer that cover it."""
    classes = [f"src-{layer}"]
    if layer == "mention":
        classes.extend(sorted({f"src-{span.record_id.partition(':')[0]}" for span in spans}))
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
.src-article, .src-furniture { white-space: pre-wrap; line-height: 1.95; font-size: 1.02rem;
  padding: 0.2rem 0.6rem 0.2rem 0.3rem; overflow-wrap: anywhere; }
.src-statement { padding: 0.12em 0; margin: 0; border-radius: 0.2em; color: inherit;
  box-decoration-break: clone; -webkit-box-decoration-break: clone; }
.src-event { border-bottom: 2px dashed #444; }
.src-mention { text-decoration: underline dotted; text-underline-offset: 0.2em; }
.src-actor { font-weight: 600; }
.src-location { font-style: italic; font-weight: 600; }
.src-dimmed { opacity: 0.45; }
mark.src-dimmed { background: #ececec !important; }
.src-selected { outline: 3px solid #222; outline-offset: 1px; }
.src-anchor { scroll-margin-top: 8rem; }
.src-furniture { margin-top: 1.5rem; padding: 0.5rem 0.75rem; color: #777;
  border-left: 3px solid #ccc; font-size: 0.9rem; line-height: 1.5; }
.src-furniture-label { font-style: italic; font-weight: 600; white-space: normal; }
.src-legend { display: flex; flex-wrap: wrap; gap: 0.3rem 1.1rem; font-size: 0.88rem;
  margin-bottom: 0.3rem; overflow-wrap: anywhere; }
.src-key { display: flex; flex-wrap: wrap; gap: 0.3rem 1.1rem; font-size: 0.85rem;
  color: #555; }
.src-swatch { display: inline-block; width: 0.95em; height: 0.95em; border-radius: 0.2em;
  vertical-align: -0.12em; margin-right: 0.35em; }
</style>
"""


def legend_html(entries: Sequence[LegendEntry]) -> str:
    """The colour legend (one swatch per side, with its speakers) and the key to the marks."""
    items = []
    for entry in entries:
        speakers = ", ".join(entry.speaker_names)
        label = entry.side_name if speakers == entry.side_name else f"{entry.side_name}: {speakers}"
        # Names are clipped, and a side with many speakers lists the first few, so the
        # legend cannot push the article off the screen; the tooltip has every name in full.
        names = [clip(name) for name in entry.speaker_names[:LEGEND_SPEAKERS_SHOWN]]
        hidden = len(entry.speaker_names) - len(names)
        shown = ", ".join(names) + (f" and {hidden} more" if hidden else "")
        shown = (
            clip(entry.side_name)
            if speakers == entry.side_name
            else f"{clip(entry.side_name)}: {shown}"
        )
        items.append(
            f'<span title="{html.escape(label)}">'
            f'<span class="src-swatch" style="background-color: {entry.colour}"></span>'
            f"{html.escape(shown)}</span>"
        )
    key = (
        '<span><span class="src-mention src-actor">Bold</span>: actor mentioned</span>'
        '<span><span class="src-mention src-location">Bold italic</span>: place mentioned</span>'
        '<span><span class="src-event">Dashed</span>: event</span>'
        '<span><span class="src-selected">&nbsp;Outlined&nbsp;</span>: selected record</span>'
        "<span>Hover a highlight for who, what and when</span>"
    )
    return (
        '<div class="src-legend" title="Statements are coloured by the side the speaker '
        f'speaks for">{"".join(items)}</div><div class="src-key">{key}</div>'
    )
