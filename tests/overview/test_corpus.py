"""The Overview of the corpus: counts by side, week and outlet, busiest days, the most
annotated article (the seed) one click away."""

from pathlib import Path
from urllib.parse import parse_qsl

from streamlit.testing.v1 import AppTest

import dashboard
from components.overview.corpus import corpus_overview
from tests.conftest import DATA_DIR
from tests.seed import SEED_ID

APP_FILE = Path(dashboard.__file__).resolve()


def test_corpus_counts_by_side_week_and_outlet(corpus):
    overview = corpus_overview(corpus)
    by_side = {count.side: (count.articles, count.stories) for count in overview.sides}
    assert by_side["armenia"] == (23, 22)  # the two AFP copies of 1 June are one story
    assert sum(articles for articles, _ in by_side.values()) == 50
    assert overview.weeks.to_numpy().sum() == 49
    assert overview.weeks.index[0] == "2021-05-10"
    assert overview.busiest_days[0].startswith("27 May 2021: 7 stories")
    assert overview.outlets[0] == ("PanARMENIAN.Net", "Armenian", 5)
    assert overview.most_annotated_id == SEED_ID


def test_corpus_overview_page_links_to_the_seed(monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(DATA_DIR))
    app = AppTest.from_file(str(APP_FILE), default_timeout=60).run()
    assert not app.exception
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics["Armenian"] == "23"
    assert metrics["Statements"] == "322"
    links = [
        (link.proto.page, dict(parse_qsl(link.proto.query_string))) for link in app.get("page_link")
    ]
    assert ("source", {"article": SEED_ID}) in links
