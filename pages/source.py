"""Source: the whole article with its annotations highlighted, and the record behind one.

Other pages deep-link here with ?statement=<statement_id> or ?event=<event_id>: the record
is outlined in the text, scrolled to and shown in the side panel.
"""

import streamlit as st

from components.app_data import get_dataset, get_filtered_dataset
from components.routing import ensure_router
from components.source import (
    ARTICLE_CSS,
    anchor_id,
    article_html,
    contradiction_links,
    event_spans,
    legend_entries,
    legend_html,
    linked_record,
    mention_spans,
    record_card_markdown,
    record_exists,
    record_fields,
    record_key,
    record_options,
    scroll_script,
    split_record_key,
    statement_spans,
)
from components.state import (
    EVENT_PARAM,
    SOURCE_LINK_SEEN_KEY,
    SOURCE_RECORD_KEY,
    SOURCE_SHOW_EVENTS_KEY,
    STATEMENT_PARAM,
    selected_actor_ids,
)
from components.text_safety import clip, escape_markdown

# The article scrolls inside its own box, so the legend and the side panel stay in view.
ARTICLE_HEIGHT_PX = 540
PANEL_HEIGHT_PX = 450

ensure_router()

dataset = get_dataset()
filtered = get_filtered_dataset()
article = dataset.articles.iloc[0]
options = record_options(dataset)


def _apply_deep_link() -> None:
    """Select the record the URL names, once per link, so later picks are not overridden."""
    link = linked_record(st.query_params.to_dict())
    if link is None or st.session_state.get(SOURCE_LINK_SEEN_KEY) == link:
        return
    st.session_state[SOURCE_LINK_SEEN_KEY] = link
    layer, record_id = link
    if record_exists(dataset, layer, record_id):
        st.session_state[SOURCE_RECORD_KEY] = record_key(layer, record_id)
    else:
        st.warning(
            f"The link asks for {layer} “{escape_markdown(clip(record_id))}”, which is not in the "
            "dataset. Pick a record in the side panel.",
            icon=":material/link_off:",
        )


def _mirror_selection_in_url() -> None:
    """Keep the URL pointing at the chosen record, so it can be shared."""
    key = st.session_state.get(SOURCE_RECORD_KEY)
    for param in (STATEMENT_PARAM, EVENT_PARAM):
        st.query_params.pop(param, None)
    if key:
        layer, record_id = split_record_key(key)
        st.query_params[STATEMENT_PARAM if layer == "statement" else EVENT_PARAM] = record_id
        st.session_state[SOURCE_LINK_SEEN_KEY] = (layer, record_id)


_apply_deep_link()

st.subheader(escape_markdown(article["title"]), anchor=False)
translated = " · translated from the French original" if article["is_translation"] else ""
st.caption(
    f"{escape_markdown(article['outlet'])}/{escape_markdown(str(article['agency']))} · "
    f"{article['published_date']:%d %B %Y}{translated}",
    help=escape_markdown(str(article["translation_note"])) if article["is_translation"] else None,
)

text_column, panel_column = st.columns([2.2, 1], gap="large")

with panel_column:
    selected = st.selectbox(
        "Record",
        options=list(options),
        format_func=options.get,
        index=None,
        placeholder="Pick a statement or event",
        key=SOURCE_RECORD_KEY,
        on_change=_mirror_selection_in_url,
    )
    show_events = st.toggle("Mark events in the text", key=SOURCE_SHOW_EVENTS_KEY)
    if selected:
        layer, record_id = split_record_key(selected)
        with st.container(height=PANEL_HEIGHT_PX, border=True, key="source_record_panel"):
            st.markdown(record_card_markdown(dataset, layer, record_id))
            if layer == "statement":
                for other_id, label in contradiction_links(dataset, record_id):
                    st.page_link(
                        "pages/source.py",
                        label=escape_markdown(label),
                        icon=":material/compare_arrows:",
                        query_params={STATEMENT_PARAM: other_id},
                    )
            with st.expander("All fields"):
                st.dataframe(record_fields(dataset, layer, record_id), hide_index=True)
    else:
        st.caption(
            "Hover a highlight to see who said it and when; pick a record here to see all "
            "its fields. Other pages link to a record and it opens here, outlined."
        )

selected_layer, selected_id = split_record_key(selected) if selected else (None, None)
is_filtered = bool(selected_actor_ids())
spans = [
    *statement_spans(
        dataset,
        active_ids=filtered.statements["statement_id"] if is_filtered else None,
        selected_id=selected_id if selected_layer == "statement" else None,
    ),
    *event_spans(
        dataset,
        shown_ids=None if show_events else [],
        active_ids=filtered.events["event_id"] if is_filtered else None,
        selected_id=selected_id if selected_layer == "event" else None,
    ),
    *mention_spans(dataset, active_ids=filtered.mentions["mention_id"] if is_filtered else None),
]

with text_column:
    st.html(ARTICLE_CSS + legend_html(legend_entries(dataset)))
    if is_filtered:
        st.caption("Statements and mentions that do not concern the chosen actors are dimmed.")
    with st.container(height=ARTICLE_HEIGHT_PX, border=False, key="source_article"):
        st.html(article_html(article["text"], spans, int(article["body_end_char"])))

if selected_id:
    st.html(scroll_script(anchor_id(selected_layer, selected_id)), unsafe_allow_javascript=True)
