"""What every page shares in how it looks beyond Streamlit's theme: the page icon and one
style sheet (look.css) for the keyboard focus ring, caption contrast and narrow screens.

The icon is a local file: an emoji or a `:material/…:` page icon makes the browser fetch
the favicon from a third party (fonts.gstatic.com), and nothing may leave the machine.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import streamlit as st

PAGE_ICON = Path(__file__).with_name("page_icon.png")
STYLE_SHEET = Path(__file__).with_name("look.css")


def apply_look() -> None:
    """Add the shared style sheet to this run's page (it takes no room on the page)."""
    st.html(STYLE_SHEET)


@contextmanager
def wide_chart_box(name: str, min_width_px: int | None = None) -> Iterator[None]:
    """A box for a chart that needs a desktop's width (640 px, look.css, or
    ``min_width_px`` when the chart says how wide it must be): on a narrower screen the
    chart keeps that width and the box scrolls sideways.

    Two boxes: a chart takes the width of the box it sits in, so the inner one has the
    minimum width and the outer one scrolls.
    """
    if min_width_px is not None:
        # More specific than look.css's rule for every inner box (an element and a class).
        st.html(
            f"<style>div.st-key-wide_inner_{name} {{ min-width: {int(min_width_px)}px; }}</style>"
        )
    with st.container(key=f"wide_chart_{name}"), st.container(key=f"wide_inner_{name}"):
        yield
