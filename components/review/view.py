"""The Review page's streamlit side: the cached model and registry, the draft in the
session, the editors and the validator's cached answer.

The draft lives in the session only (st.session_state), never on disk: the ZIP is made in
memory and the validator reads a temporary copy it removes (validation.py).
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from components.data.schemas import (
    ACTOR_TYPES,
    LOCATION_TYPES,
    OUTLET_TYPES,
    SIDES,
    STATEMENT_TYPES,
)
from components.extract import extract, load_pipeline, load_registry

from . import frames
from .markup import ARTICLE_CSS, article_html, legend_html, marks
from .validation import validate_review

# The codebook's values the form offers (re-exported: a page imports only its feature).
__all__ = ["OUTLET_TYPES", "SIDES"]

# Session keys of the page (its widgets and the draft under review).
TEXT_KEY = "review_text"
UPLOAD_KEY = "review_upload"
OUTLET_KEY = "review_outlet"
OUTLET_TYPE_KEY = "review_outlet_type"
SIDE_KEY = "review_side"
PUBLISHED_KEY = "review_published"
TITLE_KEY = "review_title"
URL_KEY = "review_url"
RIGHTS_KEY = "review_rights"
ARTICLE_ID_KEY = "review_article_id"
DRAFT_KEY = "review_draft"  # dict: text, published, rows, places, version
ROWS_KEY = "review_rows"  # the statements as last edited
ACTORS_KEY = "review_actors"  # the new actors as last edited
PLACES_KEY = "review_places"  # the new places as last edited
EXTRA_SPEAKERS_KEY = "review_extra_speakers"  # names of speakers the reviewer created
NOT_STATEMENTS_KEY = "review_not_statements"  # article.yaml not_statements entries
NEW_SPEAKER_NAME_KEY = "review_new_speaker_name"
GAP_KEY = "review_gap"
GAP_SPEAKER_KEY = "review_gap_speaker"
GAP_REASON_KEY = "review_gap_reason"
DOWNLOAD_KEY = "review_download"
NOTICE_KEY = "review_notice"  # why the last "Draft statements" drafted nothing


@st.cache_resource(show_spinner="Loading the language model…")
def _pipeline():
    return load_pipeline()


@st.cache_resource(show_spinner=False)
def registry(data_dir: str):
    """The extractor's registry of the app's data folder (actors, places, gazetteer)."""
    return load_registry(data_dir)


def actor_names(data_dir: str) -> dict[str, str]:
    """Registry actor id -> name, by name."""
    actors = sorted(registry(data_dir).actors, key=lambda actor: actor.actor_name.lower())
    return {actor.actor_id: actor.actor_name for actor in actors}


def place_names(data_dir: str) -> dict[str, str]:
    """Registry location id -> name, by name."""
    places = [place for place in registry(data_dir).places if place.location_id]
    places.sort(key=lambda place: place.location_name.lower())
    return {place.location_id: place.location_name for place in places}


def article_text() -> tuple[str, str | None]:
    """The text to draft from: the uploaded file, else the text area; and a problem, if any."""
    upload = st.session_state.get(UPLOAD_KEY)
    if upload is not None:
        return frames.decode_upload(upload.name, upload.getvalue())
    return st.session_state.get(TEXT_KEY, ""), None


def draft_clicked(data_dir: str) -> None:
    """Callback of "Draft statements" (a callback survives the router's rerun): draft the
    text, or leave a notice saying why not."""
    text, problem = article_text()
    if problem:
        st.session_state[NOTICE_KEY] = problem
    elif not text.strip():
        st.session_state[NOTICE_KEY] = "Paste or upload the article's text first."
    else:
        run_draft(data_dir, text, st.session_state[PUBLISHED_KEY])


def run_draft(data_dir: str, text: str, published: date) -> None:
    """Draft the text and start a new review in the session (edits of an older one go)."""
    _pipeline()
    state = st.session_state
    draft = extract(
        text,
        published,
        registry(data_dir),
        issuer=state.get(OUTLET_KEY, "").strip() or None,
        title=state.get(TITLE_KEY, "").strip() or None,
    )
    version = st.session_state.get(DRAFT_KEY, {}).get("version", 0) + 1
    st.session_state[DRAFT_KEY] = {"text": text, "published": published, "version": version}
    st.session_state[ROWS_KEY] = frames.statement_rows(draft)
    st.session_state[PLACES_KEY] = frames.new_place_rows(draft)
    st.session_state[ACTORS_KEY] = None
    st.session_state[EXTRA_SPEAKERS_KEY] = []
    st.session_state[NOT_STATEMENTS_KEY] = []


def current_meta() -> frames.ArticleMeta:
    """The article.yaml fields as the form says now."""
    state = st.session_state
    return frames.ArticleMeta(
        outlet=state.get(OUTLET_KEY, "").strip(),
        outlet_type=state.get(OUTLET_TYPE_KEY) or "",
        side=state.get(SIDE_KEY) or "",
        published_date=state[DRAFT_KEY]["published"],
        title=state.get(TITLE_KEY, "").strip(),
        url=state.get(URL_KEY, "").strip(),
        rights=state.get(RIGHTS_KEY, "").strip(),
        article_id=state.get(ARTICLE_ID_KEY, "").strip(),
        not_statements=tuple(state.get(NOT_STATEMENTS_KEY, [])),
    )


def highlighted(text: str, rows: pd.DataFrame, labels: dict[str, str]) -> tuple[str, str]:
    """The legend and the article with the statements marked, as escaped HTML."""
    return ARTICLE_CSS + legend_html(rows, labels), article_html(text, marks(text, rows, labels))


def statements_editor(data_dir: str) -> pd.DataFrame:
    """The statements table: speaker, type, date, place, confirm/delete; returns the edits."""
    version = st.session_state[DRAFT_KEY]["version"]
    rows = st.session_state[ROWS_KEY]
    names = actor_names(data_dir)
    options = frames.speaker_options(names, rows, st.session_state[EXTRA_SPEAKERS_KEY])
    places = frames.location_options(place_names(data_dir), st.session_state[PLACES_KEY])
    edited = st.data_editor(
        rows,
        key=f"review_statements_{version}_{len(rows)}",
        hide_index=True,
        width="stretch",
        column_order=[c for c in frames.STATEMENT_COLUMNS if c not in frames.HIDDEN_COLUMNS],
        disabled=["number", "mention", "confidence"],
        column_config={
            "number": st.column_config.NumberColumn("#", width=40),
            "confirm": st.column_config.CheckboxColumn("Confirm", help="You checked it"),
            "delete": st.column_config.CheckboxColumn("Delete", help="Not a statement"),
            "speaker": st.column_config.SelectboxColumn(
                "Speaker",
                options=options,
                format_func=lambda value: frames.speaker_label(value, names),
                required=True,
                width="medium",
            ),
            "mention": st.column_config.TextColumn("Named as", help="The words the draft read"),
            "statement_type": st.column_config.SelectboxColumn(
                "Type", options=list(STATEMENT_TYPES), required=True
            ),
            "when": st.column_config.TextColumn(
                "When", help="A codebook date expression: as reported, Thursday, 2021-05-27…"
            ),
            "date_quote": st.column_config.TextColumn("Date words", help="The text's date words"),
            "location_id": st.column_config.SelectboxColumn("Place", options=places),
            "is_direct_quote": st.column_config.CheckboxColumn("Direct quote"),
            "confidence": st.column_config.NumberColumn("Confidence", format="%.2f", width=80),
            "quote": st.column_config.TextColumn(
                "Words", help="Exact words of the text", width="large"
            ),
        },
    )
    st.session_state[ROWS_KEY] = edited
    return edited


def new_actors_editor(rows: pd.DataFrame) -> pd.DataFrame:
    """The new speakers' registry entries (id, type, aliases); returns the edits."""
    actors = frames.new_actor_rows(rows, st.session_state.get(ACTORS_KEY))
    if actors.empty:
        st.session_state[ACTORS_KEY] = actors
        return actors
    names = "|".join(actors["actor_name"])
    edited = st.data_editor(
        actors,
        key=f"review_actors_{st.session_state[DRAFT_KEY]['version']}_{abs(hash(names))}",
        hide_index=True,
        width="stretch",
        disabled=["actor_name"],
        column_config={
            "actor_name": st.column_config.TextColumn("Name"),
            "actor_id": st.column_config.TextColumn("Id", required=True),
            "actor_type": st.column_config.SelectboxColumn(
                "Type", options=list(ACTOR_TYPES), required=True
            ),
            "aliases": st.column_config.TextColumn("Aliases (; between)", width="large"),
        },
    )
    st.session_state[ACTORS_KEY] = edited
    return edited


def new_places_editor() -> pd.DataFrame:
    """The gazetteer places the draft found, to keep (as registry additions) or drop."""
    places = st.session_state[PLACES_KEY]
    if places.empty:
        return places
    edited = st.data_editor(
        places,
        key=f"review_places_{st.session_state[DRAFT_KEY]['version']}",
        hide_index=True,
        width="stretch",
        disabled=["location_name", "lat", "lon", "coord_source"],
        column_config={
            "keep": st.column_config.CheckboxColumn("Keep"),
            "location_name": st.column_config.TextColumn("Name"),
            "location_id": st.column_config.TextColumn("Id", required=True),
            "location_type": st.column_config.SelectboxColumn(
                "Type", options=list(LOCATION_TYPES), required=True
            ),
            "lat": st.column_config.NumberColumn("Lat", format="%.4f"),
            "lon": st.column_config.NumberColumn("Lon", format="%.4f"),
            "coord_source": st.column_config.TextColumn("Coordinates from"),
            "aliases": st.column_config.TextColumn("Aliases (; between)"),
        },
    )
    st.session_state[PLACES_KEY] = edited
    return edited


def add_speaker() -> None:
    """Callback: the typed name becomes a speaker the table offers as "new: <name>"."""
    name = " ".join(st.session_state.get(NEW_SPEAKER_NAME_KEY, "").split())
    if name and name not in st.session_state[EXTRA_SPEAKERS_KEY]:
        st.session_state[EXTRA_SPEAKERS_KEY].append(name)
    st.session_state[NEW_SPEAKER_NAME_KEY] = ""


def add_gap_as_statement(gaps: list) -> None:
    """Callback: the chosen gap's words become a statement of the chosen speaker."""
    index = st.session_state.get(GAP_KEY)
    speaker = st.session_state.get(GAP_SPEAKER_KEY)
    if index is None or index >= len(gaps) or not speaker:
        return
    st.session_state[ROWS_KEY] = frames.added_statement(
        st.session_state[ROWS_KEY], gaps[index], speaker
    )
    st.session_state[GAP_KEY] = None


def mark_gap_not_statement(gaps: list, text: str) -> None:
    """Callback: the chosen gap goes to article.yaml's not_statements with the reason."""
    index = st.session_state.get(GAP_KEY)
    reason = " ".join(st.session_state.get(GAP_REASON_KEY, "").split())
    if index is None or index >= len(gaps) or not reason:
        return
    st.session_state[NOT_STATEMENTS_KEY].append(frames.not_statement(text, gaps[index], reason))
    st.session_state[GAP_KEY] = None
    st.session_state[GAP_REASON_KEY] = ""


@st.cache_data(show_spinner="Checking the folder with the validator…", max_entries=32)
def validation(data_dir: str, article_id: str, files: tuple[tuple[str, str], ...]) -> pd.DataFrame:
    """The validator's problems with the reviewed folder (cached on the folder's files)."""
    return validate_review(data_dir, article_id, dict(files))
