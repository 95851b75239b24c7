"""Overview: the story in one screen, and a way into every page that explores it.

What the article is, its key figures for the current filter, what happened when, the
contradictions and the most active speakers; each links to the page that goes deeper.
"""

import streamlit as st

import dashboard
from components.app_data import get_dataset, get_filtered_dataset
from components.filters import with_descendants
from components.overview import (
    article_source_lines,
    contradiction_lines,
    date_span,
    key_figures,
    lede,
    most_active_actors,
    story_steps,
)
from components.routing import ensure_router
from components.state import STATEMENT_PARAM, selected_actor_ids
from components.text_safety import escape_markdown

ensure_router()

SOURCE_PAGE = "pages/source.py"
REGISTERED = {spec.path for spec in dashboard.PAGES}


def link(path: str, label: str, icon: str, **query_params: str) -> None:
    """A link to a page, shown only once the page is in the navigation."""
    if path in REGISTERED:
        st.page_link(path, label=label, icon=icon, query_params=query_params or None)


dataset = get_dataset()
filtered = get_filtered_dataset()
chosen = selected_actor_ids()
article = dataset.articles.sort_values("published_date").iloc[0]

st.title("Lake Sev border crisis, May 2021")
translated = " · translated from French" if article["is_translation"] else ""
for line in article_source_lines(dataset.articles):
    st.caption(
        f"Source: {escape_markdown(line)}{translated}",
        help=escape_markdown(str(article["translation_note"])) if translated else None,
    )
st.markdown(f"> {escape_markdown(lede(dataset.articles))}")

figures = key_figures(filtered)
for column, figure in zip(st.columns(len(figures)), figures, strict=True):
    column.metric(figure.label, figure.value, help=escape_markdown(figure.help), border=True)
if chosen:
    st.caption("Figures for what concerns the actors chosen in the sidebar.")

strip_title, strip_link = st.columns([3, 1], vertical_alignment="bottom")
strip_title.markdown(f"**What happened when** · {escape_markdown(date_span(dataset))}")
with strip_link:
    link("pages/timeline.py", "All of it on the timeline", ":material/timeline:")
steps = story_steps(dataset)
for column, step in zip(st.columns(len(steps)), steps, strict=True):
    with column:
        link(
            SOURCE_PAGE,
            f"**{escape_markdown(step.when)}**",
            ":material/article:",
            **{step.layer: step.record_id},
        )
        st.caption(escape_markdown(step.what))

left, right = st.columns([3, 2], gap="large")
with left:
    st.markdown("**Contradictions**")
    scope = with_descendants(dataset.actors, chosen) if chosen else None
    lines = contradiction_lines(dataset, scope)
    if not lines:
        st.caption("No contradiction involves the chosen actors.")
    for statement_id, line in lines:
        text, read = st.columns([5, 1], vertical_alignment="center")
        text.markdown(f":material/compare_arrows: {escape_markdown(line)}")
        with read:
            link(SOURCE_PAGE, "Read", ":material/article:", **{STATEMENT_PARAM: statement_id})
with right:
    st.markdown("**Most active speakers**")
    top = most_active_actors(filtered)
    st.markdown(
        "\n".join(
            f"- **{escape_markdown(row.actor_name)}**: {row.statement_count} "
            f"statement{'s' if row.statement_count != 1 else ''}"
            for row in top.itertuples(index=False)
        )
    )
    link("pages/stances.py", "Who stands where", ":material/balance:")
