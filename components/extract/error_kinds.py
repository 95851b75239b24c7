"""Why a gold statement's speaker was not drafted right, as a kind: counts, never texts.

The evaluator reports these counts for every split, the held-out one included: they say what
kind of error remains (the issue asks for it) without showing a held-out text or its gold, so
reading them cannot tune a rule to an article.
"""

from collections import Counter
from collections.abc import Iterable, Mapping

MISSED = "statement missed"
KNOWN_AS_NEW = "known speaker drafted as a new one (or none)"
NEW_NAME_DIFFERS = "new speaker, drafted under another name"
NEW_AS_KNOWN = "new speaker, drafted as a registry actor"
ABOVE = "the body above the gold speaker (its ministry or state)"
BELOW = "someone the gold speaker stands for (its spokesperson, ministry)"
SAME_ROOT = "another body of the same state or organisation"
OTHER = "an actor of another state or organisation"

KINDS = (MISSED, KNOWN_AS_NEW, NEW_NAME_DIFFERS, NEW_AS_KNOWN, ABOVE, BELOW, SAME_ROOT, OTHER)
# Kinds where the draft names the right state or organisation, only not the same body of it.
SAME_SIDE_KINDS = frozenset({ABOVE, BELOW, SAME_ROOT})


def ancestors(actor_id: str, parents: Mapping[str, str | None]) -> list[str]:
    """The chain of parent actors above an actor, nearest first (cycles stop)."""
    chain: list[str] = []
    current = parents.get(actor_id)
    while current and current not in chain and current != actor_id:
        chain.append(current)
        current = parents.get(current)
    return chain


def root(actor_id: str, parents: Mapping[str, str | None]) -> str:
    chain = ancestors(actor_id, parents)
    return chain[-1] if chain else actor_id


def speaker_error_kind(
    gold_id: str,
    drafted_ids: Iterable[str | None],
    known: set[str],
    parents: Mapping[str, str | None],
) -> str:
    """The kind of a wrong speaker: the drafted ids of the spans that overlap the gold one."""
    drafted = list(drafted_ids)
    if not drafted:
        return MISSED
    ids = [actor_id for actor_id in drafted if actor_id is not None]
    if gold_id not in known:
        return NEW_AS_KNOWN if ids and len(ids) == len(drafted) else NEW_NAME_DIFFERS
    if not ids:
        return KNOWN_AS_NEW
    above = set(ancestors(gold_id, parents))
    if any(actor_id in above for actor_id in ids):
        return ABOVE
    if any(gold_id in ancestors(actor_id, parents) for actor_id in ids):
        return BELOW
    if any(root(actor_id, parents) == root(gold_id, parents) for actor_id in ids):
        return SAME_ROOT
    return OTHER


def kinds_table(groups: Mapping[str, tuple[Counter, int, int]], title: str) -> str:
    """Wrong speakers by kind per group: {group: (kinds, speakers right, gold statements)}.

    The last row, not the issue's measure, counts a speaker right when the draft names the
    gold speaker or another body of its state or organisation (a ministry for its
    spokesperson): how many errors are a choice of level rather than of side.
    """
    names = list(groups)
    lines = [f"**{title}**", "", "| kind | " + " | ".join(names) + " |"]
    lines.append("|---|" + "---:|" * len(names))
    for kind in KINDS:
        lines.append(f"| {kind} | " + " | ".join(str(groups[n][0][kind]) for n in names) + " |")
    cells = []
    for name in names:
        kinds, right, gold = groups[name]
        near = right + sum(kinds[kind] for kind in SAME_SIDE_KINDS)
        cells.append(f"{100 * near / gold:.1f}% ({near}/{gold})" if gold else "n/a")
    lines.append("| speaker right up to its state or organisation (not the goal) | ")
    lines[-1] += " | ".join(cells) + " |"
    return "\n".join(lines) + "\n"
