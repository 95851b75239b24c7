"""Session-state and query-parameter keys, and the helpers that read the shared actor filter.

Every page reads the filter through this module, so "the selected actors" means the same
thing everywhere and in the URL.
"""

from collections.abc import Iterable

import pandas as pd
import streamlit as st

# Query parameter that mirrors the filter: ?actor=armenia&actor=pashinyan
ACTOR_PARAM = "actor"

# Widget key of the sidebar multiselect; its value is the list of selected actor ids.
ACTOR_FILTER_KEY = "actor_filter"
# The data key of this run: the data folder and the fingerprint of its files, noted by the
# router at the start of every run (components/app/dataset.py).
DATA_KEY_KEY = "data_key"

# Actor ids from the URL that are not in the dataset, kept to show the notice until the
# reader changes the filter.
DROPPED_ACTOR_IDS_KEY = "actor_filter_dropped_ids"

# Set once the filter has been read from the URL: after that the widget is the truth and
# the URL only mirrors it (a page switch clears the query string before the rerun).
FILTER_FROM_URL_KEY = "actor_filter_read_from_url"

# Query parameters of a deep link to the Source page: ?statement=s05 or ?event=e03.
STATEMENT_PARAM = "statement"
EVENT_PARAM = "event"

# Source page: the record shown in the side panel ("statement:s05"), a selectbox value.
SOURCE_RECORD_KEY = "source_record"

# Source page: the deep link already applied, so a later pick in the selectbox wins.
SOURCE_LINK_SEEN_KEY = "source_link_seen"

# Source page: whether event spans are marked in the text (the selected one always is).
SOURCE_SHOW_EVENTS_KEY = "source_show_events"

# Source page: the article shown (an article_id), one at a time when there are several.
SOURCE_ARTICLE_KEY = "source_article_id"

# Data page: the table shown (a table name of the Dataset) and the row search text.
DATA_TABLE_KEY = "data_table"
DATA_SEARCH_KEY = "data_search"

# Map page: which map is shown, "border" (Lake Sev and the border area) or "world".
MAP_VIEW_KEY = "map_view"

# Map page: whether online OpenStreetMap tiles are drawn under the layers (needs internet).
MAP_BASEMAP_KEY = "map_basemap"

# Map page: the plotly charts; their values hold the clicked place (selection event).
MAP_BORDER_CHART_KEY = "map_border_chart"
MAP_WORLD_CHART_KEY = "map_world_chart"

# Map page: the GeoJSON download button of the places.
MAP_DOWNLOAD_KEY = "map_download"

# Timeline page: the time-axis preset ("crisis" or "since_war"), a segmented control.
TIMELINE_ZOOM_KEY = "timeline_zoom"

# Timeline page: what the swimlanes stand for (actor, actor type, state), a segmented control.
TIMELINE_LANES_KEY = "timeline_lanes"

# Timeline page: statements and/or events (pills) and their types (multiselect, empty = all).
TIMELINE_KINDS_KEY = "timeline_kinds"
TIMELINE_TYPES_KEY = "timeline_types"

# Timeline page: whether the background before the crisis (autumn 2020) is included.
TIMELINE_BACKGROUND_KEY = "timeline_background"

# Timeline page: the chart; its value is the plotly selection (the clicked items).
TIMELINE_CHART_KEY = "timeline_chart"

# Timeline page: the item in the detail panel ("statement:s05"), a selectbox a click also sets.
TIMELINE_ITEM_KEY = "timeline_item"

# Timeline page: the last chart selection already applied, so a later pick in the item
# selectbox is not overridden by a click the chart still remembers.
TIMELINE_CLICK_SEEN_KEY = "timeline_click_seen"
# Timeline page: the count bubble last clicked when the chart draws counts, whose items the
# detail panel lists ("counts:armenia|statement|2021-05-10").
TIMELINE_COUNT_KEY = "timeline_count"

# Timeline page: the download button of the table's CSV.
TIMELINE_CSV_KEY = "timeline_csv"

# Timeline page: whether the items table is open (an expander's state; closed at first).
TIMELINE_TABLE_KEY = "timeline_table"


# Stances page: matrix rows per actor or per state/organisation (a radio's value).
STANCES_LEVEL_KEY = "stances_level"

# Stances page: how the matrix rows are ordered (a selectbox's value).
STANCES_ORDER_KEY = "stances_order"

# Stances page: the matrix chart; its value is the plotly selection (clicked cell).
STANCES_MATRIX_KEY = "stances_matrix"

# Stances page: the chosen cell ("actor_id|issue_id"), a selectbox the chart click also sets.
STANCES_CELL_KEY = "stances_cell"

# Stances page: the last chart selection already applied, so a later pick in the cell
# selectbox is not overridden by a click the chart still remembers.
STANCES_CLICK_SEEN_KEY = "stances_click_seen"

# Stances page: download buttons of the matrix, agreement and targeting CSVs.
STANCES_MATRIX_CSV_KEY = "stances_matrix_csv"
STANCES_AGREEMENT_CSV_KEY = "stances_agreement_csv"
STANCES_TARGETING_CSV_KEY = "stances_targeting_csv"


def selected_actor_ids() -> list[str]:
    """The actor ids chosen in the sidebar; empty means everyone."""
    return list(st.session_state.get(ACTOR_FILTER_KEY, []))


def split_known_ids(
    actor_ids: Iterable[str], known_ids: Iterable[str]
) -> tuple[list[str], list[str]]:
    """Split ids into (known, unknown), keeping their order and dropping repeats."""
    known_set = set(known_ids)
    known: list[str] = []
    unknown: list[str] = []
    for actor_id in dict.fromkeys(actor_ids):
        (known if actor_id in known_set else unknown).append(actor_id)
    return known, unknown


def actor_choices(actors: pd.DataFrame) -> dict[str, str]:
    """Actor id -> name, grouped by actor type then sorted by name, as the filter lists them.

    Names alone keep the chips of chosen actors short enough for the sidebar.
    """
    ordered = actors.sort_values(["actor_type", "actor_name"], kind="stable")
    return dict(zip(ordered["actor_id"], ordered["actor_name"], strict=True))
