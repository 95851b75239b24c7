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
    CREDITS_PX,
    MAP_HEIGHT_PX,
    OFFLINE_STYLE,
    add_region_labels,
    add_regional_context,
    add_scale,
    common_layout,
    fill_layers,
    graticule_layers,
    line_trace,
    region_labels,
    scale_label,
    world_layers,
)
from components.map.geo import (
    BORDER_AREA_BOX,
    GeoLayers,
    great_circle,
)
from components.map.labels import Box, MapLabel, Marker, PlacedLabel, frame_box, place_labels

# Default zoom of the border area: Lake Sevan (north) to Goris and Lachin (south-east).
BORDER_AREA_ZOOM = 7.4
# The border map's width (the page's map column) on desktop screens 1,280, 1,400 and 1,920
# px wide, and the height of its legend's rows there, measured in Chromium (fewer, wider
# rows on a wider chart). The legend sits above the map: plotly grows the top margin to fit
# it (margin.autoexpand), so the map is MAP_HEIGHT_PX less the legend tall, centred on the
# view's centre, the credits' line under it (CREDITS_PX). At the opening view, no label is
# cut by the map's edge on any of them.
OPENING_MAPS_PX = ((599, 121), (689, 83), (1079, 64))
# Default view of the world map: Washington to Baku.
WORLD_CENTER = {"lat": 44.0, "lon": -15.0}
WORLD_ZOOM = 1.6

ARTICLE_PLACE_COLOR = "#b2182b"
# The places' names: the points' red, darkened to reach 4.5:1 (WCAG AA) on every fill,
# Lake Sevan's blue included (the points' own red is 4.1:1 there).
PLACE_LABEL_COLOR = "#9b1426"
TOWN_LABEL_COLOR = "#262626"
TOWN_COLOR = "#4d4d4d"
SEAT_COLOR = "#2166ac"
ARC_COLOR = "#8c8c8c"
DIMMED_OPACITY = 0.3

ARTICLE_PLACES_NAME = "Places in the article (click one)"
TOWNS_NAME = "Towns and capitals (context)"
PLACE_LABELS_NAME = "Place labels"
TOWN_LABELS_NAME = "Town labels"
PLACE_MARKER_PX = 15
PLACE_FONT_PX = 13
TOWN_MARKER_PX = 8
TOWN_FONT_PX = 12
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
    layout = border_label_layout(layers, activity, towns, center, opening[1], opening[0])
    add_region_labels(fig, layers, {key for key, placed in layout.items() if placed})
    add_scale(fig, center, towns)
    _add_towns(fig, _town_points(activity, towns), highlight_ids, layout)
    _add_article_places(fig, activity, highlight_ids, layout)
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


def _town_points(activity: pd.DataFrame, towns: pd.DataFrame) -> pd.DataFrame:
    """Context towns of places.csv and the dataset's other places in the area (the capitals):
    name, lat, lon, location_id (None for a context town), kind, distance_km."""
    others = activity[~activity["is_article_place"]]
    lon_min, lat_min, lon_max, lat_max = BORDER_AREA_BOX
    in_area = others["lon"].between(lon_min, lon_max) & others["lat"].between(lat_min, lat_max)
    others = others[in_area]
    return pd.DataFrame(
        {
            "name": list(towns["name"]) + list(others["location_name"]),
            "lat": list(towns["lat"]) + list(others["lat"]),
            "lon": list(towns["lon"]) + list(others["lon"]),
            # None (not NaN) for a context town: no id to click or to fade.
            "location_id": pd.Series(
                [None] * len(towns) + list(others["location_id"]), dtype=object
            ),
            "kind": list(towns["kind"]) + list(others["location_type"]),
            "distance_km": list(towns["distance_km"]) + list(others["distance_km"]),
        }
    )


def _article_places(activity: pd.DataFrame) -> pd.DataFrame:
    return activity[activity["is_article_place"]]


def border_label_layout(
    layers: GeoLayers,
    activity: pd.DataFrame,
    towns: pd.DataFrame,
    center: tuple[float, float],
    zoom: float,
    view_center: tuple[float, float] | None = None,
) -> dict[str, PlacedLabel | None]:
    """Where each label of the border map goes at ``zoom`` (components/map/labels.py), none
    over another: the scale's first, then the article's places (the most reported first),
    the regions', the towns'. Keys: "scale", "region:<name>", "nagorno-karabakh",
    "place:<location_id>", "town:<row>". A label is never cut by the edge of the
    opening_frames around ``view_center`` (the crisis site ``center`` when None)."""
    places = _article_places(activity)
    points = _town_points(activity, towns)
    by_weight = (places["statement_count"] + places["event_count"]).sort_values(
        ascending=False, kind="stable"
    )
    labels = [
        scale_label(center),
        *(
            MapLabel(
                f"place:{row.location_id}",
                _place_label(row),
                row.lat,
                row.lon,
                PLACE_FONT_PX,
                PLACE_MARKER_PX,
            )
            for row in places.loc[by_weight.index].itertuples(index=False)
        ),
        *region_labels(layers),
        *(
            MapLabel(f"town:{i}", row.name, row.lat, row.lon, TOWN_FONT_PX, TOWN_MARKER_PX)
            for i, row in enumerate(points.itertuples(index=False))
        ),
    ]
    markers = [
        *(Marker(row.lat, row.lon, PLACE_MARKER_PX) for row in places.itertuples(index=False)),
        *(Marker(row.lat, row.lon, TOWN_MARKER_PX) for row in points.itertuples(index=False)),
    ]
    return place_labels(labels, markers, zoom, opening_frames(view_center or center, zoom))


def opening_frames(view_center: tuple[float, float], zoom: float) -> list[Box]:
    """What the border map shows at the view it opens on, in labels.pixel's px, on each of
    the screens of OPENING_MAPS_PX: the map between the legend and the credits."""
    return [
        frame_box(*view_center, zoom, width, MAP_HEIGHT_PX - legend - CREDITS_PX)
        for width, legend in OPENING_MAPS_PX
    ]


def _add_labels(
    fig: go.Figure,
    points: pd.DataFrame,
    texts: list[str],
    positions: list[PlacedLabel | None],
    marker_px: float,
    textfont: dict,
    name: str,
) -> None:
    """The labels of one kind of point, a trace per text position (plotly takes one per
    trace). Its markers are invisible and skip the hover: the points' own trace, drawn
    after, takes the hover and the clicks; they are there because plotly.js offsets the
    text by the marker's size."""
    chosen = [placed.position if placed else None for placed in positions]
    for position in dict.fromkeys(p for p in chosen if p is not None):
        rows = [i for i, p in enumerate(chosen) if p == position]
        fig.add_trace(
            dict(
                type="scattermap",
                lat=[points["lat"].iloc[i] for i in rows],
                lon=[points["lon"].iloc[i] for i in rows],
                mode="markers+text",
                marker={"size": marker_px, "opacity": 0},
                text=[html.escape(texts[i]) for i in rows],
                textposition=position,
                textfont=textfont,
                hoverinfo="skip",
                name=f"{name} ({position})",
                showlegend=False,
            )
        )


def _add_towns(
    fig: go.Figure,
    points: pd.DataFrame,
    highlight_ids,
    layout: dict[str, PlacedLabel | None],
) -> None:
    """Context towns of places.csv and the dataset's other places in the area (the capitals)."""
    hover = [
        html.escape(f"{row.name} ({row.kind}), {row.distance_km:.0f} km from the crisis site")
        for row in points.itertuples(index=False)
    ]
    # Context towns (no id) never fade: the filter is about the dataset's places.
    opacity = [
        DIMMED_OPACITY if highlight_ids and place_id and place_id not in highlight_ids else 1.0
        for place_id in points["location_id"]
    ]
    _add_labels(
        fig,
        points,
        list(points["name"]),
        [layout.get(f"town:{i}") for i in range(len(points))],
        TOWN_MARKER_PX,
        {"size": TOWN_FONT_PX, "color": TOWN_LABEL_COLOR},
        TOWN_LABELS_NAME,
    )
    fig.add_trace(
        dict(
            type="scattermap",
            lat=list(points["lat"]),
            lon=list(points["lon"]),
            mode="markers",
            marker={"size": TOWN_MARKER_PX, "color": TOWN_COLOR, "opacity": opacity},
            customdata=[[place_id] for place_id in points["location_id"]],
            hovertext=hover,
            hoverinfo="text",
            name=TOWNS_NAME,
        )
    )


def _add_article_places(
    fig: go.Figure,
    activity: pd.DataFrame,
    highlight_ids,
    layout: dict[str, PlacedLabel | None],
) -> None:
    """The article's places: red points, labelled with their counts, clickable."""
    places = _article_places(activity)
    opacity = [
        1.0 if not highlight_ids or place_id in highlight_ids else DIMMED_OPACITY
        for place_id in places["location_id"]
    ]
    _add_labels(
        fig,
        places,
        [_place_label(row) for row in places.itertuples(index=False)],
        [layout.get(f"place:{place_id}") for place_id in places["location_id"]],
        PLACE_MARKER_PX,
        {"size": PLACE_FONT_PX, "color": PLACE_LABEL_COLOR},
        PLACE_LABELS_NAME,
    )
    fig.add_trace(
        dict(
            type="scattermap",
            lat=places["lat"],
            lon=places["lon"],
            mode="markers",
            marker={"size": PLACE_MARKER_PX, "color": ARTICLE_PLACE_COLOR, "opacity": opacity},
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
