"""Router of the Lake Sev dashboard: page config, the page list, the shared sidebar, the page.

Run it with `make run` (or `streamlit run dashboard.py`). Pages live in `pages/`; add a
page by adding one line to PAGES.
"""

import streamlit as st

from components.app.dataset import (
    dataset_or_stop,
    get_actor_choices,
    get_source_choices,
    note_data_version,
)
from components.app.look import PAGE_ICON, apply_look
from components.app.routing import (
    PageSpec,
    default_page_by_name,
    leave_legacy_mode,
    routed_page,
)
from components.app.sidebar import render_actor_filter

# The first page is the default one, served at "/" (its url_path, "/overview", leads there).
# A page appears here once it exists.
PAGES = [
    PageSpec("pages/overview.py", "Overview", "overview", ":material/dashboard:"),
    PageSpec("pages/sources.py", "Sources", "sources", ":material/newspaper:"),
    PageSpec("pages/timeline.py", "Timeline", "timeline", ":material/timeline:"),
    PageSpec("pages/stances.py", "Stances", "stances", ":material/balance:"),
    PageSpec("pages/map.py", "Map", "map", ":material/map:"),
    PageSpec(
        "pages/disagreements.py", "Disagreements", "disagreements", ":material/compare_arrows:"
    ),
    PageSpec("pages/source.py", "Source", "source", ":material/article:"),
    PageSpec("pages/data.py", "Data", "data", ":material/table:"),
    PageSpec("pages/review.py", "Review", "review", ":material/rate_review:"),
]


def navigation_pages() -> list[st.Page]:
    """The st.Page objects for PAGES, and the hidden one at the default page's name."""
    default, *others = PAGES
    return [
        st.Page(default.path, title=default.title, url_path="", icon=default.icon, default=True),
        *(
            st.Page(spec.path, title=spec.title, url_path=spec.url_path, icon=spec.icon)
            for spec in others
        ),
        default_page_by_name(default),
    ]


def run() -> None:
    """Render one run of the app: config, sidebar filter, then the page the URL asks for."""
    leave_legacy_mode()
    st.set_page_config(
        page_title="Lake Sev border crisis",
        page_icon=str(PAGE_ICON),
        layout="wide",
        menu_items={
            "About": "The 2021 Armenia–Azerbaijan border crisis at Lake Sev, in Gegharkunik and "
            "on the Nakhchivan border, as the articles of every side tell it, each record "
            "tied to its words."
        },
    )
    apply_look()
    page = st.navigation(navigation_pages())
    note_data_version()
    dataset_or_stop()
    render_actor_filter(get_actor_choices(), get_source_choices())
    with routed_page():
        page.run()


if __name__ == "__main__":
    run()
