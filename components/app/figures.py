"""How every figure is made: a plotly Figure from plain dicts, taken as they are (no streamlit)."""

import plotly.graph_objects as go

# Whether new_figure has plotly validate every value. Off in the app: validating was most of
# a figure's build time (the Timeline's counts at 100,000 statements: 35 to 80 ms of 40 to
# 90; docs/bench-results.json). tests/app/test_valid_figures.py switches it on and checks
# that every builder's figure passes plotly's validation and is the same either way.
VALIDATE_FIGURES = False


def new_figure(data: list | None = None, layout: dict | None = None) -> go.Figure:
    """A Figure of ``data`` (traces as plain dicts) and ``layout``, taken as they are.

    Traces and layout added to it later (``add_trace``, ``update_layout``) are taken as they
    are too. Build every figure of components.app.figures with it.
    """
    return go.Figure(data=data, layout=layout, _validate=VALIDATE_FIGURES)
