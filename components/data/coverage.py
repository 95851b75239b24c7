"""The coverage check: every quotation and every reporting sentence of an article's body is
covered by a statement, or listed in article.yaml's not_statements with a reason.

It catches what a schema cannot: an attributed statement the annotator missed, and a
statements.yaml cut short (even inside a free-text field, where the YAML still parses),
since the statements after the cut leave their words uncovered. ``validate`` runs it; the
app does not (a gap in the annotation is the annotator's to fix, not a reason to hide the
data).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .errors import Problem
from .text import sentence_spans

# Text in double quotation marks, straight, curly or French, within one paragraph.
_QUOTATION = re.compile(r'"[^"\n]+"|“[^”\n]+”|«[^»\n]+»')
# Words that attribute speech: a sentence with one of them reports what someone said.
REPORTING_CUES = (
    "said",
    "says",
    "say",
    "stated",
    "states",
    "told",
    "tells",
    "according to",
    "noted",
    "stressed",
    "added",
    "announced",
    "declared",
    "reported",
    "claimed",
    "accused",
    "denied",
    "urged",
    "warned",
    "insisted",
    "confirmed",
    "called on",
)
_CUE = re.compile(
    r"\b(?:" + "|".join(re.escape(cue) for cue in REPORTING_CUES) + r")\b", re.IGNORECASE
)


@dataclass(frozen=True)
class Gap:
    """Words that need a statement: a quotation or a reporting sentence, with its span."""

    kind: str  # "quotation" or "reporting sentence"
    start: int
    end: int
    words: str


def candidates(text: str, body_end: int | None = None) -> list[Gap]:
    """Every quotation and reporting sentence of the text's body, in text order."""
    end_of_body = len(text) if body_end is None else body_end
    found = [
        Gap("quotation", match.start(), match.end(), match[0])
        for match in _QUOTATION.finditer(text, 0, end_of_body)
    ]
    for start, end in sentence_spans(text):
        if start >= end_of_body:
            break
        cue = _CUE.search(text, start, min(end, end_of_body))
        if cue:
            found.append(Gap("reporting sentence", start, end, text[start:end]))
    return sorted(found, key=lambda gap: (gap.start, gap.end))


def uncovered(
    text: str, covered: Iterable[tuple[int, int]], body_end: int | None = None
) -> list[Gap]:
    """The candidates that no covered span (statement or not-a-statement) overlaps."""
    spans = sorted(covered)
    return [
        gap
        for gap in candidates(text, body_end)
        if not any(start < gap.end and gap.start < end for start, end in spans)
    ]


def coverage_problems(dataset) -> list[Problem]:
    """One Problem per uncovered quotation or reporting sentence, naming statements.yaml."""
    covered: dict[str, list[tuple[int, int]]] = {}
    for frame in (dataset.statements, dataset.not_statements):
        for article_id, start, end in zip(
            frame["article_id"], frame["start_char"], frame["end_char"], strict=True
        ):
            covered.setdefault(article_id, []).append((int(start), int(end)))
    problems = []
    root = dataset.data_dir
    for article_id, text, body_end in zip(
        dataset.articles["article_id"],
        dataset.articles["text"],
        dataset.articles["body_end_char"],
        strict=True,
    ):
        label = f"{root.name}/articles/{article_id}/statements.yaml"
        for gap in uncovered(text, covered.get(article_id, []), int(body_end)):
            problems.append(
                Problem(
                    label,
                    f"(coverage) chars {gap.start}-{gap.end}",
                    "quote",
                    f"the {gap.kind} {_short(gap.words)} is covered by no statement; expected "
                    "a statement whose quote overlaps it, or an entry in article.yaml "
                    "not_statements with a reason",
                )
            )
    return problems


def _short(words: str, limit: int = 120) -> str:
    shown = " ".join(words.split())
    shown = shown if len(shown) <= limit else shown[: limit - 1] + "…"
    return repr(shown)
