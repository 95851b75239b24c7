"""Sources: every article with its outlet and side, whom each side's press quotes, and when
each side spoke. Follows the sidebar filter (actors, sides, outlets)."""

import streamlit as st

from components.app.dataset import dataset_or_stop, view_key
from components.app.look import wide_chart_box
from components.app.routing import ensure_router
from components.app.state import SOURCES_COVERAGE_CSV_KEY, SOURCES_INDIVIDUALS_KEY
from components.app.text_safety import escape_markdown
from components.sources.frames import SYNDICATION_NOTE
from components.sources.view import sources_page_view

ensure_router()

# The article table scrolls inside this height, so the charts below stay within reach.
TABLE_HEIGHT_PX = 420

dataset_or_stop()
st.title("Sources", anchor=False)
individuals = st.session_state.get(SOURCES_INDIVIDUALS_KEY, False)
view = sources_page_view(*view_key(), individuals)

st.caption(
    f"{view.counts.sentence()}. The side is the camp of the outlet, not of the speakers it "
    "quotes. Use the sidebar to narrow by side or outlet."
)

st.header("Which side's outlets quote the other side", anchor=False)
if view.cross_quotes:
    st.markdown("\n".join(f"- {escape_markdown(quote.sentence())}" for quote in view.cross_quotes))
else:
    st.caption("The articles shown are of one side's press, or quote no party's speakers.")

st.header("Articles", anchor=False)
st.dataframe(
    view.articles,
    hide_index=True,
    height=TABLE_HEIGHT_PX,
    key="sources_articles",
    column_config={
        "published_date": st.column_config.DateColumn("Date", format="D MMM YYYY"),
        "outlet": "Outlet",
        "side": "Side",
        "outlet_type": "Type",
        "title": st.column_config.TextColumn("Headline", width="large"),
        "statements": st.column_config.NumberColumn("Statements", help="Attributed statements"),
        "carries": st.column_config.TextColumn(
            "Carries", help="The agency or outlet whose text it carries"
        ),
        "copies": st.column_config.TextColumn(
            "Copies", help="Other copies of the same story (a wire story, a release) in the corpus"
        ),
        "url": st.column_config.LinkColumn("Original", display_text="Original ↗"),
        "reader": st.column_config.LinkColumn("Read", display_text="Source reader"),
        "article_id": None,
    },
)
st.caption(f":material/content_copy: {SYNDICATION_NOTE}")

st.header("When each side spoke", anchor=False)
# On a phone the strip keeps the width its weeks' numbers need and scrolls sideways.
with wide_chart_box("sources_strip", view.strip_width_px):
    st.plotly_chart(
        view.strip_figure,
        width="stretch",
        key="sources_strip",
        alt="Publication strip: one row per side, one square per week (Monday to Sunday) "
        "in which a side's outlets published stories, with the number of stories, darker "
        "for more. The article table above lists them all.",
    )
st.caption(
    "Stories per week, Monday to Sunday; hover a square for its articles (copies) and the "
    "stories of each of its days."
)

st.header("Whom each side's press quotes", anchor=False)
level, download = st.columns([1, 2], vertical_alignment="center")
level.toggle(
    "Individual actors",
    key=SOURCES_INDIVIDUALS_KEY,
    help="Off: each speaker counts for the state or organisation it belongs to.",
)
download.download_button(
    "Download both matrices (CSV)",
    help="One row per side and matrix row (a speaker or an issue).",
    data=view.coverage_csv,
    file_name="coverage_by_side.csv",
    mime="text/csv",
    key=SOURCES_COVERAGE_CSV_KEY,
    on_click="ignore",
    icon=":material/download:",
)
# One above the other, full width: side by side, six side columns leave no room for their
# names.
st.markdown("**Statements by speaker** · columns: the side of the outlet")
st.plotly_chart(
    view.speaker_figure,
    width="stretch",
    key="sources_speakers",
    alt="Matrix of speakers (rows) by the side of the outlet that quotes them (columns); "
    "each square's number is the statements. The CSV download above has the same counts.",
)
st.markdown("**Stances by issue** · columns: the side of the outlet")
if view.has_stances:
    st.plotly_chart(
        view.issue_figure,
        width="stretch",
        key="sources_issues",
        alt="Matrix of issues (rows) by the side of the outlet (columns); each square "
        "counts the stances reported on the issue. The CSV download above has the counts.",
    )
else:
    st.caption("No stance in the articles shown.")
