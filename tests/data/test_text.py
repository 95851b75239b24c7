"""Spans, sentences and mentions found in the text."""

import re

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


def _alternation_mentions(text, aliases):
    """The matcher find_mentions replaced: every alias in one alternation, longest first."""
    ordered = sorted(aliases, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, ordered)) + r")(?!\w)")
    return [(*aliases[m[0]], m[0], m.start(), m.end()) for m in pattern.finditer(text)]


def test_trie_matcher_finds_what_the_alternation_found():
    """Prefixes of one another, a longer alias cut by a word character, regex characters,
    and the corpus' own aliases over its texts: the same mentions, in the same order."""
    aliases = {
        name: ("actor", f"a{number}")
        for number, name in enumerate(
            [
                "Arm",
                "Armenia",
                "Armenian",
                "Armenian Prime Minister",
                "Armenian Prime",
                "A.B.",
                "A.B.C",
                "(CSTO)",
                "C++",
                "Lake Sev",
                "Lake Sevan",
                "Sev",
            ]
        )
    }
    text = (
        "Armenian Prime Ministers met the Armenian Prime Minister; Armenia, Armenians and "
        "Arm. A.B.C. (CSTO) C++ Lake Sevan, Lake Sev Sevan Sev."
    )
    assert list(find_mentions(text, aliases)) == _alternation_mentions(text, aliases)


def test_trie_matcher_on_the_corpus(corpus):
    aliases = {}
    for table, entity_type, id_field in (
        (corpus.actors, "actor", "actor_id"),
        (corpus.locations, "location", "location_id"),
    ):
        for entity_id, names in zip(table[id_field], table["aliases"], strict=True):
            aliases.update({name: (entity_type, entity_id) for name in names})
    for text in corpus.articles["text"]:
        assert list(find_mentions(text, aliases)) == _alternation_mentions(text, aliases)
