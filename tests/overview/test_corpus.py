"""The Overview of the corpus: counts by side, week and outlet, busiest days, the most
annotated article (the seed) one click away."""

from pathlib import Path
from urllib.parse import parse_qsl

import pandas as pd
from streamlit.testing.v1 import AppTest

import dashboard
from components.overview.corpus import corpus_overview
from components.overview.frames import date_span, story_strip
from tests.conftest import DATA_DIR
from tests.corpus_files import (
    article_count,
    article_files,
    outlet_article_count,
    publication_days,
    side_story_count,
    statement_count,
    story_count,
)
from tests.seed import SEED_ID

APP_FILE = Path(dashboard.__file__).resolve()


def test_corpus_counts_by_side_week_and_outlet(corpus):
    overview = corpus_overview(corpus)
    by_side = {count.side: (count.articles, count.stories) for count in overview.sides}
    # The two AFP copies of 1 June are one Armenian story: one story fewer than articles.
    assert by_side["armenia"] == (article_count("armenia"), story_count("armenia"))
    assert by_side["armenia"][1] == by_side["armenia"][0] - 1
    assert sum(articles for articles, _ in by_side.values()) == article_count()
    # Stacked by side, a story counts on each side that carries it (the Minsk Group
    # statement of 15 November: Azerbaijani and International organisations).
    assert overview.weeks.to_numpy().sum() == side_story_count() == story_count() + 1
    # The Monday of the first and of the last published_date (29 December: 27 December).
    first, last = (pd.Timestamp(day) for day in publication_days())
    assert overview.weeks.index[0] == f"{first - pd.Timedelta(days=first.weekday()):%Y-%m-%d}"
    assert overview.weeks.index[-1] == f"{last - pd.Timedelta(days=last.weekday()):%Y-%m-%d}"
    # The busiest day, counted from the article.yaml dates (a story once per side): 16
    # November, the day of the clashes (round 17: 24 stories on 329 articles, with
    # armenianclub.com's Parsyan on Chakaten; round 16: 23 on 315; round 15: 21 on 299, with
    # the National Assembly's and Turan's; 19 on 279, 18 on 246), then 14 May (15; 14 on 246,
    # then tied with 27 May and shown first in date order; 14 May led on 174 articles) and 27
    # May (14; round 16: 15, tied with 14 May, shown after it, as on 329; third on 219).
    per_day = {day: side_story_count(day) for day in {r.published_date for r in article_files()}}
    busiest = sorted(per_day, key=lambda day: (-per_day[day], day))
    assert busiest[:3] == ["2021-11-16", "2021-05-14", "2021-05-27"]
    assert per_day["2021-11-16"] > per_day["2021-05-14"] >= per_day["2021-05-27"]
    assert overview.busiest_days[0].startswith(f"16 November 2021: {per_day['2021-11-16']} stories")
    assert overview.busiest_days[1].startswith(f"14 May 2021: {per_day['2021-05-14']} stories")
    assert overview.busiest_days[2].startswith(f"27 May 2021: {per_day['2021-05-27']} stories")
    radio = "Public Radio of Armenia"  # the outlet with the most articles
    assert overview.outlets[0] == (radio, "Armenian", outlet_article_count(radio))
    assert overview.most_annotated_id == SEED_ID


def test_corpus_overview_page_links_to_the_seed(monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(DATA_DIR))
    app = AppTest.from_file(str(APP_FILE), default_timeout=60).run()
    assert not app.exception
    metrics = {metric.label: metric.value for metric in app.metric}
    # Written with a thousands separator (1,826 statements in the statements.yaml files of
    # 329 articles; 1,766 on 315, 1,685 on 299, 1,583 on 279, 1,402 on 246).
    assert metrics["Armenian"] == f"{article_count('armenia'):,}"
    assert metrics["Statements"] == f"{statement_count():,}"
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
    assert sum(sum(trace.y) for trace in figure.data) == side_story_count()
    assert figure.data[0].x[0] == "10 May"
    # Above the bars and horizontal: it wraps at a narrow width instead of being cut off.
    assert figure.layout.legend.orientation == "h"
    assert figure.layout.legend.y > 1
    assert figure.layout.barmode == "stack"
    # The stories axis is labelled in at most 4 whole steps from 0 (on a phone the bars keep
    # about 70 px under the legend: labels every 5 stories up to the tallest week's 34, on
    # 246 articles, ran into each other), fine enough to show the tallest week's bar in 4
    # (36 stories on 279 articles, the weeks of 10 May and of 15 November: steps of 10;
    # round 15: 39 on 299 articles, the week of 15 November, still steps of 10; round 16:
    # 43 on 315 articles, that week again, over 4 steps of 10: steps of 20, the app's rule;
    # round 17: 45 on 329 articles, that week again, still steps of 20).
    per_week: dict[pd.Timestamp, int] = {}
    for day in {record.published_date for record in article_files()}:
        monday = pd.Timestamp(day) - pd.Timedelta(days=pd.Timestamp(day).weekday())
        per_week[monday] = per_week.get(monday, 0) + side_story_count(day)
    tallest = max(per_week.values())
    assert tallest == int(overview.weeks.sum(axis=1).max())
    step = figure.layout.yaxis.dtick
    assert (figure.layout.yaxis.tick0, step) == (0, 20)
    # The finest step that fits the tallest week in 4: 45 > 4 x 10, 45 <= 4 x 20.
    assert 4 * 10 < tallest <= 4 * step


def test_the_stories_axis_steps_are_whole_and_few():
    from components.overview.figures import MAX_STORY_STEPS, story_step

    assert [story_step(most) for most in (0, 1, 4, 5, 8, 9, 20, 21, 34, 41, 250)] == [
        1, 1, 1, 2, 2, 5, 5, 10, 10, 20, 100,
    ]  # fmt: skip
    for most in range(300):
        step = story_step(most)
        assert most <= MAX_STORY_STEPS * step
        # No finer step of 1, 2 or 5 times a power of ten would have done.
        finer = [s for s in (1, 2, 5, 10, 20, 50, 100) if s < step]
        assert all(most > MAX_STORY_STEPS * s for s in finer), most


def test_corpus_overview_page_draws_the_weekly_figure(monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(DATA_DIR))
    at = AppTest.from_file(str(APP_FILE), default_timeout=60).run()
    charts = at.get("plotly_chart")
    specs = [chart.proto.spec for chart in charts]
    assert any('"barmode":"stack"' in spec and "Week of" in spec for spec in specs)


def test_the_1990s_war_reads_as_the_1990s(corpus):
    """eutoday-2021-05-27-sabotage dates the 1990s war 1990-01-01/1999-12-31 ("in the
    1990s"): the span read "01 Jan 1990 – 31 Dec 1999", days no text gives, and the strip
    grouped by year put the war in "1990". Both say "1990s" now, as the text does.
    Round 15: the span ends on 12 January 2022 (AzerNews of that day dates the Akar–Hasanov
    call "on January 12"), and the strip gains 2022 (the clash of 11 January 2022,
    ev-kalbajar-clash-220111). Round 16: the span ends on 15 March 2022 (Armenpress of that
    day, the Defence Ministry's denial "as reported"). Round 17: the span ends on 24 May 2022
    (AZERTAC of that day, the border commissions' first meeting; no item is dated later)."""
    assert date_span(corpus) == "1990s → 24 May 2022"
    strip = story_strip(corpus)
    assert strip.period == "year"
    assert [step.when for step in strip.steps] == ["1990s", "2020", "2021", "2022"]
    assert strip.steps[0].record_id == "ev-first-karabakh-war"


def test_weeks_running_into_another_year_name_their_years():
    """Round 15: the corpus runs into January 2022. The week labels leave out the year
    ("20 Dec", "3 Jan"), so the axis title names the years and the hover gives each week's
    year; weeks inside one year keep the plain title."""
    from components.overview.figures import weekly_figure

    weeks = pd.DataFrame({"Armenian": [2, 0, 1]}, index=["2021-12-27", "2022-01-03", "2022-01-10"])
    figure = weekly_figure(weeks, ("#E69F00",))
    assert list(figure.data[0].x) == ["27 Dec", "3 Jan", "10 Jan"]
    assert list(figure.data[0].customdata) == ["27 Dec 2021", "3 Jan 2022", "10 Jan 2022"]
    assert "Week of %{customdata}" in figure.data[0].hovertemplate
    assert figure.layout.xaxis.title.text == "Week of (Monday), 2021–2022"
    one_year = weekly_figure(weeks.iloc[:1], ("#E69F00",))
    assert one_year.layout.xaxis.title.text == "Week of (Monday)"
