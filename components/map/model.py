"""Everything the Map page shows, built in one go per data, filter, view and basemap.

The page caches `build_map_view` and `place_records` (components.app.dataset.cached_view), so
a rerun only looks them up and sends them. Both are shared by every session: read them,
never change them.

The marks stay bounded at any corpus size: the map draws places and seats (one point per
location, whatever the number of statements), and a clicked place lists its first
RECORDS_SHOWN statements and events with a count of the others.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

from components.app.places import place_activity, places_geojson
from components.data import Dataset
from components.map.figures import border_area_figure, world_figure
from components.map.geo import (
    GeoLayers,
    context_places,
    crisis_site,
    events_at,
    seat_activity,
    statements_about,
    statements_from_seat,
    tied_location_ids,
    unseated_speakers,
    with_distance_km,
)
from components.map.sides import SECTOR_ZOOM, reports_by_side, sector_center, side_lines

# The two views of the page.
BORDER_VIEW = "border"
WORLD_VIEW = "world"
# How many of the nearest towns the scale note names.
NEAREST_TOWNS_SHOWN = 4
# A clicked place lists this many statements and this many events (one link each); a
# large corpus has thousands about one place, and the Timeline shows them all.
RECORDS_SHOWN = 25
TABLE_COLUMNS = [
    "location_name",
    "location_type",
    "statement_count",
    "event_count",
    "mention_count",
    "distance_km",
    "lat",
    "lon",
    "coord_source",
]


@dataclass(frozen=True)
class MapView:
    """The map, its side notes, the places table and its GeoJSON download."""

    crisis: pd.Series
    figure: go.Figure
    table: pd.DataFrame
    geojson: bytes
    nearest_towns: tuple[tuple[str, float], ...]
    unseated: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class PlaceRecords:
    """The first statements and events about (or, for a seat, from) one place, and totals."""

    name: str
    is_seat: bool
    statements: pd.DataFrame
    events: pd.DataFrame
    statement_total: int
    event_total: int
    # Per side of the outlet: statements, event reports and place claims of the place.
    by_side: pd.DataFrame = field(default_factory=pd.DataFrame)


def build_map_view(
    dataset: Dataset,
    filtered: Dataset,
    layers: GeoLayers,
    actor_ids: tuple[str, ...],
    scope_actor_ids: set[str],
    view: str,
    basemap: bool,
    sector: str = "border",
) -> MapView:
    """The Map page for one actor choice (``actor_ids``, empty for everyone; ``filtered``
    the data narrowed to them, ``scope_actor_ids`` them with their descendants), one view
    and one basemap choice."""
    crisis = crisis_site(dataset.locations, dataset.statements, dataset.events)
    activity = with_distance_km(
        place_activity(dataset.locations, filtered.statements, filtered.events),
        crisis["lat"],
        crisis["lon"],
    )
    lines = side_lines(reports_by_side(filtered))
    activity = activity.assign(by_side=activity["location_id"].map(lines))
    highlight = frozenset(tied_location_ids(filtered, scope_actor_ids))
    towns = with_distance_km(
        context_places(layers.places, dataset.locations), crisis["lat"], crisis["lon"]
    )
    if view == WORLD_VIEW:
        seats = seat_activity(dataset.actors, filtered.statements, dataset.locations)
        figure = world_figure(layers, seats, crisis, highlight_ids=highlight, basemap=basemap)
    else:
        figure = border_area_figure(
            layers,
            activity,
            towns,
            center=(crisis["lat"], crisis["lon"]),
            highlight_ids=highlight,
            basemap=basemap,
            view=_sector_view(dataset, sector),
        )
    nearest = towns.nsmallest(NEAREST_TOWNS_SHOWN, "distance_km")
    unseated = unseated_speakers(dataset.actors, filtered.statements)
    table = activity.sort_values(["is_article_place", "distance_km"], ascending=[False, True])
    geojson = places_geojson(activity, actor_ids)
    return MapView(
        crisis=crisis,
        figure=figure,
        table=table[TABLE_COLUMNS].reset_index(drop=True),
        geojson=json.dumps(geojson, ensure_ascii=False, indent=2).encode("utf-8"),
        nearest_towns=tuple(zip(nearest["name"], nearest["distance_km"], strict=True)),
        unseated=tuple(
            zip(unseated["actor_name"], unseated["statement_count"].astype(int), strict=True)
        ),
    )


def _sector_view(dataset: Dataset, sector: str) -> tuple | None:
    """(centre, zoom, name) of a sector of the border map (the whole area opens on the middle
    of both sectors' places); None when none of its places is in the data."""
    center = sector_center(dataset.locations, sector)
    return None if center is None else (center, SECTOR_ZOOM[sector], sector)


def place_records(
    filtered: Dataset, location_id: str, name: str, view: str, crisis_id: str | None
) -> PlaceRecords:
    """What a click on ``location_id`` lists: on the world view a seat's statements (those
    its actors made), else the statements about the place; its events either way."""
    is_seat = view == WORLD_VIEW and location_id != crisis_id
    if is_seat:
        statements = statements_from_seat(filtered, location_id)
    else:
        statements = statements_about(filtered, location_id)
    events = events_at(filtered, location_id)
    return PlaceRecords(
        name=name,
        is_seat=is_seat,
        statements=statements.head(RECORDS_SHOWN),
        events=events.head(RECORDS_SHOWN),
        statement_total=len(statements),
        event_total=len(events),
        by_side=reports_by_side(filtered).query("location_id == @location_id"),
    )
