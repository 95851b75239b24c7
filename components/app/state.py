"""Session-state and query-parameter keys, and the helpers that read the shared filter.

Every page reads the filter (actors, sides, outlets) through this module, so "the selected
actors" and "the chosen sides" mean the same thing everywhere and in the URL.
"""

from collections.abc import Iterable

import pandas as pd
import streamlit as st

from components.app.palette import SIDE_LABELS, side_label
from components.app.text_safety import visible_value

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

# Query parameters that mirror the side and outlet filter: ?side=azerbaijan&outlet=Trend
# (several of each allowed; an outlet is its name as the articles give it, URL-encoded).
SIDE_PARAM = "side"
OUTLET_PARAM = "outlet"

# Widget keys of the sidebar's side pills and outlet multiselect (lists of sides, outlets).
SIDE_FILTER_KEY = "side_filter"
OUTLET_FILTER_KEY = "outlet_filter"

# Sides and outlets from the URL that are not in the dataset, kept for the notice until the
# reader changes the side or outlet filter.
DROPPED_SOURCES_KEY = "source_filter_dropped"

# Set once the side and outlet filter has been read from the URL (as FILTER_FROM_URL_KEY).
SOURCE_FILTER_FROM_URL_KEY = "source_filter_read_from_url"

# Query parameter of a link to one article on the Source page: ?article=<article_id>; with
# ?event=<event_id>, the report of that event in that article (not the event's main one).
ARTICLE_PARAM = "article"

# Source page: the ?article= link already followed, so a later pick in the selectbox wins.
SOURCE_ARTICLE_LINK_SEEN_KEY = "source_article_link_seen"

# Sources page: coverage rows per state/organisation or per individual actor (a toggle).
SOURCES_INDIVIDUALS_KEY = "sources_individual_actors"

# Sources page: download button of the coverage matrices (CSV with a side column).
SOURCES_COVERAGE_CSV_KEY = "sources_coverage_csv"

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

# Stances page: the matrix chart; its value is the plotly selection (clicked cell). The
# click bookkeeping (components/stances/clicks.py) keeps its own keys beginning with it, and
# the chart takes another key beginning with it when it must be drawn anew.
STANCES_MATRIX_KEY = "stances_matrix"

# Stances page: the chosen cell ("actor_id|issue_id"), a selectbox the chart click also sets.
STANCES_CELL_KEY = "stances_cell"

# Stances page, two sides compared: each matrix chart (as STANCES_MATRIX_KEY, the position
# of the matrix after it), and the chosen cell ("side|actor_id|issue_id"), a selectbox a
# click in either matrix also sets.
STANCES_SPLIT_MATRIX_KEY = "stances_matrix_split"
STANCES_SPLIT_CELL_KEY = "stances_split_cell"

# Stances page: download buttons of the matrix, agreement and targeting CSVs.
STANCES_MATRIX_CSV_KEY = "stances_matrix_csv"
STANCES_AGREEMENT_CSV_KEY = "stances_agreement_csv"
STANCES_TARGETING_CSV_KEY = "stances_targeting_csv"

# Stances page: the words the agreement table's links are searched for (an actor's name).
STANCES_AGREEMENT_SEARCH_KEY = "stances_agreement_search"

# Stances page: whose outlets' statements count ("all", "one" side, "split" two sides), and
# the side(s) chosen.
STANCES_REPORTED_BY_KEY = "stances_reported_by"
STANCES_SIDE_KEY = "stances_side"
STANCES_OTHER_SIDE_KEY = "stances_other_side"

# Map page: the sector the border map opens on (a zoom preset).
MAP_SECTOR_KEY = "map_sector"

# Disagreements page: the aspect drawn, whether only disagreeing events are, the chart
# (its value holds the clicked mark), the chosen claim (a selectbox a click also sets) and
# the last click already applied.
DISAGREEMENTS_ASPECT_KEY = "disagreements_aspect"
DISAGREEMENTS_ONLY_KEY = "disagreements_only"
DISAGREEMENTS_CHART_KEY = "disagreements_chart"
DISAGREEMENTS_CLAIM_KEY = "disagreements_claim"
DISAGREEMENTS_CLICK_SEEN_KEY = "disagreements_click_seen"


def selected_actor_ids() -> list[str]:
    """The actor ids chosen in the sidebar; empty means everyone."""
    return list(st.session_state.get(ACTOR_FILTER_KEY, []))


def selected_sides() -> list[str]:
    """The sides chosen in the sidebar; empty means every side."""
    return list(st.session_state.get(SIDE_FILTER_KEY) or [])


def selected_outlets() -> list[str]:
    """The outlets chosen in the sidebar (their names); empty means every outlet."""
    return list(st.session_state.get(OUTLET_FILTER_KEY) or [])


def follow_article_link(article_ids: Iterable[str]) -> None:
    """Open on the Source page the article that ``?article=`` names, once per link, so a
    later pick in its selectbox wins; afterwards keep the link naming the article shown.

    A statement link names its own article and wins; with an event link, ``?article=`` names
    the article whose report of the event to open, and stays in the address. An unknown
    article is ignored with a notice. Call it before the Source page picks its article.
    """
    linked = st.query_params.get(ARTICLE_PARAM)
    if linked is None:
        return
    if EVENT_PARAM in st.query_params:
        return  # ?event=&article= names one report of the event: the Source page opened it
    if STATEMENT_PARAM in st.query_params:
        del st.query_params[ARTICLE_PARAM]
        return
    known = set(article_ids)
    if st.session_state.get(SOURCE_ARTICLE_LINK_SEEN_KEY) != linked:
        st.session_state[SOURCE_ARTICLE_LINK_SEEN_KEY] = linked
        if linked in known:
            st.session_state[SOURCE_ARTICLE_KEY] = linked
            return
        del st.query_params[ARTICLE_PARAM]
        st.warning(
            f"The link asks for article {visible_value(linked)}, which is not in "
            "the dataset. Pick an article below.",
            icon=":material/link_off:",
        )
        return
    shown = st.session_state.get(SOURCE_ARTICLE_KEY)
    if shown in known and shown != linked:
        st.query_params[ARTICLE_PARAM] = shown
        st.session_state[SOURCE_ARTICLE_LINK_SEEN_KEY] = shown


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


def source_choices(articles: pd.DataFrame) -> tuple[dict[str, str], dict[str, str]]:
    """The side filter's options (side -> label, in the palette's order) and the outlet
    filter's (outlet name -> name and side, grouped by side then sorted by name)."""
    rank = {side: index for index, side in enumerate(SIDE_LABELS)}

    def side_rank(side: str) -> tuple[int, str]:
        return rank.get(side, len(rank)), side

    sides = sorted(articles["side"].dropna().unique().tolist(), key=side_rank)
    pairs = articles[["outlet", "side"]].drop_duplicates("outlet")
    outlets = sorted(
        zip(pairs["outlet"].tolist(), pairs["side"].tolist(), strict=True),
        key=lambda pair: (side_rank(pair[1]), pair[0].casefold()),
    )
    side_labels = {side: side_label(side) for side in sides}
    return side_labels, {outlet: f"{outlet} ({side_label(side)})" for outlet, side in outlets}
