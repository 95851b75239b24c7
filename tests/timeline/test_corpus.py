"""The Timeline on the whole corpus (published 12 May – 29 December 2021): presets, date
ticks, no report-day line, span labels off the markers, lanes folded to a readable height."""

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

import dashboard
from components.app.date_axis import DateStep
from components.app.state import TIMELINE_COUNT_KEY, TIMELINE_ITEM_KEY, TIMELINE_ZOOM_KEY
from components.data import load_dataset
from components.timeline.choices import (
    CRISIS_WINDOW,
    WAR_START,
    ZOOM_PRESETS,
    report_day,
    zoom_windows,
)
from components.timeline.figure_layout import (
    AXIS_PAD_ROWS,
    DATE_LABEL_CHAR_PX,
    EMPTY_LANE_NOTE,
    MARGIN_PX,
    MAX_DATE_LABELS,
    ROW_PX,
    date_step,
)
from components.timeline.figure_piles import PILES_TRACE, pile_periods
from components.timeline.figures import (
    ITEMS_TRACE,
    LABEL_CHAR_PX,
    PLOT_WIDTH_PX,
    SPAN_LABELS_TRACE,
    SPANS_TRACE,
    _label_room,
    build_timeline_figure,
)
from components.timeline.frames import MAX_ROWS, MIN_LANES, timeline_view
from components.timeline.items import timeline_items
from components.timeline.lanes import LANE_GAP, _stack_rows, lanes_of_items, stacked_row_count
from components.timeline.piles import MIN_PILE, pile_period
from components.timeline.window import (
    EMPTY_LANE_ROWS,
    MARKER_ROOM_PX,
    NARROW_PLOT_PX,
    PILE_ROOM_PX,
    _row_count,
    fitted_window,
    placed_for_window,
    reaches,
    room_at,
    window_piles,
)
from tests.conftest import DATA_DIR
from tests.corpus_files import publication_days
from tests.timeline.test_page import assert_ran_cleanly, click, figure

DAY = pd.Timedelta(days=1)


@pytest.fixture(scope="module")
def items(corpus):
    return timeline_items(corpus)


@pytest.fixture(scope="module")
def windows(items, corpus):
    return zoom_windows(items, corpus.articles["published_date"])


@pytest.fixture(scope="module")
def view(items, corpus):
    return timeline_view(items, corpus.actors, "actor")


def test_crisis_days_stay_12_to_16_may_however_late_the_articles(windows, items):
    # The last dated item, recounted from the when of statements.yaml and events.yaml:
    # theasiatoday-2021-12-29-five-soldiers-hungary (published Wednesday 29 December) dates
    # its statements and its report "Wednesday", the day of publication. (No item dated
    # later: the latest month dated whole is Meduza's "In early November", to 30 November.)
    # Round 15: azernews-2022-01-12-akar-hasanov (published 12 January 2022) dates its
    # statements and its report of the Akar–Hasanov call "on January 12", the day of
    # publication. Round 16: armenpress-2022-03-15-mod-denies-advance (published 15 March
    # 2022) dates the Defence Ministry's denial "as reported" (the latest explicit date in
    # statements.yaml and events.yaml was 7 March 2022). Round 17:
    # azertag-2022-05-24-first-commission-meeting dates the commissions' first meeting and
    # its statements "On May 24, 2022" (when: 2022-05-24, three records); nothing is dated
    # later, and nothing in April 2022.
    assert items.loc[~items["is_background"], "end_date"].max() == pd.Timestamp("2022-05-24")
    assert (
        windows["crisis"]
        == CRISIS_WINDOW
        == (pd.Timestamp("2021-05-12"), pd.Timestamp("2021-05-17"))
    )


def test_the_reporting_period_runs_from_the_first_to_the_last_publication_day(windows, corpus):
    # The first and last published_date of the article.yaml files (174 articles:
    # civilnet-2021-05-12-*, theasiatoday-2021-12-29-five-soldiers-hungary); the window ends
    # the day after the last.
    first, last = (pd.Timestamp(day) for day in publication_days())
    published = corpus.articles["published_date"]
    assert (published.min(), published.max()) == (first, last)
    assert windows["reporting"] == (first, last + DAY)
    assert ZOOM_PRESETS["reporting"] == "Reporting period"
    assert list(ZOOM_PRESETS) == ["crisis", "reporting", "since_war"]


def test_since_the_war_starts_in_autumn_2020_not_with_the_1990s(windows, items):
    start, end = windows["since_war"]
    assert items["start_date"].min() < pd.Timestamp("1995-01-01"), "the 1990s war is background"
    assert pd.Timestamp("2020-08-01") < start < WAR_START
    assert end > windows["reporting"][1]


def test_one_article_marks_its_day_many_days_mark_none():
    one = pd.Series(pd.to_datetime(["2021-05-14"]))
    assert report_day(one) == pd.Timestamp("2021-05-14")
    assert report_day(pd.Series(pd.to_datetime(["2021-05-14", "2021-05-14"]))) == one[0]
    assert report_day(pd.Series(pd.to_datetime(["2021-05-14", "2021-05-15"]))) is None


@pytest.mark.parametrize(
    ("preset", "step"),
    [
        ("crisis", DateStep("%a %-d %b %Y", days=1)),
        ("reporting", DateStep("%b %Y", months=2)),
        ("since_war", DateStep("%b %Y", months=3)),
    ],
)
def test_each_preset_has_readable_date_ticks(view, windows, preset, step):
    """Days on the crisis days, every second month over the reporting period (round 16:
    12 May 2021 – 15 March 2022, ten months by one, more than MAX_DATE_LABELS; round 15: to
    12 January 2022, nine; by month on 12 May – 29 December), every third month since the war
    (August 2020 – early April 2022 with the window's margins, twenty months: by two, more
    than MAX_DATE_LABELS; round 15: to January 2022, seventeen). Weeks:
    tests/timeline/test_figures.py."""
    drawn = build_timeline_figure(view.placed, windows[preset])
    start, end = (pd.Timestamp(x) for x in drawn.layout.xaxis.range)
    assert date_step(end - start) == step
    assert len(drawn.layout.xaxis.ticktext) <= MAX_DATE_LABELS


@pytest.mark.parametrize("preset", ["crisis", "reporting", "since_war"])
def test_every_gridline_of_a_preset_has_its_label(view, windows, preset):
    """Each period the axis shows has its label in the middle of its part, the last one
    too (plotly's period labels left the reporting period's January 2022 gridline without
    one: its place, mid-February, lay past the axis's end), unless its part is a sliver
    too narrow for half of it (the hours of 11 and 17 May around the crisis days, room for
    the markers). At the plot's narrowest the labels stay apart and inside the figure."""
    drawn = build_timeline_figure(view.placed, windows[preset])
    axis = drawn.layout.xaxis
    start, end = (pd.Timestamp(x) for x in axis.range)
    per_px = (end - start) / NARROW_PLOT_PX
    step = date_step(end - start)
    gridlines = [pd.Timestamp(x) for x in axis.minor.tickvals]
    assert axis.minor.showgrid
    assert gridlines
    labels = dict(zip(axis.ticktext, (pd.Timestamp(x) for x in axis.tickvals), strict=True))
    parts = list(zip([start, *gridlines], [*gridlines, end], strict=True))
    for index, (left, right) in enumerate(parts):
        # A period is named by its first day; the first part's period began before the axis.
        if index:
            text = left.strftime(step.tickformat)
            placed = labels.get(text)
        else:
            text = start.strftime(step.tickformat)  # as long as its period's label
            placed = next((x for x in labels.values() if x < gridlines[0]), None)
        if (right - left) / per_px >= DATE_LABEL_CHAR_PX * len(text) / 2:
            assert placed == left + (right - left) / 2, text
        else:
            assert placed is None, text
    spans = [
        (
            place - per_px * DATE_LABEL_CHAR_PX * len(text) / 2,
            place + per_px * DATE_LABEL_CHAR_PX * len(text) / 2,
        )
        for text, place in labels.items()
    ]
    for (_, one_end), (next_start, _) in zip(spans, spans[1:], strict=False):
        assert one_end < next_start
    assert spans[-1][1] <= end + per_px * drawn.layout.margin.r


def test_the_reporting_period_labels_january_2022(view, windows):
    """The reporting period (12 May 2021 – 24 May 2022 on 329 articles, round 17; to 15 March
    2022 on 315) by two months: May, July, September, November, January 2022 (whose gridline
    had no label when it was the last, on 299 articles), March 2022 and May 2022. April 2022,
    with no article, lies between two gridlines like any other month."""
    drawn = build_timeline_figure(view.placed, windows["reporting"])
    assert drawn.layout.xaxis.ticktext == (
        "May 2021",
        "Jul 2021",
        "Sep 2021",
        "Nov 2021",
        "Jan 2022",
        "Mar 2022",
        "May 2022",
    )
    gridlines = [pd.Timestamp(x) for x in drawn.layout.xaxis.minor.tickvals]
    assert pd.Timestamp("2022-01-01") in gridlines
    assert gridlines[-1] == pd.Timestamp("2022-05-01")


def test_span_labels_do_not_cover_markers_of_their_row(view, windows):
    placed = view.placed
    drawn_labels = 0
    for preset, (start, end) in windows.items():
        drawn = build_timeline_figure(placed, (start, end))
        per_px = (end - start) / PLOT_WIDTH_PX
        labels = [t for t in drawn.data if t.name == SPAN_LABELS_TRACE]
        drawn_labels += sum(len(trace.text) for trace in labels)
        # The rows as this window draws them (stacked again for it).
        shown = placed_for_window(placed, (start, end))
        for trace in labels:
            for x, y, text in zip(trace.x, trace.y, trace.text, strict=True):
                x = pd.Timestamp(x)
                reach = x + per_px * LABEL_CHAR_PX * len(text)
                row = shown.loc[shown["y"] == y]
                near = row[(row["x_marker"] > x) & (row["x_marker"] <= reach)]
                assert near.empty, (preset, text, near["item_id"].tolist())
    assert drawn_labels, "the labels that fit are still drawn"


def test_a_label_gives_way_to_a_marker_just_after_its_span():
    """Hand-made: a May span ending 1 June, a marker on 2 June in its row, one far away."""
    end = pd.Timestamp("2021-06-01")
    coarse = pd.DataFrame(
        {
            "item_id": ["month", "month-far"],
            "y": [0.0, 1.0],
            "x_end": [end, end],
            "date_label": ["May 2021 (month)"] * 2,
        }
    )
    placed = pd.concat(
        [
            coarse.assign(x_marker=end - 15 * DAY),
            pd.DataFrame(
                {
                    "item_id": ["near", "far"],
                    "y": [0.0, 1.0],
                    "x_marker": [end + DAY, end + 40 * DAY],
                }
            ),
        ]
    )
    window = (pd.Timestamp("2021-05-12"), pd.Timestamp("2021-06-28"))
    assert _label_room(coarse, placed, window).tolist() == [False, True]


def test_the_corpus_keeps_the_busiest_lanes_and_a_chart_a_few_screens_tall(view, items, corpus):
    lanes = view.placed.drop_duplicates("lane_id")
    assert MIN_LANES <= view.lane_count < 30
    rows = (view.placed.groupby("lane_index")["row"].max() + 1).sum()
    # Folding stops at MIN_LANES; the busiest days then pile, so the rows fit the budget.
    assert rows <= MAX_ROWS
    every_lane = lanes_of_items(items, corpus.actors, "actor", max_lanes=10_000)
    sizes = every_lane.groupby("lane_id", observed=True).size().sort_values(ascending=False)
    kept = set(lanes["lane_id"]) - {"__other__"}
    assert len(kept) == view.lane_count - 1
    assert sizes[list(kept)].min() >= sizes.drop(list(kept)).max(), "the quieter lanes folded"
    assert view.folded_lanes == len(sizes) - len(kept)
    drawn = build_timeline_figure(view.placed, CRISIS_WINDOW)
    assert drawn.layout.height < (MAX_ROWS + 20) * ROW_PX + 400


def _drawn_rows(drawn) -> pd.DataFrame:
    """Every marker, pile and span of a figure: its row (y), first and last x."""
    rows = []
    for trace in drawn.data:
        if trace.name in (ITEMS_TRACE, PILES_TRACE):
            points = zip(trace.x, trace.y, strict=True)
            rows += [(y, pd.Timestamp(x), pd.Timestamp(x)) for x, y in points]
        elif trace.name == SPANS_TRACE:
            xs, ys = list(trace.x), list(trace.y)
            rows += [
                (ys[i], pd.Timestamp(xs[i]), pd.Timestamp(xs[i + 1])) for i in range(0, len(xs), 3)
            ]
    return pd.DataFrame(rows, columns=["y", "first", "last"])


def test_the_crisis_days_draw_rows_for_their_own_items(view, windows):
    """A lane is as tall as its items of 12-16 May need: its busy days of late May pile
    (the OSCE Minsk Group's 13 items of 28 May drew 13 empty rows on the crisis days)."""
    drawn = build_timeline_figure(view.placed, CRISIS_WINDOW)
    rows = _drawn_rows(drawn)
    start, end = CRISIS_WINDOW
    inside = rows[(rows["last"] >= start) & (rows["first"] <= end)]
    empty_rows = rows["y"].nunique() - inside["y"].nunique()
    assert empty_rows <= view.lane_count, "at most a row per lane holds only other days"
    reporting = build_timeline_figure(view.placed, windows["reporting"])
    assert drawn.layout.height < reporting.layout.height, "fewer days, fewer rows"


@pytest.mark.parametrize("preset", list(ZOOM_PRESETS))
def test_the_chart_is_as_tall_as_the_span_shown_needs(view, windows, preset):
    """Each lane takes the rows its items in the span need, and a lane with nothing in the
    span a thin line saying so (on the crisis days of the corpus, the Ministry of Defence of
    Azerbaijan, which spoke from 22 May)."""
    drawn = build_timeline_figure(view.placed, windows[preset])
    rows = _drawn_rows(drawn)
    start, end = windows[preset]
    inside = rows[(rows["last"] >= start) & (rows["first"] <= end)]
    silent = [note.text for note in drawn.layout.annotations].count(EMPTY_LANE_NOTE)
    rows_shown = inside["y"].nunique() + EMPTY_LANE_ROWS * silent
    gaps = LANE_GAP * (view.lane_count - 1) + 2 * AXIS_PAD_ROWS
    margins = MARGIN_PX["t"] + MARGIN_PX["b"]
    assert drawn.layout.height == int((rows_shown + gaps) * ROW_PX) + margins
    assert inside["y"].nunique() <= MAX_ROWS
    if preset == "crisis":
        assert silent == 1, "the one lane with nothing on 12-16 May"
    else:
        assert silent == 0


@pytest.mark.parametrize("preset", list(ZOOM_PRESETS))
def test_every_item_is_drawn_one_by_one_or_in_a_pile(view, windows, preset):
    """Nothing is hidden: in each of its lanes, an item is a marker or in a pile, whose
    count is its items' and whose click lists them."""
    drawn = build_timeline_figure(view.placed, windows[preset])
    [markers] = [t for t in drawn.data if t.name == ITEMS_TRACE]
    piles = [t for t in drawn.data if t.name == PILES_TRACE]
    assert piles, "the busiest days pile on the corpus"
    in_piles = []
    for pile_id, count in zip(piles[0].customdata, piles[0].text, strict=True):
        members = view.count_items(pile_id)
        assert len(members) == int(count) >= 2
        assert view.count_label(pile_id)
        lane_id = pile_id.removeprefix("pile:").rsplit("/", 1)[0]
        in_piles += [f"{lane_id}/{item_id}" for item_id in members["item_id"]]
    in_lanes = view.placed["lane_id"] + "/" + view.placed["item_id"]
    assert sorted([*markers.ids, *in_piles]) == sorted(in_lanes)


@pytest.fixture
def corpus_app(monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(DATA_DIR))
    app = AppTest.from_file(str(Path(dashboard.__file__).resolve()), default_timeout=60).run()
    app.switch_page("pages/timeline.py").run()
    assert_ran_cleanly(app)
    return app


def test_the_page_opens_on_the_crisis_days_and_offers_the_reporting_period(corpus_app):
    layout = figure(corpus_app)["layout"]
    start, end = (pd.Timestamp(x) for x in layout["xaxis"]["range"])
    # The axis reaches a little past the window, so its edges cut no marker.
    assert CRISIS_WINDOW[0] - DAY / 4 < start <= CRISIS_WINDOW[0]
    assert CRISIS_WINDOW[1] <= end < CRISIS_WINDOW[1] + DAY / 4
    texts = [note.get("text", "") for note in layout.get("annotations", [])]
    assert not any("Report published" in text for text in texts)
    # The count grows with the corpus: the items placed after the crisis days.
    corpus = load_dataset(DATA_DIR)
    placed = timeline_view(timeline_items(corpus), corpus.actors, "actor").placed
    later = placed.loc[
        placed["x_start"].fillna(placed["x_marker"]) > CRISIS_WINDOW[1], "item_id"
    ].nunique()
    assert later > 200
    assert f"{later} later items outside this view ▶" in texts
    corpus_app.button_group(key=TIMELINE_ZOOM_KEY).set_value("reporting").run()
    assert_ran_cleanly(corpus_app)
    drawn = figure(corpus_app)
    start, end = (pd.Timestamp(x) for x in drawn["layout"]["xaxis"]["range"])
    # The first publication day to the day after the last (12 May to 30 December on 174
    # articles), each edge moved out by at most a pile's half room at this zoom (232 days on
    # NARROW_PLOT_PX: a pile of 12 May moves the start back to 6 May). A week's pile sits at
    # its Thursday noon, which may lie after the last day: on 329 articles (round 17) the
    # Other lane's pile of the week of 23 May 2022 (items of 23 and 24 May) sits on 26 May,
    # so the end moves out to 4 June 2022, 26 May noon and a pile's half room (9.45 days).
    first, last = (pd.Timestamp(day) for day in publication_days())
    after_last = last + DAY
    per_px = (after_last - first) / NARROW_PLOT_PX
    widest = per_px * max(MARKER_ROOM_PX, PILE_ROOM_PX) / 2
    last_week_middle = last - pd.Timedelta(days=last.weekday()) + pd.Timedelta(days=3.5)
    assert first - widest <= start <= first
    assert after_last <= end <= max(after_last, last_week_middle) + widest
    # Every second month: 12 May 2021 – 24 May 2022 on 329 articles (round 17) is twelve
    # months, more than MAX_DATE_LABELS (8) one by one, six by two (round 16: to 15 March
    # 2022, ten; round 15: to 12 January 2022, nine).
    assert date_step(end - start) == DateStep("%b %Y", months=2)
    assert len(drawn["layout"]["xaxis"]["ticktext"]) <= MAX_DATE_LABELS
    [markers] = [t for t in drawn["data"] if t.get("name") == ITEMS_TRACE]
    assert markers["customdata"], "hover and click still carry the item ids"
    squares = [c.value for c in corpus_app.caption if "squares in this time span" in c.value]
    assert len(squares) == 1
    assert "stand for a lane's items of one busy day or week, with their count" in squares[0]


def test_a_click_on_a_pile_lists_its_items_and_a_marker_lists_all_again(corpus_app):
    """The items of 14 May in the Other lane (the statements of the folded actors and their
    events, the busiest pile on the crisis days): one square, its items beside the chart."""
    [piles] = [t for t in figure(corpus_app)["data"] if t.get("name") == PILES_TRACE]
    busiest = max(range(len(piles["text"])), key=lambda i: int(piles["text"][i]))
    pile_id = piles["customdata"][busiest]
    assert pile_id == "pile:__other__/2021-05-14"
    # The lane-days of more than MAX_DAY_ROWS (12) items on 12-16 May pile (and the rows then
    # fit), counted from the YAML files (a statement item per utterance, an event item per
    # event at its main report's day, in the lanes of the 9 actors with the most items or
    # in Other): on 279 articles 3 squares, Other actors on 14 May (58 items) and 13 May (19)
    # and Nikol Pashinyan on 14 May (20). The Armenian defence ministry's 15 May, 15 items on
    # 246 articles (4 squares), has 11: PanARMENIAN's five statements of the ministry that
    # day are one utterance now (u-armenian-mod-0515-morning, Zartonk's of 15 May has it too).
    assert any(c.value.startswith("3 squares in this time span") for c in corpus_app.caption)
    click(corpus_app, pile_id)
    assert_ran_cleanly(corpus_app)
    assert corpus_app.session_state[TIMELINE_COUNT_KEY] == pile_id
    options = corpus_app.selectbox(key=TIMELINE_ITEM_KEY).options
    assert len(options) == int(piles["text"][busiest])
    assert any(f"{len(options)} items in Other actors" in c.value for c in corpus_app.caption)
    [markers] = [t for t in figure(corpus_app)["data"] if t.get("name") == ITEMS_TRACE]
    click(corpus_app, markers["customdata"][0])
    assert_ran_cleanly(corpus_app)
    assert corpus_app.session_state[TIMELINE_COUNT_KEY] is None
    every = corpus_app.selectbox(key=TIMELINE_ITEM_KEY).options
    assert len(every) == figure_item_count(corpus_app)


def figure_item_count(app: AppTest) -> int:
    """The items the page counts in its caption, read from its words (the format, not a count
    of the corpus: "1,234 statements and 56 events for everyone, in 10 lanes. ...")."""
    [counts] = [c.value for c in app.caption if " statements and " in c.value]
    statements, rest = counts.split(" statements and ")
    return int(statements.replace(",", "")) + int(rest.split(" events")[0].replace(",", ""))


def _drawn_marks(drawn, plot_px: float) -> pd.DataFrame:
    """Every item marker and pile of a figure: its row (y), centre and size in pixels across
    a plot ``plot_px`` wide."""
    start, end = (pd.Timestamp(x) for x in drawn.layout.xaxis.range)
    per_px = (end - start) / plot_px
    marks = []
    for trace in drawn.data:
        if trace.name not in (ITEMS_TRACE, PILES_TRACE):
            continue
        size = trace.marker.size
        for x, y, mark in zip(trace.x, trace.y, trace.customdata, strict=True):
            marks.append((mark, y, (pd.Timestamp(x) - start) / per_px, size))
    return pd.DataFrame(marks, columns=["mark", "y", "x", "size"])


def overlapping_marks(marks: pd.DataFrame, plot_px: float) -> list[tuple[str, str]]:
    """Pairs of marks of one row, in view, closer than their half sizes (a pixel of slack)."""
    half = marks["size"] / 2
    seen = marks[(marks["x"] + half > 0) & (marks["x"] - half < plot_px)]
    pairs = []
    for _, row in seen.sort_values("x").groupby("y"):
        points = row.to_dict("records")
        for i, first in enumerate(points):
            for second in points[i + 1 :]:
                if second["x"] - first["x"] < (first["size"] + second["size"]) / 2 - 1:
                    pairs.append((first["mark"], second["mark"]))
    return pairs


def cut_marks(marks: pd.DataFrame, plot_px: float) -> list[str]:
    """Marks the plot's left or right edge cuts through."""
    half = marks["size"] / 2
    left = (marks["x"] - half < 0) & (marks["x"] + half > 0)
    right = (marks["x"] - half < plot_px) & (marks["x"] + half > plot_px)
    return marks.loc[left | right, "mark"].tolist()


# The plot's width at its narrowest: the chart box's 640 px (look.css) less the lane labels.
TIMELINE_PLOT_PX = 480


@pytest.mark.parametrize("preset", list(ZOOM_PRESETS))
def test_no_marker_or_pile_covers_another_or_is_cut_by_the_edge(view, windows, preset):
    """May-June (the reporting period of the 93-article corpus), 48 days on a plot about
    480 px wide, 10 px a day: markers of days next to each other shared a row though 13 px
    wide, a pile's 22 px square covered its neighbours (and the pile of the next day): 110
    pairs overlapped, 13 of them with a pile; and 20 markers of 12 May and 28 June sat half
    outside the plot (2 on the crisis days). Items too close at the zoom shown take rows
    of their own, and the axis reaches past every marker at its ends. Over a long span
    (the reporting period of the 219-article corpus, 232 days, about 2 px a day; since the
    war, sixteen months) the rows passed the budget with every busy day piled, and the
    markers' room shrank until they fitted: 13 pairs overlapped over the reporting
    period, 188 since the war. A lane's busiest weeks now pile instead (next test)."""
    drawn = build_timeline_figure(view.placed, windows[preset])
    marks = _drawn_marks(drawn, TIMELINE_PLOT_PX)
    assert overlapping_marks(marks, TIMELINE_PLOT_PX) == []
    assert cut_marks(marks, TIMELINE_PLOT_PX) == []


@pytest.mark.parametrize(
    ("preset", "periods"),
    [("crisis", ["day"]), ("reporting", ["day", "week"]), ("since_war", ["day", "week"])],
)
def test_over_a_long_span_a_lanes_busiest_weeks_pile_when_its_days_are_not_enough(
    view, windows, preset, periods
):
    """Over the reporting period and since the war a day is narrower than a marker: with
    every busy lane-day piled, markers and piles kept apart need more rows than MAX_ROWS
    (85 and 127 on the 219-article corpus). A lane's busiest weeks then pile, the largest
    first, until the rows fit; a week's pile sits at its middle, counts every item of its
    lane and week, and its click lists them. The crisis days fit with days alone."""
    window = windows[preset]
    placed = view.placed
    drawn = build_timeline_figure(placed, window)
    assert pile_periods(drawn) == periods
    axis = tuple(pd.Timestamp(x) for x in drawn.layout.xaxis.range)
    assert axis == fitted_window(placed_for_window(placed, window), window)
    inside, room = reaches(placed, axis), room_at(axis)
    days = window_piles(placed, inside, MAX_ROWS, room, periods=("day",))
    fits_with_days = _row_count(placed, inside, days, room) <= MAX_ROWS
    assert fits_with_days == (preset == "crisis")
    shown = placed_for_window(placed, axis)
    assert (shown.loc[reaches(shown, axis)].groupby("lane_index")["row"].max() + 1).sum() <= (
        MAX_ROWS
    )
    [piles] = [t for t in drawn.data if t.name == PILES_TRACE]
    for pile_id, x, count in zip(piles.customdata, piles.x, piles.text, strict=True):
        period, start, end = pile_period(pile_id)
        if period != "week":
            continue
        members = view.count_items(pile_id)
        assert len(members) == int(count) >= MIN_PILE
        assert members["start_date"].between(start, end, inclusive="left").all()
        assert pd.Timestamp(x) == start + pd.Timedelta(days=3.5), "Thursday noon"
        assert view.count_label(pile_id).endswith(f", week of {start.day} {start:%B %Y}")
        [hover] = [
            h for h, p in zip(piles.hovertext, piles.customdata, strict=True) if p == pile_id
        ]
        assert hover.startswith(f"<b>{count} items in the week of {start.day} {start:%b %Y}</b>")
    [key] = [t.name for t in drawn.data if t.name and t.name.startswith("Several items")]
    assert key.startswith(f"Several items of a lane in one {' or '.join(periods)}:")


@pytest.mark.parametrize("preset", list(ZOOM_PRESETS))
def test_the_rows_counted_to_choose_piles_are_the_rows_stacked(view, windows, preset):
    """Piles are chosen on a count of rows made without stacking (a sweep, not the loop):
    on what each preset draws, markers, spans and piles, it is the rows stacked."""
    window = windows[preset]
    shown = placed_for_window(view.placed, window)
    drawn = shown[reaches(shown, window) | shown["pile_id"].notna()]
    room = room_at(window)
    rows = _stack_rows(drawn, room.point_half, room.pile_half)
    stacked = int((rows.groupby(drawn["lane_index"]).max() + 1).sum())
    assert stacked_row_count(drawn, room.point_half, room.pile_half) == stacked > 40
