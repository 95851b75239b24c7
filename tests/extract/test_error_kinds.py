"""The evaluator's kinds of wrong speaker, on the real registry's parent actors."""

import yaml

from components.extract import error_kinds as kinds
from tests.conftest import DATA_DIR

ACTORS = yaml.safe_load((DATA_DIR / "actors.yaml").read_text(encoding="utf-8"))
PARENTS = {record["actor_id"]: record.get("parent_actor_id") for record in ACTORS}
KNOWN = set(PARENTS)


def kind(gold, drafted, known=KNOWN):
    return kinds.speaker_error_kind(gold, drafted, known, PARENTS)


def test_ancestors_of_a_spokesperson_are_her_ministry_then_her_state():
    assert kinds.ancestors("zakharova", PARENTS) == ["russian_foreign_ministry", "russia"]
    assert kinds.root("zakharova", PARENTS) == "russia"


def test_each_kind_on_real_actors():
    assert kind("zakharova", []) == kinds.MISSED
    assert kind("zakharova", [None]) == kinds.KNOWN_AS_NEW
    assert kind("zakharova", ["russian_foreign_ministry"]) == kinds.ABOVE
    assert kind("russian_foreign_ministry", ["zakharova"]) == kinds.BELOW
    assert kind("zakharova", ["putin"]) == kinds.SAME_ROOT
    assert kind("zakharova", ["bayramov"]) == kinds.OTHER


def test_a_speaker_the_registry_lacks_is_named_or_wrongly_resolved():
    without = KNOWN - {"bagchi"}
    assert kind("bagchi", [None], without) == kinds.NEW_NAME_DIFFERS
    assert kind("bagchi", ["indian_foreign_ministry"], without) == kinds.NEW_AS_KNOWN


def test_the_table_counts_a_level_error_as_right_only_in_its_own_row():
    counts = kinds.Counter({kinds.ABOVE: 2, kinds.OTHER: 1})
    table = kinds.kinds_table({"held out": (counts, 7, 10)}, "t")
    assert "| the body above the gold speaker (its ministry or state) | 2 |" in table
    assert "(not the goal) | 90.0% (9/10) |" in table
