"""Map: Lake Sev and the border area (both border sources drawn), and where the actors spoke from.

Works offline: vector layers from data/geo on a plain background. Clicking a place lists
the statements and events about it, each linked to the Source page. Everything drawn is
built once per data, filter, view and basemap (components.map.model), and shared.
"""

import streamlit as st

from components.app.dataset import dataset_or_stop, view_key
from components.app.places import ATTRIBUTION
from components.app.routing import ensure_router
from components.app.state import (
    EVENT_PARAM,
    MAP_BASEMAP_KEY,
    MAP_BORDER_CHART_KEY,
    MAP_DOWNLOAD_KEY,
    MAP_SECTOR_KEY,
    MAP_VIEW_KEY,
    MAP_WORLD_CHART_KEY,
    STATEMENT_PARAM,
)
from components.app.text_safety import escape_markdown
from components.map.geo import GeoDataError, clicked_location_id
from components.map.model import (
    BORDER_VIEW,
    WORLD_VIEW,
    PlaceRecords,
)
from components.map.sides import SECTORS
from components.map.view import map_page_view, map_place_records

ensure_router()

VIEWS = {BORDER_VIEW: "Border area", WORLD_VIEW: "World"}
# plotly config: wheel zoom on the map, and no link to plotly's online editor.
CHART_CONFIG = {"scrollZoom": True, "displaylogo": False}
# The sector list: room for its longest name.
SECTOR_WIDTH_PX = 300


def _show_records(records: PlaceRecords) -> None:
    """The statements and events of a place, each a link to its words on the Source page."""
    name = escape_markdown(records.name)
    if records.is_seat:
        st.header(f"Statements made from {name}")
    else:
        st.header(f"About {name}")
    if not records.by_side.empty:
        st.caption("Reported by outlets of each side (the camp of the outlet):")
        st.dataframe(
            records.by_side[["side_label", "statements", "reports", "claims"]],
            hide_index=True,
            column_config={
                "side_label": "Outlets",
                "statements": st.column_config.NumberColumn("Statements", help="About it"),
                "reports": st.column_config.NumberColumn(
                    "Event reports", help="Reports that place their event here"
                ),
                "claims": st.column_config.NumberColumn(
                    "Place claims", help="Reports that name it as where the event happened"
                ),
            },
        )
    if records.statement_total == 0 and records.event_total == 0:
        st.caption(f"No statement or event in the current view is about {name}.")
        return
    for row in records.statements.itertuples(index=False):
        st.page_link(
            "pages/source.py",
            label=escape_markdown(f"{row.speaker_name} ({row.date_label}): “{row.quote}”"),
            icon=":material/format_quote:",
            query_params={STATEMENT_PARAM: row.statement_id},
        )
    for row in records.events.itertuples(index=False):
        kind = "background" if row.is_background else row.status
        st.page_link(
            "pages/source.py",
            label=escape_markdown(f"{row.title} ({row.date_label}; {kind})"),
            icon=":material/event:",
            query_params={EVENT_PARAM: row.event_id},
        )
    hidden_statements = records.statement_total - len(records.statements)
    hidden_events = records.event_total - len(records.events)
    if hidden_statements or hidden_events:
        st.caption(
            f"The first {len(records.statements)} of {records.statement_total:,} statements "
            f"and {len(records.events)} of {records.event_total:,} events; the Timeline "
            "page shows them all."
        )


dataset_or_stop()
data_dir, chosen_actor_ids = view_key()

st.title("Map")
st.markdown(
    "Where the crisis happened and where the actors spoke from. The map draws from the "
    "layers shipped with the data, so it works without an internet connection."
)

# One row that wraps on a narrow screen, each control as wide as it needs (in fixed
# columns the view's options and the basemap's label were cut off).
controls = st.container(
    horizontal=True, vertical_alignment="center", gap="medium", key="map_controls"
)
view = controls.segmented_control(
    "View",
    options=list(VIEWS),
    format_func=VIEWS.get,
    default=BORDER_VIEW,
    key=MAP_VIEW_KEY,
    required=True,
)
sector = "border"
if view == BORDER_VIEW:
    sector = controls.selectbox(
        "Sector",
        options=list(SECTORS),
        format_func=lambda key: SECTORS[key][0],
        key=MAP_SECTOR_KEY,
        width=SECTOR_WIDTH_PX,
        help="Open the border map on one sector of the crisis: Syunik in the south (Sev "
        "Lich), Gegharkunik in the north (Vardenis, Verin Shorzha) or the Nakhchivan border "
        "in the west (Yeraskh).",
    )
basemap = controls.toggle(
    "Online basemap",
    key=MAP_BASEMAP_KEY,
    help="Draws OpenStreetMap tiles under the layers: needs an internet connection. "
    "Off, the map needs none.",
)
if chosen_actor_ids:
    st.caption(
        "Places tied to the actors chosen in the sidebar are in full colour, the others "
        "faded; counts are for what concerns those actors."
    )

try:
    page = map_page_view(data_dir, chosen_actor_ids, view, basemap, sector)
except GeoDataError as error:
    st.error(f"The map layers could not be read: {escape_markdown(str(error))}")
    st.stop()
crisis = page.crisis
crisis_name = escape_markdown(crisis["location_name"])

map_column, side_column = st.columns([3, 1], gap="medium")
chart_key = MAP_WORLD_CHART_KEY if view == WORLD_VIEW else MAP_BORDER_CHART_KEY
with map_column:
    event = st.plotly_chart(
        page.figure,
        key=chart_key,
        on_select="rerun",
        selection_mode="points",
        config=CHART_CONFIG,
        alt=(
            "World map of where the actors spoke from: a point per seat, sized by statements."
            if view == WORLD_VIEW
            else "Map of the border area around Lake Sev: the places the articles name, "
            "with the borders, towns and regions around them."
        )
        + " The Places table below lists the same places in words.",
    )
clicked = clicked_location_id(event["selection"]["points"])

with side_column:
    if view == WORLD_VIEW:
        st.header("Where they spoke from")
        st.caption(
            "Each point is the seat of one or more actors (a capital, the EU in Brussels, the "
            "UN in New York), sized by the statements its actors made in the article."
        )
        for actor_name, count in page.unseated:
            st.caption(
                f"Not on the map: {escape_markdown(actor_name)} ({count} "
                f"statement{'s' if count != 1 else ''}), which has no seat."
            )
    else:
        st.header(f"Around {crisis_name}")
        # The crisis site's own note says how the two border sources disagree there.
        if isinstance(crisis["border_note"], str):
            st.info(escape_markdown(crisis["border_note"]), icon=":material/compare_arrows:")
        st.caption(
            "Black line: Natural Earth's generalised 1:10m border. Orange line: the "
            "geoBoundaries outline of Armenia."
        )
        distances = ", ".join(
            f"{escape_markdown(name)} {km:.1f} km" for name, km in page.nearest_towns
        )
        st.markdown(f"**Scale.** From {crisis_name}: {distances}.")

if clicked is None:
    hint = (
        "Click a seat to list the statements made from there."
        if view == WORLD_VIEW
        else "Click a red place to list the statements and events about it."
    )
    st.info(hint, icon=":material/touch_app:")
else:
    _show_records(map_place_records(data_dir, chosen_actor_ids, view, clicked))

st.caption(f"Map data: {escape_markdown(ATTRIBUTION)}")

st.header("Places")
st.dataframe(
    page.table,
    hide_index=True,
    column_config={
        "location_name": "Place",
        "location_type": "Kind",
        "statement_count": st.column_config.NumberColumn("Statements", help="About this place"),
        "event_count": st.column_config.NumberColumn("Events", help="At this place"),
        "mention_count": st.column_config.NumberColumn("Mentions", help="Named in the text"),
        "distance_km": st.column_config.NumberColumn(
            "km from the crisis site",
            help=f"Great-circle distance to {crisis_name}",
            format="%.1f",
        ),
        "lat": st.column_config.NumberColumn("Lat", format="%.4f"),
        "lon": st.column_config.NumberColumn("Lon", format="%.4f"),
        "coord_source": "Where the coordinates come from",
    },
)
st.download_button(
    "Download the places (GeoJSON)",
    data=page.geojson,
    file_name="lake-sev-places.geojson",
    mime="application/geo+json",
    key=MAP_DOWNLOAD_KEY,
    on_click="ignore",
    icon=":material/download:",
)
