"""The Overview's figure: stories per week, stacked by the side of the outlet. Pure plotly;
side labels come from the palette (no data text), week labels are dates."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from components.app.figures import new_figure

HEIGHT_PX = 300
LABEL_FONT = {"size": 13, "color": "#31333F"}
# At most this many steps between the stories axis's labels: on a phone the legend above
# takes most of the figure's height, and the bars keep about 70 px, where labels every 5
# stories (0 to 35 on 246 articles: 8 labels) ran into each other.
MAX_STORY_STEPS = 4


def weekly_figure(weeks: pd.DataFrame, colours: tuple[str, ...]) -> go.Figure:
    """One stacked bar per week (rows of ``weeks``), one trace per side (its columns), the
    legend above the bars, where it wraps instead of being cut at the chart's edge."""
    days = pd.to_datetime(pd.Series(weeks.index, dtype="str"))
    ticks = [f"{day:%-d %b}" for day in days]
    # The labels leave out the year; the hover gives it, and the axis title names the
    # years when the weeks run into another one (the corpus reaches January 2022: "3 Jan"
    # after "20 Dec" is 3 January 2022).
    weeks_of = [f"{day.day} {day:%b %Y}" for day in days]
    years = sorted({day.year for day in days})
    axis_title = "Week of (Monday)"
    if len(years) > 1:
        axis_title += f", {years[0]}–{years[-1]}"
    traces = []
    for column, colour in zip(weeks.columns, colours, strict=True):
        name = html.escape(str(column))
        traces.append(
            {
                "type": "bar",
                "name": name,
                "x": ticks,
                "y": [int(value) for value in weeks[column]],
                "customdata": weeks_of,
                "marker": {"color": colour},
                "hovertemplate": (
                    f"Week of %{{customdata}}<br>{name}: %{{y}} stories<extra></extra>"
                ),
            }
        )
    return new_figure(
        traces,
        {
            "barmode": "stack",
            "height": HEIGHT_PX,
            "margin": {"l": 10, "r": 10, "t": 10, "b": 10},
            "legend": {
                "orientation": "h",
                "yanchor": "bottom",
                "y": 1.02,
                "x": 0,
                "font": LABEL_FONT,
                "traceorder": "normal",
            },
            "xaxis": {
                "title": {"text": axis_title, "font": LABEL_FONT},
                "tickfont": LABEL_FONT,
                "type": "category",
            },
            "yaxis": {
                "title": {"text": "Stories", "font": LABEL_FONT},
                "tickfont": LABEL_FONT,
                "automargin": True,
                "tick0": 0,
                "dtick": story_step(int(weeks.sum(axis=1).max()) if len(weeks) else 0),
            },
            "plot_bgcolor": "white",
            "bargap": 0.25,
        },
    )


def story_step(most: int, max_steps: int = MAX_STORY_STEPS) -> int:
    """The step between the stories axis's labels: a whole 1, 2 or 5 times a power of ten,
    the smallest that labels the tallest bar's ``most`` stories in ``max_steps`` steps."""
    scale = 1
    while True:
        for factor in (1, 2, 5):
            step = factor * scale
            if most <= step * max_steps:
                return step
        scale *= 10
