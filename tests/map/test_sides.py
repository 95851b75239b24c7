"""The Map's places with their reports by side, and the sector presets."""

from components.map.sides import reports_by_side, sector_center, side_lines


def test_vardenis_counts_its_reports_by_side(corpus):
    by_side = reports_by_side(corpus).set_index(["location_id", "side"])
    vardenis = by_side.loc[("vardenis", "armenia")]
    statements = corpus.statements.merge(corpus.articles[["article_id", "side"]])
    expected = (statements["location_id"] == "vardenis") & (statements["side"] == "armenia")
    assert vardenis["statements"] == expected.sum()
    assert vardenis["claims"] > 0
    lines = side_lines(reports_by_side(corpus))
    assert lines["vardenis"][0].startswith("Armenian: ")


def test_every_new_place_of_the_corpus_has_reports(corpus):
    places = set(reports_by_side(corpus)["location_id"])
    assert {"vardenis", "verin_shorzha", "sotk", "kut", "sisian", "kalbajar"} <= places


def test_sectors_open_on_their_places(corpus, dataset):
    lat, lon = sector_center(corpus.locations, "gegharkunik")
    assert 40.0 < lat < 40.3
    assert 45.7 < lon < 46.0
    south = sector_center(corpus.locations, "syunik")
    assert south[0] < lat
    # Yeraskh and Sadarak, on the Nakhchivan border, are west of both.
    west = sector_center(corpus.locations, "nakhchivan")
    assert 39.6 < west[0] < 39.8
    assert 44.7 < west[1] < 45.0
    assert west[1] < min(lon, south[1])
    # The seed names no Gegharkunik place: the map opens on the crisis site.
    assert sector_center(dataset.locations, "gegharkunik") is None
    assert sector_center(dataset.locations, "nakhchivan") is None
