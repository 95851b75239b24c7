"""Source: the whole article with its annotations highlighted, and the record behind one.

Other pages deep-link here with ?statement=<statement_id> or ?event=<event_id>: the record
is outlined in the text, scrolled to and shown in the side panel.
"""

import streamlit as st

from components.app.dataset import get_dataset, view_key
from components.app.routing import ensure_router
from components.app.state import (
    ARTICLE_PARAM,
    EVENT_PARAM,
    SOURCE_ARTICLE_KEY,
    SOURCE_LINK_SEEN_KEY,
    SOURCE_RECORD_KEY,
    SOURCE_SHOW_EVENTS_KEY,
    STATEMENT_PARAM,
    follow_article_link,
)
from components.app.text_safety import escape_markdown, visible_value
from components.source.frames import (
    linked_record,
    record_article,
    record_key,
    scroll_script,
    split_record_key,
)
from components.source.markup import anchor_id
from components.source.view import (
    source_article_choices,
    source_article_view,
    source_record_choices,
    source_record_view,
)

# The article scrolls inside its own box, so the legend and the side panel stay in view.
ARTICLE_HEIGHT_PX = 540
PANEL_HEIGHT_PX = 450

ensure_router()


def _apply_deep_link() -> None:
    """Open the article and select the record the URL names, once per link, so later
    picks are not overridden."""
    link = linked_record(st.query_params.to_dict())
    if link is None or st.session_state.get(SOURCE_LINK_SEEN_KEY) == link:
        return
    st.session_state[SOURCE_LINK_SEEN_KEY] = link
    layer, record_id = link
    article_id = record_article(get_dataset(), layer, record_id, st.query_params.get(ARTICLE_PARAM))
    if article_id is not None:
        st.session_state[SOURCE_ARTICLE_KEY] = article_id
        st.session_state[SOURCE_RECORD_KEY] = record_key(layer, record_id)
    else:
        st.warning(
            f"The link asks for {layer} {visible_value(record_id)}, which is not in the "
            "dataset. Pick a record in the side panel.",
            icon=":material/link_off:",
        )


def _clear_record_link() -> None:
    for param in (STATEMENT_PARAM, EVENT_PARAM):
        st.query_params.pop(param, None)


def _mirror_selection_in_url() -> None:
    """Keep the URL pointing at the chosen record, so it can be shared."""
    key = st.session_state.get(SOURCE_RECORD_KEY)
    _clear_record_link()
    if key:
        layer, record_id = split_record_key(key)
        st.query_params[STATEMENT_PARAM if layer == "statement" else EVENT_PARAM] = record_id
        st.session_state[SOURCE_LINK_SEEN_KEY] = (layer, record_id)


def _forget_record() -> None:
    """A new article starts with no record chosen: the old one is not in its text."""
    st.session_state[SOURCE_RECORD_KEY] = None
    _clear_record_link()


def _pick_article(choices: dict[str, str]) -> str:
    """The article to show: picked in a selectbox when there are several, else the only one."""
    follow_article_link(choices)
    if st.session_state.get(SOURCE_ARTICLE_KEY) not in choices:
        st.session_state[SOURCE_ARTICLE_KEY] = next(iter(choices))
    if len(choices) == 1:
        return st.session_state[SOURCE_ARTICLE_KEY]
    return st.selectbox(
        f"Article ({len(choices)} in the dataset, one shown at a time)",
        options=list(choices),
        format_func=choices.get,
        key=SOURCE_ARTICLE_KEY,
        on_change=_forget_record,
    )


data_dir, actor_ids = view_key()
get_dataset()  # loads the data (with its spinner) before any view is built
st.title("Source", anchor=False)
_apply_deep_link()
article_id = _pick_article(source_article_choices(data_dir))
options = source_record_choices(data_dir, article_id)
if st.session_state.get(SOURCE_RECORD_KEY) not in options:
    st.session_state[SOURCE_RECORD_KEY] = None

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
        record = source_record_view(data_dir, layer, record_id, article_id)
        with st.container(height=PANEL_HEIGHT_PX, border=True, key="source_record_panel"):
            st.markdown(record.card_markdown)
            for other_id, label in record.contradiction_links:
                st.page_link(
                    "pages/source.py",
                    label=escape_markdown(label),
                    icon=":material/compare_arrows:",
                    query_params={STATEMENT_PARAM: other_id},
                )
            with st.expander("All fields"):
                st.dataframe(record.fields, hide_index=True)
    else:
        st.caption(
            "Hover a highlight to see who said it and when; pick a record here to see all "
            "its fields. Other pages link to a record and it opens here, outlined."
        )

view = source_article_view(data_dir, actor_ids, article_id, selected, show_events)

with text_column:
    st.header(view.title, anchor=False)
    st.caption(view.byline, help=view.translation_note)
    st.html(view.legend_markup)
    if actor_ids:
        st.caption("Statements and mentions that do not concern the chosen actors are dimmed.")
    with st.container(height=ARTICLE_HEIGHT_PX, border=False, key="source_article"):
        st.html(view.article_markup)

if selected:
    st.html(scroll_script(anchor_id(*split_record_key(selected))), unsafe_allow_javascript=True)
