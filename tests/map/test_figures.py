"""Structure and content of the Map page's figures, built from the real dataset."""

import pandas as pd
import pytest

from components.app.palette import MIN_TEXT_CONTRAST, contrast_ratio
from components.app.places import geo_dir, place_activity
from components.data import load_dataset
from components.map.figure_basemap import (
    ARMENIA_FILL,
    AZERBAIJAN_FILL,
    GEOBOUNDARIES_NAME,
    LAKE_FILL,
    NAGORNO_KARABAKH_COLOR,
    NAGORNO_KARABAKH_NAME,
    NE_BORDER_NAME,
    NEIGHBOUR_FILL,
    OFFLINE_STYLE,
    REGION_LABEL_COLOR,
)
from components.map.figures import (
    ARTICLE_PLACES_NAME,
    DIMMED_OPACITY,
    PLACE_LABEL_COLOR,
    PLACE_LABELS_NAME,
    SEATS_NAME,
    TOWN_LABEL_COLOR,
    TOWN_LABELS_NAME,
    TOWNS_NAME,
    border_area_figure,
    seat_marker_size,
    world_figure,
)
from components.map.geo import (
    PREFERRED_CRISIS_LOCATION_ID,
    context_places,
    crisis_site,
    geometry_lines,
    haversine_km,
    load_geo_layers,
    seat_activity,
    with_distance_km,
)

# The floor: the default view is centred within 10 km of Sev Lich.
MAX_CENTRE_OFFSET_KM = 10


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


@pytest.fixture(scope="module")
def layers(ds):
    return load_geo_layers(geo_dir(ds))


@pytest.fixture(scope="module")
def lake(ds):
    return crisis_site(ds.locations, ds.statements, ds.events)


@pytest.fixture(scope="module")
def activity(ds, lake):
    frame = place_activity(ds.locations, ds.statements, ds.events)
    return with_distance_km(frame, lake["lat"], lake["lon"])


@pytest.fixture(scope="module")
def towns(ds, layers, lake):
    return with_distance_km(context_places(layers.places, ds.locations), lake["lat"], lake["lon"])


@pytest.fixture(scope="module")
def border_fig(layers, activity, towns, lake):
    return border_area_figure(layers, activity, towns, center=(lake["lat"], lake["lon"]))


def trace(fig, name):
    matches = [t for t in fig.data if t.name == name]
    assert len(matches) == 1, name
    return matches[0]


def test_default_view_is_centred_on_sev_lich(border_fig, lake):
    center = border_fig.layout.map.center
    assert haversine_km(center.lat, center.lon, lake["lat"], lake["lon"]) < MAX_CENTRE_OFFSET_KM
    assert 6 <= border_fig.layout.map.zoom <= 10


def test_offline_style_and_only_geojson_layers(border_fig):
    """No tile source: a white background, the labels' glyphs from the app itself (not a
    font server) and vector layers shipped with the data."""
    style = border_fig.layout.map.style
    assert [layer["type"] for layer in style["layers"]] == ["background"]
    assert all(source["type"] == "geojson" for source in style["sources"].values())
    assert style["glyphs"].startswith("/app/static/glyphs/")
    assert border_fig.layout.map.layers
    assert {layer.sourcetype for layer in border_fig.layout.map.layers} == {"geojson"}
    assert all(t.type == "scattermap" for t in border_fig.data)


def test_both_border_sources_are_drawn_and_named(border_fig, layers):
    natural_earth = trace(border_fig, NE_BORDER_NAME)
    geoboundaries = trace(border_fig, GEOBOUNDARIES_NAME)
    assert "Natural Earth" in natural_earth.name
    assert "geoBoundaries" in geoboundaries.name
    assert natural_earth.showlegend is not False
    assert geoboundaries.showlegend is not False
    assert natural_earth.line.color != geoboundaries.line.color
    lats, lons = geometry_lines(layers.border)
    assert list(natural_earth.lat) == lats
    assert list(natural_earth.lon) == lons
    assert sum(lat is not None for lat in geoboundaries.lat) > 100


def test_nagorno_karabakh_is_labelled_for_what_it_is(border_fig):
    nk = trace(border_fig, NAGORNO_KARABAKH_NAME)
    assert "pre-2020" in nk.name
    assert "not the former NKAO" in nk.name


def test_lake_sevan_and_country_fills_are_layers(border_fig, layers):
    sources = [layer.source for layer in border_fig.layout.map.layers]
    lake_names = {
        f["properties"]["name"]
        for s in sources
        for f in s["features"]
        if "featurecla" in f["properties"]
    }
    assert "Lake Sevan" in lake_names
    iso3 = {f["properties"].get("iso3") for s in sources for f in s["features"]}
    assert {"ARM", "AZE"} <= iso3


def test_article_places_are_clickable_at_their_coordinates(border_fig, activity):
    places = trace(border_fig, ARTICLE_PLACES_NAME)
    expected = activity[activity["is_article_place"]]
    assert [c[0] for c in places.customdata] == expected["location_id"].tolist()
    assert list(places.lat) == pytest.approx(expected["lat"].tolist())
    assert list(places.lon) == pytest.approx(expected["lon"].tolist())
    assert PREFERRED_CRISIS_LOCATION_ID in [c[0] for c in places.customdata]


def labels(fig, name):
    """(text, lat, lon) of every label drawn by the label traces of ``name`` (one per position)."""
    return [
        (text, lat, lon)
        for t in fig.data
        if t.name.startswith(f"{name} (")
        for text, lat, lon in zip(t.text, t.lat, t.lon, strict=True)
    ]


def test_towns_around_the_lake_are_labelled(border_fig, towns):
    drawn = {text: (lat, lon) for text, lat, lon in labels(border_fig, TOWN_LABELS_NAME)}
    for name in ["Goris", "Vardenis", "Jermuk", "Lachin", "Kalbajar", "Stepanakert / Khankendi"]:
        assert name in drawn
    goris = towns.set_index("name").loc["Goris"]
    assert drawn["Goris"] == pytest.approx((goris["lat"], goris["lon"]))
    assert [c[0] for c in trace(border_fig, TOWNS_NAME).customdata[: len(towns)]] == [None] * len(
        towns
    )


def test_regions_around_the_lake_are_labelled(border_fig):
    labels = {text for t in border_fig.data if t.mode == "text" for text in t.text}
    for region in ["SYUNIK", "GEGHARKUNIK", "VAYOTS DZOR", "KALBAJAR", "LACHIN"]:
        assert region in labels


def test_text_only_traces_keep_the_default_text_position(border_fig, ds, layers, lake):
    """Any other position gives MapLibre a NaN text offset for text-only traces, which
    breaks the map (and its click events) in the browser."""
    seats = seat_activity(ds.actors, ds.statements, ds.locations)
    world = world_figure(layers, seats, lake)
    for fig in (border_fig, world):
        for t in fig.data:
            if t.mode == "text":
                assert t.textposition in (None, "middle center"), t.name


def test_filter_fades_places_not_tied_to_the_chosen_actors(layers, activity, towns, lake):
    fig = border_area_figure(
        layers, activity, towns, center=(lake["lat"], lake["lon"]), highlight_ids={"sev_lich"}
    )
    places = trace(fig, ARTICLE_PLACES_NAME)
    opacity = dict(zip([c[0] for c in places.customdata], places.marker.opacity, strict=True))
    assert opacity["sev_lich"] == 1.0
    assert all(value == DIMMED_OPACITY for key, value in opacity.items() if key != "sev_lich")


def test_data_text_is_escaped_in_labels_and_hovers(layers, activity, towns, lake):
    hostile = activity.copy()
    hostile.loc[hostile["location_id"] == PREFERRED_CRISIS_LOCATION_ID, "location_name"] = (
        "<b>Lake</b>"
    )
    fig = border_area_figure(layers, hostile, towns, center=(lake["lat"], lake["lon"]))
    places = trace(fig, ARTICLE_PLACES_NAME)
    assert all("<b>" not in text for text, _, _ in labels(fig, PLACE_LABELS_NAME))
    assert any("&lt;b&gt;Lake" in text for text, _, _ in labels(fig, PLACE_LABELS_NAME))
    assert any("&lt;b&gt;Lake" in hover for hover in places.hovertext)


def test_world_map_sizes_seats_by_statements(ds, layers, lake):
    seats = seat_activity(ds.actors, ds.statements, ds.locations)
    fig = world_figure(layers, seats, lake)
    drawn = trace(fig, SEATS_NAME)
    ids = [c[0] for c in drawn.customdata]
    for needed in ["yerevan", "baku", "moscow", "washington_dc", "paris", "brussels"]:
        assert needed in ids
    assert "un_headquarters_new_york" in ids
    counts = seats.set_index("location_id")["statement_count"]
    for location_id, size in zip(ids, drawn.marker.size, strict=True):
        assert size == seat_marker_size(int(counts[location_id]))
    assert seat_marker_size(8) > seat_marker_size(3) > seat_marker_size(0)
    crisis = [
        t
        for t in fig.data
        if t.customdata is not None
        and [PREFERRED_CRISIS_LOCATION_ID] in [list(c) for c in t.customdata]
    ]
    assert crisis, "the crisis site is marked"
    assert fig.layout.map.style == OFFLINE_STYLE


def test_world_map_draws_every_country_offline(ds, layers, lake):
    seats = seat_activity(ds.actors, ds.statements, ds.locations)
    offline = world_figure(layers, seats, lake)
    sources = [layer.source for layer in offline.layout.map.layers]
    assert layers.world in sources
    names = {feature["properties"]["name"] for feature in layers.world["features"]}
    assert {"Armenia", "Azerbaijan", "Russia", "United States of America", "France"} <= names
    with_tiles = world_figure(layers, seats, lake, basemap=True)
    assert layers.world not in [layer.source for layer in with_tiles.layout.map.layers]


def test_basemap_switch_uses_online_tiles_only_when_asked(layers, activity, towns, lake):
    fig = border_area_figure(
        layers, activity, towns, center=(lake["lat"], lake["lon"]), basemap=True
    )
    assert fig.layout.map.style == "open-street-map"


def test_empty_towns_still_draws(layers, activity, lake):
    empty = pd.DataFrame(
        columns=["location_id", "name", "lat", "lon", "kind", "source", "distance_km"]
    )
    fig = border_area_figure(layers, activity, empty, center=(lake["lat"], lake["lon"]))
    assert trace(fig, ARTICLE_PLACES_NAME)


def test_label_colours_read_on_every_fill():
    """Every map label's colour is at least 4.5:1 (WCAG AA) on the fills it may sit on:
    white, the countries' and neighbours' fills, and Lake Sevan (not the region names,
    which sit inside their regions, away from the lake)."""
    land = [OFFLINE_STYLE["layers"][0]["paint"]["background-color"]]
    land += [ARMENIA_FILL, AZERBAIJAN_FILL, NEIGHBOUR_FILL]
    for colour in (PLACE_LABEL_COLOR, TOWN_LABEL_COLOR, NAGORNO_KARABAKH_COLOR):
        for fill in [*land, LAKE_FILL]:
            assert contrast_ratio(colour, fill) >= MIN_TEXT_CONTRAST, (colour, fill)
    for fill in land:
        assert contrast_ratio(REGION_LABEL_COLOR, fill) >= MIN_TEXT_CONTRAST, fill
