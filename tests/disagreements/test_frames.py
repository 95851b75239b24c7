"""The Disagreements frames: values made comparable, what disagrees, the strips, the
contradictions with their outlets. Hand-made cases, then the corpus."""

import pandas as pd
import pytest

from components.app.contradictions import contradiction_pairs
from components.disagreements.figures import figure_marks, spread_figure
from components.disagreements.frames import (
    claims_table,
    contradictions_across,
    disagreements,
    disagreements_view,
    spread_events,
    strip_claims,
)
from components.disagreements.numbers import normalised_unit, parse_number


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("500", (500.0, 500.0), id="one number"),
        pytest.param("3.5", (3.5, 3.5), id="decimal"),
        pytest.param("500-600", (500.0, 600.0), id="range"),
        pytest.param("600–500", (500.0, 600.0), id="range written high first, en dash"),
        pytest.param("2,895", (2895.0, 2895.0), id="thousands comma"),
        pytest.param("about 40", None, id="words"),
    ],
)
def test_parse_number(value, expected):
    assert parse_number(value) == expected


def test_metres_become_kilometres_and_weeks_days():
    assert normalised_unit("m") == ("km", 0.001)
    assert normalised_unit("weeks") == ("days", 7.0)
    assert normalised_unit("soldiers") == ("soldiers", 1.0)
    assert normalised_unit(None) == (None, 1.0)


def claims_frame(rows):
    """Claims as claims_table gives them, from (event, aspect, kind, key, label, side)."""
    return pd.DataFrame(
        [
            {
                "claim_id": f"c{i}",
                "story_id": f"a{i}",
                "event_id": event,
                "event_title": event.upper(),
                "aspect": aspect,
                "aspect_label": aspect.capitalize(),
                "value_kind": kind,
                "value_key": key,
                "value_label": label,
                "side": side,
                "published_date": pd.Timestamp("2021-05-27"),
            }
            for i, (event, aspect, kind, key, label, side) in enumerate(rows)
        ]
    )


def test_only_aspects_with_two_values_disagree_and_sides_are_said():
    claims = claims_frame(
        [
            ("ev", "place", "place", "gegharkunik", "Gegharkunik", "armenia"),
            ("ev", "place", "place", "gegharkunik", "Gegharkunik", "armenia"),
            ("ev", "place", "place", "kalbajar", "Kalbajar", "azerbaijan"),
            ("ev", "captured", "number", "6 servicemen", "6 servicemen", "armenia"),
            ("ev", "captured", "number", "6 servicemen", "6 servicemen", "azerbaijan"),
            ("other", "date", "date", "2021-05-13", "13 May 2021", "armenia"),
            ("other", "date", "date", "2021-05-14", "14 May 2021", "armenia"),
        ]
    )
    found = disagreements(claims).set_index(["event_id", "aspect"])
    assert list(found.index) == [("ev", "place"), ("other", "date")]
    place = found.loc[("ev", "place")]
    assert place["positions"] == (("Gegharkunik", "Armenian 2"), ("Kalbajar", "Azerbaijani 1"))
    assert place["sides"] == ("armenia", "azerbaijan")
    assert place["is_across_sides"]
    # Two Armenian outlets that differ: a disagreement, but not between sides.
    assert not found.loc[("other", "date"), "is_across_sides"]


def test_a_month_agrees_with_a_day_of_it_and_not_with_another_month():
    """ "Since August" (a month) and "12 August" do not disagree; "12 August" and "14
    August" do, whatever a third report says of the month; another month disagrees."""
    august = ("ev", "date", "date", "2021-08", "August 2021", "armenia")
    twelfth = ("ev", "date", "date", "2021-08-12", "12 August 2021", "azerbaijan")
    assert disagreements(claims_frame([august, twelfth])).empty
    fourteenth = ("ev", "date", "date", "2021-08-14", "14 August 2021", "azerbaijan")
    found = disagreements(claims_frame([august, twelfth, fourteenth]))
    assert found["positions"].tolist() == [
        (("August 2021", "Armenian 1"), ("12 August 2021", "Azerbaijani 1"),
         ("14 August 2021", "Azerbaijani 1")),
    ]  # fmt: skip
    # The sides' sets differ only at the month's precision: Armenian August, Azerbaijani
    # two days of it. The two days disagree among Azerbaijani outlets, not across sides.
    assert not found["is_across_sides"].iloc[0]
    september = ("ev", "date", "date", "2021-09-12", "12 September 2021", "azerbaijan")
    found = disagreements(claims_frame([august, september]))
    assert found["summary"].tolist() == [
        "August 2021 (Armenian 1); 12 September 2021 (Azerbaijani 1)"
    ]
    assert found["is_across_sides"].tolist() == [True]


def test_a_claimed_month_stays_a_month(corpus):
    """Public Radio of Armenia's "since August" (11 November, Pashinyan) for the duty on
    Iranian vehicles was 1 August; it is August 2021, from the 1st to the 31st, and still
    disagrees with Azeri Daily's "From September 12" (another month)."""
    claims = claims_table(corpus)
    duty = claims.loc[
        (claims["event_id"] == "ev-iranian-vehicle-duty") & (claims["aspect"] == "date")
    ].set_index("article_id")
    month = duty.loc["armradio-2021-11-11-customs-checkpoint"]
    assert (month["value_label"], month["value_key"], month["date_precision"]) == (
        "August 2021",
        "2021-08",
        "month",
    )
    assert (month["day"], month["last_day"]) == (
        pd.Timestamp("2021-08-01"),
        pd.Timestamp("2021-08-31"),
    )
    day = duty.loc["azeridaily-2021-09-14-iranian-buses"]
    assert (day["value_label"], day["date_precision"], day["day"], day["last_day"]) == (
        "12 September 2021",
        "day",
        pd.Timestamp("2021-09-12"),
        pd.Timestamp("2021-09-12"),
    )
    found = disagreements_view(corpus).found.set_index(["event_id", "aspect"])
    assert found.loc[("ev-iranian-vehicle-duty", "date"), "summary"] == (
        "August 2021 (Armenian 1); 12 September 2021 (Azerbaijani 1)"
    )


def test_claims_of_the_corpus_are_comparable(corpus):
    claims = claims_table(corpus).set_index("claim_id")
    depth = claims.loc[claims["aspect"] == "advance_depth"]
    # Metres are kilometres now: Armudlu's 400 m is 0.4 km beside Sev Lich's 3.5 km; "a few"
    # kilometres (Mirror-Spectator, 29 July) is no number and keeps its words.
    assert set(depth["value_label"]) == {
        "3.5 km", "3 km", "0.4 km", "0.5 km", "0.3–0.4 km", "a few km",
    }  # fmt: skip
    few = depth.loc[depth["value_label"] == "a few km"]
    assert few["low"].isna().all()
    assert set(few["event_id"]) == {"ev-sev-lich-advance", "ev-gegharkunik-advance"}
    troops = claims.loc[(claims["aspect"] == "troops") & (claims["value"] == "500-600")].iloc[0]
    assert (troops["low"], troops["high"]) == (500, 600)
    place = claims.loc[(claims["aspect"] == "place") & (claims["value"] == "verin_shorzha")]
    assert set(place["value_label"]) == {"Verin Shorzha"}
    assert claims["outlet"].notna().all()
    assert claims["side"].notna().all()


def test_the_capture_place_divides_armenian_and_azerbaijani_outlets(corpus):
    view = disagreements_view(corpus)
    found = view.found.set_index(["event_id", "aspect"])
    capture = found.loc[("ev-capture-six", "place")]
    positions = dict(capture["positions"])
    # Counted from the articles' events.yaml on 279 articles (as on 246: none of the 33 new
    # claims the capture's place): Gegharkunik in 6 Armenian and 3 Russian reports (the 6th
    # Armenian: Armenpress's of 27 May, new on 246), Kalbajar in 2 Azerbaijani and 1 Western.
    # Round 16 (315 articles): Russian 3 -> 4, armenianclub.com's copy of Caucasian Knot of
    # 27 May (Gegharkunik, and Yukhari Ayrim, Azerbaijan's version).
    assert positions["Gegharkunik province"].startswith("Armenian 6 · Russian 4")
    assert positions["Kalbajar (Kəlbəcər) district"].startswith("Azerbaijani 2")
    assert capture["is_across_sides"]
    # Every report agrees on six captured: no disagreement there.
    assert ("ev-capture-six", "captured") not in found.index
    assert any("Place of “Six Armenian servicemen" in line for line in view.measured)
    assert list(view.choices)[0] == "place"


def test_strip_marks_every_claim_once_coloured_by_side(corpus):
    view = disagreements_view(corpus)
    events = spread_events(view.claims, view.found, "place", only_disagreeing=True)
    strip = strip_claims(view.claims, "place", events)
    expected = view.claims.loc[
        (view.claims["aspect"] == "place") & view.claims["event_id"].isin(events), "claim_id"
    ]
    assert sorted(strip["claim_id"]) == sorted(expected)
    assert strip["row"].between(0, len(events) - 1).all()
    titles = view.claims.drop_duplicates("event_id").set_index("event_id")["event_title"]
    figure = spread_figure(strip, "place", [titles[e] for e in events])
    assert sorted(figure_marks(figure)) == sorted(expected)
    legend = {trace.name for trace in figure.data if trace.showlegend}
    assert {"Armenian", "Azerbaijani"} <= legend


def test_a_range_is_drawn_as_a_bar(corpus):
    view = disagreements_view(corpus)
    strip = strip_claims(view.claims, "troops", ["ev-azerbaijani-troops-remain"])
    figure = spread_figure(strip, "number", ["Troops remain"])
    bars = [trace for trace in figure.data if trace.mode == "lines"]
    # Two reports claim "500-600" (recounted from the articles' events.yaml): Caucasian Knot
    # of 21 May and, new in round 16, Public Radio of Armenia of 20 May (Pashinyan, "about
    # 500-600 Azerbaijani servicemen"); the two of 250 are marks without a bar.
    assert [list(bar.x) for bar in bars] == [[500.0, 600.0, None], [500.0, 600.0, None]]


def test_hover_text_is_escaped():
    strip = claims_frame([("ev", "cause", "text", "x", "<b>x</b>", "armenia")]).assign(
        quote="<script>", outlet="A & B", side_label="Armenian", by_actor_name=None,
        row=0, side_rank=0, claim_id="c0",
    )  # fmt: skip
    hover = spread_figure(strip, "text", ["EV"]).data[0].hovertext[0]
    assert "&lt;script&gt;" in hover
    assert "A &amp; B" in hover
    assert "<script>" not in hover


def test_contradictions_name_the_outlets_of_each_utterance(corpus):
    pairs = contradictions_across(contradiction_pairs(corpus), corpus).set_index("statement_id")
    assert len(pairs) == len(contradiction_pairs(corpus))
    across = pairs.loc[pairs["article_count"] > 1]
    assert not across.empty
    row = across.iloc[0]
    assert (
        row["outlet"] in row["reporters"]
        or row["contradicted_outlet"] in (row["contradicted_reporters"])
    )
    assert pairs["side_label"].notna().all()


def test_the_first_contradiction_quotes_the_ministry_not_the_outlet(corpus):
    """The page's first pair: the Armenian ministry's denial (1lurer.am, 28 May) of the
    Azerbaijani ministry's claim, which was quoted as "The Azerbaijani defense ministry’s
    fake news claimed that ...": the outlet's words, not the ministry's. Its quote is now the
    claim the outlet reports."""
    pairs = contradictions_across(contradiction_pairs(corpus), corpus)
    first = pairs.iloc[0]
    assert (first["statement_id"], first["contradicted_statement_id"]) == (
        "lur0528-s01",
        "lur0528-s05",
    )
    assert first["contradicted_speaker_name"] == "Ministry of Defence of Azerbaijan"
    assert (
        first["contradicted_quote"]
        == "claimed that one of their soldiers was wounded in Nakhijevan"
    )
    # No statement of the Azerbaijani ministry calls its own words fake news.
    statements = corpus.statements
    own = statements.loc[statements["speaker_actor_id"] == "azerbaijani_defence_ministry"]
    assert not own["quote"].str.contains("fake news").any()


def test_the_seed_has_no_claim_to_compare(dataset):
    view = disagreements_view(dataset)
    assert view.found.empty


def test_one_report_naming_two_values_is_no_disagreement(corpus):
    """A disagreement needs two reports (stories: copies of one wire story are one report)
    whose claims differ: one article naming two places (e10: "handed the districts" of
    Lachin and Kalbajar) is not one, nor are three reports that each claim the same two
    causes (the Lachin detention, from the Azerbaijani ministry); a fourth report giving
    other causes (Zartonk: the Armenian ministry's "lost his path ... due to the fog") is."""
    view = disagreements_view(corpus)
    claims = view.claims
    e10 = claims.loc[(claims["event_id"] == "e10") & (claims["aspect"] == "place")]
    assert e10["value_key"].nunique() == 2
    assert e10["article_id"].nunique() == 1
    found = view.found.set_index(["event_id", "aspect"])
    assert ("e10", "place") not in found.index
    lachin = claims.loc[
        (claims["event_id"] == "ev-lachin-detention-0608") & (claims["aspect"] == "cause")
    ]
    alike = lachin.loc[lachin["article_id"] != "zartonk-2021-06-08-lachin-capture"]
    assert alike["story_id"].nunique() == 3
    assert alike.groupby("story_id")["value_key"].agg(frozenset).nunique() == 1
    assert len(alike) == 6, "each of the three names two causes"
    assert disagreements(alike).empty
    assert not disagreements(lachin).empty
    assert ("ev-lachin-detention-0608", "cause") in found.index
    for event_id, aspect in found.index:
        group = claims.loc[(claims["event_id"] == event_id) & (claims["aspect"] == aspect)]
        told = group.groupby("story_id")["value_key"].agg(frozenset)
        assert len(told) >= 2, (event_id, aspect)
        assert told.nunique() >= 2, (event_id, aspect)
    # The choices count only events that two reports make a claim on.
    place = claims.loc[claims["aspect"] == "place"].groupby("event_id")["story_id"].nunique()
    compared = int((place >= 2).sum())
    disagreeing = int((view.found["aspect"] == "place").sum())
    assert view.choices["place"] == f"Place ({disagreeing} of {compared} events disagree)"
    events = spread_events(claims, view.found, "place", only_disagreeing=False)
    assert sorted(events) == sorted(place.index[place >= 2])
