"""The border map's labels on the whole corpus: none overlaps another at the zoom each view
opens on (issue: "Tegh (9)" ran into "Sev Lich (Lake Sev) (37)"), the boxes measured as
MapLibre lays the labels out."""

from itertools import combinations

import pytest

from components.app.places import geo_dir, place_activity
from components.map.figures import (
    BORDER_AREA_ZOOM,
    OPENING_MAPS_PX,
    PLACE_LABELS_NAME,
    _town_points,
    border_area_figure,
    border_label_layout,
    opening_frames,
)
from components.map.geo import context_places, crisis_site, load_geo_layers, with_distance_km
from components.map.labels import (
    Box,
    MapLabel,
    label_box,
    pixel,
    place_labels,
    text_lines,
    text_size_px,
)
from components.map.sides import SECTOR_ZOOM, sector_center


@pytest.fixture(scope="module")
def layers(corpus):
    return load_geo_layers(geo_dir(corpus))


@pytest.fixture(scope="module")
def center(corpus):
    lake = crisis_site(corpus.locations, corpus.statements, corpus.events)
    return lake["lat"], lake["lon"]


@pytest.fixture(scope="module")
def activity(corpus, center):
    counts = place_activity(corpus.locations, corpus.statements, corpus.events)
    return with_distance_km(counts, *center)


@pytest.fixture(scope="module")
def towns(corpus, layers, center):
    return with_distance_km(context_places(layers.places, corpus.locations), *center)


def overlapping(layout) -> list[tuple[str, str]]:
    boxes = [(key, placed.box) for key, placed in layout.items() if placed is not None]
    return [(a, b) for (a, box_a), (b, box_b) in combinations(boxes, 2) if box_a.intersects(box_b)]


def test_no_two_labels_overlap_at_the_default_view(layers, activity, towns, center):
    layout = border_label_layout(layers, activity, towns, center, BORDER_AREA_ZOOM)
    assert overlapping(layout) == []
    shown = [key for key, placed in layout.items() if placed is not None]
    assert len(shown) > 30, "most labels are drawn"


def test_tegh_is_clear_of_sev_lich(layers, activity, towns, center):
    """The issue's pair: the crisis site's label is drawn, and Tegh's, if drawn, is apart."""
    layout = border_label_layout(layers, activity, towns, center, BORDER_AREA_ZOOM)
    sev_lich = layout["place:sev_lich"]
    assert sev_lich is not None
    tegh = layout["place:tegh"]
    assert tegh is None or not tegh.box.intersects(sev_lich.box)


@pytest.mark.parametrize("sector", [s for s in SECTOR_ZOOM if s != "border"])
def test_no_two_labels_overlap_in_a_sector(corpus, layers, activity, towns, center, sector):
    zoom = SECTOR_ZOOM[sector]
    assert sector_center(corpus.locations, sector) is not None
    layout = border_label_layout(layers, activity, towns, center, zoom)
    assert overlapping(layout) == []


def test_the_most_reported_places_keep_their_labels(layers, activity, towns, center):
    """Labels go most reported first: the six most reported places in the area are named."""
    layout = border_label_layout(layers, activity, towns, center, BORDER_AREA_ZOOM)
    places = activity[activity["is_article_place"]]
    x, y = pixel(*center, BORDER_AREA_ZOOM)
    near = [
        row
        for row in places.itertuples(index=False)
        if abs(pixel(row.lat, row.lon, BORDER_AREA_ZOOM)[0] - x) < 400
        and abs(pixel(row.lat, row.lon, BORDER_AREA_ZOOM)[1] - y) < 300
    ]
    busiest = sorted(near, key=lambda row: -(row.statement_count + row.event_count))[:6]
    assert [row.location_id for row in busiest if layout[f"place:{row.location_id}"] is None] == []


def test_labels_at_the_right_edge_read_inwards_at_the_opening_view(
    corpus, layers, activity, towns, center
):
    """At the view the border map opens on, on a 1,400 px screen (a map 689 px wide), the
    labels of Stepanakert, Gubadli and Zangilan ran past the map's right edge and were cut.
    Zangilan's now reads to the left of its point, inside the map. On a 1,280 px screen
    (599 px) the others have no place inside the map that is not taken by the label of a
    place more reported (Shushi's; Syunik province's and Davit Bek's): they are left off
    (the names are in the points' hovers), not cut. No two labels overlap."""
    view_center = sector_center(corpus.locations, "border")
    layout = border_label_layout(layers, activity, towns, center, BORDER_AREA_ZOOM, view_center)
    assert overlapping(layout) == []
    frames = opening_frames(view_center, BORDER_AREA_ZOOM)
    zangilan = layout["place:zangilan"]
    assert zangilan is not None
    assert zangilan.position.endswith("left")
    assert all(frame.contains(zangilan.box) for frame in frames)
    names = _town_points(activity, towns)["name"].tolist()
    town = f"town:{names.index('Stepanakert / Khankendi')}"
    assert layout[town] is None
    assert layout["place:gubadli"] is None
    assert layout["place:shushi"] is not None


@pytest.mark.parametrize("sector", list(SECTOR_ZOOM))
def test_no_label_is_cut_by_the_map_edge_on_any_opening_screen(
    corpus, layers, activity, towns, center, sector
):
    """No label runs past the edge of the map at the view it opens on, on a 1,280, 1,400 or
    1,920 px screen: "Shushi (Shusha) (6)" was cut at the right edge at 1,400 px (all its
    positions inside the map met Nagorno-Karabakh's label, which now moves over to make
    room), and "Zangilan (Zəngilan) district (4)" at the bottom at 1,280 px (the frames
    took the map for MAP_HEIGHT_PX tall under the legend; the legend's rows sit above it)."""
    view_center = sector_center(corpus.locations, sector)
    zoom = SECTOR_ZOOM[sector]
    layout = border_label_layout(layers, activity, towns, center, zoom, view_center)
    for (width, _), frame in zip(OPENING_MAPS_PX, opening_frames(view_center, zoom), strict=True):
        cut = [
            key
            for key, placed in layout.items()
            if placed and placed.box.intersects(frame) and not frame.contains(placed.box)
        ]
        assert cut == [], width
    if sector == "border":
        assert layout["place:shushi"] is not None


def test_the_figure_draws_the_layout(layers, activity, towns, center):
    """Each place label is drawn at its chosen position; a place left off is still a
    point with its name in the hover."""
    fig = border_area_figure(layers, activity, towns, center=center)
    layout = border_label_layout(layers, activity, towns, center, BORDER_AREA_ZOOM)
    drawn = {
        (text, trace.textposition)
        for trace in fig.data
        if trace.name.startswith(f"{PLACE_LABELS_NAME} (")
        for text in trace.text
    }
    places = activity[activity["is_article_place"]]
    for row in places.itertuples(index=False):
        placed = layout[f"place:{row.location_id}"]
        label = f"{row.location_name} ({row.statement_count + row.event_count})"
        if placed is None:
            assert not any(text == label for text, _ in drawn)
        else:
            assert (label, placed.position) in drawn


def test_lines_break_as_maplibre_breaks_them():
    """MapLibre's balanced lines of at most 10 ems, as seen in the browser."""
    assert text_lines("Tegh (9)") == ["Tegh (9)"]
    assert text_lines("Sev Lich (Lake Sev) (37)") == ["Sev Lich (Lake", "Sev) (37)"]
    assert text_lines("Babek (Babək) district, Nakhchivan (2)") == [
        "Babek (Babək) district,",
        "Nakhchivan (2)",
    ]
    width, height = text_size_px("Sev Lich (Lake Sev) (37)", 13)
    # Measured in Chromium with MapLibre's collision boxes: 98 px wide with its 2 px padding.
    assert width == pytest.approx(94, abs=3)
    assert height == pytest.approx(2 * 1.2 * 13)


def test_a_label_that_fits_nowhere_is_left_off():
    crowded = [MapLabel(f"l{i}", "A long enough label", 40.0, 45.0, 13, 15) for i in range(9)]
    layout = place_labels(crowded, [], zoom=7.4)
    assert layout["l0"] is not None
    assert layout["l8"] is None
    assert overlapping(layout) == []


def test_boxes_follow_plotly_text_positions():
    label = MapLabel("x", "Tegh (9)", 0.0, 0.0, 10, 0)
    x, y = pixel(0.0, 0.0, 5)
    right = label_box(label, "middle right", 5)
    left = label_box(label, "middle left", 5)
    above = label_box(label, "top center", 5)
    assert right.left > x > right.left - 10
    assert left.right < x
    assert above.bottom < y + 2
    assert Box(0, 0, 1, 1).intersects(Box(0.5, 0.5, 2, 2))
    assert not Box(0, 0, 1, 1).intersects(Box(1, 0, 2, 1))


def test_a_label_at_the_frame_edge_takes_a_position_inside_it():
    """A point 20 px from the frame's right edge: its label would read right, out of the
    frame; it reads left. A frame that cuts every position leaves the label off."""
    label = MapLabel("edge", "Stepanakert / Khankendi", 39.8, 46.75, 12, 8)
    x, y = pixel(label.lat, label.lon, 7.4)
    frame = Box(x - 400, y - 300, x + 20, y + 300)
    assert place_labels([label], [], 7.4)["edge"].position == "top right"
    inside = place_labels([label], [], 7.4, [frame])["edge"]
    assert frame.contains(inside.box)
    assert inside.position == "top left"
    tight = Box(x - 5, y - 5, x + 5, y + 5)
    assert place_labels([label], [], 7.4, [tight])["edge"] is None


def test_a_label_placed_before_moves_to_make_room_inside_the_frame():
    """Two labels of one point at the frame's right edge: the first takes "top left", the
    only place of the second inside the frame; it moves to "bottom left", and both show."""
    first = MapLabel("first", "Tegh (9)", 39.8, 46.75, 13, 15, ("top left", "bottom left"))
    second = MapLabel("second", "Shushi (6)", 39.8, 46.75, 13, 15, ("top left",))
    x, y = pixel(first.lat, first.lon, 7.4)
    frame = Box(x - 400, y - 300, x + 20, y + 300)
    alone = place_labels([first], [], 7.4, [frame])
    assert alone["first"].position == "top left"
    layout = place_labels([first, second], [], 7.4, [frame])
    assert layout["first"].position == "bottom left"
    assert layout["second"].position == "top left"
    assert overlapping(layout) == []
    assert all(frame.contains(placed.box) for placed in layout.values())
