"""Spans, sentences and mentions found in the text."""

import pytest

from components.data.text import find_mentions, find_span, sentence_bounds

TEXT = 'Baku said "no." Then Baku left. Armenian Prime Minister Nikol Pachinian spoke.'


def test_find_span_returns_exact_offsets():
    start, end = find_span(TEXT, "Then Baku left")
    assert TEXT[start:end] == "Then Baku left"


def test_find_span_needs_an_occurrence_when_ambiguous():
    with pytest.raises(ValueError, match="occurs 2 times"):
        find_span(TEXT, "Baku")
    start, _ = find_span(TEXT, "Baku", occurrence=2)
    assert start == TEXT.index("Then Baku") + len("Then ")


@pytest.mark.parametrize(
    ("quote", "occurrence", "message"),
    [
        pytest.param("Yerevan", None, "is not in it", id="absent"),
        pytest.param("Baku", 3, "occurs 2 time", id="occurrence too high"),
        pytest.param("", None, "empty quote", id="empty"),
    ],
)
def test_find_span_failures(quote, occurrence, message):
    with pytest.raises(ValueError, match=message):
        find_span(TEXT, quote, occurrence)


def test_sentence_bounds_keep_quoted_full_stops_inside():
    start, end = find_span(TEXT, '"no."')
    s_start, s_end = sentence_bounds(TEXT, start, end)
    assert TEXT[s_start:s_end] == 'Baku said "no."'


def test_sentence_bounds_ignore_a_full_stop_before_lower_case():
    text = 'He asked "for assistance. of the Federation". Next one.'
    start, end = find_span(text, "of the Federation")
    s_start, s_end = sentence_bounds(text, start, end)
    assert text[s_start:s_end] == 'He asked "for assistance. of the Federation".'


def test_mentions_prefer_the_longest_alias_and_whole_words():
    aliases = {
        "Baku": ("actor", "azerbaijan"),
        "Armenian Prime Minister": ("actor", "pashinyan"),
        "Nikol Pachinian": ("actor", "pashinyan"),
        "Pachinian": ("actor", "pashinyan"),
        "Armenia": ("actor", "armenia"),
    }
    found = [(surface, start) for _, _, surface, start, _ in find_mentions(TEXT, aliases)]
    assert found == [
        ("Baku", 0),
        ("Baku", TEXT.index("Baku left")),
        ("Armenian Prime Minister", TEXT.index("Armenian")),
        ("Nikol Pachinian", TEXT.index("Nikol")),
    ]
