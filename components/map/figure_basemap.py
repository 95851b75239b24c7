"""The ground of the Map page's maps: what every map of the page draws under the data.

Country, lake and region fills and the world's land (`layout.map.layers`, below every
trace), the two border sources and Nagorno-Karabakh as line traces with legend entries,
the region names, the scale bar, and the layout both maps share (size, legend, credits).
Pure plotly, no streamlit; the data drawn on top is figures.py's.
"""

from __future__ import annotations

import html
from collections.abc import Container

import pandas as pd
import plotly.graph_objects as go

from components.map.geo import (
    GeoLayers,
    features_where,
    focus_regions,
    geometry_lines,
    haversine_km,
    label_point,
    outline_lines,
    scale_bar,
)
from components.map.labels import CENTERED, MapLabel

MAP_HEIGHT_PX = 640
# The credits' line (10 px text in its box) under the map, in the chart's bottom margin.
CREDITS_PX = 16

# Offline style: plotly's "white-bg" (a white background, no tiles), but with the labels'
# glyphs served by this app (components/map/glyphs.py), not fetched from
# fonts.openmaptiles.org. The optional online basemap is the reader's choice to go online.
GLYPHS_URL = "/app/static/glyphs/{fontstack}/{range}.pbf"
OFFLINE_STYLE = {
    "version": 8,
    # One empty source: plotly.js drops an empty "sources", which MapLibre requires.
    "sources": {"none": {"type": "geojson", "data": {"type": "FeatureCollection", "features": []}}},
    "layers": [{"id": "white-bg", "type": "background", "paint": {"background-color": "#FFFFFF"}}],
    "glyphs": GLYPHS_URL,
}
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

NE_BORDER_NAME = "Border: Natural Earth 1:10m (public domain)"
GEOBOUNDARIES_NAME = "Armenia's outline: geoBoundaries ADM1, 2005 (CC BY 2.5)"
NAGORNO_KARABAKH_AREA = "Nagorno-Karabakh: pre-2020 de facto area (not the former NKAO)"
# Its legend entry, on two lines: on one, it is wider than a phone's map.
NAGORNO_KARABAKH_NAME = NAGORNO_KARABAKH_AREA.replace(" (", "<br>(")

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


def common_layout() -> dict:
    """The layout both maps share: height, margins, the legend box and the credits."""
    return {
        "height": MAP_HEIGHT_PX,
        # The credits' line under the map: over it, it hid the labels of its corner.
        "margin": {"l": 0, "r": 0, "t": 0, "b": CREDITS_PX},
        # Above the map, in rows: inside it, the key hid a quarter of a phone's map.
        # Plotly makes room for it (margin.autoexpand), so the map below is never covered.
        "legend": {
            "orientation": "h",
            "x": 0,
            "y": 1,
            "xanchor": "left",
            "yanchor": "bottom",
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
                "yanchor": "top",
                "showarrow": False,
                "font": {"size": 10, "color": "#555555"},
            }
        ],
    }


def fill_layers(layers: GeoLayers, basemap: bool) -> list[dict]:
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


def world_layers(layers: GeoLayers, basemap: bool) -> list[dict]:
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


def graticule_layers() -> list[dict]:
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


def add_regional_context(fig: go.Figure, layers: GeoLayers) -> None:
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
        fig.add_trace(line_trace(lats, lons, colour, width, name))


def line_trace(lats, lons, colour: str, width: float, name: str, **more) -> dict:
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


REGION_FONT_PX = 11
# Grey, at least 4.5:1 (WCAG AA) on the country fills the region names sit on (#6b6b6b was
# 4.2:1 on Azerbaijan's blue).
REGION_LABEL_COLOR = "#575757"
NAGORNO_KARABAKH_LABEL = "Nagorno-Karabakh (pre-2020)"
NAGORNO_KARABAKH_FONT_PX = 12
SCALE_FONT_PX = 12


def _region_points(layers: GeoLayers) -> pd.DataFrame:
    """The regions around the lake with their label points (moved where told)."""
    regions = focus_regions(layers.regions)
    for name, (lat, lon) in REGION_LABEL_POSITIONS.items():
        regions.loc[regions["region_name"] == name, ["lat", "lon"]] = (lat, lon)
    return regions


def region_labels(layers: GeoLayers) -> list[MapLabel]:
    """The regions' names and Nagorno-Karabakh's, each centred on its point."""
    labels = [
        MapLabel(
            f"region:{row.region_name}",
            row.region_name.upper(),
            row.lat,
            row.lon,
            REGION_FONT_PX,
            positions=CENTERED,
        )
        for row in _region_points(layers).itertuples(index=False)
    ]
    lat, lon = label_point(layers.nagorno_karabakh["features"][0]["geometry"])
    labels.append(
        MapLabel(
            "nagorno-karabakh",
            NAGORNO_KARABAKH_LABEL,
            lat,
            lon,
            NAGORNO_KARABAKH_FONT_PX,
            positions=CENTERED,
        )
    )
    return labels


def add_region_labels(fig: go.Figure, layers: GeoLayers, shown: Container[str]) -> None:
    """Names of the regions around the lake, and Nagorno-Karabakh's label, in grey italics;
    only those whose key (`region_labels`) is in ``shown``."""
    regions = _region_points(layers)
    regions = regions[[f"region:{name}" in shown for name in regions["region_name"]]]
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
            textfont={"size": REGION_FONT_PX, "color": REGION_LABEL_COLOR},
            hovertext=hover,
            hoverinfo="text",
            name="Regions",
            showlegend=False,
        )
    )
    if "nagorno-karabakh" not in shown:
        return
    lat, lon = label_point(layers.nagorno_karabakh["features"][0]["geometry"])
    fig.add_trace(
        dict(
            type="scattermap",
            lat=[lat],
            lon=[lon],
            mode="text",
            text=[NAGORNO_KARABAKH_LABEL],
            textfont={"size": NAGORNO_KARABAKH_FONT_PX, "color": NAGORNO_KARABAKH_COLOR},
            hovertext=[html.escape(NAGORNO_KARABAKH_AREA + "; Natural Earth breakaway polygon")],
            hoverinfo="text",
            name="Nagorno-Karabakh label",
            showlegend=False,
        )
    )


def _scale_label_point(center: tuple[float, float]) -> tuple[float, float]:
    lat, lon = center[0] + SCALE_BAR_OFFSET[0], center[1] + SCALE_BAR_OFFSET[1]
    lats, lons = scale_bar(lat, lon, SCALE_BAR_KM)
    return lats[0] + SCALE_LABEL_LIFT_DEG, (lons[0] + lons[1]) / 2


def scale_label(center: tuple[float, float]) -> MapLabel:
    """The scale bar's "20 km", centred above the bar."""
    lat, lon = _scale_label_point(center)
    return MapLabel("scale", f"{SCALE_BAR_KM} km", lat, lon, SCALE_FONT_PX, positions=CENTERED)


def add_scale(fig: go.Figure, center: tuple[float, float], towns: pd.DataFrame) -> None:
    """A scale bar, and a dotted line from the crisis site to the nearest town with its km."""
    lat = center[0] + SCALE_BAR_OFFSET[0]
    lon = center[1] + SCALE_BAR_OFFSET[1]
    lats, lons = scale_bar(lat, lon, SCALE_BAR_KM)
    fig.add_trace(
        line_trace(lats, lons, "#000000", 4, f"Scale bar ({SCALE_BAR_KM} km)", showlegend=False)
    )
    label_lat, label_lon = _scale_label_point(center)
    fig.add_trace(
        dict(
            type="scattermap",
            lat=[label_lat],
            lon=[label_lon],
            mode="text",
            text=[f"{SCALE_BAR_KM} km"],
            textfont={"size": SCALE_FONT_PX, "color": "#000000"},
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
        line_trace(
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
