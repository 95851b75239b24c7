"""Each place with its reports by the side of the outlet (statements about it, event reports
placed there, place claims naming it), and the sectors the border map can open on.
Pure pandas.
"""

from __future__ import annotations

import pandas as pd

from components.app.reports import side_order, with_outlets
from components.data import Dataset

# The sectors of the border map: a label, and the places whose middle it opens on (those
# in the data; none, and the map opens on the crisis site). "border" is the whole area.
SECTORS = {
    # The middle of both sectors' places: the Syunik ones alone left Gegharkunik off the map.
    "border": (
        "Whole border area",
        ("sev_lich", "goris", "sisian", "vardenis", "verin_shorzha", "sotk", "kut", "yeraskh"),
    ),
    "syunik": ("Syunik (Sev Lich, Goris, Sisian)", ("sev_lich", "goris", "sisian", "verishen")),
    "gegharkunik": (
        "Gegharkunik (Vardenis, Verin Shorzha, Sotk, Kut)",
        ("vardenis", "verin_shorzha", "sotk", "kut"),
    ),
    # The July 2021 shootings on Armenia's border with Azerbaijan's Nakhchivan exclave.
    "nakhchivan": (
        "Nakhchivan border (Yeraskh, Sadarak)",
        ("yeraskh", "sadarak", "heydarabad"),
    ),
}
# Map zoom of the whole area and of one sector.
SECTOR_ZOOM = {"border": 7.4, "syunik": 9.4, "gegharkunik": 9.6, "nakhchivan": 10.0}
SIDE_COUNT_COLUMNS = ["location_id", "side", "side_label", "statements", "reports", "claims"]


def sector_center(locations: pd.DataFrame, sector: str) -> tuple[float, float] | None:
    """The middle of a sector's places (lat, lon): of the box around them, so that a place
    far from the others (Yeraskh, west of the rest) is as far from the edge as the furthest
    on the other side. None when the data has none of them."""
    places = locations.loc[locations["location_id"].isin(SECTORS[sector][1])]
    if places.empty:
        return None
    lat, lon = places["lat"], places["lon"]
    return float(lat.min() + lat.max()) / 2, float(lon.min() + lon.max()) / 2


def reports_by_side(ds: Dataset) -> pd.DataFrame:
    """Per place and side of the outlet: statements about the place, event reports that
    place their event there, and place claims that name it (rows with at least one)."""
    statements = ds.statements[["article_id", "location_id"]].assign(kind="statements")
    in_view = ds.event_reports["event_id"].isin(ds.events["event_id"])
    reports = ds.event_reports.loc[in_view, ["article_id", "location_id"]].assign(kind="reports")
    claims = ds.event_claims.loc[
        (ds.event_claims["aspect"] == "place")
        & ds.event_claims["event_id"].isin(ds.events["event_id"])
    ]
    claims = claims[["article_id", "value"]].rename(columns={"value": "location_id"})
    records = pd.concat([statements, reports, claims.assign(kind="claims")], ignore_index=True)
    records = with_outlets(records.dropna(subset=["location_id"]), ds.articles)
    if records.empty:
        return pd.DataFrame(columns=SIDE_COUNT_COLUMNS)
    counts = records.groupby(["location_id", "side", "kind"]).size().unstack("kind", fill_value=0)
    counts = counts.reindex(columns=["statements", "reports", "claims"], fill_value=0)
    counts = counts.reset_index()
    rank = {side: position for position, side in enumerate(side_order(counts["side"]))}
    counts = counts.assign(
        side_label=records.drop_duplicates("side")
        .set_index("side")["side_label"]
        .reindex(counts["side"])
        .to_numpy(),
        rank=counts["side"].map(rank),
    ).sort_values(["location_id", "rank"])
    return counts[SIDE_COUNT_COLUMNS].reset_index(drop=True)


def side_lines(by_side: pd.DataFrame) -> pd.Series:
    """Per place, one hover line per side: "Armenian: 5 statements, 3 reports, 1 claim"."""
    if by_side.empty:
        return pd.Series(dtype=object)
    lines = [
        f"{row.side_label}: "
        + ", ".join(
            f"{count} {_noun(kind, count)}"
            for kind, count in (
                ("statement", row.statements),
                ("event report", row.reports),
                ("place claim", row.claims),
            )
            if count
        )
        for row in by_side.itertuples(index=False)
    ]
    return pd.Series(lines, index=by_side["location_id"].to_numpy()).groupby(level=0).agg(tuple)


def _noun(word: str, count: int) -> str:
    return word if count == 1 else f"{word}s"
