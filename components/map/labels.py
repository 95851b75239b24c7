"""Where the border map's labels go, so that no two overlap at the view the map opens on.

plotly.js draws a scattermap trace's text with a MapLibre symbol layer: its textposition
becomes a text anchor and an offset in ems that grows with the trace's marker size
(plotly.js's convertTextOpts), and MapLibre breaks a label longer than 10 ems into balanced
lines. This module estimates each label's box in px at the opening zoom the same way (the
advances of the shipped glyphs, MapLibre's line breaking), then takes the labels in the
order given (the most important first) and gives each, of its positions whose box meets no
label placed before it and that no edge of the map's frames at that view cuts (the chart's
width differs by screen), the first that covers the fewest markers (none, where it can);
with no such position, even once one label placed before it has moved to another, the
label is left off at this view (its name stays in the point's hover and in the Places
table). Pure Python, no plotly, no streamlit.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from components.map.glyphs import FONT_SIZE, glyph_advances

# plotly's textpositions, the ones a label beside its point may take in order of preference.
AROUND_POINT = (
    "top right",
    "bottom right",
    "top left",
    "bottom left",
    "middle right",
    "middle left",
    "top center",
    "bottom center",
)
CENTERED = ("middle center",)
# MapLibre's defaults, which plotly does not change: lines at most 10 ems wide, 1.2 ems apart.
TEXT_MAX_WIDTH_EM = 10
LINE_HEIGHT_EM = 1.2
# Room kept around every label box (MapLibre's own text-padding is 2 px): two labels stay
# at least twice this apart.
LABEL_PADDING_PX = 2
# MapLibre's tiles are 512 px: the world is 512 * 2**zoom px wide.
TILE_PX = 512
# MapLibre's line breaking (shaping.ts): where a line may end, and characters not counted
# at the end of a line.
BREAKABLE = frozenset(
    [0x0A, 0x20, 0x26, 0x29, 0x2B, 0x2D, 0x2F, 0xAD, 0xB7, 0x200B, 0x2010, 0x2013, 0x2027]
)
BREAKABLE_BEFORE = frozenset([0x28])
WHITESPACE = frozenset([0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20])


@dataclass(frozen=True)
class Box:
    """A rectangle in screen px (y grows downwards)."""

    left: float
    top: float
    right: float
    bottom: float

    def contains(self, other: Box) -> bool:
        return (
            self.left <= other.left
            and self.top <= other.top
            and other.right <= self.right
            and other.bottom <= self.bottom
        )

    def intersects(self, other: Box) -> bool:
        return (
            self.left < other.right
            and other.left < self.right
            and self.top < other.bottom
            and other.top < self.bottom
        )


@dataclass(frozen=True)
class MapLabel:
    """One label to place: its text (unescaped), point, font size and the size of the marker
    its trace draws (plotly offsets the text by it; 0 for a text-only trace)."""

    key: str
    text: str
    lat: float
    lon: float
    font_px: float
    marker_px: float = 0
    positions: tuple[str, ...] = AROUND_POINT


@dataclass(frozen=True)
class Marker:
    """A drawn point no label should cover: its place and diameter in px."""

    lat: float
    lon: float
    size_px: float


@dataclass(frozen=True)
class PlacedLabel:
    position: str
    box: Box


def pixel(lat: float, lon: float, zoom: float) -> tuple[float, float]:
    """Web Mercator px of (lat, lon) at ``zoom`` (MapLibre's), from the world's top left."""
    world = TILE_PX * 2**zoom
    sin_lat = math.sin(math.radians(lat))
    x = (lon + 180) / 360 * world
    y = (0.5 - math.log((1 + sin_lat) / (1 - sin_lat)) / (4 * math.pi)) * world
    return x, y


def _advance(code: int) -> int:
    # A character the glyphs lack is drawn as nothing, as MapLibre does.
    return glyph_advances().get(code, 0)


def _penalty(code: int, next_code: int) -> float:
    penalty = -10_000 if code == 0x0A else 0
    if code == 0x28:
        penalty += 50
    if next_code == 0x29:
        penalty += 50
    return penalty


def _badness(width: float, target: float, penalty: float, is_last: bool) -> float:
    raggedness = (width - target) ** 2
    if is_last:
        return raggedness / 2 if width < target else raggedness * 2
    return raggedness + abs(penalty) * penalty


@dataclass(frozen=True)
class _Break:
    index: int
    x: float
    prior: _Break | None
    badness: float


def _evaluate(index: int, x: float, target: float, breaks, penalty: float, is_last: bool):
    best_prior, best = None, _badness(x, target, penalty, is_last)
    for candidate in breaks:
        badness = _badness(x - candidate.x, target, penalty, is_last) + candidate.badness
        if badness <= best:
            best_prior, best = candidate, badness
    return _Break(index, x, best_prior, best)


def text_lines(text: str, advance: Callable[[int], int] = _advance) -> list[str]:
    """``text`` broken into lines as MapLibre breaks a point label (balanced lines of at most
    TEXT_MAX_WIDTH_EM ems where it can)."""
    codes = [ord(character) for character in text]
    if not codes:
        return []
    max_width = TEXT_MAX_WIDTH_EM * FONT_SIZE
    total = sum(advance(code) for code in codes)
    target = total / max(1, math.ceil(total / max_width))
    breaks: list[_Break] = []
    x = 0.0
    for i, code in enumerate(codes):
        if code not in WHITESPACE:
            x += advance(code)
        if i == len(codes) - 1:
            continue
        before_paren = i != len(codes) - 2 and codes[i + 1] in BREAKABLE_BEFORE
        if code in BREAKABLE or before_paren:
            breaks.append(_evaluate(i + 1, x, target, breaks, _penalty(code, codes[i + 1]), False))
    last: _Break | None = _evaluate(len(codes), x, target, breaks, 0, True)
    ends = []
    while last is not None:
        ends.append(last.index)
        last = last.prior
    starts = [0, *reversed(ends[1:])]
    return [text[start:end].strip() for start, end in zip(starts, reversed(ends), strict=True)]


def text_size_px(text: str, font_px: float) -> tuple[float, float]:
    """Width and height in px of ``text`` drawn at ``font_px``, lines broken as MapLibre does."""
    lines = text_lines(text)
    scale = font_px / FONT_SIZE
    width = max((sum(_advance(ord(c)) for c in line) for line in lines), default=0) * scale
    return width, len(lines) * LINE_HEIGHT_EM * font_px


def label_box(
    label: MapLabel, position: str, zoom: float, size: tuple[float, float] | None = None
) -> Box:
    """The label's box in px at ``zoom`` when drawn at ``position`` (a plotly textposition):
    plotly.js's anchor and offset (convertTextOpts), MapLibre's box around the text.
    ``size``: the text's `text_size_px`, when already measured (the same at every position)."""
    x, y = pixel(label.lat, label.lon, zoom)
    width, height = size or text_size_px(label.text, label.font_px)
    vertical, horizontal = position.split(" ")
    # The text's share left of and above its anchor, and the offset in ems (plotly.js).
    x_in, y_in = 0.5 + label.marker_px / 100, 1.5 + label.marker_px / 100
    left_share = {"left": 1.0, "center": 0.5, "right": 0.0}[horizontal]
    top_share = {"top": 0.0, "middle": 0.5, "bottom": 1.0}[vertical]
    offset_x = {"left": -x_in, "center": 0.0, "right": x_in}[horizontal] * label.font_px
    offset_y = {"top": -y_in, "middle": 0.0, "bottom": y_in}[vertical] * label.font_px
    left = x + offset_x - left_share * width
    top = y + offset_y - top_share * height
    pad = LABEL_PADDING_PX
    return Box(left - pad, top - pad, left + width + pad, top + height + pad)


def marker_box(marker: Marker, zoom: float) -> Box:
    x, y = pixel(marker.lat, marker.lon, zoom)
    half = marker.size_px / 2
    return Box(x - half, y - half, x + half, y + half)


def frame_box(lat: float, lon: float, zoom: float, width_px: float, height_px: float) -> Box:
    """The part of the map a chart ``width_px`` by ``height_px`` shows around (lat, lon) at
    ``zoom``, in the px of ``pixel``."""
    x, y = pixel(lat, lon, zoom)
    return Box(x - width_px / 2, y - height_px / 2, x + width_px / 2, y + height_px / 2)


def _cut(box: Box, frames: Sequence[Box]) -> bool:
    """Whether the edge of one of ``frames`` runs through ``box`` (a box wholly outside a
    frame is not cut: it is off that screen's map until the reader pans)."""
    return any(box.intersects(frame) and not frame.contains(box) for frame in frames)


def place_labels(
    labels: Sequence[MapLabel],
    markers: Sequence[Marker],
    zoom: float,
    frames: Sequence[Box] = (),
) -> dict[str, PlacedLabel | None]:
    """Label key -> its position and box at ``zoom``, or None when it is left off. Labels
    come first to last in the order given; none overlaps another, and none is cut by the
    edges of ``frames`` (what the map shows on screens of several widths): "Stepanakert /
    Khankendi" at the right edge reads to the left of its point. A label whose positions
    inside the frames are all taken moves one label placed before it, if that one has
    another such position free (`_make_room`); else it is left off."""
    marker_boxes = [marker_box(marker, zoom) for marker in markers]
    placed: dict[str, PlacedLabel | None] = {}
    # Each placed label's uncut boxes, the ones it may move to to make room for a later one.
    choices: dict[str, list[tuple[str, Box]]] = {}

    def covered(choice: tuple[str, Box]) -> int:
        return sum(choice[1].intersects(m) for m in marker_boxes)

    for label in labels:
        # Lines are broken once per label, not once per position (8 positions).
        size = text_size_px(label.text, label.font_px)
        boxes = [(p, label_box(label, p, zoom, size)) for p in label.positions]
        inside = [(p, box) for p, box in boxes if not _cut(box, frames)]
        free = [choice for choice in inside if not _blockers(choice[1], placed)]
        if not free:
            free = _make_room(inside, placed, choices, covered)
        if not free:
            placed[label.key] = None
            continue
        # The fewest markers covered (min keeps the first of equals).
        position, box = min(free, key=covered)
        placed[label.key] = PlacedLabel(position, box)
        choices[label.key] = inside
    return placed


def _blockers(box: Box, placed: dict[str, PlacedLabel | None]) -> list[str]:
    return [key for key, other in placed.items() if other and box.intersects(other.box)]


def _make_room(
    inside: list[tuple[str, Box]],
    placed: dict[str, PlacedLabel | None],
    choices: dict[str, list[tuple[str, Box]]],
    covered: Callable[[tuple[str, Box]], int],
) -> list[tuple[str, Box]]:
    """The first of ``inside`` (a label's uncut positions) that only one placed label
    meets, when that label can move to another of its uncut positions clear of every other
    label and of this one; the move is made in ``placed``. Empty when none can."""
    for position, box in inside:
        blockers = _blockers(box, placed)
        if len(blockers) != 1:
            continue
        [key] = blockers
        others = {k: v for k, v in placed.items() if k != key}
        moves = [
            choice
            for choice in choices[key]
            if not choice[1].intersects(box) and not _blockers(choice[1], others)
        ]
        if moves:
            moved, moved_box = min(moves, key=covered)
            placed[key] = PlacedLabel(moved, moved_box)
            return [(position, box)]
    return []
