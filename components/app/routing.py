"""The router's helpers: the page list's entries, the default page's name as an address,
and Streamlit kept out of its legacy mode.

Keep Streamlit out of its legacy `pages/` mode, so the router (dashboard.py) always runs.

Streamlit decides once per process (`PagesManager.uses_pages_directory`) that an app whose
main script sits next to a `pages/` folder is a legacy multipage app, and until some script
calls `st.navigation` it runs a file from `pages/` on its own when the URL names it. On a
freshly started server the first deep link (`/timeline`) therefore showed the page without
page config and without the sidebar filter. AppTest makes that decision again on every run,
so there every rerun after `switch_page` skipped dashboard.py.

Each run decides at its start which mode it runs in, so a page cannot tell from the flag
whether it came through the router: when two readers arrive together on a new server, the
first one's router turns the flag off while the second one's run is already running a page
file alone. So the router marks the page it runs (`routed_page`), and a page that finds
itself unmarked reruns (`ensure_router`).
"""

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

# Whether the script thread is running a page for the router: a session's runs happen in
# its own thread, and the router runs its page in that thread.
_router = threading.local()


# Defined here, not in dashboard.py: the router script runs again on every rerun, and
# making a dataclass costs about 1 ms.
@dataclass(frozen=True)
class PageSpec:
    """One entry of the navigation (dashboard.PAGES); `path` is relative to dashboard.py."""

    path: str
    title: str
    url_path: str
    icon: str


def leave_legacy_mode() -> None:
    """Call first in dashboard.py: if this run is in legacy mode, leave it and run again."""
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


@contextmanager
def routed_page() -> Iterator[None]:
    """Mark the router's run of a page, so the page's `ensure_router` lets it run."""
    _router.running_page = True
    try:
        yield
    finally:
        _router.running_page = False


def ensure_router() -> None:
    """Call first in every page: if Streamlit ran the page without the router, rerun.

    `st.navigation` clears the legacy flag too, but only once the router has run, which is
    too late for the run that is already executing a page file on its own. The rerun keeps
    the requested page, because a page's identity is its URL path in both modes.
    """
    if not getattr(_router, "running_page", False):
        PagesManager.uses_pages_directory = False
        st.rerun()


def default_page_by_name(spec: PageSpec) -> st.Page:
    """A hidden page at the default page's own name (``/overview``) that opens the default
    page at ``/``, with the same query string (the filter: ``/overview?actor=armenia``).

    Streamlit serves the default page at ``/`` only: its ``url_path`` names it but is no
    address, so a link to ``/overview`` showed "Page not found" (docs of ``st.Page``:
    "If you set ``default=True``, the page is served at the root URL instead of
    ``url_path``"). The default page itself is given the empty ``url_path``, because a
    page's identity in the navigation is its ``url_path`` and two pages cannot share one.
    """

    def open_default_page() -> None:
        query = {key: st.query_params.get_all(key) for key in st.query_params}
        st.switch_page(spec.path, query_params=query)

    return st.Page(open_default_page, title=spec.title, url_path=spec.url_path, visibility="hidden")
