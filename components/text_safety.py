"""Data text made safe to show: Markdown escaped, and clipped where a notice or a label must
stay short. No streamlit here.

Data text (names, quotes, ids from a URL) is shown literally on every page: never as HTML,
never as Markdown. HTML for plotly is escaped with `html.escape` where the figure is built;
Markdown is escaped here, in one place.
"""

# Characters that Markdown (as Streamlit renders it) would read as formatting or HTML.
_MARKDOWN_SPECIALS = "\\`*_{}[]()<>#+-.!|~$:"

# Longest piece of data text a one-line notice or a chart label shows before "…".
CLIP_CHARS = 60


def escape_markdown(text: str) -> str:
    """``text`` with every Markdown special backslash-escaped, to show it literally."""
    return "".join(f"\\{char}" if char in _MARKDOWN_SPECIALS else char for char in text)


def clip(text: str, limit: int = CLIP_CHARS) -> str:
    """``text`` cut to ``limit`` characters with "…" when longer (a 10,000-character id from
    a URL, a 5,000-character name), so a notice or a label keeps its size."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
