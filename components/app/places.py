"""Places every page may share: where a data folder keeps its map layers, each place with
its statement and event counts, and the places as GeoJSON (the Map page draws them, the Data
page downloads them). Pure pandas, no streamlit; data/geo/SOURCES.md names every source.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from components.data import Dataset

GEO_DIR_NAME = "geo"


# Who made the layers, as the map's attribution line says it (licences in SOURCES.md).
ATTRIBUTION = (
    "Boundaries, lakes and Nagorno-Karabakh: Natural Earth (public domain). "
    "Armenia's outline: geoBoundaries ARM ADM1 (Runfola et al. 2020; Wikimedia Commons), "
    "CC BY 2.5. Towns and capitals: GeoNames, CC BY 4.0. "
    "Sev Lich, Lake Sevan, UN HQ: Wikipedia infoboxes. World countries: Natural Earth "
    "1:110m (public domain). See data/geo/SOURCES.md."
)


ACTIVITY_COLUMNS = [
    "location_id",
    "location_name",
    "location_type",
    "lat",
    "lon",
    "geo_precision",
    "coord_source",
    "border_note",
    "mention_count",
    "statement_count",
    "event_count",
    "is_article_place",
]


def geo_dir(ds: Dataset) -> Path:
    """The folder of the map layers that belong to this dataset."""
    return Path(ds.data_dir) / GEO_DIR_NAME


def place_activity(
    locations: pd.DataFrame, statements: pd.DataFrame, events: pd.DataFrame
) -> pd.DataFrame:
    """One row per location: its statement and event counts, and whether the article names it.

    ``locations`` should be the full table (so no place vanishes from the map), while
    ``statements`` and ``events`` may be the filtered ones: the counts then follow the
    filter. An article place is mentioned in a text or has a statement or event about it.
    """
    statement_counts = statements["location_id"].value_counts()
    event_counts = events["location_id"].value_counts()
    activity = locations.assign(
        statement_count=locations["location_id"].map(statement_counts).fillna(0).astype(int),
        event_count=locations["location_id"].map(event_counts).fillna(0).astype(int),
    )
    all_referenced = (activity["statement_count"] > 0) | (activity["event_count"] > 0)
    activity = activity.assign(is_article_place=(activity["mention_count"] > 0) | all_referenced)
    return activity[ACTIVITY_COLUMNS].reset_index(drop=True)


def places_geojson(activity: pd.DataFrame, actor_ids: Sequence[str] = ()) -> dict:
    """The places as a GeoJSON FeatureCollection (RFC 7946) with their counts as properties."""
    features = []
    for row in activity.itertuples(index=False):
        properties = {
            "location_id": row.location_id,
            "location_name": row.location_name,
            "location_type": row.location_type,
            "statement_count": int(row.statement_count),
            "event_count": int(row.event_count),
            "mention_count": int(row.mention_count),
            "is_article_place": bool(row.is_article_place),
            "geo_precision": row.geo_precision,
            "coord_source": row.coord_source,
            "border_note": row.border_note if isinstance(row.border_note, str) else None,
        }
        features.append(
            {
                "type": "Feature",
                "id": row.location_id,
                "geometry": {"type": "Point", "coordinates": [float(row.lon), float(row.lat)]},
                "properties": properties,
            }
        )
    return {
        "type": "FeatureCollection",
        "features": features,
        "counts_for_actors": list(actor_ids) or "everyone",
        "attribution": ATTRIBUTION,
    }
