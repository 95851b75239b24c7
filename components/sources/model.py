"""Everything the Sources page shows, built in one go per data, filter and row level.

The page caches `build_sources_view` (components.app.dataset.cached_view); the view is
shared by every session: read it, never change it.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from components.app.palette import SIDE_LABELS
from components.data import Dataset
from components.sources.figures import (
    coverage_matrix,
    publication_strip_figure,
    strip_min_width_px,
)
from components.sources.frames import (
    CorpusCounts,
    CrossQuote,
    article_table,
    corpus_counts,
    coverage_csv_frame,
    cross_quoting,
    issue_coverage,
    parties,
    publication_strip,
    publication_weeks,
    quote_coverage,
)


@dataclass(frozen=True)
class SourcesView:
    """The Sources page for one filter: the article table, the answer, the charts, the CSV."""

    articles: pd.DataFrame
    counts: CorpusCounts
    cross_quotes: list[CrossQuote]
    speaker_figure: go.Figure
    issue_figure: go.Figure
    strip_figure: go.Figure
    # The narrowest the strip may be drawn (its weeks hold their numbers).
    strip_width_px: int
    has_stances: bool
    coverage_csv: bytes


def build_sources_view(
    full: Dataset, shown: Dataset, individuals: bool, query: list[tuple[str, str]]
) -> SourcesView:
    """The Sources page of ``shown`` (the filtered dataset); ``full`` names every copy of a
    story; ``query`` is the filter's URL parameters, kept in the links to the Source page."""
    sides = _sides(shown.articles)
    speakers = quote_coverage(shown, individuals)
    issues = issue_coverage(shown)
    states = speakers if not individuals else quote_coverage(shown, individuals=False)
    weeks = publication_weeks(publication_strip(shown.articles))
    return SourcesView(
        articles=article_table(shown, full, query),
        counts=corpus_counts(shown.articles),
        cross_quotes=cross_quoting(states, parties(full)),
        speaker_figure=coverage_matrix(
            speakers, "actor_id", "actor_name", "statements", sides, "statements"
        ),
        issue_figure=coverage_matrix(
            issues, "issue_id", "issue_label", "stances", sides, "stances"
        ),
        strip_figure=publication_strip_figure(weeks, sides),
        strip_width_px=strip_min_width_px(weeks, sides),
        has_stances=not issues.empty,
        coverage_csv=coverage_csv_frame(shown).to_csv(index=False).encode("utf-8"),
    )


def _sides(articles: pd.DataFrame) -> list[str]:
    present = set(articles["side"])
    known = [side for side in SIDE_LABELS if side in present]
    return known + sorted(present - set(known))
