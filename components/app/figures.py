"""How every figure is made: a plotly Figure from plain dicts, taken as they are (no streamlit)."""

import plotly.graph_objects as go

# Whether new_figure has plotly validate every value. Off in the app: validating was most of
# a figure's build time (the Timeline's counts at 100,000 statements: 35 to 80 ms of 40 to
# 90; docs/bench-results.json). tests/app/test_valid_figures.py switches it on and checks
# that every builder's figure passes plotly's validation and is the same either way.
VALIDATE_FIGURES = False

# Plotly config for a chart whose marks are clicked to pick one (st.plotly_chart with
# on_select): every press is a click of its own, never half of a double-click. plotly.js
# takes two presses on the plot less than doubleClickDelay apart (500 ms in plotly.js 3,
# wherever on the plot they land) for a double-click, and Streamlit answers a double-click
# by clearing the chart's selection: the selection of a second mark clicked soon after the
# first was followed by an empty one, which often reached the script in its place, and the
# click was lost. A double-click also resets a zoom: a chart that zooms needs another way
# back (the Timeline keeps plotly's toolbar, whose "Reset axes" button does it).
SINGLE_CLICKS_CONFIG = {"doubleClickDelay": 0}


def new_figure(data: list | None = None, layout: dict | None = None) -> go.Figure:
    """A Figure of ``data`` (traces as plain dicts) and ``layout``, taken as they are.

    Traces and layout added to it later (``add_trace``, ``update_layout``) are taken as they
    are too. Build every figure of components.app.figures with it.
    """
    return go.Figure(data=data, layout=layout, _validate=VALIDATE_FIGURES)
