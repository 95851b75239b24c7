"""Annotation YAML is read strictly: a key given twice is an error, not a silent overwrite."""

import pytest

from components.data import DatasetError, load_dataset

from .conftest import article_file


def test_a_key_given_twice_names_the_file_and_line(data_copy):
    path = article_file(data_copy, "statements.yaml")
    text = path.read_text(encoding="utf-8")
    first = text.index("  speaker_actor_id: armenia")
    path.write_text(text[:first] + "  speaker_actor_id: russia\n" + text[first:], encoding="utf-8")
    with pytest.raises(DatasetError) as caught:
        load_dataset(data_copy)
    problem = caught.value.problems[0]
    assert problem.file.endswith("statements.yaml")
    assert problem.record.startswith("line ")
    assert "'speaker_actor_id' is given twice" in problem.message
