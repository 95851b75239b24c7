"""The Disagreements page's cached views: the claims and what disagrees, one aspect's figure,
the contradictions with their outlets."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.app.dataset import (
    cached_view,
    dataset_contradictions,
    filtered_dataset,
    full_dataset,
)
from components.disagreements.figures import spread_figure
from components.disagreements.frames import (
    DisagreementsView,
    contradictions_across,
    contradictions_in,
    disagreements_view,
    off_axis_lines,
    spread_events,
    strip_claims,
)


@cached_view
def disagreements_page_view(data_dir: str, actor_ids: tuple[str, ...]) -> DisagreementsView:
    """The claims of the filter's events, what disagrees, the aspect choices."""
    return disagreements_view(filtered_dataset(data_dir, actor_ids))


@cached_view
def disagreements_figure(
    data_dir: str, actor_ids: tuple[str, ...], aspect: str, only_disagreeing: bool
) -> go.Figure | None:
    """The spread of one aspect's claims, a strip per event; None when no event has two."""
    view = disagreements_page_view(data_dir, actor_ids)
    event_ids = spread_events(view.claims, view.found, aspect, only_disagreeing)
    if not event_ids:
        return None
    strip = strip_claims(view.claims, aspect, event_ids)
    titles = view.claims.drop_duplicates("event_id").set_index("event_id")["event_title"]
    kind = strip["value_kind"].iloc[0]
    return spread_figure(strip, kind, [titles[event_id] for event_id in event_ids])


@cached_view
def disagreements_off_axis(
    data_dir: str, actor_ids: tuple[str, ...], aspect: str, only_disagreeing: bool
) -> list[str]:
    """The claims of the figure's strips that its axes cannot place (a number in words)."""
    view = disagreements_page_view(data_dir, actor_ids)
    event_ids = spread_events(view.claims, view.found, aspect, only_disagreeing)
    return off_axis_lines(strip_claims(view.claims, aspect, event_ids)) if event_ids else []


@cached_view
def disagreements_contradictions(data_dir: str, actor_ids: tuple[str, ...]) -> pd.DataFrame:
    """The contradiction pairs that concern the filter, with outlets, sides and reporters."""
    dataset = full_dataset(data_dir)
    pairs = dataset_contradictions(data_dir)
    if actor_ids:
        pairs = contradictions_in(
            pairs, filtered_dataset(data_dir, actor_ids).statements["statement_id"]
        )
    return contradictions_across(pairs, dataset)
