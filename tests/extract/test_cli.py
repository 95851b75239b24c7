"""The command line: JSON keys exactly as issue 20 fixes them, --out never overwrites and
writes atomically, and the written folder validates once a person has filled it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from components.data.__main__ import main as validate_main
from components.extract import folder as folder_module
from components.extract.__main__ import main

from .conftest import ROOT, SEED_DIR

STATEMENT_KEYS = [
    "start_char",
    "end_char",
    "quote",
    "speaker_name",
    "speaker_mention",
    "speaker_actor_id",
    "statement_type",
    "date_expression",
    "start_date",
    "date_precision",
    "confidence",
]
# Verbatim from an annotated article of the corpus (CivilNet, 12 May 2021).
CIVILNET = (
    "The village of Verishen is 3 km from the town of Goris in Armenia’s southern Syunik "
    "region. According to the villagers, early on the morning of May 12, the Azerbaijani "
    "Armed Forces crossed the border into Armenia and moved their positions forward.\n"
)


def test_json_keys_are_exactly_the_issues(capsys):
    """--format json prints one object; every record has exactly the keys of issue 20."""
    assert (
        main([str(SEED_DIR / "article.txt"), "--published", "2021-05-14", "--format", "json"]) == 0
    )
    result = json.loads(capsys.readouterr().out)
    assert list(result) == ["statements", "actors", "locations", "events"]
    assert all(list(s) == STATEMENT_KEYS for s in result["statements"])
    assert all(list(a) == ["actor_name", "actor_id", "aliases"] for a in result["actors"])
    assert all(
        list(p) == ["location_name", "location_id", "lat", "lon", "coord_source"]
        for p in result["locations"]
    )
    porter = next(s for s in result["statements"] if s["speaker_actor_id"] == "porter")
    assert porter["start_date"] == "2021-05-14"


def test_out_never_overwrites(tmp_path, capsys):
    """An existing folder is left exactly as it was, and the command fails saying so."""
    target = tmp_path / "existing"
    target.mkdir()
    (target / "article.txt").write_text("kept", encoding="utf-8")
    code = main([str(SEED_DIR / "article.txt"), "--published", "2021-05-14", "--out", str(target)])
    assert code == 1
    assert "never overwrites" in capsys.readouterr().err
    assert [p.name for p in target.iterdir()] == ["article.txt"]
    assert (target / "article.txt").read_text(encoding="utf-8") == "kept"


def test_out_is_atomic(tmp_path, monkeypatch):
    """A failure while writing leaves neither the folder nor a temporary one behind."""
    calls = {"n": 0}
    original = Path.write_text

    def failing_write(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("disk full")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(folder_module.Path, "write_text", failing_write)
    article = tmp_path / "a.txt"
    original(article, CIVILNET, encoding="utf-8")
    code = main([str(article), "--published", "2021-05-12", "--out", str(tmp_path / "new-draft")])
    assert code == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_written_folder_validates_once_filled(tmp_path):
    """The draft folder, with the title, outlet and new actors' types filled in and the
    registry additions moved into the registry, passes `python -m components.data validate`."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    # The article is new to this registry: its folder and the villagers only it names go.
    shutil.rmtree(data / "articles" / "civilnet-2021-05-12-syunik-update")
    actors = yaml.safe_load((data / "actors.yaml").read_text(encoding="utf-8"))
    actors = [a for a in actors if a["actor_id"] != "verishen_villagers"]
    (data / "actors.yaml").write_text(yaml.safe_dump(actors, allow_unicode=True), encoding="utf-8")
    article = tmp_path / "civilnet.txt"
    article.write_text(CIVILNET, encoding="utf-8")
    folder = data / "articles" / "civilnet-2021-05-12-syunik-draft"
    code = main(
        [str(article), "--published", "2021-05-12", "--out", str(folder), "--data", str(data)]
    )
    assert code == 0
    assert validate_main(["validate", str(data)]) == 1, "unfilled, the folder must not validate"

    meta = yaml.safe_load((folder / "article.yaml").read_text(encoding="utf-8"))
    meta.update(
        title="Syunik update",
        outlet="CivilNet",
        outlet_type="private media",
        side="armenia",
        rights="© CivilNet; quoted for research",
    )
    (folder / "article.yaml").write_text(yaml.safe_dump(meta), encoding="utf-8")
    additions = yaml.safe_load((folder / "registry_additions.yaml").read_text(encoding="utf-8"))
    assert [a["actor_name"] for a in additions["actors"]] == ["villagers"]
    for actor in additions["actors"]:
        actor["actor_type"] = "group"
    for table, key in (("actors", "actors.yaml"), ("locations", "locations.yaml")):
        records = yaml.safe_load((data / key).read_text(encoding="utf-8"))
        (data / key).write_text(
            yaml.safe_dump(records + additions[table], allow_unicode=True), encoding="utf-8"
        )
    (folder / "registry_additions.yaml").unlink()
    assert validate_main(["validate", str(data)]) == 0


@pytest.mark.parametrize("name", ["Has Capitals", "space here"])
def test_out_folder_name_must_be_an_article_id(tmp_path, name, capsys):
    code = main(
        [str(SEED_DIR / "article.txt"), "--published", "2021-05-14", "--out", str(tmp_path / name)]
    )
    assert code == 1
    assert "article_id" in capsys.readouterr().err


def test_issuer_argument(tmp_path, capsys):
    """--issuer names the body whose release it is: its cue-less sentences are its own."""
    article = ROOT / "data" / "articles" / "azmod-2021-05-25-information" / "article.txt"
    args = [
        str(article),
        "--published",
        "2021-05-25",
        "--format",
        "json",
        "--data",
        str(ROOT / "data"),
    ]
    assert main([*args, "--issuer", "Ministry of Defence of Azerbaijan"]) == 0
    speakers = {s["speaker_actor_id"] for s in json.loads(capsys.readouterr().out)["statements"]}
    assert speakers == {"azerbaijani_defence_ministry"}
