"""Timeline: what happened and who said what, when, in actor swimlanes, with honest dates.

Layout only: the items, lanes and presets come from components.timeline.frames, the figure from
components.timeline.figures, each built once per choice of filters and shared
(components.timeline.view).
A click on an item (or a pick in the item list) opens its detail beside the chart; the
table below (closed until a reader opens it) holds the same items, with a CSV download.
With more than MAX_MARKERS markers the chart draws counts per lane and period instead, and
says so; a click on a count lists its items.
"""

import streamlit as st

from components.app.dataset import dataset_or_stop, view_key
from components.app.figures import SINGLE_CLICKS_CONFIG
from components.app.look import wide_chart_box
from components.app.routing import ensure_router
from components.app.state import (
    ARTICLE_PARAM,
    EVENT_PARAM,
    STATEMENT_PARAM,
    TIMELINE_BACKGROUND_KEY,
    TIMELINE_CHART_KEY,
    TIMELINE_CLICK_SEEN_KEY,
    TIMELINE_COUNT_KEY,
    TIMELINE_CSV_KEY,
    TIMELINE_ITEM_KEY,
    TIMELINE_KINDS_KEY,
    TIMELINE_LANES_KEY,
    TIMELINE_TABLE_KEY,
    TIMELINE_TYPES_KEY,
    TIMELINE_ZOOM_KEY,
    selected_actor_ids,
)
from components.app.text_safety import escape_markdown
from components.timeline.choices import ZOOM_PRESETS, clicked_item
from components.timeline.detail import ItemDetail
from components.timeline.figure_piles import period_words, pile_count, pile_periods
from components.timeline.frames import MAX_MARKERS, TimelineView
from components.timeline.items import ITEM_KINDS, readable
from components.timeline.lanes import LANE_GROUPINGS
from components.timeline.piles import PILE_PREFIX
from components.timeline.view import (
    ViewChoices,
    timeline_choices,
    timeline_count_options,
    timeline_item_detail,
    timeline_page_figure,
    timeline_page_view,
)

KIND_LABELS = {"statement": "Statements", "event": "Events"}
SOURCE_PARAMS = {"statement": STATEMENT_PARAM, "event": EVENT_PARAM}
# Reports of one item set side by side, this many to a row.
REPORTS_PER_ROW = 3
# Key prefix of each report's box (its st-key-… class finds it in tests).
REPORT_KEY_PREFIX = "timeline_report_"
# Only clicks select: box and lasso would select many items at once. Each press on the chart
# is a click of its own: a marker clicked soon after another is not half of a double-click,
# which Streamlit answers by clearing the selection (the second marker's click was lost).
# A drag still zooms in time; the toolbar's "Reset axes" (its house button) zooms back out,
# as a double-click did.
CHART_CONFIG = {
    "displaylogo": False,
    "modeBarButtonsToRemove": ["select2d", "lasso2d"],
    **SINGLE_CLICKS_CONFIG,
}


def _apply_click(points: list[dict]) -> None:
    """Open the clicked item (or count), once per click, so a later pick in the list is kept."""
    clicked = clicked_item(points)
    if clicked and clicked != st.session_state.get(TIMELINE_CLICK_SEEN_KEY):
        st.session_state[TIMELINE_CLICK_SEEN_KEY] = clicked
        if clicked.startswith(("counts:", PILE_PREFIX)):
            st.session_state[TIMELINE_COUNT_KEY] = clicked
            st.session_state[TIMELINE_ITEM_KEY] = None
        else:
            # A single item: the list holds every item again, not a pile's.
            st.session_state[TIMELINE_COUNT_KEY] = None
            st.session_state[TIMELINE_ITEM_KEY] = clicked


def _counted_note(view: TimelineView) -> str:
    markers = f"{len(view.placed):,}"
    return (
        f"{markers} markers are too many to draw one by one (more than {MAX_MARKERS:,}): "
        f"the chart shows how many items each lane has per {view.bucket}, statements and "
        "events apart. Hover a bubble for its types, click it to list its items. Filter by "
        "actor (sidebar), kind or type to see single items."
    )


def _show_detail(detail: ItemDetail) -> None:
    st.markdown(f"##### {escape_markdown(detail.title)}")
    kind = f"{detail.kind.capitalize()} · {readable(detail.item_type)}"
    st.caption(f"{kind} · {escape_markdown(detail.record_id)}")
    st.markdown("> " + escape_markdown(" ".join(detail.quote.split())))
    for label, value in detail.people:
        st.markdown(f"**{label}:** {escape_markdown(value)}")
    when = f"**When:** {escape_markdown(detail.date_label)}  \n"
    when += f"**Precision:** {escape_markdown(detail.precision_note)}"
    if detail.date_quote:
        when += f"  \n**The text says:** “{escape_markdown(detail.date_quote)}”"
    st.markdown(when)
    for label, value in detail.facts:
        st.markdown(f"**{label}:** {escape_markdown(str(value))}")
    st.markdown("**In the article:**")
    st.markdown(escape_markdown(" ".join(detail.sentence.split())))
    if detail.kind == "statement":
        if detail.stances.empty:
            st.caption("Takes no stance on the issues.")
        else:
            st.markdown("**Stances on the issues:**")
            st.dataframe(detail.stances, hide_index=True, width="stretch")
    st.page_link(
        "pages/source.py",
        label="Open in the Source page",
        icon=":material/article:",
        query_params={SOURCE_PARAMS[detail.kind]: detail.record_id},
    )


def _report_link(report) -> dict[str, str]:
    """The Source page's query for one report: a statement opens its own article; an event's
    report names its article, since the event's own link opens its main report."""
    if report.kind == "statement":
        return {STATEMENT_PARAM: report.record_id}
    return {EVENT_PARAM: report.record_id, ARTICLE_PARAM: report.article_id}


def _show_reports(detail: ItemDetail) -> None:
    """Every article's report of the item, side by side: outlet, side, words, date words."""
    reports = detail.reports
    noun = "event" if detail.kind == "event" else "utterance"
    st.header(f"{len(reports)} reports of this {noun}, side by side", anchor=False)
    st.caption(
        "The same " + noun + " in each article that reports it, with that article's own words "
        "and date words. The side is the camp of the outlet, not of the speaker."
    )
    rows = [reports.iloc[i : i + REPORTS_PER_ROW] for i in range(0, len(reports), REPORTS_PER_ROW)]
    for chunk in rows:
        for column, report in zip(
            st.columns(REPORTS_PER_ROW), chunk.itertuples(index=False), strict=False
        ):
            with column, st.container(border=True, key=f"{REPORT_KEY_PREFIX}{report.article_id}"):
                st.markdown(
                    f"**{escape_markdown(report.outlet)}** · {escape_markdown(report.side_label)}"
                )
                main = " · drawn on the chart" if report.is_main_report else ""
                st.caption(
                    f"Published {report.published_date.day} {report.published_date:%B %Y}{main}"
                )
                st.markdown("> " + escape_markdown(" ".join(str(report.quote).split())))
                when = f"**When:** {escape_markdown(report.date_label)}"
                if isinstance(report.date_quote, str) and report.date_quote:
                    when += f" (“{escape_markdown(report.date_quote)}”)"
                st.markdown(when)
                st.page_link(
                    "pages/source.py",
                    label="Open in the Source page",
                    icon=":material/article:",
                    query_params=_report_link(report),
                )


def _show_table(view: TimelineView) -> None:
    """The items of the chart, one row each, and the CSV of all of them."""
    shown = view.shown_table
    if len(shown) < view.row_count:
        st.caption(
            f"The first {len(shown):,} of the {view.row_count:,} items of the chart in time "
            "order, one row each (filters apply; the time span does not): more rows would make "
            "every click slow. Narrow with the filters, or download them all below."
        )
    else:
        st.caption(
            f"The {view.row_count} items of the chart, one row each (filters apply; the time "
            "span does not). Click a column header to sort."
        )
    st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        column_config={
            "From": st.column_config.DateColumn(format="D MMM YYYY"),
            "To": st.column_config.DateColumn(format="D MMM YYYY"),
            "When": st.column_config.TextColumn(width="medium"),
            "Words of the article": st.column_config.TextColumn(width="large"),
            "Background": st.column_config.CheckboxColumn(width="small"),
        },
    )
    st.download_button(
        "Download these rows (CSV)"
        if len(shown) == view.row_count
        else f"Download all {view.row_count:,} rows (CSV)",
        # A callable: the CSV is made when a reader asks for it, not on every rerun.
        data=view.csv_bytes,
        file_name="lake-sev-timeline.csv",
        mime="text/csv",
        key=TIMELINE_CSV_KEY,
        on_click="ignore",
        icon=":material/download:",
    )


ensure_router()

dataset_or_stop()
key = view_key()
windows, choices, _ = timeline_choices(key[0])

st.title("Timeline")
st.caption(
    "What happened and who said what, when. A statement sits in its speaker's lane, an event "
    "in the lane of every actor taking part. Dates are drawn as "
    "precisely as the article gives them, never more: a dotted span means “somewhere in "
    "here”, a hollow marker an item the text does not date."
)

# One row that wraps on a narrow screen, each control as wide as it needs (in fixed
# columns their options were cut off).
with st.container(horizontal=True, gap="medium", key="timeline_controls"):
    zoom = st.segmented_control(
        "Time span",
        options=list(ZOOM_PRESETS),
        format_func=ZOOM_PRESETS.get,
        default="crisis",
        required=True,
        key=TIMELINE_ZOOM_KEY,
        help="Crisis days: 12–16 May 2021. Reporting period: from the first to the last "
        "article's publication day. Since the war: from the autumn 2020 war on.",
    )
    grouping = st.segmented_control(
        "Lanes",
        options=list(LANE_GROUPINGS),
        format_func=LANE_GROUPINGS.get,
        default="actor",
        required=True,
        key=TIMELINE_LANES_KEY,
        help="One lane per actor, per kind of actor, or per state or organisation the "
        "actor counts for (a minister counts for his state).",
    )
    kinds = st.pills(
        "Show",
        options=list(ITEM_KINDS),
        format_func=KIND_LABELS.get,
        selection_mode="multi",
        default=list(ITEM_KINDS),
        key=TIMELINE_KINDS_KEY,
    )
types_column, background_column = st.columns([2, 2.4], vertical_alignment="bottom")
with types_column:
    type_keys = st.multiselect(
        "Types",
        options=list(choices),
        format_func=choices.get,
        placeholder="All types",
        key=TIMELINE_TYPES_KEY,
    )
with background_column:
    include_background = st.toggle(
        "Include the background",
        value=True,
        help="The autumn 2020 war and the November ceasefire, before the crisis.",
        key=TIMELINE_BACKGROUND_KEY,
    )

view_choices: ViewChoices = (grouping, tuple(kinds), tuple(type_keys), include_background)
view = timeline_page_view(*key, *view_choices)
figure = timeline_page_figure(*key, zoom, *view_choices)

counts = view.kind_counts
scope = "the actors chosen in the sidebar" if selected_actor_ids() else "everyone"
st.caption(
    f"{counts['statement']:,} statements and {counts['event']:,} events for {scope}, "
    f"in {view.lane_count} lanes. "
    + (
        "Hover a count for its types; click it to list its items. "
        if view.is_counted
        else "Hover an item for who, what and when; click it for the detail. "
    )
    + "Drag across the chart to zoom in time; the house button (“Reset axes”) in the "
    "chart's toolbar, at its top right when the pointer is over it, zooms back out."
)
if view.is_counted:
    st.info(_counted_note(view), icon=":material/stacked_bar_chart:")
piles = pile_count(figure)
if piles:
    st.caption(
        f"{piles} square{'s' if piles > 1 else ''} in this time span each stand for a lane's "
        f"items of one busy {period_words(pile_periods(figure))}, with their count, so the "
        "chart stays a few screens tall and no marker covers another. Click a square to list "
        "its items in the Item list; filter by actor, or pick a shorter time span, to see "
        "them one by one."
    )
if view.folded_lanes:
    st.caption(
        f"The {view.folded_lanes} lanes with the fewest items are folded into the last lane, "
        "“Other …”; filter by actor in the sidebar to give them their own lanes."
    )

chart_column, detail_column = st.columns([3.3, 1.2], gap="medium")
# The box scrolls sideways on a phone rather than squeeze the dates together.
with chart_column, wide_chart_box("timeline"):
    event = st.plotly_chart(
        figure,
        key=TIMELINE_CHART_KEY,
        on_select="rerun",
        selection_mode="points",
        width="stretch",
        config=CHART_CONFIG,
        alt=(
            f"Timeline chart: {counts['statement']:,} statements and {counts['event']:,} "
            f"events in {view.lane_count} lanes, one per "
            f"{LANE_GROUPINGS[grouping].lower()}, dates across the top. "
            "The item list beside it and the table below give the same items as text."
        ),
    )


_apply_click(event["selection"]["points"])
with detail_column:
    options = view.options
    # A clicked count bubble, or pile, lists its items only (in counted view, nothing else).
    bubble_id = st.session_state.get(TIMELINE_COUNT_KEY)
    label = view.count_label(bubble_id) if bubble_id else None
    if label:
        options = timeline_count_options(*key, bubble_id, *view_choices)
        more = "" if view.is_counted else "; click a single marker to list every item again"
        st.caption(f"{len(options)} items in {escape_markdown(label)}{more}")
    if st.session_state.get(TIMELINE_ITEM_KEY) not in options:
        st.session_state[TIMELINE_ITEM_KEY] = None
    picked = st.selectbox(
        "Item",
        options=list(options),
        format_func=options.get,
        index=None,
        placeholder=(
            "Click a count in the chart to list its items"
            if view.is_counted and not options
            else "Pick or click an item"
        ),
        key=TIMELINE_ITEM_KEY,
    )
    with st.container(border=True, key="timeline_detail"):
        detail = timeline_item_detail(key[0], picked) if picked else None
        if detail is None:
            st.caption(
                "Click an item in the chart to see the full quote, the speaker and target, "
                "the sentence it comes from and the issues it takes a stance on."
            )
        else:
            _show_detail(detail)

# One article's record is the item itself; several are set side by side under the chart.
if picked and detail is not None and len(detail.reports) > 1:
    _show_reports(detail)

# The table is made and sent only once opened: closed, the first chart is drawn sooner
# (the browser loads and lays out no data grid) and every click on the chart reruns
# without sending up to MAX_TABLE_ROWS rows again. The label stays the same whatever the
# filters: a new label would be a new expander, closed again.
table = st.expander(
    "The items as a table, sortable, with a CSV download",
    icon=":material/table_rows:",
    key=TIMELINE_TABLE_KEY,
    on_change="rerun",
)
if table.open:
    with table:
        _show_table(view)
