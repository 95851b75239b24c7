"""Overview: the story in one screen, and a way into every page that explores it.

What the article is, its key figures for the current filter, what happened when, the
contradictions and the most active speakers; each links to the page that goes deeper.
"""

import streamlit as st

import dashboard
from components.app.dataset import dataset_or_stop, view_key
from components.app.routing import ensure_router
from components.app.state import ARTICLE_PARAM, STATEMENT_PARAM
from components.app.text_safety import escape_markdown
from components.overview.view import overview_corpus, overview_page_view, overview_weeks_figure

ensure_router()

SOURCE_PAGE = "pages/source.py"
SOURCES_PAGE = "pages/sources.py"
REGISTERED = {spec.path for spec in dashboard.PAGES}


def link(path: str, label: str, icon: str, **query_params: str) -> None:
    """A link to a page, shown only once the page is in the navigation."""
    if path in REGISTERED:
        st.page_link(path, label=label, icon=icon, query_params=query_params or None)


def _corpus_section(corpus, weeks_figure) -> None:
    """Counts by side, week and outlet, the busiest days, the most annotated article."""
    st.caption(
        "Articles from outlets on every side; a story carried by several outlets of one side "
        "(a wire story, a ministry's statement and an agency's copy of it) counts as one story. "
        "The Sources page lists every article."
    )
    if corpus.sides:
        for column, side in zip(st.columns(len(corpus.sides)), corpus.sides, strict=True):
            column.metric(
                escape_markdown(side.label),
                f"{side.articles:,}",
                help=f"{side.articles} articles ({side.stories} stories) from {side.outlets} "
                "outlets of this side",
                border=True,
            )
    weeks, lists = st.columns([3, 2], gap="large")
    with weeks:
        st.markdown("**Stories per week, by side**")
        if weeks_figure is not None:
            st.plotly_chart(
                weeks_figure,
                width="stretch",
                key="overview_weeks",
                config={"displayModeBar": False},
                alt="Bar chart of the stories published each week, stacked by the side "
                "of the outlet. The Sources page lists every article.",
            )
    with lists:
        st.markdown("**Busiest days**")
        st.markdown("\n".join(f"- {escape_markdown(line)}" for line in corpus.busiest_days))
        st.markdown("**Outlets with the most articles**")
        st.markdown(
            "\n".join(
                f"- {escape_markdown(outlet)} ({escape_markdown(side)}): {count}"
                for outlet, side, count in corpus.outlets
            )
        )
        link(SOURCES_PAGE, "Every article, side by side", ":material/newspaper:")
    if corpus.most_annotated_id:
        link(
            SOURCE_PAGE,
            "Read the most annotated article",
            ":material/article:",
            **{ARTICLE_PARAM: corpus.most_annotated_id},
        )
        st.caption(escape_markdown(corpus.most_annotated_line))


dataset_or_stop()
data_dir, chosen = view_key()
view = overview_page_view(data_dir, chosen)

st.title(escape_markdown(view.heading))
if view.article_count == 1:
    translated = " · translated" if view.is_translation else ""  # the note says from what
    for line in view.source_lines:
        st.caption(
            f"Source: {escape_markdown(line)}{translated}",
            help=escape_markdown(view.translation_note) if translated else None,
        )
    st.markdown(f"> {escape_markdown(view.lede)}")
else:
    _corpus_section(overview_corpus(data_dir, chosen), overview_weeks_figure(data_dir, chosen))

figures = view.key_figures
for column, figure in zip(st.columns(len(figures)), figures, strict=True):
    column.metric(figure.label, figure.value, help=escape_markdown(figure.help), border=True)
if chosen:
    st.caption("Figures for what the filter in the sidebar keeps.")

strip_title, strip_link = st.columns([3, 1], vertical_alignment="bottom")
strip_title.markdown(f"**What happened when** · {escape_markdown(view.date_span)}")
with strip_link:
    link("pages/timeline.py", "All of it on the timeline", ":material/timeline:")
steps = view.story.steps
for column, step in zip(st.columns(max(len(steps), 1)), steps, strict=False):
    with column:
        link(
            SOURCE_PAGE,
            f"**{escape_markdown(step.when)}**",
            ":material/article:",
            **{step.layer: step.record_id},
        )
        st.caption(escape_markdown(step.what))
if view.story.note:
    st.caption(f":material/info: {escape_markdown(view.story.note)}")

left, right = st.columns([3, 2], gap="large")
with left:
    st.markdown("**Contradictions**")
    if not view.contradictions:
        st.caption("No contradiction involves the chosen actors.")
    for statement_id, line in view.contradictions:
        text, read = st.columns([3, 1], vertical_alignment="center")
        text.markdown(f":material/compare_arrows: {escape_markdown(line)}")
        with read:
            link(SOURCE_PAGE, "Read", ":material/article:", **{STATEMENT_PARAM: statement_id})
    hidden = view.contradiction_count - len(view.contradictions)
    if hidden:
        st.caption(f"{hidden:,} more contradictions: the Stances page lists them all.")
with right:
    st.markdown("**Most active speakers**")
    st.markdown(
        "\n".join(
            f"- **{escape_markdown(name)}**: {count} statement{'s' if count != 1 else ''}"
            for name, count in view.top_speakers
        )
    )
    link("pages/stances.py", "Who stands where", ":material/balance:")
