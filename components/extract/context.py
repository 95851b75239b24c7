"""Sentences with no anchor of their own: whose account they are, by context.

News reports carry a source's account over several sentences with one attribution ("The
ministry said ... . Armenian border guards returned fire. No casualties were reported."),
official releases speak in their own name with no reporting verb at all ("We
unequivocally state..."), and a quotation runs on over several sentences. Every body
sentence that no rule claimed becomes a low-confidence statement, so that the reviewer
deletes what is narration instead of hunting for what was missed. Its speaker, in order:
- the statement before it in the same paragraph (a quotation or an account running on),
  else the one after it in the same paragraph ("... . ..., said the Ministry of Defense.");
- the article's issuer, when it is a registry body (a ministry's release);
- the nearest statement before it within MAX_RUN_ON_CHARS, else the nearer of the
  statements before and after it (a lead sentence that the next paragraph attributes).
It keeps that statement's date when the speaker is the same, unless it opens with its own
("As of the morning of May 16, the situation ...").
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span

from .phrases import overlaps_quote, quote_ranges
from .spans import Attribution
from .speakers import Speaker
from .when import as_of, as_reported

# Fewer words than this is a dateline, a caption or a fragment, not a statement.
MIN_SENTENCE_WORDS = 5
# A paragraph's account does not run on past this many characters without a new anchor.
MAX_RUN_ON_CHARS = 1500
RULE = "context"


def context_attributions(
    doc: Doc, found: list[Attribution], issuer: Speaker | None, published
) -> list[Attribution]:
    """A statement for every body sentence no rule claimed, with its speaker by context."""
    quotes = quote_ranges(doc.text)
    found = [*found, *_denial_clauses(doc.text, found, issuer)]
    added = []
    for sentence in doc.sents:
        bounds = _bounds(sentence)
        if bounds is None or any(_overlap(a, *bounds) for a in found):
            continue
        start, end = bounds
        previous = _previous(found, start)
        following = _following(found, end)
        speaker, source = _speaker(doc.text, start, previous, following, issuer)
        if speaker is None:
            continue
        answerer = _answerer(sentence.text, previous, found)
        if answerer is not None:
            speaker, source = answerer.speaker, answerer
        same = source is not None and source.speaker.name == speaker.name
        added.append(
            Attribution(
                start_char=start,
                end_char=end,
                speaker=speaker,
                rule=RULE,
                verb="",
                is_direct_quote=overlaps_quote(start, end, quotes),
                date=_status_date(sentence, published)
                or (source.date if same else as_reported(published)),
                reported_by=source.reported_by if same else None,
            )
        )
    return sorted([*found, *added], key=lambda a: a.start_char)


# What one side says of the other's words: "The mentioned information does not correspond
# to the reality.", "These reports are false."
_DENIAL = re.compile(
    r"\b(?:(?:does|do) not correspond to (?:the )?reality|(?:is|are) (?:absolutely |completely )?"
    r"(?:false|untrue|not true|groundless|baseless|unfounded|a lie|lies)|"
    r"(?:is|are) (?:yet )?another (?:lie|(?:piece of )?(?:dis|mis)information))\b",
    re.IGNORECASE,
)
# What a source does when the text only tells of its words: "The Ministry of Defense of
# Azerbaijan claims that ...".
_CLAIM_VERBS = {"claim", "allege", "spread", "disseminate"}


def _answerer(sentence: str, previous: Attribution | None, found: list[Attribution]):
    """ "The Ministry of Defense of Azerbaijan claims that ... . The mentioned information
    does not correspond to the reality.": a denial right after a claim told is not the
    claimant's; it is the statement of the speaker who told of the claim, the latest one
    before it of another speaker."""
    if previous is None or not _DENIAL.search(sentence):
        return None
    verb = previous.verb.lower()
    if not any(verb.startswith(claim) for claim in _CLAIM_VERBS):
        return None
    before = [
        a
        for a in found
        if a.end_char <= previous.start_char and a.speaker.name != previous.speaker.name
    ]
    return max(before, key=lambda a: a.end_char) if before else None


# "... issued a statement claiming that allegedly ..., which is another misinformation.":
# the writer's word on a claim it tells, at the claim's end.
_DENIAL_CLAUSE = re.compile(
    r",\s*(which is (?:yet )?(?:another|a|an) (?:lie|fake|fabrication|(?:dis|mis)information)"
    r"\s*[.!]?)$",
    re.IGNORECASE,
)


def _denial_clauses(text: str, found: list[Attribution], issuer: Speaker | None):
    """Split off the writer's clause that calls a claim it tells a lie: it is the writer's,
    the latest speaker before of another speaker, else the issuer."""
    added = []
    for claim in found:
        match = _DENIAL_CLAUSE.search(text[claim.start_char : claim.end_char])
        if match is None or claim.verb not in (*_CLAIM_VERBS, "issue"):
            continue
        before = [
            a
            for a in found
            if a.end_char <= claim.start_char and a.speaker.name != claim.speaker.name
        ]
        writer = max(before, key=lambda a: a.end_char).speaker if before else issuer
        if writer is None or writer.name == claim.speaker.name:
            continue
        start = claim.start_char + match.start(1)
        claim.end_char = claim.start_char + match.start()
        added.append(
            replace(
                claim,
                start_char=start,
                speaker=writer,
                rule=RULE,
                verb="",
                reported_by=None,
                extra_speakers=[],
                cue=None,
                end_char=start + len(match[1].rstrip()),
            )
        )
    return added


def _status_date(sentence: Span, published):
    """A status report's opening "As of the morning of May 16, the situation ..." dates it."""
    text = sentence.text.lstrip()
    return as_of(text[:60], published) if text.startswith("As of ") else None


def _bounds(sentence: Span) -> tuple[int, int] | None:
    text = sentence.text
    stripped = text.strip()
    if len(stripped.split()) < MIN_SENTENCE_WORDS or not re.search(r"[.!?…][\"”»']?$", stripped):
        return None
    start = sentence.start_char + (len(text) - len(text.lstrip()))
    return start, start + len(stripped)


def _speaker(
    text: str,
    start: int,
    previous: Attribution | None,
    following: Attribution | None,
    issuer: Speaker | None,
) -> tuple[Speaker | None, Attribution | None]:
    if previous is not None and "\n" not in text[previous.end_char : start]:
        return previous.speaker, previous
    if following is not None and "\n" not in text[start : following.start_char]:
        return following.speaker, following
    if issuer is not None:
        return issuer, None
    if previous is not None and start - previous.end_char <= MAX_RUN_ON_CHARS:
        return previous.speaker, previous
    # Far from any anchor: the nearer one (a missed statement counts as wrong anyway; a
    # sentence of narration here is for the reviewer to delete).
    nearest = [a for a in (previous, following) if a is not None]
    if not nearest:
        return None, None
    closest = min(nearest, key=lambda a: abs(a.start_char - start))
    return closest.speaker, closest


def _previous(found: list[Attribution], start: int) -> Attribution | None:
    """The statement before, of the outermost clause of its sentence: after "Mahmudov noted
    that the Azerbaijani side informed the public", the account runs on as Mahmudov's."""
    before = [a for a in found if a.end_char <= start]
    if not before:
        return None
    latest = max(before, key=lambda a: a.end_char)
    same = [a for a in before if a.sentence_index == latest.sentence_index]
    if len(same) < 2:
        return latest
    return min(same, key=lambda a: (a.start_char, -a.end_char))


def _following(found: list[Attribution], end: int) -> Attribution | None:
    after = [a for a in found if a.start_char >= end]
    return min(after, key=lambda a: a.start_char) if after else None


def _overlap(attribution: Attribution, start: int, end: int) -> bool:
    return attribution.start_char < end and attribution.end_char > start


def quotation_speaker(text: str, attributions: list[Attribution]) -> None:
    """A quotation of several sentences is one speaker's, named outside its marks at its
    end ('"We have been following ... . Border incursions ... ," Bagchi said.') or at its
    start ('He said: "... . ..."'): the sentences inside it that only context or a
    running quotation placed take that speaker."""
    for start, end in quote_ranges(text):
        owner = _quotation_owner(attributions, start, end)
        if owner is None:
            continue
        for attribution in attributions:
            inside = attribution.start_char >= start and attribution.end_char <= end + 1
            carried = attribution.rule in (RULE, "quotation continues")
            if inside and carried and attribution.speaker.name != owner.speaker.name:
                same_date = attribution.date
                attribution.speaker = owner.speaker
                attribution.date = owner.date if owner.date else same_date
                attribution.reported_by = owner.reported_by


def _quotation_owner(attributions: list[Attribution], start: int, end: int):
    """The anchored statement that names a speaker outside the quotation's marks, in the
    sentence of its closing mark first, else of its opening mark."""
    anchored = [
        a
        for a in attributions
        if a.rule not in (RULE, "quotation continues") and not start <= a.speaker.start_char < end
    ]
    for position in (end - 1, start):
        for attribution in anchored:
            if attribution.start_char <= position < attribution.end_char + 1:
                return attribution
    return None


def capital_between(attributions: list[Attribution], registry) -> None:
    """ "“...,” the statement noted. Baku stressed that ... . “...,” the Azerbaijani
    ministry added": a capital standing for its state, between two statements of one body
    of that state, is that body going on."""
    ordered = sorted(attributions, key=lambda a: a.start_char)
    for before, this, after in zip(ordered, ordered[1:], ordered[2:], strict=False):
        capital, body = this.speaker, before.speaker
        if capital.actor is None or capital.actor.actor_type != "state":
            continue
        if capital.mention not in registry.capitals or body.actor is None:
            continue
        if after.speaker.actor_id != body.actor_id or body.actor.actor_type == "state":
            continue
        if capital.actor_id in registry.lineage(body.actor_id):
            this.speaker = replace(
                body,
                mention=capital.mention,
                start_char=capital.start_char,
                end_char=capital.end_char,
            )


# "a state authority announced on Wednesday": a body the lead does not name yet.
_UNNAMED_BODY = re.compile(r"^an? (?:\w+ )?(?:authority|body|agency|institution)$", re.IGNORECASE)


def named_after(attributions: list[Attribution]) -> None:
    """ "Azerbaijan handed over five Armenian soldiers ..., a state authority announced on
    Wednesday. The extradition ... , said Azerbaijan’s State Commission on Prisoners of
    War ...": a lead's unnamed body is the body the next statement names."""
    ordered = sorted(attributions, key=lambda a: a.start_char)
    for this, after in zip(ordered, ordered[1:], strict=False):
        unnamed, named = this.speaker, after.speaker
        if unnamed.actor is not None or not _UNNAMED_BODY.match(unnamed.mention):
            continue
        if named.actor is not None and named.actor.actor_type not in ("person", "state"):
            this.speaker = replace(
                named,
                mention=unnamed.mention,
                start_char=unnamed.start_char,
                end_char=unnamed.end_char,
            )
