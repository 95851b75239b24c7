"""The Overview of the corpus: counts by side, week and outlet, busiest days, the most
annotated article (the seed) one click away."""

from pathlib import Path
from urllib.parse import parse_qsl

from streamlit.testing.v1 import AppTest

import dashboard
from components.app.palette import side_label
from components.data import load_dataset
from components.overview.corpus import corpus_overview
from tests.conftest import DATA_DIR
from tests.seed import SEED_ID

APP_FILE = Path(dashboard.__file__).resolve()


def corpus_stories(corpus):
    """One row per story: copies of one wire story on one side count once."""
    return corpus.articles.drop_duplicates(["side", "story_id"])


def test_corpus_counts_by_side_week_and_outlet(corpus):
    # The expected counts are computed from the corpus tables (the corpus grows), by plain
    # pandas rather than by the Overview's own functions.
    overview = corpus_overview(corpus)
    articles = corpus.articles
    stories = corpus_stories(corpus)
    by_side = {count.side: (count.articles, count.stories) for count in overview.sides}
    assert by_side == {
        side: (int((articles["side"] == side).sum()), int((stories["side"] == side).sum()))
        for side in set(articles["side"])
    }
    # The two AFP copies of 1 June (both Armenian) are one story.
    afp = articles[articles["story_id"] == "afp-2021-06-01-macron"]
    assert afp["side"].tolist() == ["armenia", "armenia"]
    assert by_side["armenia"][1] < by_side["armenia"][0]
    assert sum(count for count, _ in by_side.values()) == len(articles)
    assert overview.weeks.to_numpy().sum() == len(stories)
    assert overview.weeks.index[0] == "2021-05-10"
    per_day = stories.groupby("published_date").size()
    busiest = per_day[per_day == per_day.max()].index.min()
    assert overview.busiest_days[0].startswith(
        f"{busiest.day} {busiest:%B %Y}: {per_day.max()} stories"
    )
    per_outlet = articles.groupby("outlet").size()
    top = sorted(per_outlet[per_outlet == per_outlet.max()].index)[0]
    top_side = articles.loc[articles["outlet"] == top, "side"].iloc[0]
    assert overview.outlets[0] == (top, side_label(top_side), per_outlet.max())
    assert overview.most_annotated_id == SEED_ID


def test_corpus_overview_page_links_to_the_seed(monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(DATA_DIR))
    app = AppTest.from_file(str(APP_FILE), default_timeout=60).run()
    assert not app.exception
    metrics = {metric.label: metric.value for metric in app.metric}
    corpus = load_dataset(DATA_DIR)
    assert metrics["Armenian"] == str(int((corpus.articles["side"] == "armenia").sum()))
    assert metrics["Statements"] == str(len(corpus.statements))
    links = [
        (link.proto.page, dict(parse_qsl(link.proto.query_string))) for link in app.get("page_link")
    ]
    assert ("source", {"article": SEED_ID}) in links


def test_weekly_figure_stacks_every_side_with_its_legend_above(corpus):
    from components.overview.figures import weekly_figure

    overview = corpus_overview(corpus)
    figure = weekly_figure(overview.weeks, overview.week_colours)
    names = [trace.name for trace in figure.data]
    assert names == list(overview.weeks.columns)
    assert "International organisations" in names
    assert "Other" in names
    assert sum(sum(trace.y) for trace in figure.data) == len(corpus_stories(corpus))
    assert figure.data[0].x[0] == "10 May"
    # Above the bars and horizontal: it wraps at a narrow width instead of being cut off.
    assert figure.layout.legend.orientation == "h"
    assert figure.layout.legend.y > 1
    assert figure.layout.barmode == "stack"


def test_corpus_overview_page_draws_the_weekly_figure(monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(DATA_DIR))
    at = AppTest.from_file(str(APP_FILE), default_timeout=60).run()
    charts = at.get("plotly_chart")
    specs = [chart.proto.spec for chart in charts]
    assert any('"barmode":"stack"' in spec and "Week of" in spec for spec in specs)
