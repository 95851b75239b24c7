"""The draft highlighted in the article: escaped HTML, one colour per speaker.

Each kept statement is a mark in its speaker's colour, numbered as in the table, with its
confidence after it; the cue (the reporting word: "said", "according to") is underlined
in bold. Statements may overlap, so the text is cut at every boundary and each piece is
wrapped in the marks that cover it. Every piece of text goes through `html.escape`: the
only tags are the ones written here. No streamlit.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import pandas as pd

from components.data.coverage import REPORTING_CUES
from components.extract.calibration import LOW_CONFIDENCE

from .frames import kept, quote_span

# Paul Tol's "light" scheme: colour-blind safe, made for black text on top; one per
# speaker in order of first speaking, grey when there are more speakers than colours.
SPEAKER_COLOURS = (
    "#EE8866",
    "#77AADD",
    "#EEDD88",
    "#FFAABB",
    "#44BB99",
    "#BBCC33",
    "#99DDFF",
    "#DDDDDD",
)
# Words that attribute speech beyond the coverage check's list: the inflections and verbs
# the extractor's rules read (docs/extract.md), so the page can show which word it read.
EXTRA_CUES = (
    "adding",
    "saying",
    "stating",
    "demanded",
    "stressing",
    "claiming",
    "accusing",
    "denying",
    "urging",
    "warning",
    "expressed",
    "worries",
    "worried",
    "called for",
    "quoted",
    "condemned",
    "emphasized",
    "emphasised",
    "reiterated",
    "explained",
    "tweeted",
    "wrote",
    "believes",
    "expects",
    "indicated",
    "pointed out",
)
_CUE = re.compile(
    r"\b(?:"
    + "|".join(
        re.escape(cue) for cue in sorted({*REPORTING_CUES, *EXTRA_CUES}, key=len, reverse=True)
    )
    + r")\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Mark:
    """One statement to highlight: its span, number, colour, hover text, cue span."""

    number: int
    start_char: int
    end_char: int
    colour: str
    title: str
    confidence: float
    cue: tuple[int, int] | None


def speaker_colours(rows: pd.DataFrame) -> dict[str, str]:
    """Speaker value -> colour, in order of first speaking."""
    speakers = dict.fromkeys(kept(rows).sort_values("start_char", kind="stable")["speaker"])
    last = len(SPEAKER_COLOURS) - 1
    return {speaker: SPEAKER_COLOURS[min(i, last)] for i, speaker in enumerate(speakers)}


def find_cue(
    text: str, start: int, end: int, rule: str, read: tuple[int, int] | None = None
) -> tuple[int, int] | None:
    """The reporting word the statement rests on: the verb the extractor read (``read``)
    when it lies in the span, else the last cue inside it (the verb follows a quotation
    more often than it precedes it), "according to" for that rule."""
    if read and start <= read[0] < read[1] <= end:
        return read
    if rule == "according to":
        match = re.compile(r"\baccording to\b", re.IGNORECASE).search(text, start, end)
        return (match.start(), match.end()) if match else None
    matches = list(_CUE.finditer(text, start, end))
    return (matches[-1].start(), matches[-1].end()) if matches else None


def _read_cue(row) -> tuple[int, int] | None:
    """The verb the extractor read (-1 where its rule read none)."""
    return (int(row.cue_start), int(row.cue_end)) if row.cue_start >= 0 else None


def marks(text: str, rows: pd.DataFrame, labels: dict[str, str]) -> list[Mark]:
    """One mark per kept statement whose quote is in the text (``labels``: speaker -> name)."""
    colours = speaker_colours(rows)
    found = []
    for row in kept(rows).itertuples(index=False):
        span = quote_span(text, row.quote, row.start_char)
        if span is None:
            continue
        state = "confirmed" if row.confirm else "not confirmed"
        title = (
            f"#{row.number} · {labels.get(row.speaker, row.speaker)} · "
            f"{row.statement_type.replace('_', ' ')} · {row.when} · "
            f"confidence {row.confidence:.2f} · {state}"
        )
        found.append(
            Mark(
                number=int(row.number),
                start_char=span[0],
                end_char=span[1],
                colour=colours[row.speaker],
                title=title,
                confidence=float(row.confidence),
                cue=find_cue(text, span[0], span[1], row.rule, _read_cue(row)),
            )
        )
    return found


def article_html(text: str, found: list[Mark]) -> str:
    """The article as escaped HTML with the statements marked."""
    cuts = {0, len(text)}
    for mark in found:
        cuts.update((mark.start_char, mark.end_char))
        if mark.cue:
            cuts.update(mark.cue)
    points = sorted(cut for cut in cuts if 0 <= cut <= len(text))
    out = []
    for start, end in zip(points, points[1:], strict=False):
        covering = [m for m in found if m.start_char <= start and end <= m.end_char]
        out.extend(
            f'<span class="rv-num" title="{html.escape(m.title)}">{m.number}</span>'
            for m in found
            if m.start_char == start
        )
        piece = html.escape(text[start:end])
        if any(m.cue and m.cue[0] <= start and end <= m.cue[1] for m in covering):
            piece = f'<b class="rv-cue">{piece}</b>'
        if covering:
            title = html.escape("\n".join(m.title for m in covering))
            numbers = " ".join(str(m.number) for m in covering)
            piece = (
                f'<mark class="rv-statement" data-numbers="{numbers}" title="{title}" '
                f'style="{_background(covering)}">{piece}</mark>'
            )
        out.append(piece)
        out.extend(
            f'<sup class="{_confidence_class(m.confidence)}" title="confidence of #{m.number}">'
            f"{m.confidence:.2f}</sup>"
            for m in found
            if m.end_char == end
        )
    return f'<div class="rv-article">{"".join(out)}</div>'


def _confidence_class(confidence: float) -> str:
    """Low confidence stands out: the draft placed the sentence by context, with no
    reporting word of its own, and such rows are often narration or another's words
    (docs/extract.md, the draft's confidence bands)."""
    return "rv-conf rv-conf-low" if confidence < LOW_CONFIDENCE else "rv-conf"


def _background(covering: list[Mark]) -> str:
    colours = list(dict.fromkeys(m.colour for m in covering))
    if len(colours) == 1:
        return f"background-color: {colours[0]}"
    stops = ", ".join(f"{c} {i * 8}px {(i + 1) * 8}px" for i, c in enumerate(colours))
    return f"background: repeating-linear-gradient(135deg, {stops})"


def legend_html(rows: pd.DataFrame, labels: dict[str, str]) -> str:
    """One swatch per speaker with their name, and the key to the marks."""
    items = "".join(
        f'<span><span class="rv-swatch" style="background-color: {colour}"></span>'
        f"{html.escape(labels.get(speaker, speaker))}</span>"
        for speaker, colour in speaker_colours(rows).items()
    )
    key = (
        '<span><span class="rv-num">1</span> statement number (table row)</span>'
        '<span><b class="rv-cue">said</b>: the cue word</span>'
        '<span><sup class="rv-conf">0.90</sup> confidence of the draft</span>'
        f'<span><sup class="rv-conf rv-conf-low">0.40</sup> under {LOW_CONFIDENCE}: no '
        "reporting word, speaker by context; often narration, check these first</span>"
    )
    return f'<div class="rv-legend">{items}</div><div class="rv-key">{key}</div>'


ARTICLE_CSS = """
<style>
.rv-article { white-space: pre-wrap; line-height: 1.95; font-size: 1.0rem;
  overflow-wrap: anywhere; padding: 0.2rem 0.4rem; }
.rv-statement { padding: 0.12em 0; border-radius: 0.2em; color: inherit;
  box-decoration-break: clone; -webkit-box-decoration-break: clone; }
.rv-cue { text-decoration: underline; text-decoration-thickness: 2px;
  text-underline-offset: 0.18em; }
.rv-num { display: inline-block; min-width: 1.3em; padding: 0 0.25em; margin-right: 0.2em;
  border-radius: 0.6em; background: #222; color: #fff; font-size: 0.75rem;
  font-weight: 700; text-align: center; line-height: 1.4; }
.rv-conf { font-size: 0.72rem; color: #444; margin-left: 0.15em; font-weight: 600; }
.rv-conf-low { color: #fff; background: #a4262c; border-radius: 0.5em; padding: 0 0.3em; }
.rv-legend, .rv-key { display: flex; flex-wrap: wrap; gap: 0.3rem 1.1rem;
  font-size: 0.88rem; margin-bottom: 0.3rem; overflow-wrap: anywhere; }
.rv-key { color: #555; font-size: 0.85rem; }
.rv-swatch { display: inline-block; width: 0.95em; height: 0.95em; border-radius: 0.2em;
  vertical-align: -0.12em; margin-right: 0.35em; }
</style>
"""
