"""Draft extractor: statements, speakers, actors, places and dates of a news article,
for a person to review (issue 20).

    from components.extract import extract, load_registry
    draft = extract(text, published, load_registry("data"))

`python -m components.extract ARTICLE.txt --published YYYY-MM-DD` is the command line;
`python -m components.extract.evaluate` scores the rules on an annotated corpus.
"""

from .draft import Draft, DraftActor, DraftEvent, DraftLocation, DraftStatement, extract
from .model import ModelError, check_meta, load_pipeline
from .registry import Registry, load_registry, registry_from_records

__all__ = [
    "Draft",
    "DraftActor",
    "DraftEvent",
    "DraftLocation",
    "DraftStatement",
    "ModelError",
    "Registry",
    "check_meta",
    "extract",
    "load_pipeline",
    "load_registry",
    "registry_from_records",
]
