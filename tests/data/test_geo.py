"""Tests of components.map.geo: reading data/geo, per-place counts, seats, distances, GeoJSON."""

import json

import pandas as pd
import pytest

from components.app.filters import filter_dataset, with_descendants
from components.app.places import geo_dir, place_activity, places_geojson
from components.map.geo import (
    LAYER_FILES,
    MENTIONED_PLACES_CENTRE,
    PREFERRED_CRISIS_LOCATION_ID,
    GeoDataError,
    clicked_location_id,
    context_places,
    crisis_site,
    great_circle,
    haversine_km,
    label_point,
    load_geo_layers,
    outline_lines,
    seat_activity,
    statements_about,
    statements_from_seat,
    tied_location_ids,
    unseated_speakers,
)


@pytest.fixture(scope="module")
def ds(dataset):
    return dataset


@pytest.fixture(scope="module")
def layers(ds):
    return load_geo_layers(geo_dir(ds))


def _inside(lon: float, lat: float, ring: list) -> bool:
    """Ray casting: is the point inside the ring (a test helper, not used by the app)."""
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def _in_feature(lon: float, lat: float, feature: dict) -> bool:
    geometry = feature["geometry"]
    polygons = (
        [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    )
    return any(
        _inside(lon, lat, polygon[0]) and not any(_inside(lon, lat, h) for h in polygon[1:])
        for polygon in polygons
    )


# --- tiny hand-made frames ---------------------------------------------------------------


def _locations(**overrides) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "location_id": ["lake", "capital", "far"],
            "location_name": ["Lake", "Capital", "Far"],
            "location_type": ["lake", "national capital", "national capital"],
            "lat": [39.6, 40.2, 55.8],
            "lon": [46.2, 44.5, 37.6],
            "geo_precision": ["centre"] * 3,
            "coord_source": ["src"] * 3,
            "border_note": ["note", None, None],
            "mention_count": [2, 0, 0],
        }
    )
    return frame.assign(**overrides)


def test_place_activity_counts_statements_and_events_per_place():
    statements = pd.DataFrame({"location_id": ["lake", "lake", None, "capital"]})
    events = pd.DataFrame({"location_id": ["lake", None]})
    activity = place_activity(_locations(), statements, events).set_index("location_id")
    assert activity["statement_count"].to_dict() == {"lake": 2, "capital": 1, "far": 0}
    assert activity["event_count"].to_dict() == {"lake": 1, "capital": 0, "far": 0}
    # Named in the text, or something is about it: both make an article place.
    assert activity["is_article_place"].to_dict() == {"lake": True, "capital": True, "far": False}


def test_seat_activity_counts_statements_by_the_speakers_seat():
    actors = pd.DataFrame(
        {
            "actor_id": ["state", "minister", "group"],
            "actor_name": ["State", "Minister", "Group"],
            "seat_location_id": ["capital", "capital", None],
        }
    )
    statements = pd.DataFrame({"speaker_actor_id": ["state", "minister", "minister", "group"]})
    seats = seat_activity(actors, statements, _locations())
    assert seats["location_id"].tolist() == ["capital"]
    assert seats.loc[0, "statement_count"] == 3
    assert seats.loc[0, "actor_count"] == 2
    assert seats.loc[0, "actor_names"] == "Minister, State"
    unseated = unseated_speakers(actors, statements)
    assert unseated[["actor_id", "statement_count"]].to_dict("records") == [
        {"actor_id": "group", "statement_count": 1}
    ]


def test_haversine_one_degree_of_latitude():
    assert haversine_km(0, 0, 1, 0) == pytest.approx(111.19, abs=0.01)


def test_great_circle_runs_between_its_ends():
    lats, lons = great_circle(38.9, -77.0, 39.6, 46.2, steps=10)
    assert (lats[0], lons[0]) == pytest.approx((38.9, -77.0))
    assert (lats[-1], lons[-1]) == pytest.approx((39.6, 46.2))
    # A great circle between two mid-latitude points bulges towards the pole.
    assert max(lats) > 50


def test_outline_drops_the_edge_two_polygons_share():
    left = [[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]]
    right = [[1, 0], [1, 1], [2, 1], [2, 0], [1, 0]]
    collection = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {},
                "geometry": {"type": "Polygon", "coordinates": [ring]},
            }
            for ring in (left, right)
        ],
    }
    lats, lons = outline_lines(collection)
    points = {(lon, lat) for lon, lat in zip(lons, lats, strict=True) if lon is not None}
    segments = set()
    points_in_order = list(zip(lons, lats, strict=True))
    for (x1, y1), (x2, y2) in zip(points_in_order, points_in_order[1:], strict=False):
        if None not in (x1, x2):
            segments.add(frozenset([(x1, y1), (x2, y2)]))
    assert frozenset([(1, 0), (1, 1)]) not in segments
    assert len(segments) == 6
    assert points == {(0, 0), (0, 1), (1, 1), (2, 1), (2, 0), (1, 0)}


def test_label_point_is_the_area_centroid():
    square = {"type": "Polygon", "coordinates": [[[0, 0], [0, 2], [4, 2], [4, 0], [0, 0]]]}
    assert label_point(square) == pytest.approx((1.0, 2.0))


@pytest.mark.parametrize(
    ("points", "expected"),
    [
        pytest.param([], None, id="nothing clicked"),
        pytest.param([{"customdata": ["sev_lich"]}], "sev_lich", id="customdata list"),
        pytest.param([{"customdata": "baku"}], "baku", id="customdata string"),
        pytest.param([{"customdata": [None]}, {"customdata": ["goris"]}], "goris", id="town first"),
        pytest.param([{"lat": 1}], None, id="no customdata"),
    ],
)
def test_clicked_location_id(points, expected):
    assert clicked_location_id(points) == expected


def test_missing_layer_is_named(tmp_path):
    with pytest.raises(GeoDataError, match=LAYER_FILES["countries"]):
        load_geo_layers(tmp_path)


def test_broken_layer_is_named(tmp_path, ds):
    for file in geo_dir(ds).iterdir():
        (tmp_path / file.name).write_bytes(file.read_bytes())
    (tmp_path / LAYER_FILES["lakes"]).write_text("{not json")
    with pytest.raises(GeoDataError, match=f"{LAYER_FILES['lakes']}: not readable as JSON"):
        load_geo_layers(tmp_path)


# --- the real data -----------------------------------------------------------------------


def test_real_layers_hold_what_sources_md_lists(layers):
    assert {f["properties"]["iso3"] for f in layers.countries["features"]} >= {"ARM", "AZE"}
    assert "Lake Sevan" in {f["properties"]["name"] for f in layers.lakes["features"]}
    assert len(layers.armenia_geoboundaries["features"]) == 11
    assert {"goris", "vardenis", "jermuk", "lachin", "kalbajar"} <= set(
        layers.places["location_id"]
    )


def test_the_two_border_sources_disagree_about_the_lake(ds, layers):
    """Natural Earth puts Sev Lich in Azerbaijan, geoBoundaries in Armenia (SOURCES.md)."""
    lake = crisis_site(ds.locations, ds.statements, ds.events)
    azerbaijan = next(f for f in layers.countries["features"] if f["properties"]["iso3"] == "AZE")
    assert _in_feature(lake["lon"], lake["lat"], azerbaijan)
    assert any(
        _in_feature(lake["lon"], lake["lat"], f) for f in layers.armenia_geoboundaries["features"]
    )


def test_sev_lich_to_goris_is_about_13_km(ds, layers):
    lake = crisis_site(ds.locations, ds.statements, ds.events)
    goris = layers.places.set_index("location_id").loc["goris"]
    assert 13 <= haversine_km(lake["lat"], lake["lon"], goris["lat"], goris["lon"]) <= 14


def test_context_places_are_border_area_towns_the_dataset_lacks(ds, layers):
    towns = context_places(layers.places, ds.locations)
    ids = set(towns["location_id"])
    assert {"goris", "vardenis", "jermuk", "lachin", "kalbajar", "stepanakert_khankendi"} <= ids
    assert "lake_sevan" in ids
    assert not ids & set(ds.locations["location_id"])
    assert "moscow" not in ids


def test_real_place_activity_matches_the_records(ds):
    activity = place_activity(ds.locations, ds.statements, ds.events).set_index("location_id")
    for location_id, row in activity.iterrows():
        assert row["statement_count"] == (ds.statements["location_id"] == location_id).sum()
        assert row["event_count"] == (ds.events["location_id"] == location_id).sum()
    assert activity.loc[PREFERRED_CRISIS_LOCATION_ID, "is_article_place"]


def test_seats_count_every_seated_speakers_statement(ds):
    seats = seat_activity(ds.actors, ds.statements, ds.locations)
    unseated = unseated_speakers(ds.actors, ds.statements)
    assert seats["statement_count"].sum() + unseated["statement_count"].sum() == len(ds.statements)
    for row in seats.itertuples():
        assert len(statements_from_seat(ds, row.location_id)) == row.statement_count


def test_places_tied_to_a_filter(ds):
    scope = with_descendants(ds.actors, ["united_states"])
    filtered = filter_dataset(ds, ["united_states"])
    tied = tied_location_ids(filtered, scope)
    assert "washington_dc" in tied
    assert set(statements_about(filtered, PREFERRED_CRISIS_LOCATION_ID)["statement_id"])
    assert PREFERRED_CRISIS_LOCATION_ID in tied
    assert "moscow" not in tied
    assert tied_location_ids(ds, set()) == set()


def test_places_geojson_round_trips_coordinates_and_counts(ds):
    activity = place_activity(ds.locations, ds.statements, ds.events)
    collection = json.loads(json.dumps(places_geojson(activity, ["armenia"])))
    assert collection["type"] == "FeatureCollection"
    assert collection["counts_for_actors"] == ["armenia"]
    by_id = {f["properties"]["location_id"]: f for f in collection["features"]}
    assert set(by_id) == set(ds.locations["location_id"])
    for row in activity.itertuples():
        feature = by_id[row.location_id]
        assert feature["geometry"]["coordinates"] == [row.lon, row.lat]
        assert feature["properties"]["statement_count"] == row.statement_count
        assert feature["properties"]["event_count"] == row.event_count


def _places(*rows):
    return pd.DataFrame(
        rows, columns=["location_id", "location_name", "lat", "lon", "mention_count", "border_note"]
    )


def _about(*location_ids):
    return pd.DataFrame({"location_id": list(location_ids)}, dtype=object)


@pytest.mark.parametrize(
    ("statements", "events", "expected"),
    [
        pytest.param(_about("b", "b", "a"), _about("a", "a"), "a", id="most records wins"),
        pytest.param(_about("b"), _about(), "b", id="one record"),
        pytest.param(_about("a", "b"), _about(), "b", id="tie: more mentions"),
    ],
)
def test_crisis_site_is_the_place_most_records_are_about(statements, events, expected):
    places = _places(("a", "A", 40.0, 45.0, 1, None), ("b", "B", 39.0, 46.0, 3, None))
    assert crisis_site(places, statements, events).name == expected


def test_crisis_site_prefers_the_curated_site_when_the_folder_has_it():
    places = _places(
        ("a", "A", 40.0, 45.0, 5, None), (PREFERRED_CRISIS_LOCATION_ID, "Lake", 39.6, 46.2, 1, "n")
    )
    site = crisis_site(places, _about("a", "a"), _about())
    assert site.name == PREFERRED_CRISIS_LOCATION_ID


def test_without_records_the_crisis_site_is_the_centre_of_the_places_named():
    places = _places(
        ("a", "A", 40.0, 45.0, 2, None), ("b", "B", 38.0, 47.0, 1, None), ("c", "C", 0, 0, 0, None)
    )
    site = crisis_site(places, _about(), _about())
    assert site.name is None
    assert (site["lat"], site["lon"]) == (39.0, 46.0)
    assert site["location_name"] == MENTIONED_PLACES_CENTRE
