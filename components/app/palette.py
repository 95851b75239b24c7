"""Colour-blind-safe colours for the charts, one colour per statement type.

Twelve categories cannot all be told apart by hue, by anyone. So the types are grouped in
five families that share a hue from the Okabe–Ito palette (distinguishable with the common
colour-vision deficiencies), and the types inside a family differ by lightness, which every
reader perceives. Hover text, the legend and the tables always name the type as well, so
colour is never the only channel. Pure data, no plotting.
"""

from __future__ import annotations

# Family -> {statement type: colour}; the family names are shown as legend group titles.
STATEMENT_TYPE_FAMILIES: dict[str, dict[str, str]] = {
    "Accusing, rejecting": {
        "accusation": "#D55E00",  # Okabe–Ito vermillion
        "criticism": "#8A3C00",  # darker vermillion
        "denial": "#F0A57A",  # lighter vermillion
    },
    "Pressing": {
        "demand": "#E69F00",  # Okabe–Ito orange
        "warning": "#B8A000",  # darkened Okabe–Ito yellow, visible on white
    },
    "Asking, offering talks": {
        "appeal_for_assistance": "#0072B2",  # Okabe–Ito blue
        "appeal": "#56B4E9",  # Okabe–Ito sky blue
        "call_for_negotiation": "#0B3A5E",  # dark blue
    },
    "Informing": {
        "report": "#009E73",  # Okabe–Ito bluish green
        "claim": "#00553E",  # dark bluish green
    },
    "Stating a position": {
        "concern": "#CC79A7",  # Okabe–Ito reddish purple
        "intention": "#7A2E5E",  # dark reddish purple
    },
}

STATEMENT_TYPE_COLOURS: dict[str, str] = {
    statement_type: colour
    for family in STATEMENT_TYPE_FAMILIES.values()
    for statement_type, colour in family.items()
}

STATEMENT_TYPE_FAMILY: dict[str, str] = {
    statement_type: family_name
    for family_name, family in STATEMENT_TYPE_FAMILIES.items()
    for statement_type in family
}

# Events are told apart by shape; one dark neutral colour keeps them from reading as a type.
EVENT_COLOUR = "#3B3B3B"

# Outline of every marker, so the light tints stay visible on the white plot.
MARKER_OUTLINE = "#1A1A1A"

# Alternate lane bands, light enough for black text and coloured markers on top.
LANE_BAND_COLOURS = ("#F4F5F7", "#FFFFFF")

# Fallback when the codebook gains a type this palette does not know yet.
UNKNOWN_COLOUR = "#999999"


def statement_type_colour(statement_type: str) -> str:
    """The colour of one statement type (grey for a type the palette does not know)."""
    return STATEMENT_TYPE_COLOURS.get(statement_type, UNKNOWN_COLOUR)


# The camp of an outlet (articles.side), in the order pages list them; labels for people.
SIDE_LABELS: dict[str, str] = {
    "armenia": "Armenian",
    "azerbaijan": "Azerbaijani",
    "russia": "Russian",
    "west": "Western",
    "international": "International organisations",
    "other": "Other",
}
# One colour per side, distinct from one another (Okabe–Ito and Tol's muted scheme); every
# chart that uses them also names the side, so colour is never the only channel.
SIDE_COLOURS: dict[str, str] = {
    "armenia": "#E69F00",  # Okabe–Ito orange
    "azerbaijan": "#0072B2",  # Okabe–Ito blue
    "russia": "#CC3311",  # Tol vivid red
    "west": "#009E73",  # Okabe–Ito bluish green
    "international": "#882255",  # Tol muted wine
    "other": "#777777",  # neutral grey
}


def side_label(side: str) -> str:
    """The readable name of a side ("Azerbaijani"), or the code itself if unknown."""
    return SIDE_LABELS.get(side, side)


# Text on a coloured fill must reach this contrast ratio (WCAG 2 AA, normal text).
MIN_TEXT_CONTRAST = 4.5
TEXT_ON_LIGHT = "#000000"
TEXT_ON_DARK = "#FFFFFF"


def relative_luminance(colour: str) -> float:
    """WCAG 2's relative luminance of a "#RRGGBB" colour: 0 for black, 1 for white."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2's contrast ratio of two "#RRGGBB" colours, from 1 to 21."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def text_colour_on(fill: str) -> str:
    """Black or white, whichever reads better on ``fill`` (the higher contrast ratio)."""
    on_light = contrast_ratio(TEXT_ON_LIGHT, fill)
    return TEXT_ON_LIGHT if on_light >= contrast_ratio(TEXT_ON_DARK, fill) else TEXT_ON_DARK


def mix(colour: str, other: str, amount: float) -> str:
    """``colour`` moved towards ``other`` by ``amount`` (0: ``colour``, 1: ``other``), channel
    by channel, as plotly mixes the two ends of a colour-scale step."""
    first = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    second = [int(other[i : i + 2], 16) for i in (1, 3, 5)]
    mixed = (round(a + (b - a) * amount) for a, b in zip(first, second, strict=True))
    return "#" + "".join(f"{c:02X}" for c in mixed)


def scale_colour(scale: list[list], fraction: float) -> str:
    """The colour a plotly colour scale (``[[0, "#RRGGBB"], ..., [1, "#RRGGBB"]]``) gives
    ``fraction`` (0 to 1): the two colours of its step mixed."""
    for (low, low_colour), (high, high_colour) in zip(scale, scale[1:], strict=False):
        if fraction <= high:
            amount = 0.0 if high == low else (fraction - low) / (high - low)
            return mix(low_colour, high_colour, min(max(amount, 0.0), 1.0))
    return scale[-1][1]
