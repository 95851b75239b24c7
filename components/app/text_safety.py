"""Data text made safe to show: Markdown escaped, and clipped where a notice or a label must
stay short. No streamlit here.

Data text (names, quotes, ids from a URL) is shown literally on every page: never as HTML,
never as Markdown. HTML for plotly is escaped with `html.escape` where the figure is built;
Markdown is escaped here, in one place.
"""

import re
import unicodedata

# Characters that Markdown (as Streamlit renders it) would read as formatting or HTML.
_MARKDOWN_SPECIALS = "\\`*_{}[]()<>#+-.!|~$:"

# Any one of them. A compiled pattern finds them in one pass in C: 7 times faster than a
# Python loop over the characters (74 texts of the article: 0.47 -> 0.06 ms), which pages
# paid on every rerun.
_MARKDOWN_SPECIAL = re.compile(f"[{re.escape(_MARKDOWN_SPECIALS)}]")

# Longest piece of data text a one-line notice or a chart label shows before "…".
CLIP_CHARS = 60


def escape_markdown(text: str) -> str:
    """``text`` with every Markdown special backslash-escaped, to show it literally."""
    return _MARKDOWN_SPECIAL.sub(_backslashed, text)


def _backslashed(match: re.Match) -> str:
    return "\\" + match.group()


def clip(text: str, limit: int = CLIP_CHARS) -> str:
    """``text`` cut to ``limit`` characters with "…" when longer (a 10,000-character id from
    a URL, a 5,000-character name), so a notice or a label keeps its size."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


# Unicode categories shown as escapes in an echoed value: controls (Cc), format characters
# (Cf: the bidi overrides and isolates U+202A–U+202E and U+2066–U+2069, the zero-width
# ones, the byte-order mark), line and paragraph separators, surrogates, private use and
# unassigned code points. Any of them can hide, reorder or fake the text around it.
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"})

# Bidi isolates around an echoed value: letters of a right-to-left script in the value
# keep to the value and do not reorder the sentence around it.
_ISOLATE_START, _ISOLATE_END = "\u2068", "\u2069"

# How an empty value is shown (outside the code span, so that a value spelled "(empty)"
# looks different).
EMPTY_VALUE = "*(empty)*"


def visible_value(text: str, limit: int = CLIP_CHARS) -> str:
    """A value from a URL as a notice shows it: a Markdown code span, with every invisible
    or direction-changing character (and a space at either end) written as its \\u escape,
    clipped to ``limit`` characters with "…", and isolated from the text around it; an empty
    value is shown as *(empty)*.

    A code span shows HTML, Markdown and LaTeX as typed; only a backtick could end it early,
    so backticks are shown as ‘ instead.
    """
    if not text:
        return EMPTY_VALUE
    pieces = [_visible_char(char) for char in text]
    for end in (0, -1):
        if text[end].isspace():
            pieces[end] = _escape(text[end])
    shown, length = [], 0
    for index, piece in enumerate(pieces):
        if length + len(piece) > limit - 1 and index < len(pieces) - 1:
            shown.append("…")
            break
        shown.append(piece)
        length += len(piece)
    body = "".join(shown).replace("`", "‘")
    return f"{_ISOLATE_START}`{body}`{_ISOLATE_END}"


def _visible_char(char: str) -> str:
    if unicodedata.category(char) in _INVISIBLE_CATEGORIES:
        return _escape(char)
    if unicodedata.category(char) == "Zs" and char != " ":
        return _escape(char)
    return char


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
