"""The Sources page's cached view."""

from components.app.dataset import cached_view, filtered_dataset, full_dataset
from components.app.filters import split_filter_key
from components.app.state import ACTOR_PARAM, OUTLET_PARAM, SIDE_PARAM
from components.sources.model import SourcesView, build_sources_view


@cached_view
def sources_page_view(data_dir: str, key: tuple[str, ...], individuals: bool) -> SourcesView:
    choice = split_filter_key(key)
    query = [
        *((ACTOR_PARAM, actor_id) for actor_id in choice.actor_ids),
        *((SIDE_PARAM, side) for side in choice.sides),
        *((OUTLET_PARAM, outlet) for outlet in choice.outlets),
    ]
    return build_sources_view(
        full_dataset(data_dir), filtered_dataset(data_dir, key), individuals, query
    )
