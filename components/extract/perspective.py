"""Whose side a text is written from, by the words only one side uses.

The two sides name the same places and the same war differently: Azerbaijani texts write
"Basarkechar" for Vardenis, "the Azerbaijan Army" for their own forces, "the liberated
Kalbajar region", "illegal Armenian armed detachments"; Armenian texts write "Artsakh",
"Shushi", "Karvachar", "the RA Armed Forces". A text that uses one side's words and none
of the other's is written from that side, and a bare "the Defence Ministry" in it with no
other clue is that side's ministry (bodies.py). A text with both sides' words, or
neither's, has no perspective.
"""

from __future__ import annotations

import functools
import re

_CUES = {
    "azerbaijan": re.compile(
        r"\b(?:liberated|illegal Armenian|Armenian-planted|Basarkechar|Basarkechyar|"
        r"Patriotic War|Second Karabakh War|occupied by Armenia|Armenian occupation|"
        r"Zangezur|Garagol|Qaragol|Gorus|Azerbaijan Army)\b"
    ),
    "armenia": re.compile(
        r"\b(?:Artsakh|Shushi|Karvachar|RA Armed Forces|Azerbaijani aggression|"
        r"Nagorno-Karabakh Republic|Azeri aggression)\b"
    ),
}


@functools.lru_cache(maxsize=64)
def perspective(text: str) -> str | None:
    """The country a text is written from ("azerbaijan", "armenia"), or None."""
    sides = [side for side, cue in _CUES.items() if cue.search(text)]
    return sides[0] if len(sides) == 1 else None
