"""The map labels' glyphs ship with the app (static/glyphs/), so no font leaves the machine:
every character any label of the corpus's maps needs lies in a range file that is there and
holds that character."""

import pytest

from components.app.places import geo_dir
from components.map.figure_basemap import GLYPHS_URL, OFFLINE_STYLE
from components.map.geo import load_geo_layers
from components.map.glyphs import FONTSTACK, GLYPH_DIR, message_fields
from components.map.model import WORLD_VIEW, build_map_view

# plotly.js draws a map trace's text in this font stack unless told another of its own.
PLOTLY_MAP_FONTSTACK = "Open Sans Regular"


def glyph_ids(start: int) -> tuple[str, str, set[int]]:
    """The font stack, range and glyph ids of one shipped range file."""
    data = (GLYPH_DIR / f"{start}-{start + 255}.pbf").read_bytes()
    (number, stack), *rest = message_fields(data)
    assert number == 1
    assert not rest
    fields = list(message_fields(stack))
    name = next(value for number, value in fields if number == 1).decode()
    span = next(value for number, value in fields if number == 2).decode()
    ids = {dict(message_fields(value))[1] for number, value in fields if number == 3}
    return name, span, ids


@pytest.fixture(scope="module")
def label_characters(corpus):
    """Every character of every text label on both maps of the corpus."""
    layers = load_geo_layers(geo_dir(corpus))
    characters = set()
    for view in ("border", WORLD_VIEW):
        figure = build_map_view(corpus, corpus, layers, (), set(), view, False).figure
        for trace in figure.data:
            if "text" in (trace.mode or "") and trace.text is not None:
                texts = [trace.text] if isinstance(trace.text, str) else trace.text
                characters |= set("".join(texts))
    return characters


def test_the_offline_style_asks_this_app_for_glyphs():
    assert GLYPHS_URL.startswith("/app/static/glyphs/")
    assert OFFLINE_STYLE["glyphs"] == GLYPHS_URL
    assert FONTSTACK == PLOTLY_MAP_FONTSTACK


def test_every_label_character_has_a_shipped_glyph(label_characters):
    assert len(label_characters) > 40, "the maps' labels were found"
    starts = {ord(character) // 256 * 256 for character in label_characters}
    missing = []
    for start in sorted(starts):
        name, span, ids = glyph_ids(start)
        assert (name, span) == (FONTSTACK, f"{start}-{start + 255}")
        missing += [
            c for c in label_characters if ord(c) // 256 * 256 == start and ord(c) not in ids
        ]
    assert not missing
