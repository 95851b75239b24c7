"""The evaluator's confidence bands: every drafted statement of a real article is counted
once, in the band of its confidence, with the outcome the speaker score gives it."""

from collections import Counter

from components.extract import calibration
from components.extract.evaluate import score_article


def test_band_edges_follow_the_drafts_confidences():
    assert calibration.band(0.9) == calibration.BANDS[0][0]
    assert calibration.band(0.75) == calibration.BANDS[0][0]
    assert calibration.band(0.74) == calibration.BANDS[1][0]
    assert calibration.band(0.4) == calibration.BANDS[2][0]


def test_every_drafted_statement_of_the_seed_is_counted_once(gold_corpus):
    seed = next(a for a in gold_corpus.articles if a.article_id == "france24-2021-05-14-lake-sev")
    score = score_article(gold_corpus, seed)
    assert sum(score.bands.values()) == score.predicted
    kept = sum(n for (_, result), n in score.bands.items() if result != calibration.NARRATION)
    assert kept == score.precise
    right = sum(n for (_, result), n in score.bands.items() if result == calibration.RIGHT)
    assert 0 < right <= kept


def test_the_table_gives_each_band_its_share_of_right_speakers():
    counts = Counter(
        {
            ("high (0.75 or more)", calibration.RIGHT): 9,
            ("high (0.75 or more)", calibration.WRONG): 1,
            ("low (under 0.5)", calibration.NARRATION): 4,
        }
    )
    table = calibration.bands_table({"held out": counts}, "t")
    assert "| high (0.75 or more) | 10: 100% kept, 90% right (9/10) |" in table
    assert "| medium (0.5 to 0.75) | 0 |" in table
    assert "| low (under 0.5) | 4: 0% kept, n/a |" in table
