"""Every download reads back into the dataset's frames (components/tables/downloads.py).

No normalisation is needed: the readers restore the schema's column types (strings with
NaN for missing, int64, float64, bool, datetime64[ns]) and tuples for list columns, so the
frames compare equal to the loaded ones with assert_frame_equal as they are.
"""

from __future__ import annotations

import io
import json
import zipfile

import pandas as pd
import pytest

from components.data import load_dataset
from components.tables.downloads import (
    LIST_SEPARATOR,
    ZIP_ROOT,
    json_bundle,
    places_geojson_bytes,
    read_json_bundle,
    read_places_geojson,
    read_table_csv,
    table_csv,
    table_names,
    tables,
    zip_archive,
)
from tests.hostile import write_hostile_data


@pytest.fixture(scope="module")
def archive(dataset) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(zip_archive(dataset)))


@pytest.mark.parametrize("table", table_names())
def test_csv_round_trip(dataset, table):
    frame = getattr(dataset, table)
    back = read_table_csv(table, table_csv(table, frame))
    pd.testing.assert_frame_equal(back, frame.reset_index(drop=True))


def test_json_bundle_round_trip(dataset):
    back = read_json_bundle(json_bundle(dataset))
    assert list(back) == list(table_names())
    for table, frame in tables(dataset).items():
        pd.testing.assert_frame_equal(back[table], frame.reset_index(drop=True), obj=table)


def test_hostile_text_round_trips(tmp_path):
    """Tags, Markdown, quotes and very long strings survive CSV and JSON unchanged."""
    hostile = load_dataset(write_hostile_data(tmp_path / "data"))
    bundle = read_json_bundle(json_bundle(hostile))
    for table, frame in tables(hostile).items():
        expected = frame.reset_index(drop=True)
        pd.testing.assert_frame_equal(read_table_csv(table, table_csv(table, frame)), expected)
        pd.testing.assert_frame_equal(bundle[table], expected)


def test_list_cells_are_joined_in_csv(dataset):
    """aliases and actor_ids are one "|"-joined cell, readable in a spreadsheet."""
    raw = pd.read_csv(io.BytesIO(table_csv("events", dataset.events)), dtype=str)
    first = dataset.events.iloc[0]
    assert raw.loc[0, "actor_ids"] == LIST_SEPARATOR.join(first["actor_ids"])


def test_csv_refuses_a_list_item_holding_the_separator(dataset):
    actors = dataset.actors.head(1).assign(aliases=[("A|B",)])
    with pytest.raises(ValueError, match=r"actors\.aliases"):
        table_csv("actors", actors)


def test_places_geojson_has_every_location_at_its_coordinates(dataset):
    places = read_places_geojson(places_geojson_bytes(dataset))
    expected = dataset.locations[["location_id", "location_name", "lat", "lon"]]
    pd.testing.assert_frame_equal(
        places[["location_id", "location_name", "lat", "lon"]],
        expected.reset_index(drop=True),
        check_dtype=False,  # GeoJSON has no string dtype: object vs str only
    )


def test_zip_holds_every_file(archive, dataset):
    names = set(archive.namelist())
    expected = {f"{ZIP_ROOT}/tables/{table}.csv" for table in table_names()}
    expected |= {
        f"{ZIP_ROOT}/{name}"
        for name in ("ABOUT.md", "dataset.json", "places.geojson", "codebook.md", "SOURCES.md")
    }
    expected |= {
        f"{ZIP_ROOT}/articles/{article_id}.txt" for article_id in dataset.articles["article_id"]
    }
    assert names == expected


def test_zip_contents_round_trip(archive, dataset):
    """The CSVs in the ZIP read back to the tables; the text, codebook and sources are verbatim."""
    for table, frame in tables(dataset).items():
        data = archive.read(f"{ZIP_ROOT}/tables/{table}.csv")
        pd.testing.assert_frame_equal(read_table_csv(table, data), frame.reset_index(drop=True))
    for row in dataset.articles.itertuples(index=False):
        assert archive.read(f"{ZIP_ROOT}/articles/{row.article_id}.txt").decode() == row.text
    codebook = (dataset.data_dir / "README.md").read_bytes()
    assert archive.read(f"{ZIP_ROOT}/codebook.md") == codebook
    sources = (dataset.data_dir / "geo" / "SOURCES.md").read_bytes()
    assert archive.read(f"{ZIP_ROOT}/SOURCES.md") == sources
    json.loads(archive.read(f"{ZIP_ROOT}/places.geojson"))


def test_zip_is_the_same_bytes_every_time(dataset):
    """Fixed entry dates: the same data gives the same file (cacheable, diffable)."""
    assert zip_archive(dataset) == zip_archive(dataset)
