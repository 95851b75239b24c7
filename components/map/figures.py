"""Pure figure builders for the Map page: the border area around Lake Sev and the world view.

Both are plotly MapLibre maps (`go.Scattermap`, `layout.map`) on the "white-bg" style with
the vector layers of data/geo, so they draw with no tile server and no internet. Text
labels draw too: MapLibre renders the glyphs locally when its font server is out of reach.
Lines and points that need a legend entry (the two border sources, Nagorno-Karabakh, the
places) are traces; plain fills are `layout.map.layers`. No streamlit here.

This module draws the data (places, towns, seats, arcs, the crisis site) on the ground
that figure_basemap.py lays: fills, borders, region names, the scale, the shared layout.
"""

from __future__ import annotations

import html
import math

import pandas as pd
import plotly.graph_objects as go

from components.app.figures import new_figure
from components.map.figure_basemap import (
    BASEMAP_STYLE,
    OFFLINE_STYLE,
    add_region_labels,
    add_regional_context,
    add_scale,
    common_layout,
    fill_layers,
    graticule_layers,
    line_trace,
    world_layers,
)
from components.map.geo import (
    BORDER_AREA_BOX,
    GeoLayers,
    great_circle,
)

# Default zoom of the border area: Lake Sevan (north) to Goris and Lachin (south-east).
BORDER_AREA_ZOOM = 7.4
# Default view of the world map: Washington to Baku.
WORLD_CENTER = {"lat": 44.0, "lon": -15.0}
WORLD_ZOOM = 1.6

ARTICLE_PLACE_COLOR = "#b2182b"
TOWN_COLOR = "#4d4d4d"
SEAT_COLOR = "#2166ac"
ARC_COLOR = "#8c8c8c"
DIMMED_OPACITY = 0.3

ARTICLE_PLACES_NAME = "Places in the article (click one)"
TOWNS_NAME = "Towns and capitals (context)"
SEATS_NAME = "Where the actors spoke from (size: statements)"
CRISIS_NAME = "Crisis site"
ARCS_NAME = "Seat to crisis site"


def border_area_figure(
    layers: GeoLayers,
    activity: pd.DataFrame,
    towns: pd.DataFrame,
    center: tuple[float, float],
    highlight_ids: set[str] | frozenset[str] = frozenset(),
    basemap: bool = False,
    view: tuple[tuple[float, float], float, str] | None = None,
) -> go.Figure:
    """The border area: countries, regions, both border sources, the lake, towns and places.

    ``view``: (centre, zoom, name) of a sector to open on; the whole area around ``center``
    when None. A place's hover lists its reports by side when ``activity`` has ``by_side``.

    ``activity`` is `components.map.geo.place_activity` (with distance_km), ``towns`` the context
    places (name, lat, lon, kind, and distance_km). ``center`` is the crisis site (lat, lon).
    When ``highlight_ids`` is not empty (an actor filter is set), other places fade.
    """
    opening = view or (center, BORDER_AREA_ZOOM, "border")
    # The layout (with its GeoJSON layers) goes in first: update_layout would copy the
    # layers again (100 to 240 ms for the world view's).
    fig = new_figure(
        layout={
            "map": {
                "style": BASEMAP_STYLE if basemap else OFFLINE_STYLE,
                "center": {"lat": opening[0][0], "lon": opening[0][1]},
                "zoom": opening[1],
                "layers": fill_layers(layers, basemap),
            },
            # A new sector is a new view: the reader's pan and zoom are kept within one.
            "uirevision": f"border-area-{opening[2]}",
            **common_layout(),
        }
    )
    add_regional_context(fig, layers)
    add_region_labels(fig, layers)
    add_scale(fig, center, towns)
    _add_towns(fig, activity, towns, highlight_ids)
    _add_article_places(fig, activity, highlight_ids)
    return fig


def world_figure(
    layers: GeoLayers,
    seats: pd.DataFrame,
    crisis: pd.Series,
    highlight_ids: set[str] | frozenset[str] = frozenset(),
    basemap: bool = False,
) -> go.Figure:
    """Where the actors spoke from, sized by their statements, with the crisis site marked.

    ``seats`` is `components.map.geo.seat_activity`; ``crisis`` the crisis site's location row
    (location_name, lat, lon).
    """
    fig = new_figure(
        layout={
            "map": {
                "style": BASEMAP_STYLE if basemap else OFFLINE_STYLE,
                "center": WORLD_CENTER,
                "zoom": WORLD_ZOOM,
                "layers": [
                    *world_layers(layers, basemap),
                    *graticule_layers(),
                    *fill_layers(layers, basemap),
                ],
            },
            "uirevision": "world",
            **common_layout(),
        }
    )
    _add_arcs(fig, seats, crisis)
    _add_crisis_site(fig, crisis)
    _add_seats(fig, seats, highlight_ids)
    return fig


def _add_towns(fig: go.Figure, activity: pd.DataFrame, towns: pd.DataFrame, highlight_ids) -> None:
    """Context towns of places.csv and the dataset's other places in the area (the capitals)."""
    others = activity[~activity["is_article_place"]]
    lon_min, lat_min, lon_max, lat_max = BORDER_AREA_BOX
    in_area = others["lon"].between(lon_min, lon_max) & others["lat"].between(lat_min, lat_max)
    others = others[in_area]
    names = list(towns["name"]) + list(others["location_name"])
    lats = list(towns["lat"]) + list(others["lat"])
    lons = list(towns["lon"]) + list(others["lon"])
    ids = [None] * len(towns) + list(others["location_id"])
    kinds = list(towns["kind"]) + list(others["location_type"])
    km = list(towns["distance_km"]) + list(others["distance_km"])
    hover = [
        html.escape(f"{name} ({kind}), {distance:.0f} km from the crisis site")
        for name, kind, distance in zip(names, kinds, km, strict=True)
    ]
    # Context towns (no id) never fade: the filter is about the dataset's places.
    opacity = [
        DIMMED_OPACITY if highlight_ids and place_id and place_id not in highlight_ids else 1.0
        for place_id in ids
    ]
    fig.add_trace(
        dict(
            type="scattermap",
            lat=lats,
            lon=lons,
            mode="markers+text",
            marker={"size": 8, "color": TOWN_COLOR, "opacity": opacity},
            text=[html.escape(name) for name in names],
            textposition="bottom right",
            textfont={"size": 12, "color": "#262626"},
            customdata=[[place_id] for place_id in ids],
            hovertext=hover,
            hoverinfo="text",
            name=TOWNS_NAME,
        )
    )


def _add_article_places(fig: go.Figure, activity: pd.DataFrame, highlight_ids) -> None:
    """The article's places: red points, labelled with their counts, clickable."""
    places = activity[activity["is_article_place"]]
    opacity = [
        1.0 if not highlight_ids or place_id in highlight_ids else DIMMED_OPACITY
        for place_id in places["location_id"]
    ]
    fig.add_trace(
        dict(
            type="scattermap",
            lat=places["lat"],
            lon=places["lon"],
            mode="markers+text",
            marker={"size": 15, "color": ARTICLE_PLACE_COLOR, "opacity": opacity},
            text=[html.escape(_place_label(row)) for row in places.itertuples(index=False)],
            textposition="top left",
            textfont={"size": 13, "color": ARTICLE_PLACE_COLOR},
            customdata=[[place_id] for place_id in places["location_id"]],
            hovertext=[_place_hover(row) for row in places.itertuples(index=False)],
            hoverinfo="text",
            name=ARTICLE_PLACES_NAME,
        )
    )


def _place_label(row) -> str:
    return f"{row.location_name} ({row.statement_count + row.event_count})"


def _place_hover(row) -> str:
    lines = [
        f"{row.location_name} ({row.location_type})",
        _counts(row.statement_count, row.event_count),
        f"{row.lat:.4f} N, {row.lon:.4f} E; {row.geo_precision}",
    ]
    by_side = getattr(row, "by_side", None)
    if isinstance(by_side, tuple) and by_side:
        lines[2:2] = ["Reported by outlets of each side:", *by_side]
    return _hover_lines(lines)


def _hover_lines(lines: list[str]) -> str:
    """Data text escaped line by line, joined with plotly's line break."""
    return "<br>".join(html.escape(line) for line in lines)


def _counts(statement_count: int, event_count: int) -> str:
    statements = f"{statement_count} statement{'s' if statement_count != 1 else ''}"
    events = f"{event_count} event{'s' if event_count != 1 else ''}"
    return f"{statements}, {events}"


def _add_arcs(fig: go.Figure, seats: pd.DataFrame, crisis: pd.Series) -> None:
    lats: list[float | None] = []
    lons: list[float | None] = []
    for row in seats.itertuples(index=False):
        arc_lats, arc_lons = great_circle(row.lat, row.lon, crisis["lat"], crisis["lon"])
        lats += [*arc_lats, None]
        lons += [*arc_lons, None]
    fig.add_trace(line_trace(lats, lons, ARC_COLOR, 1, ARCS_NAME))


def _add_crisis_site(fig: go.Figure, crisis: pd.Series) -> None:
    fig.add_trace(
        dict(
            type="scattermap",
            lat=[crisis["lat"]],
            lon=[crisis["lon"]],
            mode="markers+text",
            marker={"size": 14, "color": ARTICLE_PLACE_COLOR},
            text=[html.escape(f"{crisis['location_name']} (crisis site)")],
            textposition="bottom right",
            textfont={"size": 13, "color": ARTICLE_PLACE_COLOR},
            customdata=[[crisis.name if isinstance(crisis.name, str) else None]],
            hovertext=[html.escape(f"{crisis['location_name']}: where the crisis took place")],
            hoverinfo="text",
            name=CRISIS_NAME,
        )
    )


def _add_seats(fig: go.Figure, seats: pd.DataFrame, highlight_ids) -> None:
    sizes = [seat_marker_size(count) for count in seats["statement_count"]]
    opacity = [
        (0.85 if not highlight_ids or place_id in highlight_ids else DIMMED_OPACITY)
        for place_id in seats["location_id"]
    ]
    labels = [
        html.escape(f"{row.location_name}: {row.statement_count}")
        for row in seats.itertuples(index=False)
    ]
    hover = [
        _hover_lines(
            [
                f"{row.location_name}: {row.statement_count} statement"
                f"{'s' if row.statement_count != 1 else ''}",
                f"Seated here: {row.actor_names}",
            ]
        )
        for row in seats.itertuples(index=False)
    ]
    fig.add_trace(
        dict(
            type="scattermap",
            lat=seats["lat"],
            lon=seats["lon"],
            mode="markers+text",
            marker={"size": sizes, "color": SEAT_COLOR, "opacity": opacity},
            text=labels,
            textposition="top right",
            textfont={"size": 12, "color": "#08306b"},
            customdata=[[place_id] for place_id in seats["location_id"]],
            hovertext=hover,
            hoverinfo="text",
            name=SEATS_NAME,
        )
    )


def seat_marker_size(statement_count: int) -> float:
    """Marker diameter in px: the area grows with the number of statements."""
    return 8 + 7 * math.sqrt(statement_count)
