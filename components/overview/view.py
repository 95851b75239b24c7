"""The Overview page's cached view."""

from components.app.dataset import (
    cached_view,
    dataset_contradictions,
    filtered_dataset,
    full_dataset,
)
from components.app.filters import with_descendants
from components.overview.frames import OverviewView, StoryStrip, overview_view, story_strip


@cached_view
def overview_story(data_dir: str) -> StoryStrip:
    """What happened when, for the whole dataset: the same for every filter."""
    return story_strip(full_dataset(data_dir))


@cached_view
def overview_page_view(data_dir: str, actor_ids: tuple[str, ...]) -> OverviewView:
    dataset = full_dataset(data_dir)
    scope = with_descendants(dataset.actors, list(actor_ids)) if actor_ids else None
    return overview_view(
        dataset,
        filtered_dataset(data_dir, actor_ids),
        scope,
        pairs=dataset_contradictions(data_dir),
        story=overview_story(data_dir),
    )
