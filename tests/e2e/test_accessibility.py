"""Screen readers and keyboards (issue 22, point 8): the Stances matrix as a text table,
and a focus ring a keyboard user can see. axe-core on every page and the charts' names are
checked in one visit of every page with the requests: tests/e2e/test_every_page.py.

Both tests read one visit of the corpus's Stances page (the module's, kept on one worker:
tests/conftest.py), in this order: the Tab presses from the top of the page first, then
the table, which opens its expander. The page is narrowed to two Azerbaijani bodies, so
that the matrix has a row whose name is longer than its labels (the State Commission on
Prisoners of War, no longer among the 40 most vocal actors on 219 articles).
"""

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from components.app.text_safety import CLIP_CHARS, clip
from tests.e2e.conftest import VIEWPORT
from tests.e2e.every_page import (
    open_page,
)

# A focus ring must stand out against the page (WCAG 2.2, 1.4.11 and 2.4.13): at least
# 2 px wide, 3:1 against the white page.
MIN_RING_PX = 2
MIN_RING_CONTRAST = 3.0
# How many Tab presses the focus test makes, from the top of the page.
TAB_PRESSES = 12

# The focused element's ring: its own outline, or its field's (a select's input is inside a
# box that draws the ring).
FOCUS_RING_JS = """() => {
  const focused = document.activeElement;
  for (let el = focused, depth = 0; el && depth < 4; el = el.parentElement, depth++) {
    const style = getComputedStyle(el);
    if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) {
      return {tag: focused.tagName, label: (focused.getAttribute('aria-label') ||
        focused.textContent || '').trim().slice(0, 40), width: parseFloat(style.outlineWidth),
        color: style.outlineColor};
    }
  }
  return {tag: focused.tagName, label: (focused.getAttribute('aria-label') ||
    focused.textContent || '').trim().slice(0, 40), width: 0, color: null};
}"""


def _luminance(css_colour: str) -> float:
    """Relative luminance of an rgb()/rgba() colour as drawn on white."""
    values = [float(v) for v in re.findall(r"[\d.]+", css_colour)]
    alpha = values[3] if len(values) > 3 else 1.0
    red, green, blue = ((alpha * v + (1 - alpha) * 255) / 255 for v in values[:3])
    linear = [
        c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (red, green, blue)
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_with_white(css_colour: str) -> float:
    return 1.05 / (_luminance(css_colour) + 0.05)


@pytest.fixture(scope="module")
def stances_page(browser, corpus_server) -> Iterator[Page]:
    """The corpus's Stances page on the State Commission on Prisoners of War and the
    defence ministry (8 rows), opened once for the module."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    actors = ("azerbaijani_pow_commission", "azerbaijani_defence_ministry")
    open_page(page, corpus_server, "stances?" + "&".join(f"actor={a}" for a in actors))
    yield page
    context.close()


def test_the_keyboard_focus_is_clearly_visible(stances_page: Page):
    """Every control the Tab key reaches shows a ring at least 2 px wide, 3:1 on white."""
    page = stances_page
    faint = []
    for _ in range(TAB_PRESSES):
        page.keyboard.press("Tab")
        ring = page.evaluate(FOCUS_RING_JS)
        if ring["tag"] == "BODY":
            continue
        if ring["width"] < MIN_RING_PX or contrast_with_white(ring["color"]) < MIN_RING_CONTRAST:
            faint.append(ring)
    assert not faint


def test_the_stances_matrix_has_a_text_version(stances_page: Page):
    """A table gives the matrix in words: its rows, in its order, stances as words."""
    page = stances_page
    matrix = page.get_by_test_id("stPlotlyChart").first
    assert "Stance matrix" in (matrix.get_attribute("aria-label") or "")
    rows = [text.strip() for text in matrix.locator(".ytick text").all_text_contents()]
    page.get_by_text("The matrix as a table (text)").click()
    table = page.get_by_test_id("stTable").first
    expect(table).to_be_visible()
    names = [cell.strip() for cell in table.locator("tbody tr td:first-child").all_text_contents()]
    # The matrix draws its first row at the top: plotly lists y ticks from the bottom. Its
    # labels are clipped at CLIP_CHARS ("State Commission of Azerbaijan on Prisoners of War,
    # Hostage…"); the table gives the whole name.
    assert any(len(name) > CLIP_CHARS for name in names)
    clipped = [clip(name) for name in names]
    assert clipped == rows[::-1] or clipped == rows
    cells = " ".join(table.locator("tbody td").all_text_contents())
    assert "supports (" in cells
    assert "opposes (" in cells
