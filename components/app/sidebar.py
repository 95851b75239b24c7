"""The shared sidebar: the actor, side and outlet filter every page obeys, mirrored in the URL.

The widgets are rendered by the router on every run, so their values survive page
switches. They are read from `?actor=…&side=…&outlet=…` once per session (a copied link
restores the view) and written back to the URL on every run. Values the dataset does not
have are left out with a notice; one button clears the whole filter.
"""

from urllib.parse import urlencode

import streamlit as st

from components.app.browser import render_page_script
from components.app.state import (
    ACTOR_FILTER_KEY,
    ACTOR_PARAM,
    DROPPED_ACTOR_IDS_KEY,
    DROPPED_SOURCES_KEY,
    FILTER_FROM_URL_KEY,
    OUTLET_FILTER_KEY,
    OUTLET_PARAM,
    SIDE_FILTER_KEY,
    SIDE_PARAM,
    SOURCE_FILTER_FROM_URL_KEY,
    selected_actor_ids,
    selected_outlets,
    selected_sides,
    split_known_ids,
)
from components.app.text_safety import visible_value

CLEAR_BUTTON_KEY = "actor_filter_clear"

# How many dropped ids the notice names; a link can carry hundreds of them.
MAX_DROPPED_SHOWN = 5


def render_actor_filter(
    choices: dict[str, str],
    sources: tuple[dict[str, str], dict[str, str]] | None = None,
) -> list[str]:
    """Show the filter in the sidebar and return the selected actor ids.

    ``choices`` maps actor id to name in display order (`components.app.state.actor_choices`);
    ``sources``, when given, the side and outlet options (`components.app.state.source_choices`),
    shown below the actors.
    """
    # A new session whose URL names no filter: after a server restart, the page the
    # reader switched to (the frontend drops the query string then); the page script
    # brings back the filter the browser still shows (components/app/browser.py).
    restore = not st.session_state.get(FILTER_FROM_URL_KEY) and not any(
        param in st.query_params for param in (ACTOR_PARAM, SIDE_PARAM, OUTLET_PARAM)
    )
    _read_filter_from_url_once(choices)
    if sources is not None:
        _read_sources_from_url_once(*sources)
    _send_filter_to_browser()

    with st.sidebar:
        st.multiselect(
            "Actors",
            options=list(choices),
            format_func=choices.get,
            key=ACTOR_FILTER_KEY,
            placeholder="Everyone",
            help=(
                "Show only what concerns these actors: what they said, what was said to or "
                "about them, and what they did, including the people and bodies under them "
                "(a spokeswoman counts for her ministry and her state). Empty means everyone."
            ),
            on_change=_forget_dropped_ids,
        )
        if sources is not None:
            _render_source_widgets(*sources)
        dropped = st.session_state.get(DROPPED_ACTOR_IDS_KEY, [])
        if dropped:
            st.warning(
                "The link named actors this dataset does not have, so they were left out: "
                + dropped_ids_text(dropped),
                icon=":material/warning:",
            )
        dropped_sources = st.session_state.get(DROPPED_SOURCES_KEY, [])
        if dropped_sources:
            st.warning(
                "The link named sides or outlets this dataset does not have, so they were "
                "left out: " + dropped_ids_text(dropped_sources),
                icon=":material/warning:",
            )
        chosen = selected_actor_ids() or selected_sides() or selected_outlets()
        st.button(
            "Clear filter",
            key=CLEAR_BUTTON_KEY,
            on_click=_clear_filter,
            disabled=not chosen and not dropped and not dropped_sources,
            icon=":material/filter_alt_off:",
            help="Back to everything: every actor, every side, every outlet.",
        )

    selected = selected_actor_ids()
    _write_filter_to_url(selected)
    if sources is not None:
        _write_param(SIDE_PARAM, selected_sides())
        _write_param(OUTLET_PARAM, selected_outlets())
    # Last in the sidebar: its element takes no room, but shows a placeholder until
    # Streamlit has loaded its code, which must not push the page down.
    with st.sidebar:
        render_page_script(_filter_query(selected), restore)
    return selected


def _filter_query(actor_ids: list[str]) -> str:
    """The filter as the URL carries it: ``actor=…&side=…&outlet=…``."""
    pairs = [(ACTOR_PARAM, actor_id) for actor_id in actor_ids]
    pairs += [(SIDE_PARAM, side) for side in selected_sides()]
    pairs += [(OUTLET_PARAM, outlet) for outlet in selected_outlets()]
    return urlencode(pairs)


def _render_source_widgets(sides: dict[str, str], outlets: dict[str, str]) -> None:
    st.pills(
        "Sides",
        options=list(sides),
        format_func=sides.get,
        selection_mode="multi",
        key=SIDE_FILTER_KEY,
        help=(
            "Show only what the outlets of these sides published: the camp of the outlet, not "
            "of the speakers it quotes (an Armenian outlet quoting Baku is Armenian). "
            "None chosen means every side."
        ),
        on_change=_forget_dropped_sources,
    )
    st.multiselect(
        "Outlets",
        options=list(outlets),
        format_func=outlets.get,
        key=OUTLET_FILTER_KEY,
        placeholder="Every outlet",
        help=(
            "Show only what these outlets published. With sides chosen too, an article must "
            "be of a chosen side and a chosen outlet. Empty means every outlet."
        ),
        on_change=_forget_dropped_sources,
    )


def dropped_ids_text(dropped: list[str]) -> str:
    """The first few ids left out of the filter, as `visible_value` shows them: code spans,
    clipped, invisible and direction-changing characters as escapes, *(empty)* for none."""
    shown = ", ".join(visible_value(actor_id) for actor_id in dropped[:MAX_DROPPED_SHOWN])
    hidden = len(dropped) - MAX_DROPPED_SHOWN
    return shown + (f" and {hidden} more" if hidden > 0 else "")


def _read_filter_from_url_once(choices: dict[str, str]) -> None:
    if st.session_state.get(FILTER_FROM_URL_KEY):
        return
    st.session_state[FILTER_FROM_URL_KEY] = True
    known, unknown = split_known_ids(st.query_params.get_all(ACTOR_PARAM), choices)
    st.session_state[ACTOR_FILTER_KEY] = known
    st.session_state[DROPPED_ACTOR_IDS_KEY] = unknown


def _read_sources_from_url_once(sides: dict[str, str], outlets: dict[str, str]) -> None:
    if st.session_state.get(SOURCE_FILTER_FROM_URL_KEY):
        return
    st.session_state[SOURCE_FILTER_FROM_URL_KEY] = True
    known_sides, unknown_sides = split_known_ids(st.query_params.get_all(SIDE_PARAM), sides)
    known_outlets, unknown_outlets = split_known_ids(st.query_params.get_all(OUTLET_PARAM), outlets)
    st.session_state[SIDE_FILTER_KEY] = known_sides
    st.session_state[OUTLET_FILTER_KEY] = known_outlets
    st.session_state[DROPPED_SOURCES_KEY] = unknown_sides + unknown_outlets


def _send_filter_to_browser() -> None:
    """Set each filter widget's value (in session state) to itself, before the widget is made.

    Streamlit's frontend takes a widget's value from the server only in a run where session
    state set it; in other runs it keeps the value it holds, or takes the widget's default
    (nobody) when it holds none. After a deep link the value came from session state in the
    first run only, and on a fresh server the browser sometimes held no value for the filter
    when the reader switched page: its widget then took the default from the next page's
    element, and the next rerun (Back) sent that empty filter to the server, which cleared
    the session's filter and the URL (1 run in 3 of tests/e2e/test_history.py). Set on
    every run, the value the server holds reaches the browser on every run.
    """
    for key in (ACTOR_FILTER_KEY, SIDE_FILTER_KEY, OUTLET_FILTER_KEY):
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def _write_filter_to_url(actor_ids: list[str]) -> None:
    _write_param(ACTOR_PARAM, actor_ids)


def _write_param(param: str, values: list[str]) -> None:
    if st.query_params.get_all(param) == values:
        return
    if values:
        st.query_params[param] = values
    else:
        del st.query_params[param]


def _forget_dropped_ids() -> None:
    st.session_state[DROPPED_ACTOR_IDS_KEY] = []


def _forget_dropped_sources() -> None:
    st.session_state[DROPPED_SOURCES_KEY] = []


def _clear_filter() -> None:
    st.session_state[ACTOR_FILTER_KEY] = []
    st.session_state[SIDE_FILTER_KEY] = []
    st.session_state[OUTLET_FILTER_KEY] = []
    _forget_dropped_ids()
    _forget_dropped_sources()
