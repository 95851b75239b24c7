"""Reshaping for the Overview page: the source line, key figures, story strip, top speakers.

Pure pandas, no streamlit; the page only lays these out.
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd

from components.app.contradictions import contradiction_pairs
from components.data import Dataset
from components.data.dates import range_label

# What a source line is made of (`_source_line`), and the tie-break of its order.
SOURCE_LINE_COLUMNS = ["article_id", "title", "outlet", "agency", "published_date"]


def article_source_lines(articles: pd.DataFrame, with_title: bool = True) -> list[str]:
    """One line per article: title, outlet (with agency) and publication date.

    ``with_title=False`` leaves the title out, for a single article whose title is already
    the page's heading (`dataset_heading`).
    """
    # Sorted without the article text: a thousand texts are megabytes to copy.
    ordered = articles[SOURCE_LINE_COLUMNS].sort_values(
        ["published_date", "article_id"], kind="stable"
    )
    return [_source_line(row, with_title) for row in ordered.itertuples(index=False)]


def dataset_heading(articles: pd.DataFrame) -> str:
    """The Overview's title, from the data: the article's title, or how many articles span
    which dates (nothing about one story is written into the code)."""
    if len(articles) == 1:
        return str(articles["title"].iloc[0])
    first, last = articles["published_date"].min(), articles["published_date"].max()
    return f"{len(articles):,} articles, {first:%-d %B %Y} to {last:%-d %B %Y}"


def _source_line(article, with_title: bool = True) -> str:
    publisher = article.outlet
    if isinstance(article.agency, str) and article.agency:
        publisher = f"{article.outlet}/{article.agency}"
    published = f"{article.published_date.day} {article.published_date:%B %Y}"
    if not with_title:
        return f"{publisher}, {published}"
    return f"“{article.title}”, {publisher}, {published}"


@dataclass(frozen=True)
class KeyFigure:
    """One headline number of the Overview, with what it counts."""

    label: str
    value: str
    help: str


def key_figures(dataset: Dataset) -> list[KeyFigure]:
    """How many actors, statements, events, places and issues, with what each counts."""
    statements = dataset.statements
    speakers = statements["speaker_actor_id"].nunique()
    in_text = set(dataset.locations.loc[dataset.locations["mention_count"] > 0, "location_id"])
    seats = set(dataset.actors["seat_location_id"].dropna()) - in_text
    others = len(dataset.locations) - len(in_text) - len(seats)
    stance_issues = dataset.stances["issue_id"].nunique()
    return [
        KeyFigure(
            "Actors",
            f"{len(dataset.actors):,}",
            f"People, states, bodies and groups named or involved; {speakers} of them speak.",
        ),
        KeyFigure(
            "Statements",
            f"{len(statements):,}",
            f"Attributed statements; {int(statements['is_direct_quote'].sum())} hold the "
            "speaker's own words in quotation marks.",
        ),
        KeyFigure(
            "Events",
            f"{len(dataset.events):,}",
            f"Reported events; {int(dataset.events['is_background'].sum())} of them are "
            "background before the May 2021 crisis.",
        ),
        KeyFigure(
            "Places",
            f"{len(dataset.locations):,}",
            f"{len(in_text)} named in the text, {len(seats)} seats the actors speak from, "
            f"{others} other places the records refer to.",
        ),
        KeyFigure(
            "Issues",
            f"{len(dataset.issues):,}",
            f"Propositions actors support or oppose; {stance_issues} carry a stance here.",
        ),
    ]


def date_span(dataset: Dataset) -> str:
    """The earliest and latest item dates, each with its precision ("autumn 2020 → 15 May")."""
    items = _dated_items(dataset)
    if items.empty:
        return "no dates"
    # The first item by (start, end), the last by (end, start), without sorting every row.
    earliest = items[items["start_date"] == items["start_date"].min()]
    first = earliest.loc[earliest["end_date"].idxmin()]
    latest = items[items["end_date"] == items["end_date"].max()]
    last = latest.loc[latest["start_date"][::-1].idxmax()]
    return f"{_short_label(first)} → {_short_label(last)}"


def _dated_items(dataset: Dataset) -> pd.DataFrame:
    columns = ["start_date", "end_date", "date_precision", "date_label"]
    return pd.concat([dataset.statements[columns], dataset.events[columns]], ignore_index=True)


def _short_label(item: pd.Series) -> str:
    """A date as short as its precision allows: "autumn 2020", "Nov 2020", "15 May 2021",
    "1990s", "12–16 May 2021"."""
    start = item["start_date"]
    if item["date_precision"] == "season":
        return item["date_label"].split(" (")[0]
    if item["date_precision"] == "month":
        return f"{start:%b %Y}"
    if item["date_precision"] == "range":
        # As its ends read: the 1990s war is "1990s", not "01 Jan 1990 – 31 Dec 1999".
        return range_label(start.date(), item["end_date"].date())
    return f"{start.day} {start:%b %Y}"


@dataclass(frozen=True)
class StoryStep:
    """One step of the story strip: a period, what happened, and the record to read first."""

    when: str
    what: str
    layer: str
    record_id: str


@dataclass(frozen=True)
class StoryStrip:
    """The story strip: its steps, the period a crisis step spans, and a note when grouped."""

    steps: tuple[StoryStep, ...]
    period: str
    note: str | None


# A step with up to STEP_ITEMS items names them all; a busier one names its first
# BUSY_STEP_EVENTS events and counts the rest, so every step fits a few lines.
STEP_ITEMS = 3
BUSY_STEP_EVENTS = 2
# The strip is one row of columns: more than this and they become unreadable slivers (a
# three-year corpus has hundreds of days), so days are grouped by month, then by year.
MAX_STORY_STEPS = 6
# Periods a crisis step may span, finest first: (name, label of a day).
_PERIODS = (
    ("day", lambda day: f"{day:%a} {day.day} {day:%b %Y}"),
    ("month", lambda day: f"{day:%b %Y}"),
    ("year", lambda day: f"{day:%Y}"),
)


def story_strip(dataset: Dataset, max_steps: int = MAX_STORY_STEPS) -> StoryStrip:
    """What happened when: one step per background period, then one per crisis day.

    A step lists its events and statements in date order, then text order (at most
    STEP_ITEMS, then a count); statements the text does not date count on the publication
    day, and the step says how many. Each step points at its first record, to read it in
    the text. With more than ``max_steps`` steps, crisis days are grouped by month, then by
    year (background periods too); if even years are too many, the strip keeps the
    ``max_steps`` busiest periods in time order. The note says so.
    """
    items = _story_items(dataset)
    if items.empty:
        return StoryStrip((), "day", None)
    days = pd.DatetimeIndex(items["day"].unique())
    crisis_days = pd.DatetimeIndex(items.loc[~items["is_background"], "day"].unique())
    is_crisis_day = days.isin(crisis_days)
    # A background period over several years (the 1990s war) keeps its label in a strip
    # grouped by year too: it is no one year.
    one_year_days = pd.DatetimeIndex(items.loc[~items["spans_years"], "day"].unique())
    is_one_year_day = days.isin(one_year_days)
    years_labels = set(items.loc[items["spans_years"], "background_label"])
    # Python dates: a strftime on them is many times faster than on Timestamps.
    dates = days.date
    background_labels = set(items["background_label"].dropna())
    for period, label in _PERIODS:
        # Counted on distinct days and labels, not rows: a corpus has a few hundred days.
        day_labels = [label(day) for day in dates]
        if period == "year":
            periods = years_labels | {
                day_label
                for day_label, is_one_year in zip(day_labels, is_one_year_day, strict=True)
                if is_one_year
            }
        else:
            periods = background_labels | {
                day_label
                for day_label, is_crisis in zip(day_labels, is_crisis_day, strict=True)
                if is_crisis
            }
        if len(periods) <= max_steps:
            break
    own_label = (items["is_background"] & ((period != "year") | items["spans_years"])).to_numpy(
        dtype=bool
    )
    day_of_item = np.array(day_labels, dtype=object)[days.get_indexer(items["day"])]
    when = np.where(own_label, items["background_label"].to_numpy(dtype=object), day_of_item)
    # Group on integer codes (in time order: the items are sorted), not on 100,000 strings.
    codes, step_labels = pd.factorize(when)
    items = items.assign(when=codes)
    sizes = items.groupby("when", sort=False).size()
    kept = sizes
    if len(sizes) > max_steps:
        busiest = sizes.nlargest(max_steps, keep="first").index
        kept = sizes[sizes.index.isin(busiest)]
        items = items[items["when"].isin(busiest)]
    steps = tuple(_steps(items, kept, step_labels, dataset))
    return StoryStrip(steps, period, _strip_note(period, len(crisis_days), len(kept), len(sizes)))


def _strip_note(period: str, n_days: int, n_shown: int, n_periods: int) -> str | None:
    """What the reader must know when the strip groups or leaves out periods."""
    if period == "day":
        return None
    note = f"{n_days:,} days are too many for one strip: grouped by {period}"
    if n_shown < n_periods:
        note += f"; the {n_shown} busiest of {n_periods} periods shown"
    return note + "."


def _steps(items: pd.DataFrame, sizes: pd.Series, step_labels, dataset: Dataset):
    """One StoryStep per "when" code of ``items`` (in order), from per-group counts;
    ``step_labels[code]`` is the step's period."""
    firsts = items.groupby("when", sort=False).head(1).set_index("when")
    events = items[items["is_event"]]
    statements = items[~items["is_event"]]
    event_rank = events.groupby("when", sort=False).cumcount()
    small = items["when"].map(sizes) <= STEP_ITEMS
    # Phrases only for the rows a step names: every row of a small step, the first events
    # of a busy one (never a phrase per statement of a busy day).
    named = items[small | items.index.isin(event_rank.index[event_rank < BUSY_STEP_EVENTS])]
    phrases = named.assign(phrase=_phrases(named, dataset)).groupby("when", sort=False)["phrase"]
    phrases = phrases.agg(list)
    event_counts = events.groupby("when", sort=False).size()
    statement_groups = statements.groupby("when", sort=False)
    statement_counts = statement_groups.size()
    speaker_counts = statement_groups["speaker_code"].nunique()
    undated_counts = statement_groups["is_undated"].sum()
    for when, size in sizes.items():
        parts = list(phrases.get(when, []))
        if size > STEP_ITEMS:
            n_events = int(event_counts.get(when, 0))
            if n_events > BUSY_STEP_EVENTS:
                parts.append(f"+{n_events - BUSY_STEP_EVENTS:,} events")
            n_statements = int(statement_counts.get(when, 0))
            if n_statements:
                count = f"{n_statements:,} statements by {int(speaker_counts[when]):,} speakers"
                undated = int(undated_counts[when])
                if undated:
                    count += f" ({undated:,} undated in the text)"
                parts.append(count)
        first = firsts.loc[when]
        layer, record_id = _record(first["is_event"], first["position"], dataset)
        yield StoryStep(step_labels[when], "; ".join(parts), layer, record_id)


def _record(is_event: bool, position: int, dataset: Dataset) -> tuple[str, str]:
    """(layer, id) of the item at ``position`` in the events or statements table."""
    if is_event:
        return "event", dataset.events["event_id"].iat[position]
    return "statement", dataset.statements["statement_id"].iat[position]


def _phrases(items: pd.DataFrame, dataset: Dataset) -> list[str]:
    """An event's title; a statement's "Speaker: type (target)". A few rows per step."""
    names = dict(zip(dataset.actors["actor_id"], dataset.actors["actor_name"], strict=True))
    phrases = []
    for is_event, position in zip(items["is_event"], items["position"], strict=True):
        if is_event:
            phrases.append(dataset.events["title"].iat[position])
            continue
        row = dataset.statements.iloc[position]
        phrase = f"{names.get(row['speaker_actor_id'])}: {row['statement_type'].replace('_', ' ')}"
        if isinstance(row["target_actor_id"], str):
            phrase += f" ({names.get(row['target_actor_id'])})"
        phrases.append(phrase)
    return phrases


def _story_items(dataset: Dataset) -> pd.DataFrame:
    """Events and statements as rows of one frame, ordered by date, then text position.

    Numbers only (a record is its ``position`` in its table; a speaker a code), so that
    100,000 rows sort and group fast; a background event carries its period label.
    """
    events = dataset.events
    statements = dataset.statements
    speaker_codes, _ = pd.factorize(statements["speaker_actor_id"])
    no_date = np.full(len(statements), np.datetime64("NaT"), dtype=events["start_date"].dtype)
    columns = {
        "is_event": np.repeat([True, False], [len(events), len(statements)]),
        "position": np.concatenate([np.arange(len(events)), np.arange(len(statements))]),
        "is_background": np.concatenate(
            [events["is_background"].to_numpy(dtype=bool), np.zeros(len(statements), bool)]
        ),
        "background_label": np.concatenate(
            [
                _background_labels(events).to_numpy(dtype=object),
                np.full(len(statements), None, dtype=object),
            ]
        ),
        "spans_years": np.concatenate(
            [
                (
                    events["is_background"]
                    & (events["start_date"].dt.year != events["end_date"].dt.year)
                ).to_numpy(dtype=bool),
                np.zeros(len(statements), bool),
            ]
        ),
        "exact_date": np.concatenate([events["background_start_date"].to_numpy(), no_date]),
        "day": np.concatenate(
            [events["start_date"].to_numpy(), statements["start_date"].to_numpy()]
        ),
        "start_char": np.concatenate(
            [events["start_char"].to_numpy(), statements["start_char"].to_numpy()]
        ),
        "is_undated": np.concatenate(
            [
                np.zeros(len(events), bool),
                (statements["date_precision"] == "as_reported").to_numpy(dtype=bool),
            ]
        ),
        "speaker_code": np.concatenate([np.full(len(events), -1), speaker_codes]),
    }
    # Items of one period in time order where an outside source dates them, else text
    # order; a missing date sorts last. One stable sort of three integer keys.
    order = np.lexsort(
        (
            columns["start_char"],
            _missing_last(columns["exact_date"]),
            _missing_last(columns["day"]),
        )
    )
    # Object columns stay objects: left to infer, pandas would convert the labels to Arrow.
    return pd.DataFrame(
        {name: pd.Series(values[order], dtype=values.dtype) for name, values in columns.items()}
    )


def _missing_last(dates: np.ndarray) -> np.ndarray:
    """Dates as sortable integers, a missing date (NaT) after every other."""
    as_integers = dates.view("int64")
    return np.where(np.isnat(dates), np.iinfo(np.int64).max, as_integers)


def _background_labels(events: pd.DataFrame) -> pd.Series:
    """`_short_label` of each background event (None for the others), once per distinct date."""
    keys = ["start_date", "end_date", "date_precision", "date_label"]
    background = events.loc[events["is_background"], keys]
    labels: dict[tuple, str] = {}
    for date in zip(*(background[key].tolist() for key in keys), strict=True):
        if date not in labels:
            labels[date] = _short_label(dict(zip(keys, date, strict=True)))
    found = [labels[date] for date in zip(*(background[key].tolist() for key in keys), strict=True)]
    return pd.Series(found, index=background.index, dtype=object).reindex(events.index)


def most_active_actors(dataset: Dataset, limit: int = 5) -> pd.DataFrame:
    """The speakers with the most statements: actor_id, actor_name, statement_count."""
    counts = dataset.statements["speaker_actor_id"].value_counts().rename("statement_count")
    frame = counts.rename_axis("actor_id").reset_index()
    frame = frame.merge(
        dataset.actors[["actor_id", "actor_name"]], on="actor_id", how="left", validate="1:1"
    )
    frame = frame.sort_values(["statement_count", "actor_name"], ascending=[False, True])
    return frame[["actor_id", "actor_name", "statement_count"]].head(limit).reset_index(drop=True)


def lede(articles: pd.DataFrame) -> str:
    """The first paragraph of the first article: the story in one sentence."""
    text = articles["text"].iat[_first_published(articles)]
    return text.strip().split("\n\n", 1)[0]


def _first_articles(articles: pd.DataFrame, count: int) -> pd.DataFrame:
    """The ``count`` articles `article_source_lines` lists first (a line per article of
    thousands would be formatted to show three)."""
    ordered = articles[SOURCE_LINE_COLUMNS].sort_values(
        ["published_date", "article_id"], kind="stable"
    )
    return ordered.head(count)


def _first_published(articles: pd.DataFrame) -> int:
    """The position of the first article published (ties: by article id)."""
    keys = articles[["published_date", "article_id"]].reset_index(drop=True)
    return int(keys.sort_values(["published_date", "article_id"], kind="stable").index[0])


def contradiction_lines(
    dataset: Dataset, scope_actor_ids: set[str] | None = None
) -> list[tuple[str, str]]:
    """(statement_id, one line) per contradiction; with a scope, those touching it.

    A pair touches the scope when either speaker is in it, so a filtered reader still sees
    who contradicts the chosen actors.
    """
    return _lines(_scoped_pairs(contradiction_pairs(dataset), scope_actor_ids))


def _scoped_pairs(pairs: pd.DataFrame, scope_actor_ids: set[str] | None) -> pd.DataFrame:
    if scope_actor_ids is None:
        return pairs
    touches = pairs["speaker_actor_id"].isin(scope_actor_ids) | pairs[
        "contradicted_speaker_actor_id"
    ].isin(scope_actor_ids)
    return pairs.loc[touches]


def _lines(pairs: pd.DataFrame) -> list[tuple[str, str]]:
    lines = []
    for row in pairs.itertuples(index=False):
        line = f"{row.speaker_name} contradicts {row.contradicted_speaker_name}"
        if isinstance(row.issue_label, str):
            line += f" on “{row.issue_label}”"
        lines.append((row.statement_id, line))
    return lines


# The Overview names this many articles as its source and counts the others.
SOURCE_LINES_SHOWN = 3
# The Overview lists this many contradictions; the rest are counted, and the Stances page
# lists them all (a large corpus has thousands, one link row each).
CONTRADICTIONS_SHOWN = 8


@dataclass(frozen=True)
class OverviewView:
    """Everything the Overview shows for one actor choice, built once and shared (read-only)."""

    heading: str
    source_lines: tuple[str, ...]
    article_count: int
    is_translation: bool
    translation_note: str
    lede: str
    key_figures: tuple[KeyFigure, ...]
    date_span: str
    story: StoryStrip
    contradictions: tuple[tuple[str, str], ...]
    contradiction_count: int
    top_speakers: tuple[tuple[str, int], ...]


def overview_view(
    dataset: Dataset,
    filtered: Dataset,
    scope_actor_ids: set[str] | None,
    *,
    pairs: pd.DataFrame | None = None,
    story: StoryStrip | None = None,
) -> OverviewView:
    """The Overview of ``dataset``; figures and speakers follow ``filtered``, contradictions
    the scope (the chosen actors with their descendants; None when nothing is chosen).

    ``pairs`` (`contradiction_pairs`) and ``story`` (`story_strip`) of ``dataset`` do not
    depend on the filter: pass them when they are kept between views.
    """
    # The article the lede comes from (first published, ties by id), for its translation.
    article = dataset.articles.iloc[_first_published(dataset.articles)]
    # Lines only for the pairs shown: a large corpus has thousands.
    pairs = contradiction_pairs(dataset) if pairs is None else pairs
    pairs = _scoped_pairs(pairs, scope_actor_ids)
    top = most_active_actors(filtered)
    return OverviewView(
        heading=dataset_heading(dataset.articles),
        source_lines=tuple(
            article_source_lines(
                _first_articles(dataset.articles, SOURCE_LINES_SHOWN),
                with_title=len(dataset.articles) > 1,
            )
        ),
        article_count=len(dataset.articles),
        is_translation=bool(article["is_translation"]),
        translation_note=str(article["translation_note"]),
        lede=lede(dataset.articles),
        key_figures=tuple(key_figures(filtered)),
        date_span=date_span(dataset),
        story=story_strip(dataset) if story is None else story,
        contradictions=tuple(_lines(pairs.head(CONTRADICTIONS_SHOWN))),
        contradiction_count=len(pairs),
        top_speakers=tuple(zip(top["actor_name"], top["statement_count"].astype(int), strict=True)),
    )
