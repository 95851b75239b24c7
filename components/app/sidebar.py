"""The shared sidebar: the actor filter every page obeys, mirrored in the URL.

The multiselect is rendered by the router on every run, so its value survives page
switches. It is read from `?actor=…` once per session (a copied link restores the view)
and written back to the URL on every run.
"""

import streamlit as st

from components.app.state import (
    ACTOR_FILTER_KEY,
    ACTOR_PARAM,
    DROPPED_ACTOR_IDS_KEY,
    FILTER_FROM_URL_KEY,
    selected_actor_ids,
    split_known_ids,
)
from components.app.text_safety import clip

CLEAR_BUTTON_KEY = "actor_filter_clear"

# How many dropped ids the notice names; a link can carry hundreds of them.
MAX_DROPPED_SHOWN = 5


def render_actor_filter(choices: dict[str, str]) -> list[str]:
    """Show the actor filter in the sidebar and return the selected actor ids.

    ``choices`` maps actor id to name in display order (`components.app.state.actor_choices`).
    """
    _read_filter_from_url_once(choices)

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
        dropped = st.session_state.get(DROPPED_ACTOR_IDS_KEY, [])
        if dropped:
            st.warning(
                "The link named actors this dataset does not have, so they were left out: "
                + dropped_ids_text(dropped),
                icon=":material/warning:",
            )
        st.button(
            "Clear filter",
            key=CLEAR_BUTTON_KEY,
            on_click=_clear_filter,
            disabled=not selected_actor_ids() and not dropped,
            icon=":material/filter_alt_off:",
        )

    selected = selected_actor_ids()
    _write_filter_to_url(selected)
    return selected


def dropped_ids_text(dropped: list[str]) -> str:
    """The first few ids left out of the filter, clipped, as code spans (shown literally).

    A code span shows HTML, Markdown and LaTeX as typed; only a backtick could end it
    early, so backticks are shown as ‘ instead.
    """
    shown = ", ".join(
        f"`{clip(actor_id).replace('`', '‘')}`" for actor_id in dropped[:MAX_DROPPED_SHOWN]
    )
    hidden = len(dropped) - MAX_DROPPED_SHOWN
    return shown + (f" and {hidden} more" if hidden > 0 else "")


def _read_filter_from_url_once(choices: dict[str, str]) -> None:
    if st.session_state.get(FILTER_FROM_URL_KEY):
        return
    st.session_state[FILTER_FROM_URL_KEY] = True
    known, unknown = split_known_ids(st.query_params.get_all(ACTOR_PARAM), choices)
    st.session_state[ACTOR_FILTER_KEY] = known
    st.session_state[DROPPED_ACTOR_IDS_KEY] = unknown


def _write_filter_to_url(actor_ids: list[str]) -> None:
    if st.query_params.get_all(ACTOR_PARAM) == actor_ids:
        return
    if actor_ids:
        st.query_params[ACTOR_PARAM] = actor_ids
    else:
        del st.query_params[ACTOR_PARAM]


def _forget_dropped_ids() -> None:
    st.session_state[DROPPED_ACTOR_IDS_KEY] = []


def _clear_filter() -> None:
    st.session_state[ACTOR_FILTER_KEY] = []
    _forget_dropped_ids()
