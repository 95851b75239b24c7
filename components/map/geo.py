"""Map data: the geo layers of `data/geo`, the actors' seats, distances and outlines.

Reads the layers from ``dataset.data_dir / "geo"`` (never from elsewhere), and reshapes the
dataset for the Map page: per-place counts, the actors' seats, the records about a place,
distances, and the places as a GeoJSON download. Pure Python and pandas, no streamlit;
data/geo/SOURCES.md says where every layer comes from.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from components.data import Dataset

# The curated article's crisis site: preferred when a data folder has it. Any other folder
# gets the place its records are most about (`crisis_site`).
PREFERRED_CRISIS_LOCATION_ID = "sev_lich"


# Name of the crisis site when no place has a record about it: the centre of the places named.
MENTIONED_PLACES_CENTRE = "Centre of the places named"


# Mean Earth radius (IUGG), for great-circle distances.
EARTH_RADIUS_KM = 6371.0088


# The box every layer of data/geo is clipped to (SOURCES.md): lon_min, lat_min, lon_max, lat_max.
BORDER_AREA_BOX = (43.0, 38.2, 51.0, 42.0)


# places.csv kinds that are context for the border area (not the far-away capitals).
CONTEXT_KINDS = ("town", "city", "lake")


LAYER_FILES = {
    "countries": "armenia_azerbaijan_admin0.geojson",
    "border": "armenia_azerbaijan_border.geojson",
    "regions": "admin1.geojson",
    "armenia_geoboundaries": "armenia_admin1_geoboundaries.geojson",
    "nagorno_karabakh": "nagorno_karabakh.geojson",
    "lakes": "lakes.geojson",
    "world": "world_admin0_110m.geojson",
}


PLACES_FILE = "places.csv"


SEAT_COLUMNS = [
    "location_id",
    "location_name",
    "lat",
    "lon",
    "actor_names",
    "actor_count",
    "statement_count",
]


class GeoDataError(Exception):
    """A map layer is missing or unreadable; the message names the file."""


@dataclass(frozen=True)
class GeoLayers:
    """The layers of data/geo: GeoJSON FeatureCollections (dicts) and the places table."""

    countries: dict
    border: dict
    regions: dict
    armenia_geoboundaries: dict
    nagorno_karabakh: dict
    lakes: dict
    world: dict
    places: pd.DataFrame


def load_geo_layers(folder: Path) -> GeoLayers:
    """Read every layer of ``folder`` (a data/geo folder); GeoDataError names a bad file."""
    layers = {name: _read_feature_collection(folder / file) for name, file in LAYER_FILES.items()}
    return GeoLayers(**layers, places=_read_places(folder / PLACES_FILE))


def _read_feature_collection(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GeoDataError(f"{path}: map layer not found") from None
    except (OSError, ValueError) as error:
        raise GeoDataError(f"{path}: not readable as JSON ({error})") from None
    if data.get("type") != "FeatureCollection" or not isinstance(data.get("features"), list):
        raise GeoDataError(f"{path}: expected a GeoJSON FeatureCollection")
    return data


def _read_places(path: Path) -> pd.DataFrame:
    required = {"location_id", "name", "lat", "lon", "kind", "source"}
    try:
        places = pd.read_csv(path, dtype={"location_id": str, "name": str})
    except FileNotFoundError:
        raise GeoDataError(f"{path}: places table not found") from None
    except (OSError, ValueError) as error:
        raise GeoDataError(f"{path}: not readable as CSV ({error})") from None
    missing = required - set(places.columns)
    if missing:
        raise GeoDataError(f"{path}: missing columns {sorted(missing)}")
    return places


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two WGS84 points."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi = phi2 - phi1
    d_lambda = math.radians(lon2 - lon1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def great_circle(
    lat1: float, lon1: float, lat2: float, lon2: float, steps: int = 64
) -> tuple[list[float], list[float]]:
    """Points along the great circle from one point to another: (lats, lons)."""
    start = _unit_vector(lat1, lon1)
    end = _unit_vector(lat2, lon2)
    angle = math.acos(max(-1.0, min(1.0, sum(a * b for a, b in zip(start, end, strict=True)))))
    lats, lons = [], []
    for step in range(steps + 1):
        t = step / steps
        if angle == 0:
            point = start
        else:
            w1 = math.sin((1 - t) * angle) / math.sin(angle)
            w2 = math.sin(t * angle) / math.sin(angle)
            point = tuple(w1 * a + w2 * b for a, b in zip(start, end, strict=True))
        x, y, z = point
        lats.append(math.degrees(math.atan2(z, math.hypot(x, y))))
        lons.append(math.degrees(math.atan2(y, x)))
    return lats, lons


def _unit_vector(lat: float, lon: float) -> tuple[float, float, float]:
    phi, lam = math.radians(lat), math.radians(lon)
    return (math.cos(phi) * math.cos(lam), math.cos(phi) * math.sin(lam), math.sin(phi))


def crisis_site(
    locations: pd.DataFrame, statements: pd.DataFrame, events: pd.DataFrame
) -> pd.Series:
    """Where the map centres and measures from: a row of the locations table (its name is
    the location_id), chosen from the data.

    The preferred site when the folder has it; else the place with the most statements and
    events about it (then the most mentions, then the first id); with no record about any
    place, the mean point of the places the texts name (name None, no border note).
    Pass the whole dataset's tables, so the centre does not move with the actor filter.
    """
    table = locations.set_index("location_id")
    if PREFERRED_CRISIS_LOCATION_ID in table.index:
        return table.loc[PREFERRED_CRISIS_LOCATION_ID]
    records = pd.concat([statements["location_id"], events["location_id"]]).value_counts()
    ranked = table.assign(
        record_count=records.reindex(table.index, fill_value=0).to_numpy(),
    ).sort_values(["record_count", "mention_count"], ascending=False, kind="stable")
    if not ranked.empty and ranked["record_count"].iloc[0] > 0:
        return table.loc[ranked.index[0]]
    named = table[table["mention_count"] > 0]
    if named.empty:
        named = table
    return pd.Series(
        {
            "location_name": MENTIONED_PLACES_CENTRE,
            "lat": float(named["lat"].mean()),
            "lon": float(named["lon"].mean()),
            "border_note": None,
        },
        name=None,
    )


def with_distance_km(frame: pd.DataFrame, lat: float, lon: float) -> pd.DataFrame:
    """``frame`` (with lat and lon) plus distance_km, the great-circle distance to a point."""
    distances = [
        round(haversine_km(lat, lon, row_lat, row_lon), 1)
        for row_lat, row_lon in zip(frame["lat"], frame["lon"], strict=True)
    ]
    return frame.assign(distance_km=distances)


def context_places(places: pd.DataFrame, locations: pd.DataFrame) -> pd.DataFrame:
    """Towns, cities and lakes of places.csv in the border area that the dataset lacks.

    The dataset's own locations are drawn from the locations table; these only give the
    reader bearings (Goris, Vardenis, Jermuk, Lachin, Kalbajar, Stepanakert, Lake Sevan).
    """
    lon_min, lat_min, lon_max, lat_max = BORDER_AREA_BOX
    in_box = places["lon"].between(lon_min, lon_max) & places["lat"].between(lat_min, lat_max)
    is_context = places["kind"].isin(CONTEXT_KINDS)
    is_new = ~places["location_id"].isin(locations["location_id"])
    keep = places[in_box & is_context & is_new]
    return keep[["location_id", "name", "lat", "lon", "kind", "source"]].reset_index(drop=True)


def seat_activity(
    actors: pd.DataFrame, statements: pd.DataFrame, locations: pd.DataFrame
) -> pd.DataFrame:
    """One row per seat (a location some actor speaks from): who sits there, how much they said.

    ``actors`` should be the full table (every seat stays on the map) and ``statements``
    the filtered ones (the sizes follow the filter). statement_count counts the statements
    whose speaker is seated there.
    """
    seated = actors.dropna(subset=["seat_location_id"])
    speaker_seats = statements[["speaker_actor_id"]].merge(
        seated[["actor_id", "seat_location_id"]],
        left_on="speaker_actor_id",
        right_on="actor_id",
        how="inner",
        validate="m:1",
    )
    statement_counts = speaker_seats["seat_location_id"].value_counts()
    names = (
        seated.sort_values("actor_name")
        .groupby("seat_location_id")["actor_name"]
        .agg(lambda names: ", ".join(names))
    )
    actor_counts = seated["seat_location_id"].value_counts()
    seats = locations[locations["location_id"].isin(seated["seat_location_id"])]
    seats = seats.assign(
        actor_names=seats["location_id"].map(names),
        actor_count=seats["location_id"].map(actor_counts).astype(int),
        statement_count=seats["location_id"].map(statement_counts).fillna(0).astype(int),
    )
    return (
        seats[SEAT_COLUMNS]
        .sort_values(["statement_count", "location_name"], ascending=[False, True])
        .reset_index(drop=True)
    )


def unseated_speakers(actors: pd.DataFrame, statements: pd.DataFrame) -> pd.DataFrame:
    """Speakers without a seat (groups such as "Western countries") and their statement counts."""
    unseated = actors[actors["seat_location_id"].isna()]
    counts = statements["speaker_actor_id"].value_counts()
    frame = unseated.assign(statement_count=unseated["actor_id"].map(counts).fillna(0).astype(int))
    frame = frame[frame["statement_count"] > 0]
    return frame[["actor_id", "actor_name", "statement_count"]].reset_index(drop=True)


def tied_location_ids(ds: Dataset, scope_actor_ids: Iterable[str]) -> set[str]:
    """Places tied to the chosen actors: what their records are about, and their seats.

    ``ds`` is the filtered dataset; ``scope_actor_ids`` the chosen actors with their
    descendants. Empty scope means no filter, so nothing stands out.
    """
    scope = set(scope_actor_ids)
    if not scope:
        return set()
    about = set(ds.statements["location_id"].dropna()) | set(ds.events["location_id"].dropna())
    seats = ds.actors.loc[ds.actors["actor_id"].isin(scope), "seat_location_id"].dropna()
    return about | set(seats)


def statements_about(ds: Dataset, location_id: str) -> pd.DataFrame:
    """The statements about one place, with the speaker's name, in text order."""
    rows = ds.statements[ds.statements["location_id"] == location_id]
    return _with_speaker_names(rows, ds.actors)


def statements_from_seat(ds: Dataset, location_id: str) -> pd.DataFrame:
    """The statements of the actors seated at one place, with the speaker's name."""
    seated = ds.actors.loc[ds.actors["seat_location_id"] == location_id, "actor_id"]
    rows = ds.statements[ds.statements["speaker_actor_id"].isin(seated)]
    return _with_speaker_names(rows, ds.actors)


def events_at(ds: Dataset, location_id: str) -> pd.DataFrame:
    """The events at one place, in text order."""
    rows = ds.events[ds.events["location_id"] == location_id]
    columns = ["event_id", "title", "event_type", "status", "date_label", "is_background"]
    return rows.sort_values("start_char")[columns].reset_index(drop=True)


def _with_speaker_names(statements: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    named = statements.merge(
        actors[["actor_id", "actor_name"]].rename(
            columns={"actor_id": "speaker_actor_id", "actor_name": "speaker_name"}
        ),
        on="speaker_actor_id",
        how="left",
        validate="m:1",
    )
    columns = [
        "statement_id",
        "speaker_actor_id",
        "speaker_name",
        "statement_type",
        "date_label",
        "quote",
    ]
    return named.sort_values("start_char")[columns].reset_index(drop=True)


def clicked_location_id(points: Sequence[dict]) -> str | None:
    """The location_id of the first clicked map point that carries one (its customdata)."""
    for point in points:
        customdata = point.get("customdata")
        if isinstance(customdata, list | tuple) and customdata:
            customdata = customdata[0]
        if isinstance(customdata, str) and customdata:
            return customdata
    return None


def geometry_lines(collection: dict) -> tuple[list[float | None], list[float | None]]:
    """Every line and polygon ring of a FeatureCollection as (lats, lons), None between parts.

    The form a plotly line trace draws as separate lines.
    """
    lats: list[float | None] = []
    lons: list[float | None] = []
    for line in _lines_of(collection):
        lons.extend(point[0] for point in line)
        lats.extend(point[1] for point in line)
        lons.append(None)
        lats.append(None)
    return lats, lons


def _lines_of(collection: dict) -> list[list[Sequence[float]]]:
    lines: list[list[Sequence[float]]] = []
    for feature in collection["features"]:
        geometry = feature["geometry"]
        kind, coordinates = geometry["type"], geometry["coordinates"]
        if kind == "LineString":
            lines.append(coordinates)
        elif kind in ("MultiLineString", "Polygon"):
            lines.extend(coordinates)
        elif kind == "MultiPolygon":
            lines.extend(ring for polygon in coordinates for ring in polygon)
    return lines


def outline_lines(collection: dict) -> tuple[list[float | None], list[float | None]]:
    """The outer outline of a set of adjoining polygons, as (lats, lons) with None gaps.

    An edge shared by two polygons is inside the union; an edge used once is on its
    outline. Used for geoBoundaries' Armenian outline, built from its eleven provinces.
    """
    rings = _lines_of(collection)
    uses = Counter(_edge(a, b) for ring in rings for a, b in zip(ring, ring[1:], strict=False))
    lats: list[float | None] = []
    lons: list[float | None] = []
    for ring in rings:
        run: list[Sequence[float]] = []
        for a, b in zip(ring, ring[1:], strict=False):
            if uses[_edge(a, b)] == 1:
                if not run:
                    run.append(a)
                run.append(b)
            elif run:
                _append_run(run, lats, lons)
                run = []
        if run:
            _append_run(run, lats, lons)
    return lats, lons


def _edge(a: Sequence[float], b: Sequence[float]) -> frozenset:
    return frozenset((tuple(a), tuple(b)))


def _append_run(run: list, lats: list, lons: list) -> None:
    lons.extend(point[0] for point in run)
    lats.extend(point[1] for point in run)
    lons.append(None)
    lats.append(None)


def label_point(geometry: dict) -> tuple[float, float]:
    """(lat, lon) of the area centroid of a polygon's largest part, where its label goes."""
    if geometry["type"] == "Polygon":
        parts = [geometry["coordinates"]]
    elif geometry["type"] == "MultiPolygon":
        parts = geometry["coordinates"]
    else:
        raise ValueError(f"not a polygon: {geometry['type']}")
    exterior = max((polygon[0] for polygon in parts), key=lambda ring: abs(_ring_area(ring)))
    area = _ring_area(exterior)
    cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(exterior, exterior[1:], strict=False):
        cross = x1 * y2 - x2 * y1
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    return cy / (6 * area), cx / (6 * area)


def _ring_area(ring: Sequence[Sequence[float]]) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False)) / 2


def features_where(collection: dict, prop: str, values: Iterable) -> dict:
    """A FeatureCollection of the features whose property ``prop`` is one of ``values``."""
    wanted = set(values)
    return {
        "type": "FeatureCollection",
        "features": [f for f in collection["features"] if f["properties"].get(prop) in wanted],
    }


def focus_regions(regions: dict) -> pd.DataFrame:
    """The admin-1 regions around the lake, one row each, with a label point.

    Columns: region_name (English), local_name (as corrected in the data), country_iso3,
    note, lat, lon.
    """
    rows = []
    for feature in regions["features"]:
        properties = feature["properties"]
        if not properties.get("is_focus"):
            continue
        lat, lon = label_point(feature["geometry"])
        rows.append(
            {
                "region_name": properties["name_en"],
                "local_name": properties.get("name_corrected") or properties["name"],
                "country_iso3": properties["country_iso3"],
                "note": properties.get("note") or "",
                "lat": lat,
                "lon": lon,
            }
        )
    return pd.DataFrame(
        rows, columns=["region_name", "local_name", "country_iso3", "note", "lat", "lon"]
    )


def scale_bar(lat: float, lon: float, length_km: float) -> tuple[list[float], list[float]]:
    """A west-east line of ``length_km`` starting at (lat, lon): (lats, lons)."""
    km_per_degree = math.pi * EARTH_RADIUS_KM / 180 * math.cos(math.radians(lat))
    return [lat, lat], [lon, lon + length_km / km_per_degree]
