"""The Overview page's cached view."""

from components.app.dataset import (
    cached_view,
    dataset_contradictions,
    filtered_dataset,
    full_dataset,
)
from components.app.filters import split_filter_key, with_descendants
from components.overview.corpus import CorpusOverview, corpus_overview
from components.overview.figures import weekly_figure
from components.overview.frames import OverviewView, StoryStrip, overview_view, story_strip


@cached_view
def overview_story(data_dir: str) -> StoryStrip:
    """What happened when, for the whole dataset: the same for every filter."""
    return story_strip(full_dataset(data_dir))


@cached_view
def overview_page_view(data_dir: str, actor_ids: tuple[str, ...]) -> OverviewView:
    dataset = full_dataset(data_dir)
    chosen = split_filter_key(actor_ids).actor_ids
    scope = with_descendants(dataset.actors, list(chosen)) if chosen else None
    return overview_view(
        dataset,
        filtered_dataset(data_dir, actor_ids),
        scope,
        pairs=dataset_contradictions(data_dir),
        story=overview_story(data_dir),
    )


@cached_view
def overview_corpus(data_dir: str, key: tuple[str, ...]) -> CorpusOverview:
    """Counts by side, outlet and week, for the articles the filter keeps."""
    return corpus_overview(filtered_dataset(data_dir, key))


@cached_view
def overview_weeks_figure(data_dir: str, key: tuple[str, ...]):
    """Stories per week by side, for the articles the filter keeps (None: no articles)."""
    corpus = overview_corpus(data_dir, key)
    return None if corpus.weeks.empty else weekly_figure(corpus.weeks, corpus.week_colours)
