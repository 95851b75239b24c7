"""The map labels' glyphs, made on this machine so the Map page fetches no font from a third
party: `python -m components.map.glyphs` writes static/glyphs/ (committed; served by
Streamlit's static file serving at /app/static/glyphs/).

Plotly draws a scattermap's text with MapLibre symbol layers, which need the font as
signed-distance-field glyphs in 256-character ranges (`{fontstack}/{start}-{end}.pbf`).
plotly.js names the font stack from a fixed list ("Open Sans Regular" unless told
another of its names), so the files carry that name; their shapes are DejaVu Sans
(Debian's fonts-dejavu-core, a free licence that allows this), drawn with Pillow.

The encoding follows Mapbox's glyph format (sdf-glyph-foundry, TinySDF): a 24 px font,
a 3 px buffer around each glyph, a distance of 8 px spread over the byte values with the
outline at 192. No streamlit, no plotly.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

FONT_PATH = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
# The stack plotly asks for (its default textfont family for map traces).
FONTSTACK = "Open Sans Regular"
GLYPH_DIR = Path(__file__).resolve().parents[2] / "static" / "glyphs" / FONTSTACK

# The 256-character ranges the place names need: Latin and its extensions (Azerbaijani
# ə), combining marks, Cyrillic, Armenian, punctuation (– ’ ′ ″).
RANGE_STARTS = (0, 256, 512, 768, 1024, 1280, 8192)

FONT_SIZE = 24
BUFFER = 3
RADIUS = 8
CUTOFF = 0.25
# MapLibre sets a glyph's top against this line (as for its own locally drawn glyphs).
BASELINE_SHIFT = 27


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _field(number: int, value: int | bytes, signed: bool = False) -> bytes:
    """One protobuf field: a varint (zigzag when ``signed``) or length-delimited bytes."""
    if isinstance(value, bytes):
        return _varint(number << 3 | 2) + _varint(len(value)) + value
    if signed:
        value = (value << 1) ^ (value >> 31)
    return _varint(number << 3) + _varint(value)


def _signed_distance(inside: np.ndarray) -> np.ndarray:
    """Distance in pixels from each pixel to the outline: negative inside, positive out."""
    height, width = inside.shape
    ys, xs = np.mgrid[0:height, 0:width]
    points = np.stack([ys.ravel(), xs.ravel()], axis=1).astype(float)
    flat = inside.ravel()
    if not flat.any():
        return np.full(inside.shape, float(RADIUS))
    distance = np.empty(len(points))
    for mask, sign in ((flat, 1.0), (~flat, -1.0)):
        # Pixels on one side measure to the nearest pixel of the other side.
        others = points[~mask]
        own = points[mask]
        if len(others) == 0:
            distance[mask] = sign * RADIUS
            continue
        squared = ((own[:, None, :] - others[None, :, :]) ** 2).sum(axis=2)
        distance[mask] = sign * (np.sqrt(squared.min(axis=1)) - 0.5)
    return -distance.reshape(inside.shape)


def glyph(font: ImageFont.FreeTypeFont, code: int) -> bytes:
    """One glyph message: id, SDF bitmap, size, bearings and advance."""
    char = chr(code)
    advance = round(font.getlength(char))
    left, top, right, bottom = font.getbbox(char, anchor="ls")
    width, height = max(right - left, 0), max(bottom - top, 0)
    message = _field(1, code)
    if width and height:
        canvas = Image.new("L", (width + 2 * BUFFER, height + 2 * BUFFER), 0)
        ImageDraw.Draw(canvas).text(
            (BUFFER - left, BUFFER - top), char, font=font, fill=255, anchor="ls"
        )
        alpha = np.asarray(canvas, dtype=float) / 255
        distance = _signed_distance(alpha >= 0.5)
        values = np.clip(255 - 255 * (distance / RADIUS + CUTOFF), 0, 255)
        message += _field(2, values.round().astype(np.uint8).tobytes())
    message += _field(3, width) + _field(4, height)
    message += _field(5, left, signed=True) + _field(6, -top - BASELINE_SHIFT, signed=True)
    return message + _field(7, advance)


def _is_control(code: int) -> bool:
    return code < 32 or 127 <= code < 160


def glyph_range(font: ImageFont.FreeTypeFont, start: int) -> bytes:
    """The .pbf of one 256-character range: a font stack with every glyph the font has."""
    end = start + 255
    glyphs = b"".join(
        _field(3, glyph(font, code)) for code in range(start, end + 1) if not _is_control(code)
    )
    stack = _field(1, FONTSTACK.encode()) + _field(2, f"{start}-{end}".encode()) + glyphs
    return _field(1, stack)


def _read_varint(data: bytes, at: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[at]
        value |= (byte & 0x7F) << shift
        at += 1
        shift += 7
        if not byte & 0x80:
            return value, at


def message_fields(data: bytes) -> Iterator[tuple[int, int | bytes]]:
    """(field number, value) of one protobuf message: ints, or bytes when length-delimited."""
    at = 0
    while at < len(data):
        key, at = _read_varint(data, at)
        if key & 7 == 2:
            length, at = _read_varint(data, at)
            yield key >> 3, data[at : at + length]
            at += length
        else:
            value, at = _read_varint(data, at)
            yield key >> 3, value


@functools.cache
def glyph_advances(folder: Path = GLYPH_DIR) -> dict[int, int]:
    """Character -> advance in px of the shipped glyphs (a FONT_SIZE px font), as MapLibre
    lays out the labels with them (components/map/labels.py measures labels by them)."""
    advances: dict[int, int] = {}
    for path in sorted(folder.glob("*.pbf")):
        for _, stack in message_fields(path.read_bytes()):
            for number, value in message_fields(stack):
                if number == 3:
                    fields = dict(message_fields(value))
                    advances[fields[1]] = fields.get(7, 0)
    return advances


def main() -> None:
    # One glyph at a time, unshaped: the basic layout (raqm fails on a lone combining mark).
    font = ImageFont.truetype(str(FONT_PATH), FONT_SIZE, layout_engine=ImageFont.Layout.BASIC)
    GLYPH_DIR.mkdir(parents=True, exist_ok=True)
    for start in RANGE_STARTS:
        path = GLYPH_DIR / f"{start}-{start + 255}.pbf"
        path.write_bytes(glyph_range(font, start))
        print(f"{path.relative_to(GLYPH_DIR.parents[2])}: {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    sys.exit(main())
