"""The Source page's cached views: the choices, the highlighted article, one record."""

from components.app.dataset import cached_view, filtered_dataset, full_dataset
from components.source.frames import (
    ArticleView,
    RecordView,
    article_options,
    article_part,
    article_view,
    record_options,
    record_view,
    split_record_key,
)
from components.source.markup import speaker_colours


@cached_view
def source_article_choices(data_dir: str) -> dict[str, str]:
    return article_options(full_dataset(data_dir))


@cached_view
def source_record_choices(data_dir: str, article_id: str) -> dict[str, str]:
    return record_options(article_part(full_dataset(data_dir), article_id))


# The colours of the speakers' sides, for the whole dataset: one pass over every statement.
@cached_view
def source_speaker_colours(data_dir: str) -> dict[str, str]:
    return speaker_colours(full_dataset(data_dir))


@cached_view
def source_article_view(
    data_dir: str,
    actor_ids: tuple[str, ...],
    article_id: str,
    selected_key: str | None,
    show_events: bool,
) -> ArticleView:
    shown = filtered_dataset(data_dir, actor_ids) if actor_ids else None
    selected = split_record_key(selected_key) if selected_key else None
    colours = source_speaker_colours(data_dir)
    return article_view(full_dataset(data_dir), shown, article_id, selected, show_events, colours)


@cached_view
def source_record_view(data_dir: str, layer: str, record_id: str) -> RecordView:
    return record_view(full_dataset(data_dir), layer, record_id)
