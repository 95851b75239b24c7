"""Disagreements: every event whose reports claim different values for the same aspect
(how far, how many, which day, where, what happened), each value with its outlet, side
and exact words; and the statements one side denies, with every outlet that carries them.

Layout only: the claims, what disagrees and the figures come from components.disagreements,
built once per data folder and filter (components.disagreements.view).
"""

import streamlit as st

from components.app.dataset import dataset_or_stop, view_key
from components.app.figures import SINGLE_CLICKS_CONFIG
from components.app.look import wide_chart_box
from components.app.routing import ensure_router
from components.app.state import (
    ARTICLE_PARAM,
    DISAGREEMENTS_ASPECT_KEY,
    DISAGREEMENTS_CHART_KEY,
    DISAGREEMENTS_CLAIM_KEY,
    DISAGREEMENTS_CLICK_SEEN_KEY,
    DISAGREEMENTS_ONLY_KEY,
    EVENT_PARAM,
    STATEMENT_PARAM,
    selected_actor_ids,
)
from components.app.text_safety import escape_markdown
from components.disagreements.figures import min_chart_width
from components.disagreements.frames import (
    claim_detail,
    claim_options,
    clicked_claim,
    event_claims_of,
)
from components.disagreements.view import (
    disagreements_contradictions,
    disagreements_figure,
    disagreements_off_axis,
    disagreements_page_view,
)

# Only clicks select: box and lasso would select many marks at once; a second mark clicked
# soon after the first is a click of its own, not a double-click that clears the selection.
CHART_CONFIG = {"displaylogo": False, "displayModeBar": False, **SINGLE_CLICKS_CONFIG}
# Key of the box with the chosen report (its st-key-… class finds it in tests).
REPORT_BOX_KEY = "disagreements_report"
# Key prefix of each contradiction's box, one box per pair.
CONTRADICTION_KEY_PREFIX = "disagreements_contradiction_"

ensure_router()
dataset_or_stop()
key = view_key()
view = disagreements_page_view(*key)


def _apply_click(points: list[dict], aspect: str) -> None:
    """Choose the clicked mark's claim, once per click, so a later pick in the list is kept.
    A click is known by its aspect's chart and its mark, and forgotten once the chart has no
    selection: clicking a report again after another aspect's chart was shown chooses it
    again."""
    clicked = clicked_claim(points)
    if not clicked:
        st.session_state.pop(DISAGREEMENTS_CLICK_SEEN_KEY, None)
        return
    mark = f"{aspect}:{clicked}"
    if mark != st.session_state.get(DISAGREEMENTS_CLICK_SEEN_KEY):
        st.session_state[DISAGREEMENTS_CLICK_SEEN_KEY] = mark
        st.session_state[DISAGREEMENTS_CLAIM_KEY] = clicked


def _show_report(claim_id: str) -> None:
    claim = claim_detail(view.claims, claim_id)
    if claim is None:
        return
    st.markdown(
        f"**{escape_markdown(claim['outlet'])}** · {escape_markdown(claim['side_label'])} "
        f"outlet · {claim['published_date'].day} {claim['published_date']:%B %Y}"
    )
    st.markdown(
        f"{escape_markdown(claim['aspect_label'])} of “{escape_markdown(claim['event_title'])}”: "
        f"**{escape_markdown(claim['value_label'])}**"
    )
    st.markdown("> " + escape_markdown(" ".join(str(claim["quote"]).split())))
    if isinstance(claim["by_actor_name"], str):
        st.caption(f"The article attributes it to {escape_markdown(claim['by_actor_name'])}.")
    st.page_link(
        "pages/source.py",
        label="Open the report in the Source page",
        icon=":material/article:",
        query_params={EVENT_PARAM: claim["event_id"], ARTICLE_PARAM: claim["article_id"]},
    )
    others = event_claims_of(view.claims, claim["event_id"], claim["aspect"])
    st.markdown(f"**Every report of this event on {escape_markdown(claim['aspect_label'])}:**")
    st.dataframe(
        others[["outlet", "side_label", "value_label", "quote", "published_date"]],
        hide_index=True,
        width="stretch",
        column_config={
            "outlet": "Outlet",
            "side_label": "Side",
            "value_label": "Claims",
            "quote": st.column_config.TextColumn("Exact words", width="large"),
            "published_date": st.column_config.DateColumn("Published", format="D MMM YYYY"),
        },
    )


def _aspect_line(row) -> str:
    events = f"{row.event_count} event{'s' if row.event_count != 1 else ''}"
    line = f"- **{escape_markdown(row.aspect_label)}**: reports of {events} disagree"
    if row.across_count == 0:
        return line + ", among outlets of one side only"
    return (
        line + f"; in {row.across_count} of them outlets of different sides claim different "
        f"values ({escape_markdown(row.sides)})"
    )


st.title("Disagreements")
st.caption(
    "Where reports of one event claim different things: how far the troops advanced, how "
    "many soldiers, which day, where, what happened. Each report's claim is the article's "
    "own words; the side is the camp of the outlet, not of the people it quotes."
    + (
        " Only events that concern the actors chosen in the sidebar."
        if selected_actor_ids()
        else ""
    )
)

if not view.choices:
    st.info(
        "No two reports of one event in view make a claim about the same detail, so there is "
        "nothing to compare. Claims come from the articles' events.yaml (data/README.md, "
        "“Claims”)."
    )
else:
    st.header("What the reports disagree on")
    if view.by_aspect.empty:
        st.caption("No number, day or place is claimed differently by two reports.")
    else:
        lines = [_aspect_line(row) for row in view.by_aspect.itertuples(index=False)]
        st.markdown("\n".join(lines))
    with st.expander(f"Every number, day and place claimed differently ({len(view.measured)})"):
        st.markdown("\n".join(f"- {escape_markdown(line)}" for line in view.measured) or "None.")
    with st.expander(f"Accounts of what happened, told differently ({len(view.told)})"):
        st.caption("Text values are compared as the annotators wrote them: read the words.")
        st.markdown("\n".join(f"- {escape_markdown(line)}" for line in view.told) or "None.")

    st.header("The spread, report by report")
    aspect_column, only_column = st.columns([2, 1.4], vertical_alignment="bottom")
    with aspect_column:
        aspect = st.selectbox(
            "Aspect",
            options=list(view.choices),
            format_func=view.choices.get,
            key=DISAGREEMENTS_ASPECT_KEY,
        )
    with only_column:
        only_disagreeing = st.toggle(
            "Only events whose reports disagree", value=True, key=DISAGREEMENTS_ONLY_KEY
        )
    figure = disagreements_figure(*key, aspect, only_disagreeing)
    if figure is None:
        st.info(
            "No event's reports disagree on this aspect. Switch the toggle off to see the "
            "events where they agree."
        )
    else:
        st.caption(
            "One mark per report, coloured by the side of its outlet; marks of one side share "
            "a band of the strip, and reports of one day, value or place stack up in it, so "
            "the taller the stack, the more reports say so. Hover a mark for the outlet and "
            "the exact words; click it for the report. A place and a wider area that holds it "
            "(Sev Lich and Syunik) are different values here: the data does not say which "
            "place lies in which."
        )
        # Many named columns (what happened, in words) keep their width on a phone, in a box
        # that scrolls sideways; days, numbers and a few places fit the screen.
        with wide_chart_box("disagreements", min_chart_width(figure)):
            event = st.plotly_chart(
                figure,
                key=DISAGREEMENTS_CHART_KEY,
                on_select="rerun",
                selection_mode="points",
                width="stretch",
                config=CHART_CONFIG,
                alt="Strip chart: one row per event, one mark per report, placed by the value "
                "it claims and coloured by the side of its outlet. The Report list beside it "
                "gives each report in words.",
            )
        _apply_click(event["selection"]["points"], aspect)
        words = disagreements_off_axis(*key, aspect, only_disagreeing)
        if words:
            st.caption(
                "Given in words, so not on the chart's axis (pick them in the report list): "
                + "; ".join(escape_markdown(line) for line in words)
                + "."
            )
    options = claim_options(view.claims, aspect)
    if st.session_state.get(DISAGREEMENTS_CLAIM_KEY) not in options:
        st.session_state[DISAGREEMENTS_CLAIM_KEY] = None
    with st.container(border=True, key=REPORT_BOX_KEY):
        picked = st.selectbox(
            "Report",
            options=list(options),
            format_func=options.get,
            index=None,
            placeholder="Click a mark in the chart, or pick a report",
            key=DISAGREEMENTS_CLAIM_KEY,
        )
        if picked:
            _show_report(picked)

st.divider()
st.header("Statements denied by the other side")
st.caption(
    "A statement and the one that denies or contradicts it, with the outlet that prints "
    "each and every outlet that carries the same utterance (one speaker, one occasion)."
)
pairs = disagreements_contradictions(*key)
if pairs.empty:
    st.info("No contradiction concerns the chosen actors.")
for pair in pairs.itertuples(index=False):
    with st.container(border=True, key=f"{CONTRADICTION_KEY_PREFIX}{pair.statement_id}"):
        heading = (
            f"Across {pair.article_count} articles" if pair.article_count > 1 else "In one article"
        )
        if isinstance(pair.issue_label, str):
            heading += f" · on **{escape_markdown(pair.issue_label)}**"
        st.markdown(heading)
        ends = [
            ("Says", "contradicted_"),
            ("Denies or contradicts it", ""),
        ]
        for column, (role, prefix) in zip(st.columns(2, gap="large"), ends, strict=True):
            with column:
                speaker = getattr(pair, f"{prefix}speaker_name")
                # Who and the words in one element: the pairs are most of the page's elements
                # (a hundred on the corpus), and each element is work for the browser.
                st.markdown(
                    f"**{escape_markdown(speaker)}** · {role} · "
                    f"{escape_markdown(getattr(pair, f'{prefix}date_label'))}\n\n"
                    "> " + escape_markdown(getattr(pair, f"{prefix}quote"))
                )
                st.caption(
                    f"In {escape_markdown(getattr(pair, f'{prefix}outlet'))} "
                    f"({escape_markdown(getattr(pair, f'{prefix}side_label'))}). Carried by: "
                    f"{escape_markdown(getattr(pair, f'{prefix}reporters'))}"
                )
                statement_id = getattr(pair, f"{prefix}statement_id")
                st.page_link(
                    "pages/source.py",
                    label=f"Open {statement_id} in the article",
                    icon=":material/article:",
                    query_params={STATEMENT_PARAM: statement_id},
                )
