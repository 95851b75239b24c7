"""The Source reader's markup (components/source/): exact spans, nesting, escaping."""

from __future__ import annotations

import itertools
import random
import re
from html.parser import HTMLParser

import pytest

from bench.synthetic import write_corpus
from components.data import load_dataset
from components.source.frames import (
    article_part,
    article_view,
    escape_markdown,
    record_card_markdown,
    scroll_script,
)
from components.source.markup import (
    ANCHOR_PREFIX,
    LEGEND_SPEAKERS_SHOWN,
    LegendEntry,
    Span,
    article_html,
    event_spans,
    legend_entries,
    legend_html,
    mention_spans,
    segments,
    speaker_colours,
    statement_spans,
)
from tests.conftest import DATA_DIR
from tests.hostile import HOSTILE_ACTOR_NAME, HOSTILE_STATEMENT_ID, write_hostile_data

# The tags article_html may write; anything else in its output came from the data.
ALLOWED_TAGS = {"div", "span", "mark"}


class MarkupReader(HTMLParser):
    """Reads article_html output back: the text, and which offsets each record's marks cover."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text = ""
        self.tags: list[str] = []
        self.covered: dict[tuple[str, str], set[int]] = {}
        self.anchors: dict[str, int] = {}
        self.titles: list[str] = []
        self._open: list[dict[str, str]] = []

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        self.tags.append(tag)
        if "title" in attributes:
            self.titles.append(attributes["title"])
        if "id" in attributes:
            self.anchors[attributes["id"]] = len(self.text)
        self._open.append(attributes)

    def handle_endtag(self, tag):
        self._open.pop()

    def handle_data(self, data):
        if any("src-furniture-label" in attrs.get("class", "") for attrs in self._open):
            return
        offsets = range(len(self.text), len(self.text) + len(data))
        for attrs in self._open:
            for layer in ("statement", "event", "mention"):
                for record_id in attrs.get(f"data-{layer}-ids", "").split():
                    self.covered.setdefault((layer, record_id), set()).update(offsets)
        self.text += data


def read_markup(markup: str) -> MarkupReader:
    reader = MarkupReader()
    reader.feed(markup)
    reader.close()
    return reader


@pytest.fixture(scope="module")
def article(dataset):
    return dataset.articles.iloc[0]


@pytest.fixture(scope="module")
def full_markup(dataset, article):
    spans = [
        *statement_spans(dataset),
        *event_spans(dataset),
        *mention_spans(dataset),
    ]
    return read_markup(article_html(article["text"], spans, int(article["body_end_char"])))


def test_markup_reads_back_as_the_article_text(full_markup, article):
    """Cutting the text into marks loses and adds no character."""
    assert full_markup.text == article["text"]


def test_every_statement_span_is_marked_exactly(full_markup, dataset):
    """Each statement's marks cover exactly [start_char, end_char), overlaps included."""
    for row in dataset.statements.itertuples(index=False):
        covered = full_markup.covered[("statement", row.statement_id)]
        assert covered == set(range(row.start_char, row.end_char)), row.statement_id


def test_every_event_span_is_marked_exactly(full_markup, dataset):
    for row in dataset.events.itertuples(index=False):
        covered = full_markup.covered[("event", row.event_id)]
        assert covered == set(range(row.start_char, row.end_char)), row.event_id


def test_mentions_are_marked_where_the_text_names_them(full_markup, dataset):
    """The marks of one entity cover exactly the union of its mentions' spans."""
    expected: dict[tuple[str, str], set[int]] = {}
    for row in dataset.mentions.itertuples(index=False):
        key = ("mention", f"{row.entity_type}:{row.entity_id}")
        expected.setdefault(key, set()).update(range(row.start_char, row.end_char))
    marked = {key: value for key, value in full_markup.covered.items() if key[0] == "mention"}
    assert marked == expected


def test_each_statement_and_event_has_one_anchor_at_its_start(full_markup, dataset):
    """A deep link scrolls to id="statement-<id>", placed where the record starts."""
    for layer, frame in (("statement", dataset.statements), ("event", dataset.events)):
        for record_id, start in zip(frame[f"{layer}_id"], frame["start_char"], strict=True):
            assert full_markup.anchors[f"{ANCHOR_PREFIX[layer]}{record_id}"] == start


def test_statements_sharing_a_span_share_one_striped_mark(dataset, article):
    """s08 and s09 quote the same words: one mark carries both ids and both colours."""
    shared = dataset.statements.groupby(["start_char", "end_char"])["statement_id"].apply(list)
    pair = next(ids for ids in shared if len(ids) > 1)
    markup = article_html(article["text"], statement_spans(dataset), int(article["body_end_char"]))
    mark = re.search(rf'<mark [^>]*data-statement-ids="{" ".join(pair)}"[^>]*>', markup)
    assert mark is not None
    assert "repeating-linear-gradient" in mark.group(0)


def test_text_after_the_body_is_labelled_page_furniture(dataset, article):
    markup = article_html(article["text"], [], int(article["body_end_char"]))
    body, furniture = markup.split('<div class="src-furniture">')
    assert "Not part of the report" in furniture
    assert read_markup(body).text == article["text"][: article["body_end_char"]]


def test_filter_dims_statements_outside_it(dataset, article):
    active = set(dataset.statements["statement_id"].head(3))
    spans = statement_spans(dataset, active_ids=active)
    assert {span.record_id for span in spans if not span.is_dimmed} == active
    markup = article_html(article["text"], spans)
    dimmed_marks = re.findall(
        r'class="src-statement src-dimmed" data-statement-ids="([^"]+)"', markup
    )
    assert {sid for ids in dimmed_marks for sid in ids.split()}.isdisjoint(active)


def test_selected_statement_is_outlined(dataset, article):
    spans = statement_spans(dataset, selected_id="s05")
    markup = article_html(article["text"], spans)
    assert re.search(r'class="src-statement src-selected" data-statement-ids="s05"', markup)


def test_hostile_text_and_titles_are_escaped():
    """Tags, entities and quotes in the data come out as text, never as markup."""
    text = 'He said "<script>alert(1)</script>" & <img src=x onerror=alert(2)> left.'
    hostile_title = '"><script>alert(3)</script>'
    spans = [
        Span("statement", "s1", 8, 40, hostile_title, colour="#EE8866"),
        Span("mention", "actor:x", 9, 17, "<b>name</b>"),
    ]
    reader = read_markup(article_html(text, spans))
    assert set(reader.tags) <= ALLOWED_TAGS
    assert reader.text == text
    assert hostile_title in reader.titles
    assert "<b>name</b>" in reader.titles


def test_legend_names_each_speaker_once(dataset):
    named = [name for entry in legend_entries(dataset) for name in entry.speaker_names]
    speakers = dataset.statements["speaker_actor_id"].unique()
    names = dataset.actors.set_index("actor_id").loc[speakers, "actor_name"]
    assert sorted(named) == sorted(names)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("**bold** _it_ `code`", id="emphasis"),
        pytest.param("[link](javascript:alert(1))", id="link"),
        pytest.param("<script>alert(1)</script>", id="tag"),
        pytest.param("# heading\n- item", id="block"),
    ],
)
def test_escape_markdown_escapes_every_special(text):
    """Once escaped specials are removed, only letters, digits, spaces and "/" remain."""
    unescaped_rest = re.sub(r"\\.", "", escape_markdown(text))
    assert re.fullmatch(r"[\w\s/]*", unescaped_rest)


def test_escape_markdown_backslashes_each_special_and_keeps_the_rest():
    """Every special gets one backslash before it (a backslash too); every other character,
    accents, arrows, newlines, is kept as it is."""
    specials = "\\`*_{}[]()<>#+-.!|~$:"
    text = "Ça va → " + specials + " fin\n\t«ok»"
    expected = "Ça va → " + "".join("\\" + char for char in specials) + " fin\n\t«ok»"
    assert escape_markdown(text) == expected
    assert escape_markdown("") == ""


def test_record_card_escapes_data_text(tmp_path):
    """The side panel's Markdown holds the data text escaped."""
    hostile = load_dataset(write_hostile_data(tmp_path / "data"))
    card = record_card_markdown(hostile, "statement", HOSTILE_STATEMENT_ID)
    assert escape_markdown(HOSTILE_ACTOR_NAME) in card
    assert "<script>" not in card
    assert "**bold**" not in card


def test_scroll_script_takes_only_anchor_ids():
    assert '"statement-s05"' in scroll_script("statement-s05")
    with pytest.raises(ValueError, match="not an anchor id"):
        scroll_script('statement-s05"); alert(1); ("')


def test_segments_agree_with_their_definition():
    """The one-pass sweep gives each stretch exactly the spans that cover it, in input order."""
    rng = random.Random(7)
    length = 200
    spans = []
    for number in range(60):
        start = rng.randrange(-5, length)
        spans.append(Span("mention", f"m{number}", start, start + rng.randrange(0, 40), ""))
    parts = segments(length, spans)
    assert [(part.start_char, part.end_char) for part in parts] == list(
        itertools.pairwise([part.start_char for part in parts] + [length])
    )
    for part in parts:
        covering = tuple(
            span
            for span in spans
            if span.start_char <= part.start_char and part.end_char <= span.end_char
        )
        assert part.spans == covering


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A synthetic data folder of three small articles (bench.synthetic)."""
    folder = tmp_path_factory.mktemp("corpus") / "data"
    write_corpus(folder, 3, statements_per_article=12, events_per_article=3)
    return load_dataset(folder)


def test_article_view_marks_only_its_own_article(corpus):
    """With several articles, the view holds one article's text and only its records."""
    article = corpus.articles.iloc[1]
    view = article_view(corpus, None, article["article_id"], show_events=True)
    body = view.article_markup.split('<div class="src-furniture">')[0]
    assert read_markup(body).text == article["text"][: article["body_end_char"]]
    own = corpus.statements["article_id"] == article["article_id"]
    for statement_id in corpus.statements.loc[own, "statement_id"]:
        assert f'id="statement-{statement_id}"' in body
    for statement_id in corpus.statements.loc[~own, "statement_id"]:
        assert f'id="statement-{statement_id}"' not in body


def test_a_side_keeps_its_colour_in_every_article(corpus):
    colours = speaker_colours(corpus)
    for article_id in corpus.articles["article_id"]:
        part = article_part(corpus, article_id)
        speakers = part.statements["speaker_actor_id"]
        entries = legend_entries(part, colours)
        assert {entry.colour for entry in entries} == {colours[s] for s in speakers}


def test_legend_names_a_few_speakers_per_side_and_counts_the_rest():
    entry = LegendEntry("#EE8866", "Side", tuple(f"Speaker {n}" for n in range(9)))
    markup = legend_html([entry])
    visible = re.sub(r"<[^>]+>", "", markup)
    assert f"Speaker {LEGEND_SPEAKERS_SHOWN - 1} and {9 - LEGEND_SPEAKERS_SHOWN} more" in visible
    assert "Speaker 8" not in visible
    assert "Speaker 8" in markup  # in the tooltip


def test_a_translation_names_no_language_the_data_does_not_give():
    """The byline says "translated"; which language, the translation note says (ArmInfo's
    text is a translation from Russian, not from French)."""
    real = load_dataset(DATA_DIR)
    article_id = "arminfo-2021-05-31-makunts"
    view = article_view(real, None, article_id)
    assert view.byline.endswith(" · translated")
    assert "French" not in view.byline
    note = real.articles.set_index("article_id").loc[article_id, "translation_note"]
    assert "Russian" in note
