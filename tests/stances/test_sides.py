"""The Stances matrix by the side of the reporting outlet."""

from components.stances.frames import stance_cells
from components.stances.sides import ALL_SIDES, reported_by, side_choices
from tests.corpus_files import article_count


def test_one_side_keeps_only_its_outlets_statements(corpus):
    armenian = reported_by(corpus, "armenia")
    sides = corpus.articles.set_index("article_id")["side"]
    assert set(armenian.statements["article_id"].map(sides)) == {"armenia"}
    assert set(armenian.stances["statement_id"]) <= set(armenian.statements["statement_id"])
    assert reported_by(corpus, ALL_SIDES) is corpus


def test_azerbaijani_and_armenian_outlets_report_different_stances(corpus):
    cells = {
        side: stance_cells(reported_by(corpus, side).stances, corpus.actors, "actor")
        for side in ("armenia", "azerbaijan")
    }
    assert set(cells["azerbaijan"]["actor_id"]) != set(cells["armenia"]["actor_id"])
    assert cells["azerbaijan"]["statement_count"].sum() < cells["armenia"]["statement_count"].sum()


def test_side_choices_count_articles_in_the_pages_order(corpus):
    choices = side_choices(corpus.articles)
    assert list(choices)[:2] == ["armenia", "azerbaijan"]
    assert choices["armenia"] == f"Armenian ({article_count('armenia')} articles)"
