"""The Timeline page's cached views: items, presets, lanes or counts, the figure, details."""

import pandas as pd
import plotly.graph_objects as go

from components.app.dataset import cached_view, filtered_dataset, full_dataset
from components.timeline.choices import (
    filter_items,
    item_options,
    report_day,
    type_options,
    zoom_windows,
)
from components.timeline.detail import ItemDetail, item_detail
from components.timeline.figure_counts import build_timeline_counts_figure
from components.timeline.figures import build_timeline_figure
from components.timeline.frames import TimelineView, timeline_view
from components.timeline.items import items_in, timeline_items

# The widget values a view depends on (besides the data folder and the actor filter):
# lane grouping, kinds, type keys, whether the background is shown.
ViewChoices = tuple[str, tuple[str, ...], tuple[str, ...], bool]


@cached_view
def timeline_page_items(data_dir: str, actor_ids: tuple[str, ...]) -> pd.DataFrame:
    """Every item once per data folder; a filter takes its part of them (`items_in`)."""
    if not actor_ids:
        return timeline_items(full_dataset(data_dir))
    return items_in(timeline_page_items(data_dir, ()), filtered_dataset(data_dir, actor_ids))


@cached_view
def timeline_choices(data_dir: str) -> tuple[dict, dict[str, str], pd.Timestamp | None]:
    """Presets, type choices and the report day (None over several days): from all items
    and articles, so they stay put when filtering."""
    items = timeline_page_items(data_dir, ())
    published = full_dataset(data_dir).articles["published_date"]
    return zoom_windows(items, published), type_options(items), report_day(published)


@cached_view
def timeline_page_view(
    data_dir: str,
    actor_ids: tuple[str, ...],
    grouping: str,
    kinds: tuple[str, ...],
    type_keys: tuple[str, ...],
    include_background: bool,
) -> TimelineView:
    items = timeline_page_items(data_dir, actor_ids)
    items = filter_items(items, list(kinds), list(type_keys), include_background)
    return timeline_view(items, full_dataset(data_dir).actors, grouping)


@cached_view
def timeline_page_figure(
    data_dir: str, actor_ids: tuple[str, ...], zoom: str, *choices: object
) -> go.Figure:
    view = timeline_page_view(data_dir, actor_ids, *choices)
    windows, _, report_date = timeline_choices(data_dir)
    if view.is_counted:
        return build_timeline_counts_figure(view.counts, view.bucket, windows[zoom], report_date)
    return build_timeline_figure(view.placed, windows[zoom], report_date)


@cached_view
def timeline_count_options(
    data_dir: str, actor_ids: tuple[str, ...], bubble_id: str, *choices: object
) -> dict[str, str]:
    """The item list of one count bubble, for the detail panel."""
    return item_options(timeline_page_view(data_dir, actor_ids, *choices).count_items(bubble_id))


@cached_view
def timeline_item_detail(data_dir: str, picked: str) -> ItemDetail | None:
    return item_detail(full_dataset(data_dir), picked)
