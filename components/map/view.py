"""The Map page's cached views: the layers, the map per view and basemap, a place's records."""

from pathlib import Path

import streamlit as st

from components.app.dataset import cached_view, filtered_dataset, full_dataset
from components.app.filters import with_descendants
from components.app.places import geo_dir
from components.map.geo import GeoLayers, crisis_site, load_geo_layers
from components.map.model import MapView, PlaceRecords, build_map_view, place_records


# Read-only layers, read once per data folder (the folder is the cache key) and shared:
# a copy per rerun (st.cache_data) would unpickle every layer each time.
@st.cache_resource(show_spinner="Loading the map layers…")
def map_geo_layers(folder: str) -> GeoLayers:
    return load_geo_layers(Path(folder))


@cached_view
def map_page_view(data_dir: str, actor_ids: tuple[str, ...], view: str, basemap: bool) -> MapView:
    dataset = full_dataset(data_dir)
    return build_map_view(
        dataset,
        filtered_dataset(data_dir, actor_ids),
        map_geo_layers(str(geo_dir(dataset))),
        actor_ids,
        with_descendants(dataset.actors, list(actor_ids)) if actor_ids else set(),
        view,
        basemap,
    )


@cached_view
def map_place_records(
    data_dir: str, actor_ids: tuple[str, ...], view: str, location_id: str
) -> PlaceRecords:
    dataset = full_dataset(data_dir)
    names = dataset.locations.set_index("location_id")["location_name"]
    crisis = crisis_site(dataset.locations, dataset.statements, dataset.events)
    return place_records(
        filtered_dataset(data_dir, actor_ids),
        location_id,
        names.get(location_id, location_id),
        view,
        crisis.name if isinstance(crisis.name, str) else None,
    )
