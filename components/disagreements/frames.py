"""Where the sources disagree: every claim of every event report with its outlet and side,
its value made comparable (numbers in one unit per aspect, ranges as spans, days, place
names), and the (event, aspect) pairs whose reports claim different values. Pure pandas.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from components.app.palette import side_label
from components.app.reports import side_counts_text, side_order, with_outlets
from components.data import Dataset
from components.data.dates import resolve_claimed_date

from .numbers import normalised_unit, number_label, parse_number

# The value_key of a claimed month ("2021-08"); a claimed day's is "2021-08-12".
_MONTH_KEY = re.compile(r"^\d{4}-\d{2}$")
# How many characters of a text value a figure's axis shows (the hover has it whole).
AXIS_LABEL_CHARS = 28

CLAIM_COLUMNS = [
    "claim_id",
    "event_id",
    "event_title",
    "aspect",
    "aspect_label",
    "value_kind",
    "value",
    "unit",
    "value_label",
    "value_key",
    "low",
    "high",
    "day",
    "last_day",
    "date_precision",
    "quote",
    "article_id",
    "story_id",
    "outlet",
    "side",
    "side_label",
    "published_date",
    "by_actor_name",
]


def claims_table(ds: Dataset) -> pd.DataFrame:
    """One row per claim of the events of ``ds``, with its outlet, side and a comparable value.

    ``low``/``high`` hold numbers in the aspect's compared unit (a single number has
    low == high); ``day``/``last_day`` the first and last day of a claimed date and
    ``date_precision`` its precision ("day", or "month" for "since August": 1 to 31 August,
    never a day); ``value_label`` the value as a reader reads it (a place's name, "0.5 km",
    "500–600 soldiers", "August 2021") and ``value_key`` what two claims must share to agree
    ("2021-08" for a month: see `told_differently`).
    """
    claims = ds.event_claims.loc[ds.event_claims["event_id"].isin(ds.events["event_id"])]
    if claims.empty:
        return pd.DataFrame(columns=CLAIM_COLUMNS)
    aspects = ds.aspects.set_index("aspect_id")
    titles = ds.events.set_index("event_id")["title"]
    places = ds.locations.set_index("location_id")["location_name"]
    names = ds.actors.set_index("actor_id")["actor_name"]
    stories = ds.articles.set_index("article_id")["story_id"]
    table = with_outlets(claims, ds.articles).assign(
        story_id=claims["article_id"].map(stories).fillna(claims["article_id"]),
        event_title=claims["event_id"].map(titles),
        aspect_label=claims["aspect"].map(aspects["aspect_label"]).fillna(claims["aspect"]),
        value_kind=claims["aspect"].map(aspects["value_kind"]).fillna("text"),
        by_actor_name=claims["by_actor_id"].map(names),
    )
    values = [
        _comparable(kind, value, unit, places)
        for kind, value, unit in zip(
            table["value_kind"].tolist(),
            table["value"].tolist(),
            table["unit"].tolist(),
            strict=True,
        )
    ]
    compared = pd.DataFrame(values, columns=COMPARED_COLUMNS)
    compared.index = table.index
    table = pd.concat([table, compared], axis=1)
    # The unit pandas gives a parsed "2021-05-27" (a date object would give seconds).
    for column in ("day", "last_day"):
        table[column] = pd.to_datetime(table[column]).astype("datetime64[us]")
    return table[CLAIM_COLUMNS].reset_index(drop=True)


# What `_comparable` gives for each claim.
COMPARED_COLUMNS = ["value_label", "value_key", "low", "high", "day", "last_day", "date_precision"]


def _comparable(kind: str, value: str, unit: object, places: pd.Series) -> tuple:
    """(value_label, value_key, low, high, day, last_day, date_precision) of one claim."""
    if kind == "number":
        parsed = parse_number(value)
        if parsed is not None:
            shown_unit, factor = normalised_unit(unit)
            low, high = parsed[0] * factor, parsed[1] * factor
            label = number_label(low, high, shown_unit)
            return label, label, low, high, None, None, None
    if kind == "date":
        dated = _claimed_date(value)
        if dated is not None:
            return dated
    if kind == "place":
        name = places.get(value, value)
        return name, value, np.nan, np.nan, None, None, None
    text = " ".join(str(value).split())
    if isinstance(unit, str) and unit:
        text = f"{text} {unit}"
    return text, text.casefold(), np.nan, np.nan, None, None, None


def _claimed_date(value: str) -> tuple | None:
    """A claimed day ("12 September 2021", key "2021-09-12") or month ("August 2021", key
    "2021-08", from its first to its last day); None for what is neither (the loader lets
    none through)."""
    try:
        dated = resolve_claimed_date(value)
    except ValueError:
        return None
    first, last = dated.start_date, dated.end_date
    if dated.precision == "month":
        return f"{first:%B %Y}", f"{first:%Y-%m}", np.nan, np.nan, first, last, "month"
    return f"{first.day} {first:%B %Y}", f"{first:%Y-%m-%d}", np.nan, np.nan, first, last, "day"


def told_differently(one: frozenset, other: frozenset, kind: str) -> bool:
    """Whether two reports' (or two sides') sets of value keys differ. Dates are compared
    at the coarser precision of the two: a report that gives only a month ("since August")
    agrees with one that gives a day of it ("12 August"), not with one of another month."""
    if kind == "date" and any(_MONTH_KEY.match(key) for key in one | other):
        return {key[:7] for key in one} != {key[:7] for key in other}
    return one != other


def _any_told_differently(told: pd.Series, kind: str) -> bool:
    """Whether any two of ``told`` (sets of value keys) differ (`told_differently`)."""
    distinct = list(dict.fromkeys(told))
    return any(
        told_differently(one, other, kind) for one, other in itertools.combinations(distinct, 2)
    )


def reports_differ(group: pd.DataFrame) -> bool:
    """Whether the claims of one (event, aspect) are a disagreement: two or more reports
    (stories: the copies of one wire story are one report) whose sets of values differ
    (`told_differently`). One report naming two places, or reports that each name the same
    two, do not disagree."""
    told = group.groupby("story_id")["value_key"].agg(frozenset)
    return len(told) > 1 and _any_told_differently(told, group["value_kind"].iloc[0])


def _reported_twice(claims: pd.DataFrame) -> pd.Series:
    """(aspect, event_id) -> how many claims, for the pairs claimed by two or more reports."""
    by_pair = claims.groupby(["aspect", "event_id"])
    reports = by_pair["story_id"].nunique()
    return by_pair.size()[reports > 1]


def disagreements(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per (event, aspect) whose reports disagree (`reports_differ`), with the values
    and the sides behind each: event_id, event_title, aspect, aspect_label, value_kind,
    value_count, claim_count, sides (side ids, the pages' order), positions (a tuple of
    (value_label, "Armenian 3 · Russian 1") per value, most claimed first), summary."""
    columns = [
        "event_id",
        "event_title",
        "aspect",
        "aspect_label",
        "value_kind",
        "value_count",
        "claim_count",
        "sides",
        "is_across_sides",
        "positions",
        "summary",
    ]
    rows = []
    for (event_id, aspect), group in claims.groupby(["event_id", "aspect"], sort=False):
        if not reports_differ(group):
            continue
        first = group.iloc[0]
        positions = _positions(group)
        rows.append(
            {
                "event_id": event_id,
                "event_title": first["event_title"],
                "aspect": aspect,
                "aspect_label": first["aspect_label"],
                "value_kind": first["value_kind"],
                "value_count": group["value_key"].nunique(),
                "claim_count": len(group),
                "sides": tuple(side_order(group["side"])),
                "is_across_sides": _is_across_sides(group),
                "positions": positions,
                "summary": "; ".join(f"{label} ({sides})" for label, sides in positions),
            }
        )
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(
        ["claim_count", "event_id", "aspect"], ascending=[False, True, True], kind="stable"
    ).reset_index(drop=True)


def _is_across_sides(group: pd.DataFrame) -> bool:
    """Whether two sides' outlets claim different sets of values (not only one side's
    outlets among themselves; `told_differently`)."""
    values = group.groupby("side")["value_key"].agg(frozenset)
    return _any_told_differently(values, group["value_kind"].iloc[0])


def _positions(group: pd.DataFrame) -> tuple[tuple[str, str], ...]:
    """Each value of one (event, aspect) with the sides that claim it, most claimed first."""
    by_value = group.groupby("value_key", sort=False)
    ordered = by_value.size().sort_values(ascending=False, kind="stable").index
    return tuple(
        (
            by_value.get_group(key)["value_label"].iloc[0],
            side_counts_text(by_value.get_group(key)["side"]),
        )
        for key in ordered
    )


def aspect_choices(found: pd.DataFrame, claims: pd.DataFrame) -> dict[str, str]:
    """aspect_id -> "Place (4 of 9 events disagree)" for every aspect that two or more
    reports of one event make a claim on, the aspects with the most disagreements first."""
    compared = _reported_twice(claims).reset_index().groupby("aspect").size()
    disagreeing = found.groupby("aspect").size()
    labels = claims.drop_duplicates("aspect").set_index("aspect")["aspect_label"]
    kinds = claims.drop_duplicates("aspect").set_index("aspect")["value_kind"]
    # Numbers, days and places first (they can be compared), then accounts in words.
    order = sorted(
        compared.index,
        key=lambda aspect: (kinds[aspect] == "text", -disagreeing.get(aspect, 0), aspect),
    )
    return {
        aspect: f"{labels[aspect]} ({int(disagreeing.get(aspect, 0))} of "
        f"{int(compared[aspect])} events disagree)"
        for aspect in order
    }


def strip_claims(claims: pd.DataFrame, aspect: str, event_ids: list[str]) -> pd.DataFrame:
    """The claims on ``aspect`` of ``event_ids`` (in that order), one row each, with the
    row of their event (``row``, 0 at the top) and the place of their side in the pages'
    order (``side_rank``), sorted by row, side and publication day: the figure gives each
    side a band of its event's strip and stacks its reports there (figures.py)."""
    chosen = claims.loc[(claims["aspect"] == aspect) & claims["event_id"].isin(event_ids)]
    rank = {event_id: position for position, event_id in enumerate(event_ids)}
    chosen = chosen.assign(row=chosen["event_id"].map(rank))
    side_rank = {side: position for position, side in enumerate(side_order(claims["side"]))}
    return (
        chosen.assign(side_rank=chosen["side"].map(side_rank))
        .sort_values(["row", "side_rank", "published_date", "claim_id"], kind="stable")
        .reset_index(drop=True)
    )


def off_axis(strip: pd.DataFrame) -> pd.Series:
    """Whether each claim has no place on its strip's axis: a number or a day given in words
    ("a few" km, "several hours"). The figure cannot draw it; the page names it under the
    chart (`off_axis_lines`), and the report list still offers it."""
    kind = strip["value_kind"]
    missing = pd.Series(False, index=strip.index)
    if "low" in strip:
        missing |= (kind == "number") & strip["low"].isna()
    if "day" in strip:
        missing |= (kind == "date") & strip["day"].isna()
    return missing


def off_axis_lines(strip: pd.DataFrame) -> list[str]:
    """One line per claim of ``strip`` that its axis cannot place: event, outlet, side and
    the value in words, in the strip's order."""
    words = strip.loc[off_axis(strip)]
    return [
        f"{row.event_title} · {row.outlet} ({row.side_label}): {row.value_label}"
        for row in words.itertuples(index=False)
    ]


def axis_label(value_label: str) -> str:
    """A text value short enough for an axis tick."""
    flat = " ".join(str(value_label).split())
    if len(flat) <= AXIS_LABEL_CHARS:
        return flat
    return flat[: AXIS_LABEL_CHARS - 1].rsplit(" ", 1)[0] + "…"


def clicked_claim(points: list[dict]) -> str | None:
    """The claim id of the last clicked mark of a plotly selection, if any."""
    ids = [point.get("customdata") for point in points]
    ids = [value for value in ids if isinstance(value, str) and value]
    return ids[-1] if ids else None


def claim_detail(claims: pd.DataFrame, claim_id: str) -> pd.Series | None:
    """One claim's row, or None when it is not in ``claims``."""
    found = claims.loc[claims["claim_id"] == claim_id]
    return None if found.empty else found.iloc[0]


def event_claims_of(claims: pd.DataFrame, event_id: str, aspect: str) -> pd.DataFrame:
    """Every claim of one event on one aspect, in the pages' side order, then by day."""
    chosen = claims.loc[(claims["event_id"] == event_id) & (claims["aspect"] == aspect)]
    rank = {side: position for position, side in enumerate(side_order(chosen["side"]))}
    return (
        chosen.assign(side_rank=chosen["side"].map(rank))
        .sort_values(["side_rank", "published_date", "claim_id"], kind="stable")
        .drop(columns="side_rank")
        .reset_index(drop=True)
    )


CONTRADICTION_COLUMNS = [
    "statement_id",
    "speaker_name",
    "quote",
    "date_label",
    "outlet",
    "side_label",
    "reporters",
    "contradicted_statement_id",
    "contradicted_speaker_name",
    "contradicted_quote",
    "contradicted_date_label",
    "contradicted_outlet",
    "contradicted_side_label",
    "contradicted_reporters",
    "issue_label",
    "article_count",
]


def contradictions_across(pairs: pd.DataFrame, ds: Dataset) -> pd.DataFrame:
    """The contradiction pairs (`components.app.contradictions.contradiction_pairs`) with the
    outlet and side of each statement, and every article that reports either utterance.

    A denial is often printed beside the claim it denies, but the claim's utterance (the
    same speaker on the same occasion) may be carried by other outlets too: ``reporters``
    lists them ("Armenpress (Armenian); TASS (Russian)") and ``article_count`` says how many
    articles the pair spans.
    """
    if pairs.empty:
        return pd.DataFrame(columns=CONTRADICTION_COLUMNS)
    statements = with_outlets(
        ds.statements[["statement_id", "utterance_id", "article_id"]], ds.articles
    )
    by_id = statements.set_index("statement_id")
    reports: dict[str, list[tuple[str, str, str]]] = {}
    for utterance_id, outlet, side, article_id in zip(
        statements["utterance_id"].tolist(),
        statements["outlet"].tolist(),
        statements["side_label"].tolist(),
        statements["article_id"].tolist(),
        strict=True,
    ):
        reports.setdefault(utterance_id, []).append((outlet, side, article_id))
    rows = []
    for pair in pairs.itertuples(index=False):
        row = {column: getattr(pair, column, None) for column in CONTRADICTION_COLUMNS}
        articles: set[str] = set()
        ends = (("", pair.statement_id), ("contradicted_", pair.contradicted_statement_id))
        for prefix, statement_id in ends:
            own = by_id.loc[statement_id]
            reported = reports[own["utterance_id"]]
            row[f"{prefix}outlet"] = own["outlet"]
            row[f"{prefix}side_label"] = own["side_label"]
            row[f"{prefix}reporters"] = _reporters_text(reported)
            articles.update(article_id for _, _, article_id in reported)
        row["article_count"] = len(articles)
        rows.append(row)
    return pd.DataFrame(rows, columns=CONTRADICTION_COLUMNS)


def _reporters_text(reported: list[tuple[str, str, str]]) -> str:
    """ "Armenpress (Armenian); TASS (Russian)": each outlet once, in the order given."""
    seen = dict.fromkeys((outlet, side) for outlet, side, _ in reported)
    return "; ".join(f"{outlet} ({side})" for outlet, side in seen)


def contradictions_in(pairs: pd.DataFrame, statement_ids: pd.Series) -> pd.DataFrame:
    """The pairs with either statement among ``statement_ids`` (the filter's statements)."""
    keep = pairs["statement_id"].isin(statement_ids) | pairs["contradicted_statement_id"].isin(
        statement_ids
    )
    return pairs.loc[keep].reset_index(drop=True)


def spread_events(
    claims: pd.DataFrame, found: pd.DataFrame, aspect: str, only_disagreeing: bool
) -> list[str]:
    """The events one aspect's figure draws, most claims first: those whose reports disagree
    on it, or every event that two or more reports make a claim on it for."""
    if only_disagreeing:
        return found.loc[found["aspect"] == aspect, "event_id"].tolist()
    counts = _reported_twice(claims.loc[claims["aspect"] == aspect]).droplevel("aspect")
    counts = counts.reset_index(name="claim_count")
    ordered = counts.sort_values(["claim_count", "event_id"], ascending=[False, True])
    return ordered["event_id"].tolist()


def findings(found: pd.DataFrame) -> tuple[list[str], list[str]]:
    """Sentences for the page, from the data: (measurable aspects that disagree — numbers,
    days, places —, text aspects told differently), each "Aspect of the event: value (sides);
    …"."""
    measured, told = [], []
    for row in found.itertuples(index=False):
        line = f"{row.aspect_label} of “{row.event_title}”: {row.summary}"
        (told if row.value_kind == "text" else measured).append(line)
    return measured, told


def sides_in_disagreement(found: pd.DataFrame) -> pd.DataFrame:
    """Per measurable aspect (number, date, place): how many events disagree, in how many
    of them two sides' outlets claim different values, and those sides in words
    ("Armenian, Azerbaijani, Russian")."""
    measured = found.loc[found["value_kind"] != "text"]
    rows = []
    for aspect_label, group in measured.groupby("aspect_label", sort=False):
        across = group.loc[group["is_across_sides"]]
        sides = side_order(side for sides in across["sides"] for side in sides)
        rows.append(
            {
                "aspect_label": aspect_label,
                "event_count": len(group),
                "across_count": len(across),
                "sides": ", ".join(side_label(side) for side in sides),
            }
        )
    return pd.DataFrame(rows, columns=["aspect_label", "event_count", "across_count", "sides"])


@dataclass(frozen=True)
class DisagreementsView:
    """The claims of the events in view, the (event, aspect) pairs that disagree, the aspect
    choices and the page's sentences: built once per data folder and filter, shared."""

    claims: pd.DataFrame
    found: pd.DataFrame
    choices: dict[str, str]
    measured: list[str]
    told: list[str]
    by_aspect: pd.DataFrame


def disagreements_view(ds: Dataset) -> DisagreementsView:
    claims = claims_table(ds)
    found = disagreements(claims)
    measured, told = findings(found)
    return DisagreementsView(
        claims=claims,
        found=found,
        choices=aspect_choices(found, claims),
        measured=measured,
        told=told,
        by_aspect=sides_in_disagreement(found),
    )


def claim_options(claims: pd.DataFrame, aspect: str) -> dict[str, str]:
    """The marks of one aspect to pick from a list: claim id -> event, outlet, side, value."""
    chosen = claims.loc[claims["aspect"] == aspect]
    return {
        row.claim_id: f"{row.event_title} · {row.outlet} ({row.side_label}): {row.value_label}"
        for row in chosen.itertuples(index=False)
    }
