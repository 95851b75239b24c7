"""Stances: who supports or opposes which proposition, who agrees with whom, who clashes.

The actor × issue matrix leads to its evidence: a click on a cell (or a pick in the cell
list, for keyboard users) shows the statements behind it, each linked to the Source page.
Below it: actor × actor agreement and conflict, who targets whom, and the contradictions.
"""

import streamlit as st

from components.app.dataset import dataset_or_stop, view_key
from components.app.figures import SINGLE_CLICKS_CONFIG
from components.app.look import wide_chart_box
from components.app.palette import side_label
from components.app.routing import ensure_router
from components.app.state import (
    STANCES_AGREEMENT_CSV_KEY,
    STANCES_AGREEMENT_SEARCH_KEY,
    STANCES_CELL_KEY,
    STANCES_LEVEL_KEY,
    STANCES_MATRIX_CSV_KEY,
    STANCES_MATRIX_KEY,
    STANCES_ORDER_KEY,
    STANCES_OTHER_SIDE_KEY,
    STANCES_REPORTED_BY_KEY,
    STANCES_SIDE_KEY,
    STANCES_SPLIT_CELL_KEY,
    STANCES_SPLIT_MATRIX_KEY,
    STANCES_TARGETING_CSV_KEY,
    selected_actor_ids,
)
from components.app.text_safety import escape_markdown
from components.stances.clicks import ClickableMatrix, choose_by_click
from components.stances.frames import LEVELS, ORDERS, STANCE_VERBS, split_cell_id
from components.stances.relations import links_naming
from components.stances.sides import (
    ALL_SIDES,
    REPORTED_BY,
    side_choice,
    split_choices,
    split_side_choice,
)
from components.stances.view import (
    stances_cell_evidence,
    stances_matrix_figure,
    stances_page_view,
    stances_side_choices,
)

# Plotly's toolbar offers zoom and pan, which a fixed grid does not need.
CHART_CONFIG = {"displayModeBar": False}
# The clickable matrix: each press a click of its own (a quick second click is not half of
# a double-click, which would clear the selection); it has nothing to zoom back.
MATRIX_CONFIG = {**CHART_CONFIG, **SINGLE_CLICKS_CONFIG}

# The agreement table scrolls inside a box this tall (about ten rows): at its full height,
# hundreds of links made the page tens of thousands of px long.
AGREEMENT_TABLE_HEIGHT_PX = 400

# Key of the box with the chosen cell's statements (its st-key-… class finds it in tests).
EVIDENCE_KEY = "stances_evidence"

# Contradictions shown open; the others wait in an expander (each box is some 300 px tall).
CONTRADICTIONS_OPEN = 5

# Key prefix of each contradiction's box (st-key-… class), one box per pair.
CONTRADICTION_KEY_PREFIX = "stances_contradiction_"

ensure_router()


dataset_or_stop()


def _source_link(statement_id: str) -> None:
    st.page_link(
        "pages/source.py",
        label=f"Open {statement_id} in the article",
        icon=":material/article:",
        query_params={"statement": statement_id},
    )


def _contradiction(pair) -> None:
    """One contradiction: the statement and the one that contradicts it, side by side."""
    with st.container(border=True, key=f"{CONTRADICTION_KEY_PREFIX}{pair.statement_id}"):
        if isinstance(pair.issue_label, str):
            st.markdown(f"On **{escape_markdown(pair.issue_label)}**")
        claim_column, denial_column = st.columns(2, gap="large")
        sides = [
            (
                claim_column,
                "Says",
                pair.contradicted_speaker_name,
                pair.contradicted_date_label,
                pair.contradicted_quote,
                pair.contradicted_sentence,
                pair.contradicted_statement_id,
            ),
            (
                denial_column,
                "Contradicts it",
                pair.speaker_name,
                pair.date_label,
                pair.quote,
                pair.sentence,
                pair.statement_id,
            ),
        ]
        for column, role, speaker, date_label, quote, sentence, statement_id in sides:
            with column:
                st.markdown(
                    f"**{escape_markdown(speaker)}** · {role} · {escape_markdown(date_label)}"
                )
                st.markdown(f"> {escape_markdown(quote)}")
                st.caption(f"In the article: {escape_markdown(sentence)}")
                _source_link(statement_id)


def _matrix_alt(matrix_view, side_name: str | None) -> str:
    """The matrix's accessible name: what it shows, and where its text version is."""
    reported = f", as reported by {side_name}" if side_name else ""
    return (
        f"Stance matrix{reported}: {len(matrix_view.row_ids)} actors (rows) by issue "
        "(columns); a square's colour says whether the actor supports, opposes or is neutral "
        "on the issue, its number how many statements. The table under the matrix gives the "
        "same in words."
    )


def _matrix_chart(figure, matrix: ClickableMatrix, alt: str) -> None:
    """A matrix whose clicks choose a cell (ClickableMatrix keeps its key)."""
    st.plotly_chart(
        figure,
        key=matrix.key,
        on_select="rerun",
        selection_mode="points",
        config=MATRIX_CONFIG,
        alt=alt,
    )


def _cell_picker(choices: dict[str, str], key: str, click_hint: str) -> str | None:
    """The evidence section's heading and its cell list (the keyboard's way to a cell);
    the cell chosen, by click or from the list."""
    st.header("Statements behind a cell")
    chosen = st.selectbox(
        "Cell",
        options=list(choices),
        format_func=choices.get,
        index=None,
        placeholder=f"{click_hint}, or pick a cell here",
        key=key,
    )
    if chosen is None:
        st.caption("Click a coloured square above to see the statements behind it.")
    return chosen


def _evidence(view, level: str, chosen: str, side: str) -> None:
    """The statements behind the cell ``chosen`` of ``view``, counted on ``side``'s outlets."""
    actor_id, issue_id = split_cell_id(chosen)
    reported = "" if side == ALL_SIDES else f", as {side_label(side)} outlets report it"
    st.markdown(
        f"**{escape_markdown(view.names.get(actor_id, actor_id))}** on "
        f"*{escape_markdown(view.issue_labels[issue_id])}*{escape_markdown(reported)}"
    )
    for row in stances_cell_evidence(*view_key(), level, chosen, side):
        with st.container(border=True):
            st.markdown(
                f"**{escape_markdown(row.actor_name)}** {STANCE_VERBS[row.stance]} · "
                f"{escape_markdown(row.date_label)} · "
                + ("direct quote" if row.is_direct_quote else "reported speech")
            )
            st.markdown(f"> {escape_markdown(row.quote)}")
            st.caption(f"In the article: {escape_markdown(row.sentence)}")
            _source_link(row.statement_id)


st.title("Stances")
st.caption(
    "Each coded statement says whether its speaker supports, opposes or is neutral on a "
    "proposition (the issues). The matrix adds them up per actor and issue; every square "
    "leads to the statements behind it."
    + (
        " Only statements that concern the actors chosen in the sidebar count."
        if selected_actor_ids()
        else ""
    )
)

level_column, order_column = st.columns(2)
level = level_column.radio(
    "Rows",
    options=list(LEVELS),
    format_func=LEVELS.get,
    horizontal=True,
    key=STANCES_LEVEL_KEY,
    help="Roll every actor up to the state or organisation it counts for: a spokeswoman "
    "counts for her country, a minister for his government.",
)
order = order_column.selectbox(
    "Order of the rows",
    options=list(ORDERS),
    format_func=ORDERS.get,
    key=STANCES_ORDER_KEY,
    help="Like-minded actors together: rows that take the same side on the same issues "
    "sit next to each other, opponents further apart.",
)

sides = stances_side_choices(view_key()[0])
by_column, side_column, other_column = st.columns([2.2, 1, 1], vertical_alignment="bottom")
reported = by_column.segmented_control(
    "Reported by",
    options=list(REPORTED_BY),
    format_func=REPORTED_BY.get,
    default=ALL_SIDES,
    required=True,
    key=STANCES_REPORTED_BY_KEY,
    help="Count only the statements printed by outlets of one side (the camp of the outlet, "
    "not of the speaker), or set two sides' matrices side by side to compare how each "
    "reports the same actors.",
)
side = ALL_SIDES
if reported != ALL_SIDES:
    side = side_column.selectbox(
        "Side" if reported == "one" else "First side",
        options=list(sides),
        format_func=sides.get,
        key=STANCES_SIDE_KEY,
    )
if reported == "split":
    others = [choice for choice in sides if choice != side]
    if st.session_state.get(STANCES_OTHER_SIDE_KEY) not in others:
        st.session_state[STANCES_OTHER_SIDE_KEY] = others[0] if others else None
    other_side = other_column.selectbox(
        "Second side", options=others, format_func=sides.get, key=STANCES_OTHER_SIDE_KEY
    )
    st.header("Actor × issue, as each side's outlets report it")
    st.caption(
        "Each matrix counts only the statements printed by that side's outlets. Click a "
        "square in either matrix, or pick it in the list below, to read the statements "
        "behind it as that side's outlets print them."
    )
    shown_sides = [shown for shown in (side, other_side) if shown is not None]
    side_views = {
        shown: stances_page_view(*view_key(), level, order, shown) for shown in shown_sides
    }
    split_matrices = [
        ClickableMatrix(
            st.session_state, f"{STANCES_SPLIT_MATRIX_KEY}_{position}", side_choice(shown, "")
        )
        for position, shown in enumerate(shown_sides)
    ]
    choices = split_choices({shown: view.choices for shown, view in side_views.items()})
    chosen = choose_by_click(st.session_state, STANCES_SPLIT_CELL_KEY, split_matrices, choices)
    # One above the other, each at full width: side by side, half a page is too narrow for
    # the issue labels of the columns.
    for position, (shown, matrix) in enumerate(zip(shown_sides, split_matrices, strict=True)):
        with st.container(key=f"stances_split_{position}"):
            st.markdown(f"**Reported by {escape_markdown(sides[shown])}**")
            side_view = side_views[shown]
            if side_view.matrix_figure is None:
                st.info("No statement of these outlets takes a stance on an issue.")
                continue
            framed = matrix.framed(chosen, (view_key(), level, order, shown))
            with wide_chart_box(f"stances_split_{position}", side_view.matrix_width_px):
                _matrix_chart(
                    stances_matrix_figure(*view_key(), level, order, framed, shown),
                    matrix,
                    _matrix_alt(side_view, sides[shown]),
                )
    with st.container(key=EVIDENCE_KEY):
        _cell_picker(choices, STANCES_SPLIT_CELL_KEY, "Click a square in either matrix")
        if chosen is not None:
            chosen_side, chosen_cell = split_side_choice(chosen)
            _evidence(side_views[chosen_side], level, chosen_cell, chosen_side)
    # The sections below count every outlet: a split view has no single scope for them.
    side = ALL_SIDES

view = stances_page_view(*view_key(), level, order, side)

if reported == "split":
    st.caption("Who agrees, who targets whom and the contradictions below count every outlet.")
else:
    st.header(
        "Actor × issue" if side == ALL_SIDES else f"Actor × issue, as reported by {sides[side]}"
    )
single_matrix = reported != "split"
if single_matrix and view.cells.empty:
    st.info("No statement that concerns the chosen actors takes a stance on an issue.")
elif single_matrix:
    choices = view.choices
    matrix = ClickableMatrix(st.session_state, STANCES_MATRIX_KEY)
    chosen = choose_by_click(st.session_state, STANCES_CELL_KEY, [matrix], choices)
    framed = matrix.framed(chosen, (view_key(), level, order, side))
    if view.matrix_note:
        st.info(view.matrix_note, icon=":material/filter_list:")
    # The box scrolls sideways on a phone: squeezed, the issue headers run together.
    with wide_chart_box("stances_matrix", view.matrix_width_px):
        _matrix_chart(
            stances_matrix_figure(*view_key(), level, order, framed, side),
            matrix,
            _matrix_alt(view, None if side == ALL_SIDES else sides[side]),
        )
    with st.expander("The matrix as a table (text)", icon=":material/table_rows:"):
        st.caption(
            "The same rows and issues as the matrix: each cell gives the stance in words "
            "and its number of statements; “—” means no statement."
        )
        st.table(view.matrix_words, hide_index=True)
    st.download_button(
        "Download the matrix (CSV, one row per actor)",
        data=view.matrix_csv_bytes,
        file_name=f"stance-matrix-{level}.csv",
        mime="text/csv",
        icon=":material/download:",
        key=STANCES_MATRIX_CSV_KEY,
        on_click="ignore",
    )

    with st.container(key=EVIDENCE_KEY):
        chosen = _cell_picker(choices, STANCES_CELL_KEY, "Click a square in the matrix")
        if chosen is not None:
            _evidence(view, level, chosen, side)

st.divider()
st.header("Who agrees with whom")
st.caption(
    "Two actors agree on an issue when both support it or both oppose it, and conflict "
    "when one supports what the other opposes (neutral and mixed squares do not count). "
    "Thicker lines: more issues. Hover the middle of a line for the issues."
)
agreements = view.agreements
if agreements.empty:
    st.info("No two actors in view take a side on the same issue.")
else:
    if view.network_note:
        st.info(view.network_note, icon=":material/filter_list:")
    st.plotly_chart(
        view.network_figure,
        config=CHART_CONFIG,
        alt="Agreement network: actors on a circle, a line between two actors who agree "
        "or conflict on issues, thicker for more issues. The table below lists every link.",
    )
    words = st.text_input(
        "Find an actor",
        key=STANCES_AGREEMENT_SEARCH_KEY,
        placeholder="Part of a name, e.g. France",
        help="Lists the links of the actors whose name holds these words.",
    )
    links = links_naming(view.agreement_table, words)
    st.caption(
        f"Showing {len(links):,} of {len(view.agreement_table):,} links, the strongest first "
        "(most issues in common, then most statements); scroll the table for the rest, or "
        "click a column's header to sort by it."
    )
    st.dataframe(
        links,
        hide_index=True,
        height=AGREEMENT_TABLE_HEIGHT_PX,
        column_config={
            "actor_name": "Actor",
            "relation": "Relation",
            "other_actor_name": "Other actor",
            "issue_count": st.column_config.NumberColumn("Issues in common"),
            "issue_labels": "Issues",
            "statement_count": st.column_config.NumberColumn("Statements", width="small"),
        },
    )
    st.download_button(
        "Download the actor × actor edge list (CSV)",
        data=view.agreement_csv_bytes,
        file_name=f"stance-agreement-{level}.csv",
        mime="text/csv",
        icon=":material/download:",
        key=STANCES_AGREEMENT_CSV_KEY,
        on_click="ignore",
    )

st.divider()
st.header("Who targets whom")
st.caption(
    "Each band runs from a speaker to the actor the statement is aimed at or about; its "
    "width is the number of statements. Hover a band for what the speaker does."
)
targets = view.targets
if targets.empty:
    st.info("No statement in view names a target.")
else:
    if view.targeting_note:
        st.info(view.targeting_note, icon=":material/filter_list:")
    st.plotly_chart(
        view.targeting_figure,
        config=CHART_CONFIG,
        alt="Who targets whom: bands from each speaker to the actor its statements aim at, "
        "as wide as the number of statements. The table below lists every flow.",
    )
    st.dataframe(
        view.target_table,
        hide_index=True,
        height="content",
        column_config={
            "speaker_name": "Speaker",
            "verb": "Does",
            "target_name": "Target",
            "statement_count": st.column_config.NumberColumn("Statements", width="small"),
            "statement_ids": "Statement ids",
        },
    )
    st.download_button(
        "Download who targets whom (CSV)",
        data=view.targeting_csv_bytes,
        file_name=f"stance-targets-{level}.csv",
        mime="text/csv",
        icon=":material/download:",
        key=STANCES_TARGETING_CSV_KEY,
        on_click="ignore",
    )

st.divider()
st.header("Contradictions")
st.caption("Statements that deny or contradict another one, side by side.")
pairs = view.contradictions
if pairs.empty:
    st.info("No contradiction concerns the chosen actors.")
elif view.contradiction_total > len(pairs):
    st.info(
        f"Showing the first {len(pairs)} of {view.contradiction_total} contradictions; "
        "narrow with the actor filter in the sidebar.",
        icon=":material/filter_list:",
    )
for pair in view.contradiction_rows[:CONTRADICTIONS_OPEN]:
    _contradiction(pair)
later = view.contradiction_rows[CONTRADICTIONS_OPEN:]
if later:
    with st.expander(f"{len(later)} more contradictions", icon=":material/unfold_more:"):
        for pair in later:
            _contradiction(pair)
