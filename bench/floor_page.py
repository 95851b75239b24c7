"""Baseline page for the benchmark: the page's floor, its recorded calls replayed.

bench.pages records every st.* call of a page run that puts something on the page (the
same figure objects, frames, texts, containers, widgets and links, already built) in
RECORDED_CALLS. This script sets up the same shell as dashboard.py (the navigation with
the same pages) and, in place of the measured page, only makes those calls again, each in
the container it was made in. AppTest runs it in the benchmark's own process, so it sees
that list.
"""

from pathlib import Path

import streamlit as st

import dashboard
from bench.pages import FLOOR_PAGE, RECORDED_CALLS, SHELL_FUNCTIONS

ROOT = Path(dashboard.__file__).resolve().parent


def replay() -> None:
    containers = {"main": st._main, "sidebar": st.sidebar}
    for call in RECORDED_CALLS:
        if call.method in SHELL_FUNCTIONS:
            getattr(st, call.method)(*call.args, **call.kwargs)
            continue
        args, kwargs = call.args, call.kwargs
        if call.method == "page_link":
            # Paths are relative to dashboard.py; the floor links to the same pages.
            args = tuple(links.get(arg, arg) if isinstance(arg, str) else arg for arg in args)
            if isinstance(kwargs.get("page"), str):
                kwargs = {**kwargs, "page": links.get(kwargs["page"], kwargs["page"])}
        made = getattr(containers[call.target], call.method)(*args, **kwargs)
        made = made if isinstance(made, (list, tuple)) else [made]
        for handle, container in zip(call.made, made, strict=False):
            containers[handle] = container


pages = [
    st.Page(
        replay if spec.path == FLOOR_PAGE[0] else ROOT / spec.path,
        title=spec.title,
        url_path=spec.url_path,
        icon=spec.icon,
        default=spec.path == FLOOR_PAGE[0],
    )
    for spec in dashboard.PAGES
]
links = {spec.path: page for spec, page in zip(dashboard.PAGES, pages, strict=True)}
st.navigation(pages).run()
