"""How far a reviewer can trust a drafted statement by its confidence: counts only.

The evaluator sorts every drafted statement into a confidence band and an outcome: it
overlaps a gold statement and names its speaker, it overlaps one under another speaker, or
it overlaps none (narration the reviewer deletes). Like the error kinds, these are counts,
never texts, so they are reported for the held-out set too.
"""

from collections import Counter
from collections.abc import Mapping

# Lower bounds of the bands, highest first: a reporting verb with a registry speaker
# drafts at 0.9, a run-on sentence by context at 0.4 or less (draft._confidence).
# Under LOW_CONFIDENCE the Review page marks a statement for checking first.
LOW_CONFIDENCE = 0.5
BANDS = (
    ("high (0.75 or more)", 0.75),
    (f"medium ({LOW_CONFIDENCE} to 0.75)", LOW_CONFIDENCE),
    (f"low (under {LOW_CONFIDENCE})", 0.0),
)
RIGHT, WRONG, NARRATION = "right speaker", "wrong speaker", "no gold statement"


def band(confidence: float) -> str:
    """The name of the band a confidence falls in."""
    return next(name for name, lower in BANDS if confidence >= lower)


def outcome(overlaps_gold: bool, right: bool) -> str:
    if not overlaps_gold:
        return NARRATION
    return RIGHT if right else WRONG


def bands_table(groups: Mapping[str, Counter], title: str) -> str:
    """Per group and band: drafted statements, the share overlapping a gold statement, and
    the share of those with the gold speaker."""
    names = list(groups)
    lines = [f"**{title}**", "", "| band | " + " | ".join(names) + " |"]
    lines.append("|---|" + "---:|" * len(names))
    for name, _ in BANDS:
        cells = []
        for group in names:
            counts = groups[group]
            right, wrong = counts[name, RIGHT], counts[name, WRONG]
            drafted = right + wrong + counts[name, NARRATION]
            cells.append(_cell(right, wrong, drafted))
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines.append("")
    lines.append(
        "Each cell: drafted statements; the share that overlap a gold statement; of those, "
        "the share whose speaker is the gold one."
    )
    return "\n".join(lines) + "\n"


def _cell(right: int, wrong: int, drafted: int) -> str:
    if not drafted:
        return "0"
    overlapping = right + wrong
    kept = f"{100 * overlapping / drafted:.0f}% kept"
    speakers = (
        f"{100 * right / overlapping:.0f}% right ({right}/{overlapping})" if overlapping else "n/a"
    )
    return f"{drafted}: {kept}, {speakers}"
