"""The dataset as files to take away: CSV per table, one JSON bundle, GeoJSON, one ZIP.

Each format has a reader here too, so a download can be checked by reading it back into
frames equal to the dataset's (tests/tables/test_downloads.py). Tuple columns (aliases,
actor_ids) are "|"-joined in CSV and lists in JSON; dates are ISO days; empty cells are
missing values. The column types come from the pandera schemas, declared once. No
streamlit here.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd

from components.app.places import place_activity, places_geojson
from components.data import Dataset
from components.data.schemas import SCHEMAS

# Joins the items of a tuple column (aliases, actor_ids) in one CSV cell.
LIST_SEPARATOR = "|"

# Top folder inside the ZIP, so unpacking it does not spill files.
ZIP_ROOT = "lake-sev-dataset"

# A fixed timestamp for the ZIP entries, so the same data always gives the same bytes.
ZIP_DATE_TIME = (2021, 5, 14, 0, 0, 0)

# Files of the data folder that go into the ZIP: the codebook and the map sources/licences.
CODEBOOK_FILE = "README.md"
GEO_SOURCES_FILE = Path("geo") / "SOURCES.md"


def table_names() -> tuple[str, ...]:
    """The tables of a Dataset, in the order the Data page and the downloads list them."""
    return tuple(Dataset.TABLES)


def tables(ds: Dataset) -> dict[str, pd.DataFrame]:
    """Table name -> frame, for every table of ``ds``."""
    return {name: getattr(ds, name) for name in table_names()}


def _column_kind(table: str, column: str) -> str:
    """ "str", "int64", "float64", "bool", "datetime64[ns]" or "object" (tuples)."""
    dtype = str(SCHEMAS[table].to_schema().columns[column].dtype)
    if dtype.startswith("datetime64"):
        return "datetime64[ns]"
    if dtype.startswith("str"):
        return "str"
    return dtype


def _tuple_cell(value: object, table: str, column: str) -> str:
    items = [str(item) for item in value]
    for item in items:
        if LIST_SEPARATOR in item or item == "":
            raise ValueError(
                f"{table}.{column}: item {item!r} cannot be written to CSV "
                f"(empty, or contains the separator {LIST_SEPARATOR!r})"
            )
    return LIST_SEPARATOR.join(items)


def _flat_frame(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with tuple cells joined and dates as ISO days."""
    flat = frame.copy()
    for column in flat.columns:
        kind = _column_kind(table, column)
        if kind == "object":
            flat[column] = [_tuple_cell(value, table, column) for value in flat[column]]
        elif kind == "datetime64[ns]":
            flat[column] = flat[column].dt.strftime("%Y-%m-%d")
    return flat


def table_csv(table: str, frame: pd.DataFrame) -> bytes:
    """One table as UTF-8 CSV: header row, no index."""
    return _flat_frame(table, frame).to_csv(index=False).encode("utf-8")


def read_table_csv(table: str, data: bytes) -> pd.DataFrame:
    """The frame a ``table_csv`` download holds, with the dataset's column types."""
    raw = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, na_values=[""])
    return _typed(table, raw)


def _typed(table: str, raw: pd.DataFrame) -> pd.DataFrame:
    """Columns converted to the types the schema declares; lists and joined cells to tuples."""
    typed = {}
    for column in raw.columns:
        kind = _column_kind(table, column)
        values = raw[column]
        if kind == "object":
            typed[column] = pd.Series([_as_tuple(value) for value in values], dtype=object)
        elif kind == "bool":
            typed[column] = values.map(_as_bool).astype(bool)
        elif kind == "datetime64[ns]":
            typed[column] = pd.to_datetime(values).astype("datetime64[ns]")
        elif kind == "str":
            typed[column] = values.astype("str")
        else:
            typed[column] = values.astype(kind)
    return pd.DataFrame(typed, columns=raw.columns)


def _as_tuple(value: object) -> tuple[str, ...]:
    if isinstance(value, list | tuple):
        return tuple(value)
    if not isinstance(value, str) or value == "":
        return ()
    return tuple(value.split(LIST_SEPARATOR))


def _as_bool(value: object) -> bool:
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if value in ("True", "true"):
        return True
    if value in ("False", "false"):
        return False
    raise ValueError(f"not a boolean: {value!r}")


def json_bundle(ds: Dataset) -> bytes:
    """Every table as a list of records in one JSON document, UTF-8, tables in order."""
    bundle = {
        "format": "lake-sev-dataset",
        "tables": {name: _records(frame) for name, frame in tables(ds).items()},
    }
    return json.dumps(bundle, ensure_ascii=False, indent=1).encode("utf-8")


def _records(frame: pd.DataFrame) -> list[dict[str, object]]:
    records = []
    for row in frame.to_dict(orient="records"):
        records.append({column: _json_value(row[column]) for column in row})
    return records


def _json_value(value: object) -> object:
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, pd.Timestamp):
        return f"{value:%Y-%m-%d}"
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, np.generic):
        return value.item()
    return value


def read_json_bundle(data: bytes) -> dict[str, pd.DataFrame]:
    """Table name -> frame from a ``json_bundle`` download, with the dataset's column types."""
    bundle = json.loads(data.decode("utf-8"))
    frames = {}
    for name, records in bundle["tables"].items():
        columns = list(SCHEMAS[name].to_schema().columns)
        raw = pd.DataFrame.from_records(records) if records else pd.DataFrame(columns=columns)
        frames[name] = _typed(name, raw.astype(object).where(raw.notna(), None))
    return frames


def places_geojson_bytes(ds: Dataset) -> bytes:
    """The places as GeoJSON points with their statement/event counts, as UTF-8 bytes.

    The Map page's own GeoJSON (components.map.geo), so both downloads say the same thing.
    """
    activity = place_activity(ds.locations, ds.statements, ds.events)
    return json.dumps(places_geojson(activity), ensure_ascii=False, indent=1).encode("utf-8")


def read_places_geojson(data: bytes) -> pd.DataFrame:
    """One row per GeoJSON point: its properties, then lat and lon."""
    collection = json.loads(data.decode("utf-8"))
    rows = []
    for feature in collection["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        rows.append({**feature["properties"], "lat": lat, "lon": lon})
    return pd.DataFrame(rows)


def zip_archive(ds: Dataset) -> bytes:
    """Everything in one ZIP: CSVs, the JSON bundle, GeoJSON, article texts, codebook, sources."""
    files = dataset_files(ds)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            info = zipfile.ZipInfo(f"{ZIP_ROOT}/{name}", date_time=ZIP_DATE_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content)
    return buffer.getvalue()


def dataset_files(ds: Dataset) -> dict[str, bytes]:
    """Path inside the ZIP -> content, in the order the ZIP lists them."""
    files = {"ABOUT.md": about_text(ds).encode("utf-8")}
    for name, frame in tables(ds).items():
        files[f"tables/{name}.csv"] = table_csv(name, frame)
    files["dataset.json"] = json_bundle(ds)
    files["places.geojson"] = places_geojson_bytes(ds)
    for row in ds.articles.itertuples(index=False):
        files[f"articles/{row.article_id}.txt"] = row.text.encode("utf-8")
    for target, source in _shipped_files(ds.data_dir).items():
        files[target] = source.read_bytes()
    return files


def _shipped_files(data_dir: Path) -> dict[str, Path]:
    """The codebook and the geo sources/licences, where the data folder has them."""
    wanted = {"codebook.md": data_dir / CODEBOOK_FILE, "SOURCES.md": data_dir / GEO_SOURCES_FILE}
    return {target: path for target, path in wanted.items() if path.is_file()}


def about_text(ds: Dataset) -> str:
    """The ZIP's read-me: what each file is, where the text comes from, whose rights apply."""
    sources = [
        f"- {row.outlet}/{row.agency}, {row.published_date:%d %B %Y}: “{row.title}”"
        + (f" ({row.translation_note})" if row.is_translation else "")
        for row in ds.articles.itertuples(index=False)
    ]
    counts = "\n".join(
        f"- `tables/{name}.csv`: {len(frame)} rows" for name, frame in tables(ds).items()
    )
    return f"""# Lake Sev border crisis: the annotated dataset

Annotations of one news report on the May 2021 Armenia–Azerbaijan border crisis at
Lake Sev (Sev Lich): who said what about whom, when, where, and the events reported.

## Files

{counts}
- `dataset.json`: the same tables in one JSON document (`tables` → table → records).
- `places.geojson`: the places as GeoJSON points (longitude, latitude; WGS84).
- `articles/<article_id>.txt`: the verbatim article text; every `start_char`/`end_char`
  counts characters (Unicode code points) of this text, end exclusive.
- `codebook.md`: every table and column with its meaning and allowed values.
- `SOURCES.md`: where the map layers and coordinates come from, with their licences.

In the CSV files, list columns (`aliases`, `actor_ids`) are joined with "{LIST_SEPARATOR}",
dates are ISO days (YYYY-MM-DD) and an empty cell is a missing value.

## Source text and rights

{chr(10).join(sources)}

The article text belongs to its publisher and agency; it is included so that the
annotations can be checked against it. The coordinates and map layers carry the licences
listed in `SOURCES.md`.
"""
