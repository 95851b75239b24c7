"""Who issued an official text, when the text itself or its page says so: the outlet
given as its issuer (a ministry publishing its own release), the headline ("Statement of
the Ministry of Foreign Affairs of Armenia") or a signature on its last line ("US State
Department Spokesman Ned Price, May 27, 2021"). Its sentences with no speaker of their
own are the issuer's (context.py)."""

from __future__ import annotations

import re

from .bodies import ADVERSARY
from .perspective import perspective
from .phrases import inside_quote, quote_ranges
from .registry import Registry, countries
from .speakers import Speaker, SpeakerResolver

# The headline of an official text names who issued it: "Statement of the Ministry of
# Foreign Affairs of Armenia", "Statement by the Spokesperson on recent developments".
_RELEASE_TITLE = re.compile(
    r"\b(?:Joint\s+)?(?:Statement|Information|Announcement|Press\s+release|Communiqu[ée]|"
    r"Declaration|Readout|Comment)\s+(?:of|by|from)\s+(?:the\s+)?(?P<body>[^:;,.!?]+?)"
    r"(?:\s+(?:on|regarding|concerning|about|in connection with)\s.*)?$",
    re.IGNORECASE,
)


def release_issuer(title: str | None) -> str | None:
    """The body a release's headline names as its issuer, if the headline is one."""
    match = _RELEASE_TITLE.search(title.strip()) if title else None
    # A body with no country in its name ("the Ministry of Defense") could be any state's.
    return match.group("body") if match and countries(match.group("body")) else None


def title_issuer(title: str | None, registry: Registry) -> Speaker | None:
    """The issuer a release's headline names: a registry body, else a new one."""
    body = release_issuer(title)
    if body is None:
        return None
    return issuer_speaker(body, registry) or Speaker(body, body, 0, 0, None, 0.5, False)


# Words that make an issuer a government body rather than a news outlet.
_BODY_WORDS = re.compile(
    r"\b(?:Ministry|Department|Office|Embassy|Presidency|Administration|Service|Council)\b"
)


def issuer_speaker(issuer: str | None, registry: Registry) -> Speaker | None:
    """The body that issued the article ("Ministry of Defence of Armenia"), if any: a news
    outlet is not a speaker, a ministry publishing its own release is (a registry body,
    else a new one named as the issuer is, without its web address)."""
    if not issuer:
        return None
    actor, score = registry.resolve_actor(issuer)
    if actor is None:
        if not _BODY_WORDS.search(issuer):
            return None
        name = re.sub(r"\s*\([^)]*\)\s*$", "", issuer).strip()
        return Speaker(name, issuer, 0, 0, None, 0.5, False)
    if actor.actor_type in ("person", "state", ""):
        return None
    return Speaker(actor.actor_name, issuer, 0, 0, actor, score, False)


# "US State Department Spokesman Ned Price, May 27, 2021": a release signed on its last line.
_SIGNATURE = re.compile(
    r"\n\s*(?P<who>[A-Z][^\n.;:!?\"“”]{3,120}?)(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2},\s*\d{4})?\s*$"
)
# "Mr. Arman Tatoyan\n\nThe Human Rights Defender of Armenia": the name on the line before
# the last, the title on the last.
_NAME_OVER_TITLE = re.compile(
    r"\n\s*(?P<who>[A-Z][^\n;:!?\"“”]{3,60}?)\s*\n\s*(?P<title>[A-Z][^\n.;:!?\"“”]{3,120}?)\s*$"
)


def signature_issuer(doc, resolver: SpeakerResolver) -> Speaker | None:
    """The person who signs a release on its last line (a title and a name, perhaps a
    date, no verb), or on the last two (the name, then the title): the release is
    theirs."""
    for pattern in (_SIGNATURE, _NAME_OVER_TITLE):
        match = pattern.search(doc.text)
        if match is None or any(len(match[g].split()) > 12 for g in pattern.groupindex):
            continue
        signed = _signed_by(doc, resolver, *match.span("who"))
        if signed is not None:
            return signed
    return None


def _signed_by(doc, resolver: SpeakerResolver, start: int, end: int) -> Speaker | None:
    """The person a signature line names (no verb, a person's name in it)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or any(t.pos_ in ("VERB", "AUX") for t in span):
        return None
    if not any(ent.label_ == "PERSON" for ent in span.ents):
        return None
    speaker = resolver.from_span(span)
    return speaker if speaker is not None and speaker.is_person else None


# "The Armenian defense ministry has once again spread false information about ...", "The
# Ministry of Defence of Azerbaijan issued a statement claiming that allegedly ...": a
# rebuttal opens on what the other side's body put out.
_REBUTTAL_OPENING = re.compile(
    r"^\s*(?:The\s+)?(?P<body>[^,.;:\n]{5,80}?)\s+(?:has\s+|have\s+)?(?:once\s+again\s+)?"
    r"(?P<verb>spread|spreads|disseminated|disseminates|issued\s+a\s+statement\s+claiming\s+"
    r"that\s+allegedly)\b",
    re.IGNORECASE,
)


def rebuttal_issuer(text: str, registry: Registry) -> tuple[Speaker, bool] | None:
    """The body a rebuttal with no issuer given is written by: the other side's body of
    the same title as the one whose words it opens on ("the Armenian defense ministry has
    spread false information" is answered by Azerbaijan's defence ministry); and whether
    its opening sentence is the writer's own ("spread": it tells what the other did)."""
    match = _REBUTTAL_OPENING.search(text)
    if match is None:
        return None
    accused, score = registry.resolve_actor(match["body"])
    if accused is None or score < 0.9 or accused.actor_type in ("person", "state", ""):
        return None
    named = countries(accused.actor_name)
    if len(named) != 1:
        return None
    own = next(iter(named))
    other = ADVERSARY.get(own)
    if other is None:
        return None
    title = re.sub(rf"\b{own}\b", other.title(), accused.actor_name, flags=re.IGNORECASE)
    writer, score = registry.resolve_actor(title)
    if writer is None or score < 0.9 or writer.actor_id == accused.actor_id:
        return None
    if countries(writer.actor_name) != {other}:
        return None
    speaker = Speaker(writer.actor_name, writer.actor_name, 0, 0, writer, 0.5, False)
    return speaker, not match["verb"].lower().startswith("issued")


# A release's words of war and of diplomacy: which ministry speaks in the first person.
# Not "servicemen" nor "armed forces": a foreign ministry writes of the other side's
# forces and of captured servicemen too.
_MILITARY_WORDS = re.compile(
    r"\b(?:units?|positions?|troops|subdivisions?|fire|firing|shelling|enemy|"
    r"operational situation|\d{1,2}:\d{2})\b",
    re.IGNORECASE,
)
_DIPLOMATIC_WORDS = re.compile(
    r"\b(?:condemn\w*|international community|international partners|territorial integrity|"
    r"sovereign\w*|diplomatic|OSCE|Minsk Group|co-chairs?|peace process|negotiations?|"
    r"call on|urge\w*|military-political leadership|peace and (?:stability|security)|"
    r"delimitation)\b",
    re.IGNORECASE,
)
# "We state that ...", "We declare once again", "our units control the operational
# situation", "As we have already informed": a text in the first person plural.
_WE_SENTENCE = re.compile(
    r"(?:^|[.!?]\s+|\n\s*)We\b|\bour (?:units|positions|servicemen|army|troops|soldiers|forces)\b"
    r"|\b[Aa]s we have (?:already )?informed\b"
)


def release_writer(doc, accused_sides: list[str], registry: Registry) -> Speaker | None:
    """The ministry a release in the first person with no issuer given is most likely
    from: the side it is written from (its words, else the other side of the forces it
    accuses), and its defence or foreign ministry by whether it speaks of war or of
    diplomacy. A low-confidence guess for the reviewer, not a name the text gives."""
    text = doc.text
    quotes = quote_ranges(text)
    if not any(not inside_quote(m.start() + 1, quotes) for m in _WE_SENTENCE.finditer(text)):
        return None
    side = perspective(text)
    if side is None:
        others = {ADVERSARY.get(s.lower()) for s in accused_sides} - {None}
        side = others.pop() if len(others) == 1 else None
    if side is None:
        return None
    military, diplomatic = len(_MILITARY_WORDS.findall(text)), len(_DIPLOMATIC_WORDS.findall(text))
    if military == diplomatic:
        return None
    title = "Ministry of Defence" if military > diplomatic else "Ministry of Foreign Affairs"
    writer, score = registry.resolve_actor(f"{title} of {side.title()}")
    if writer is None or score < 0.9 or countries(writer.actor_name) != {side}:
        return None
    return Speaker(writer.actor_name, writer.actor_name, 0, 0, writer, 0.4, False)
