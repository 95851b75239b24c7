"""The timeline figure (components/timeline/figures.py): structure and content, real data."""

from __future__ import annotations

import pandas as pd
import pytest

from components.app.date_axis import DateStep
from components.app.palette import (
    EVENT_COLOUR,
    LANE_BAND_COLOURS,
    STATEMENT_TYPE_COLOURS,
    STATEMENT_TYPE_FAMILIES,
)
from components.data.schemas import STATEMENT_TYPES
from components.timeline.choices import zoom_windows
from components.timeline.figure_layout import MAX_DATE_LABELS, date_step
from components.timeline.figures import (
    EXACT_DATES_TRACE,
    ITEMS_TRACE,
    SPAN_LABELS_TRACE,
    SPANS_TRACE,
    build_timeline_figure,
    hover_text,
)
from components.timeline.items import ITEM_COLUMNS, timeline_items
from components.timeline.lanes import place_in_lanes

HOUR = pd.Timedelta(hours=1)
DAY = pd.Timedelta(days=1)


@pytest.fixture(scope="module")
def figure(dataset):
    items = timeline_items(dataset)
    placed = place_in_lanes(items, dataset.actors, "actor")
    window = zoom_windows(items)["crisis"]
    return build_timeline_figure(placed, window, dataset.articles["published_date"].max())


def trace(figure, name):
    matches = [t for t in figure.data if t.name == name]
    assert len(matches) == 1, f"expected one {name!r} trace, found {len(matches)}"
    return matches[0]


def dates(xs) -> list[pd.Timestamp | None]:
    """The x of a line trace as Timestamps, None where the line breaks."""
    return [pd.Timestamp(x) if x else None for x in xs]


def points(figure) -> pd.DataFrame:
    """One row per marker of the items trace: lane, item, x, y, symbol, colours."""
    items = trace(figure, ITEMS_TRACE)
    lanes = [point_id.split("/", 1)[0] for point_id in items.ids]
    return pd.DataFrame(
        {
            "lane_id": lanes,
            "item_id": list(items.customdata),
            "x": pd.to_datetime(list(items.x)),
            "symbol": list(items.marker.symbol),
            "fill": list(items.marker.color),
            "ring": list(items.marker.line.color),
            "hover": list(items.hovertext),
        }
    )


def test_items_are_one_scatter_trace_with_item_ids(figure, dataset):
    items = trace(figure, ITEMS_TRACE)
    assert items.type == "scatter"
    expected = {f"statement:{sid}" for sid in dataset.statements["statement_id"]}
    expected |= {f"event:{eid}" for eid in dataset.events["event_id"]}
    assert set(items.customdata) == expected


def test_each_actor_lane_holds_its_statements_and_events(figure, dataset):
    shown = points(figure)
    for actor_id in ["pashinyan", "armenia", "azerbaijan", "united_states", "putin"]:
        said = dataset.statements.loc[
            dataset.statements["speaker_actor_id"] == actor_id, "statement_id"
        ]
        took_part = dataset.events.loc[
            [actor_id in ids for ids in dataset.events["actor_ids"]], "event_id"
        ]
        expected = {f"statement:{sid}" for sid in said} | {f"event:{eid}" for eid in took_part}
        assert set(shown.loc[shown["lane_id"] == actor_id, "item_id"]) == expected, actor_id


def test_lane_labels_are_actor_names(figure, dataset):
    labels = [label.replace("<br>", " ") for label in figure.layout.yaxis.ticktext]
    lanes = points(figure)["lane_id"].unique()
    names = dataset.actors.set_index("actor_id")["actor_name"]
    assert sorted(labels) == sorted(names[lane] for lane in lanes)


def test_markers_sit_where_the_text_dates_them(figure, dataset):
    shown = points(figure).drop_duplicates("item_id").set_index("item_id")
    for record in dataset.statements.itertuples(index=False):
        x = shown.loc[f"statement:{record.statement_id}", "x"]
        if record.date_precision in ("day", "as_reported"):
            assert x == record.start_date + 12 * HOUR, record.statement_id
        elif record.part_of_day == "evening":
            assert x == record.start_date + 21 * HOUR, record.statement_id


def test_undated_items_are_hollow_and_dated_ones_filled(figure, dataset):
    shown = points(figure).drop_duplicates("item_id").set_index("item_id")
    precision = dataset.statements.set_index("statement_id")["date_precision"]
    for statement_id, value in precision.items():
        marker = shown.loc[f"statement:{statement_id}"]
        if value == "as_reported":
            assert marker["fill"] == "white", statement_id
        else:
            assert marker["fill"] != "white", statement_id


def test_statements_are_circles_by_type_colour_and_events_diamonds(figure, dataset):
    shown = points(figure).drop_duplicates("item_id").set_index("item_id")
    for record in dataset.statements.itertuples(index=False):
        marker = shown.loc[f"statement:{record.statement_id}"]
        assert marker["symbol"] == "circle"
        colour = STATEMENT_TYPE_COLOURS[record.statement_type]
        assert colour in (marker["fill"], marker["ring"])
    for event_id in dataset.events["event_id"]:
        marker = shown.loc[f"event:{event_id}"]
        assert marker["symbol"] == "diamond"
        assert EVENT_COLOUR in (marker["fill"], marker["ring"])


def test_coarse_dates_are_dotted_spans_labelled_with_their_precision(figure, dataset):
    coarse = dataset.events[dataset.events["date_precision"].isin(["month", "season"])]
    dotted = [t for t in figure.data if t.name == SPANS_TRACE and t.line.dash == "dot"]
    spans = {}
    for span in dotted:
        ids, xs = span.customdata, [pd.Timestamp(x) if x else None for x in span.x]
        for start in range(0, len(xs), 3):  # start, end, None: one segment per item and lane
            spans.setdefault(ids[start], set()).add((xs[start], xs[start + 1]))
    labels = " ".join(trace(figure, SPAN_LABELS_TRACE).text)
    for record in coarse.itertuples(index=False):
        expected = {(record.start_date, record.end_date + DAY)}
        assert spans[f"event:{record.event_id}"] == expected, record.event_id
        assert record.date_label in labels


def test_hover_says_who_what_when_and_how_precise(figure, dataset):
    shown = points(figure).drop_duplicates("item_id").set_index("item_id")
    statement = dataset.statements.set_index("statement_id").loc["s06"]
    hover = shown.loc["statement:s06", "hover"]
    assert "Armenia → Azerbaijani armed forces" in hover
    assert statement["quote"][:40] in hover
    assert statement["date_label"] in hover
    assert "Precision: exact day" in hover
    undated = shown.loc["statement:s07", "hover"]
    assert "undated in the text" in undated


def test_outside_source_dates_are_drawn_with_their_source(figure, dataset):
    exact = trace(figure, EXACT_DATES_TRACE)
    war = dataset.events.set_index("event_id").loc["e08"]
    xs = [pd.Timestamp(x) for x, item in zip(exact.x, exact.customdata, strict=True) if item]
    assert war["background_start_date"] in xs
    assert war["background_end_date"] + DAY in xs
    assert any("Wikipedia" in text for text in exact.hovertext if text)


def test_default_view_is_the_crisis_days_with_daily_ticks(figure):
    start, end = (pd.Timestamp(x) for x in figure.layout.xaxis.range)
    assert (start, end) == (pd.Timestamp("2021-05-12"), pd.Timestamp("2021-05-17"))
    assert figure.layout.xaxis.ticktext == (
        "Wed 12 May 2021", "Thu 13 May 2021", "Fri 14 May 2021", "Sat 15 May 2021",
        "Sun 16 May 2021",
    )  # fmt: skip


def test_items_left_of_the_view_are_counted(figure, dataset):
    background = int(dataset.events["is_background"].sum())
    notes = [a.text for a in figure.layout.annotations if "outside this view" in (a.text or "")]
    assert notes == [f"◀ {background} earlier items outside this view"]


def one_item(**columns) -> pd.DataFrame:
    """One placed statement in lane "a", dated to the day 14 May 2021; ``columns`` override."""
    day = pd.Timestamp("2021-05-14")
    no_date = pd.Series([pd.NaT], dtype="datetime64[ns]")
    placed = pd.DataFrame(
        {
            "item_id": ["statement:x"],
            "kind": ["statement"],
            "record_id": ["x"],
            "item_type": ["demand"],
            "title": ["A demands"],
            "quote": ["We demand it."],
            "who": ["A → B"],
            "date_precision": ["day"],
            "date_label": ["Fri 14 May 2021"],
            "precision_note": ["exact day"],
            "is_background": [False],
            "x_marker": [day + 12 * HOUR],
            "x_start": no_date,
            "x_end": no_date,
            "background_start_date": no_date,
            "background_end_date": no_date,
            "lane_id": ["a"],
            "lane_label": ["A"],
            "lane_group": ["a"],
            "lane_index": [0],
            "row": [0],
            "y": [0.0],
        }
    )
    for name, value in columns.items():
        placed[name] = pd.Series([value], dtype=placed[name].dtype if name in placed else None)
    return placed.reindex(
        columns=[*ITEM_COLUMNS, "lane_id", "lane_label", "lane_group", "lane_index", "row", "y"]
    )


def test_data_text_is_html_escaped():
    day = pd.Timestamp("2021-05-14")
    placed = one_item(
        title="<b>bold</b>", quote="<script>alert(1)</script>", who="A & B", lane_label="<i>A</i>"
    )
    figure = build_timeline_figure(placed, (day - DAY, day + 2 * DAY))
    hover = trace(figure, ITEMS_TRACE).hovertext[0]
    assert "&lt;script&gt;" in hover
    assert "<script>" not in hover
    assert "&lt;b&gt;bold" in hover
    assert "A &amp; B" in hover
    assert figure.layout.yaxis.ticktext == ("&lt;i&gt;A&lt;/i&gt;",)


def test_hover_text_of_an_item_with_outside_dates():
    """Every line of the hover, in order; the chart's hover is hover_text of the item."""
    day = pd.Timestamp("2021-05-14")
    placed = one_item(
        date_precision="month",
        date_label="May 2021",
        precision_note="sometime in the month",
        x_start=pd.Timestamp("2021-05-01"),
        x_end=pd.Timestamp("2021-06-01"),
        background_start_date=pd.Timestamp("2021-05-12"),
        background_end_date=pd.Timestamp("2021-05-16"),
        background_date_source="Wikipedia <2021>",
    )
    figure = build_timeline_figure(placed, (day - DAY, day + 2 * DAY))
    expected = (
        "<b>A demands</b><br>A → B<br><i>“We demand it.”</i><br>Statement · demand<br>"
        "When: May 2021<br>Precision: sometime in the month<br>"
        "Exact dates (outside source): 12 May 2021 – 16 May 2021<br>"
        "<i>Click for the details</i>"
    )
    assert list(trace(figure, ITEMS_TRACE).hovertext) == [expected]
    assert hover_text(placed.iloc[0]) == expected
    exact = trace(figure, EXACT_DATES_TRACE)
    assert dates(exact.x) == [pd.Timestamp("2021-05-12"), pd.Timestamp("2021-05-17"), None]
    assert list(exact.customdata) == ["statement:x", "statement:x", None]
    assert exact.hovertext[0] == (
        "<b>A demands</b><br>Exact dates: 12 May 2021 – 16 May 2021<br>"
        "Source: Wikipedia &lt;2021&gt;<br>The article says: May 2021"
    )
    (span,) = [t for t in figure.data if t.name == SPANS_TRACE]
    assert dates(span.x) == [pd.Timestamp("2021-05-01"), pd.Timestamp("2021-06-01"), None]
    assert list(span.y) == [0.0, 0.0, None]
    assert span.line.dash == "dot"


def test_lane_groups_are_alternating_bands_with_a_line_between_their_lanes():
    """Lanes a1 and a2 of group a share one band, split by a line; group b has its own."""
    day = pd.Timestamp("2021-05-14")
    lanes = [("a1", "a", 0, 0.0), ("a2", "a", 1, 1.7), ("b1", "b", 2, 3.4)]
    placed = pd.concat(
        [
            one_item(item_id=f"statement:{lane}", lane_id=lane, lane_label=lane.upper(),
                     lane_group=group, lane_index=index, y=y)
            for lane, group, index, y in lanes
        ],
        ignore_index=True,
    )  # fmt: skip
    figure = build_timeline_figure(placed, (day - DAY, day + 2 * DAY))
    shapes = [(s.type, s.fillcolor, s.y0, s.y1) for s in figure.layout.shapes]
    assert shapes == [
        ("rect", LANE_BAND_COLOURS[1], pytest.approx(-0.85), pytest.approx(2.55)),
        ("line", None, pytest.approx(0.85), pytest.approx(0.85)),
        ("rect", LANE_BAND_COLOURS[0], pytest.approx(2.55), pytest.approx(4.25)),
    ]
    assert figure.layout.yaxis.ticktext == ("A1", "A2", "B1")


def test_no_items_gives_a_readable_empty_chart():
    day = pd.Timestamp("2021-05-14")
    empty = pd.DataFrame(columns=ITEM_COLUMNS)
    figure = build_timeline_figure(empty, (day, day + DAY))
    assert not figure.data
    assert figure.layout.annotations[0].text == "No item matches the filters"


def test_palette_has_one_distinct_colour_per_statement_type():
    assert set(STATEMENT_TYPE_COLOURS) == set(STATEMENT_TYPES)
    assert len(set(STATEMENT_TYPE_COLOURS.values())) == len(STATEMENT_TYPES)
    assert EVENT_COLOUR not in STATEMENT_TYPE_COLOURS.values()
    family_sizes = [len(types) for types in STATEMENT_TYPE_FAMILIES.values()]
    assert max(family_sizes) <= 3, "inside a hue family, lightness tells at most 3 apart"


@pytest.mark.parametrize(
    ("days", "step"),
    [
        (5, DateStep("%a %-d %b %Y", days=1)),  # the crisis days
        (30, DateStep("%-d %b %Y", days=7)),
        (279, DateStep("%b %Y", months=2)),  # the curated data since the war
        (365, DateStep("%b %Y", months=2)),
        (3 * 365, DateStep("%b %Y", months=6)),  # a synthetic corpus over three years
        (30 * 365, DateStep("%Y", months=48)),
    ],
)
def test_the_time_axis_has_few_enough_date_labels_to_stay_level(days, step):
    """However long the time span, at most MAX_DATE_LABELS labels, the finest step that
    gives no more (rotated labels ran into the "Report published" note)."""
    assert date_step(pd.Timedelta(days=days)) == step
    step_days = step.days or step.months * 365.25 / 12
    assert days / step_days <= MAX_DATE_LABELS
