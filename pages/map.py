"""Map: Lake Sev and the border area (both border sources drawn), and where the actors spoke from.

Works offline: vector layers from data/geo on a plain background. Clicking a place lists
the statements and events about it, each linked to the Source page.
"""

import json
from pathlib import Path

import pandas as pd
import streamlit as st

from components.app_data import get_dataset, get_filtered_dataset
from components.charts.map import border_area_figure, world_figure
from components.filters import with_descendants
from components.geo import (
    ATTRIBUTION,
    GeoDataError,
    GeoLayers,
    clicked_location_id,
    context_places,
    crisis_site,
    events_at,
    geo_dir,
    load_geo_layers,
    place_activity,
    places_geojson,
    seat_activity,
    statements_about,
    statements_from_seat,
    tied_location_ids,
    unseated_speakers,
    with_distance_km,
)
from components.routing import ensure_router
from components.source import escape_markdown
from components.state import (
    EVENT_PARAM,
    MAP_BASEMAP_KEY,
    MAP_BORDER_CHART_KEY,
    MAP_DOWNLOAD_KEY,
    MAP_VIEW_KEY,
    MAP_WORLD_CHART_KEY,
    STATEMENT_PARAM,
    selected_actor_ids,
)

ensure_router()

VIEWS = {"border": "Border area", "world": "World"}
# How many of the nearest towns the scale note names.
NEAREST_TOWNS_SHOWN = 4
# plotly config: wheel zoom on the map, and no link to plotly's online editor.
CHART_CONFIG = {"scrollZoom": True, "displaylogo": False}


# Read-only layers, read once per data folder (the folder is the cache key).
@st.cache_data(show_spinner="Loading the map layers…")
def _geo_layers(folder: str) -> GeoLayers:
    return load_geo_layers(Path(folder))


def _show_records(statements: pd.DataFrame, events: pd.DataFrame, place_name: str) -> None:
    """The statements and events about a place, each a link to its words on the Source page."""
    if statements.empty and events.empty:
        st.caption(
            f"No statement or event in the current view is about {escape_markdown(place_name)}."
        )
        return
    for row in statements.itertuples(index=False):
        st.page_link(
            "pages/source.py",
            label=escape_markdown(f"{row.speaker_name} ({row.date_label}): “{row.quote}”"),
            icon=":material/format_quote:",
            query_params={STATEMENT_PARAM: row.statement_id},
        )
    for row in events.itertuples(index=False):
        kind = "background" if row.is_background else row.status
        st.page_link(
            "pages/source.py",
            label=escape_markdown(f"{row.title} ({row.date_label}; {kind})"),
            icon=":material/event:",
            query_params={EVENT_PARAM: row.event_id},
        )


dataset = get_dataset()
filtered = get_filtered_dataset()
chosen_actor_ids = selected_actor_ids()

st.title("Map")
st.markdown(
    "Where the crisis happened and where the actors spoke from. The map draws from the "
    "layers shipped with the data, so it works without an internet connection."
)

try:
    layers = _geo_layers(str(geo_dir(dataset)))
except GeoDataError as error:
    st.error(f"The map layers could not be read: {escape_markdown(str(error))}")
    st.stop()

crisis = crisis_site(dataset.locations)
activity = with_distance_km(
    place_activity(dataset.locations, filtered.statements, filtered.events),
    crisis["lat"],
    crisis["lon"],
)
highlight = tied_location_ids(filtered, with_descendants(dataset.actors, chosen_actor_ids))

controls = st.columns([2, 2, 3], vertical_alignment="center")
view = controls[0].segmented_control(
    "View",
    options=list(VIEWS),
    format_func=VIEWS.get,
    default="border",
    key=MAP_VIEW_KEY,
    required=True,
)
basemap = controls[1].toggle(
    "Online basemap",
    key=MAP_BASEMAP_KEY,
    help="Draws OpenStreetMap tiles under the layers: needs an internet connection. "
    "Off, the map needs none.",
)
if chosen_actor_ids:
    controls[2].caption(
        "Places tied to the actors chosen in the sidebar are in full colour, the others "
        "faded; counts are for what concerns those actors."
    )

map_column, side_column = st.columns([3, 1], gap="medium")

if view == "world":
    seats = seat_activity(dataset.actors, filtered.statements, dataset.locations)
    figure = world_figure(layers, seats, crisis, highlight_ids=highlight, basemap=basemap)
    with map_column:
        event = st.plotly_chart(
            figure,
            key=MAP_WORLD_CHART_KEY,
            on_select="rerun",
            selection_mode="points",
            config=CHART_CONFIG,
        )
    clicked = clicked_location_id(event["selection"]["points"])
    with side_column:
        st.subheader("Where they spoke from")
        st.caption(
            "Each point is the seat of one or more actors (a capital, the EU in Brussels, the "
            "UN in New York), sized by the statements its actors made in the article."
        )
        for row in unseated_speakers(dataset.actors, filtered.statements).itertuples():
            st.caption(
                f"Not on the map: {escape_markdown(row.actor_name)} ({row.statement_count} "
                f"statement{'s' if row.statement_count != 1 else ''}), which has no seat."
            )
    if clicked is None:
        st.info("Click a seat to list the statements made from there.", icon=":material/touch_app:")
    elif clicked == crisis.name:
        st.subheader(f"About {escape_markdown(crisis['location_name'])}")
        _show_records(
            statements_about(filtered, clicked),
            events_at(filtered, clicked),
            crisis["location_name"],
        )
    else:
        name = dataset.locations.set_index("location_id")["location_name"].get(clicked, clicked)
        st.subheader(f"Statements made from {escape_markdown(name)}")
        _show_records(statements_from_seat(filtered, clicked), events_at(filtered, clicked), name)
else:
    towns = with_distance_km(
        context_places(layers.places, dataset.locations), crisis["lat"], crisis["lon"]
    )
    figure = border_area_figure(
        layers,
        activity,
        towns,
        center=(crisis["lat"], crisis["lon"]),
        highlight_ids=highlight,
        basemap=basemap,
    )
    with map_column:
        event = st.plotly_chart(
            figure,
            key=MAP_BORDER_CHART_KEY,
            on_select="rerun",
            selection_mode="points",
            config=CHART_CONFIG,
        )
    clicked = clicked_location_id(event["selection"]["points"])
    with side_column:
        st.subheader("The border at the lake")
        st.info(escape_markdown(crisis["border_note"]), icon=":material/compare_arrows:")
        st.caption(
            "Black line: Natural Earth's generalised 1:10m border. Orange line: the "
            "geoBoundaries outline of Armenia. Near Sev Lich the two differ by about 2 km, "
            "enough to put the lake on either side."
        )
        nearest = towns.nsmallest(NEAREST_TOWNS_SHOWN, "distance_km")
        distances = ", ".join(
            f"{escape_markdown(row.name)} {row.distance_km:.1f} km"
            for row in nearest.itertuples(index=False)
        )
        st.markdown(f"**Scale.** From {escape_markdown(crisis['location_name'])}: {distances}.")
    if clicked is None:
        st.info(
            "Click a red place to list the statements and events about it.",
            icon=":material/touch_app:",
        )
    else:
        name = activity.set_index("location_id")["location_name"].get(clicked, clicked)
        st.subheader(f"About {escape_markdown(name)}")
        _show_records(statements_about(filtered, clicked), events_at(filtered, clicked), name)

st.caption(f"Map data: {escape_markdown(ATTRIBUTION)}")

st.subheader("Places")
table = activity.sort_values(["is_article_place", "distance_km"], ascending=[False, True])
st.dataframe(
    table[
        [
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
    ],
    hide_index=True,
    column_config={
        "location_name": "Place",
        "location_type": "Kind",
        "statement_count": st.column_config.NumberColumn("Statements", help="About this place"),
        "event_count": st.column_config.NumberColumn("Events", help="At this place"),
        "mention_count": st.column_config.NumberColumn("Mentions", help="Named in the text"),
        "distance_km": st.column_config.NumberColumn(
            "km from the lake", help="Great-circle distance to Sev Lich", format="%.1f"
        ),
        "lat": st.column_config.NumberColumn("Lat", format="%.4f"),
        "lon": st.column_config.NumberColumn("Lon", format="%.4f"),
        "coord_source": "Where the coordinates come from",
    },
)
st.download_button(
    "Download the places (GeoJSON)",
    data=json.dumps(places_geojson(activity, chosen_actor_ids), ensure_ascii=False, indent=2),
    file_name="lake-sev-places.geojson",
    mime="application/geo+json",
    key=MAP_DOWNLOAD_KEY,
    icon=":material/download:",
)
