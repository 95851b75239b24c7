"""Pure figure builders for the Map page: the border area around Lake Sev and the world view.

Both are plotly MapLibre maps (`go.Scattermap`, `layout.map`) on the "white-bg" style with
the vector layers of data/geo, so they draw with no tile server and no internet. Text
labels draw too: MapLibre renders the glyphs locally when its font server is out of reach.
Lines and points that need a legend entry (the two border sources, Nagorno-Karabakh, the
places) are traces; plain fills are `layout.map.layers`. No streamlit here.
"""

from __future__ import annotations

import html
import math

import pandas as pd
import plotly.graph_objects as go

from components.app.figures import new_figure
from components.map.geo import (
    BORDER_AREA_BOX,
    GeoLayers,
    features_where,
    focus_regions,
    geometry_lines,
    great_circle,
    haversine_km,
    label_point,
    outline_lines,
    scale_bar,
)

# Default zoom of the border area: Lake Sevan (north) to Goris and Lachin (south-east).
BORDER_AREA_ZOOM = 7.6
# Default view of the world map: Washington to Baku.
WORLD_CENTER = {"lat": 44.0, "lon": -15.0}
WORLD_ZOOM = 1.6
MAP_HEIGHT_PX = 640

# Offline style (a white background, no tiles) and the optional online basemap.
OFFLINE_STYLE = "white-bg"
BASEMAP_STYLE = "open-street-map"

ARMENIA_FILL = "#f3e6cf"
AZERBAIJAN_FILL = "#dbe7f1"
NEIGHBOUR_FILL = "#ececec"
REGION_LINE = "#a3a3a3"
LAKE_FILL = "#a6cee3"
LAKE_LINE = "#5b9bc8"
NE_BORDER_COLOR = "#1a1a1a"
GEOBOUNDARIES_COLOR = "#e66101"
NAGORNO_KARABAKH_COLOR = "#7b3294"
ARTICLE_PLACE_COLOR = "#b2182b"
TOWN_COLOR = "#4d4d4d"
SEAT_COLOR = "#2166ac"
ARC_COLOR = "#8c8c8c"
DIMMED_OPACITY = 0.3

NE_BORDER_NAME = "Border: Natural Earth 1:10m (public domain)"
GEOBOUNDARIES_NAME = "Armenia's outline: geoBoundaries ADM1, 2005 (CC BY 2.5)"
NAGORNO_KARABAKH_NAME = "Nagorno-Karabakh: pre-2020 de facto area (not the former NKAO)"
ARTICLE_PLACES_NAME = "Places in the article (click one)"
TOWNS_NAME = "Towns and capitals (context)"
SEATS_NAME = "Where the actors spoke from (size: statements)"
CRISIS_NAME = "Crisis site"
ARCS_NAME = "Seat to crisis site"

# Where a region's name goes when its area centroid would collide with a town or place
# label (MapLibre hides colliding labels) or fall in Lake Sevan: (lat, lon), by name_en.
REGION_LABEL_POSITIONS = {
    "Gegharkunik": (40.0, 45.25),
    "Kalbajar": (40.24, 46.3),
    "Lachin": (39.5, 46.47),
}

# Length of the scale bar, and where it starts relative to the crisis site (degrees).
SCALE_BAR_KM = 20
SCALE_BAR_OFFSET = (-0.55, -1.05)
# Text-only traces must keep plotly's default "middle center" position (any other gives
# MapLibre a NaN text offset and breaks the map), so the label is lifted by hand.
SCALE_LABEL_LIFT_DEG = 0.04
ATTRIBUTION_SHORT = "Natural Earth · geoBoundaries (CC BY 2.5) · GeoNames (CC BY 4.0)"


def border_area_figure(
    layers: GeoLayers,
    activity: pd.DataFrame,
    towns: pd.DataFrame,
    center: tuple[float, float],
    highlight_ids: set[str] | frozenset[str] = frozenset(),
    basemap: bool = False,
) -> go.Figure:
    """The border area: countries, regions, both border sources, the lake, towns and places.

    ``activity`` is `components.map.geo.place_activity` (with distance_km), ``towns`` the context
    places (name, lat, lon, kind, and distance_km). ``center`` is the crisis site (lat, lon).
    When ``highlight_ids`` is not empty (an actor filter is set), other places fade.
    """
    # The layout (with its GeoJSON layers) goes in first: update_layout would copy the
    # layers again (100 to 240 ms for the world view's).
    fig = new_figure(
        layout={
            "map": {
                "style": BASEMAP_STYLE if basemap else OFFLINE_STYLE,
                "center": {"lat": center[0], "lon": center[1]},
                "zoom": BORDER_AREA_ZOOM,
                "layers": _fill_layers(layers, basemap),
            },
            "uirevision": "border-area",
            **_common_layout(),
        }
    )
    _add_regional_context(fig, layers)
    _add_region_labels(fig, layers)
    _add_scale(fig, center, towns)
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
                    *_world_layers(layers, basemap),
                    *_graticule_layers(),
                    *_fill_layers(layers, basemap),
                ],
            },
            "uirevision": "world",
            **_common_layout(),
        }
    )
    _add_arcs(fig, seats, crisis)
    _add_crisis_site(fig, crisis)
    _add_seats(fig, seats, highlight_ids)
    return fig


def _common_layout() -> dict:
    return {
        "height": MAP_HEIGHT_PX,
        "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
        "legend": {
            "x": 0.01,
            "y": 0.01,
            "xanchor": "left",
            "yanchor": "bottom",
            "bgcolor": "rgba(255,255,255,0.85)",
            "bordercolor": "#bdbdbd",
            "borderwidth": 1,
            "font": {"size": 12},
        },
        "annotations": [
            {
                "text": ATTRIBUTION_SHORT,
                "xref": "paper",
                "yref": "paper",
                "x": 1,
                "y": 0,
                "xanchor": "right",
                "yanchor": "bottom",
                "showarrow": False,
                "font": {"size": 10, "color": "#555555"},
                "bgcolor": "rgba(255,255,255,0.8)",
            }
        ],
    }


def _fill_layers(layers: GeoLayers, basemap: bool) -> list[dict]:
    """Country fills, admin-1 outlines and lakes, drawn below every trace."""
    opacity = 0.35 if basemap else 1.0
    countries = layers.countries
    fills = [
        (features_where(countries, "role", ["neighbour"]), NEIGHBOUR_FILL),
        (features_where(countries, "iso3", ["ARM"]), ARMENIA_FILL),
        (features_where(countries, "iso3", ["AZE"]), AZERBAIJAN_FILL),
    ]
    result = [
        {
            "sourcetype": "geojson",
            "source": source,
            "type": "fill",
            "color": color,
            "opacity": opacity,
            "below": "traces",
        }
        for source, color in fills
    ]
    result += [
        {
            "sourcetype": "geojson",
            "source": layers.nagorno_karabakh,
            "type": "fill",
            "color": NAGORNO_KARABAKH_COLOR,
            "opacity": 0.10,
            "below": "traces",
        },
        {
            "sourcetype": "geojson",
            "source": layers.regions,
            "type": "line",
            "color": REGION_LINE,
            "line": {"width": 0.7},
            "below": "traces",
        },
        {
            "sourcetype": "geojson",
            "source": features_where(countries, "role", ["neighbour"]),
            "type": "line",
            "color": "#9e9e9e",
            "line": {"width": 1},
            "below": "traces",
        },
        {
            "sourcetype": "geojson",
            "source": layers.lakes,
            "type": "fill",
            "color": LAKE_FILL,
            "below": "traces",
        },
        {
            "sourcetype": "geojson",
            "source": layers.lakes,
            "type": "line",
            "color": LAKE_LINE,
            "line": {"width": 0.8},
            "below": "traces",
        },
    ]
    return result


def _world_layers(layers: GeoLayers, basemap: bool) -> list[dict]:
    """Land and country lines of the whole world (Natural Earth 1:110m), for the world view."""
    if basemap:
        return []
    return [
        {
            "sourcetype": "geojson",
            "source": layers.world,
            "type": "fill",
            "color": NEIGHBOUR_FILL,
            "below": "traces",
        },
        {
            "sourcetype": "geojson",
            "source": layers.world,
            "type": "line",
            "color": "#ffffff",
            "line": {"width": 0.6},
            "below": "traces",
        },
    ]


def _graticule_layers() -> list[dict]:
    """Meridians and parallels every 30 degrees, drawn over the land for bearings."""
    lines = [[[lon, -80], [lon, 80]] for lon in range(-180, 181, 30)]
    lines += [[[-180, lat], [180, lat]] for lat in range(-60, 61, 30)]
    source = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {},
                "geometry": {"type": "MultiLineString", "coordinates": lines},
            }
        ],
    }
    return [
        {
            "sourcetype": "geojson",
            "source": source,
            "type": "line",
            "color": "#d9d9d9",
            "line": {"width": 0.8},
            "below": "traces",
        }
    ]


def _add_regional_context(fig: go.Figure, layers: GeoLayers) -> None:
    """Nagorno-Karabakh and the two border sources as line traces, each with a legend entry."""
    lines = (
        (
            geometry_lines(layers.nagorno_karabakh),
            NAGORNO_KARABAKH_COLOR,
            1.5,
            NAGORNO_KARABAKH_NAME,
        ),
        (outline_lines(layers.armenia_geoboundaries), GEOBOUNDARIES_COLOR, 2.5, GEOBOUNDARIES_NAME),
        (geometry_lines(layers.border), NE_BORDER_COLOR, 2, NE_BORDER_NAME),
    )
    for (lats, lons), colour, width, name in lines:
        fig.add_trace(_line_trace(lats, lons, colour, width, name))


def _line_trace(lats, lons, colour: str, width: float, name: str, **more) -> dict:
    """A line trace of the map (no hover unless ``more`` gives one)."""
    return {
        "type": "scattermap",
        "lat": lats,
        "lon": lons,
        "mode": "lines",
        "line": {"color": colour, "width": width},
        "name": name,
        "hoverinfo": "skip",
        **more,
    }


def _add_region_labels(fig: go.Figure, layers: GeoLayers) -> None:
    """Names of the regions around the lake, and Nagorno-Karabakh's label, in grey italics."""
    regions = focus_regions(layers.regions)
    for name, (lat, lon) in REGION_LABEL_POSITIONS.items():
        regions.loc[regions["region_name"] == name, ["lat", "lon"]] = (lat, lon)
    hover = [
        html.escape(f"{row.local_name} ({row.country_iso3}), admin-1 region (Natural Earth)")
        for row in regions.itertuples(index=False)
    ]
    fig.add_trace(
        dict(
            type="scattermap",
            lat=regions["lat"],
            lon=regions["lon"],
            mode="text",
            text=[html.escape(name.upper()) for name in regions["region_name"]],
            textfont={"size": 11, "color": "#6b6b6b"},
            hovertext=hover,
            hoverinfo="text",
            name="Regions",
            showlegend=False,
        )
    )
    lat, lon = label_point(layers.nagorno_karabakh["features"][0]["geometry"])
    fig.add_trace(
        dict(
            type="scattermap",
            lat=[lat],
            lon=[lon],
            mode="text",
            text=["Nagorno-Karabakh (pre-2020)"],
            textfont={"size": 12, "color": NAGORNO_KARABAKH_COLOR},
            hovertext=[html.escape(NAGORNO_KARABAKH_NAME + "; Natural Earth breakaway polygon")],
            hoverinfo="text",
            name="Nagorno-Karabakh label",
            showlegend=False,
        )
    )


def _add_scale(fig: go.Figure, center: tuple[float, float], towns: pd.DataFrame) -> None:
    """A scale bar, and a dotted line from the crisis site to the nearest town with its km."""
    lat = center[0] + SCALE_BAR_OFFSET[0]
    lon = center[1] + SCALE_BAR_OFFSET[1]
    lats, lons = scale_bar(lat, lon, SCALE_BAR_KM)
    fig.add_trace(
        _line_trace(lats, lons, "#000000", 4, f"Scale bar ({SCALE_BAR_KM} km)", showlegend=False)
    )
    fig.add_trace(
        dict(
            type="scattermap",
            lat=[lats[0] + SCALE_LABEL_LIFT_DEG],
            lon=[(lons[0] + lons[1]) / 2],
            mode="text",
            text=[f"{SCALE_BAR_KM} km"],
            textfont={"size": 12, "color": "#000000"},
            name=f"Scale bar label ({SCALE_BAR_KM} km)",
            hoverinfo="skip",
            showlegend=False,
        )
    )
    if towns.empty:
        return
    nearest = towns.loc[towns["distance_km"].idxmin()]
    km = haversine_km(center[0], center[1], nearest["lat"], nearest["lon"])
    fig.add_trace(
        _line_trace(
            [center[0], nearest["lat"]],
            [center[1], nearest["lon"]],
            "#000000",
            1,
            f"{km:.1f} km to {nearest['name']}",
            hovertext=html.escape(f"{km:.1f} km (great circle) to {nearest['name']}"),
            hoverinfo="text",
            showlegend=False,
        )
    )


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
    fig.add_trace(_line_trace(lats, lons, ARC_COLOR, 1, ARCS_NAME))


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
