"""Steps for the browser tests of what every page shares (widths, requests, accessibility):
opening a page with its charts drawn, and measures taken in the page (overflow, truncated
labels, label boxes as the screen shows them). The corpus server is the session's
(`corpus_server` in tests/e2e/conftest.py).
"""

from playwright.sync_api import Page, expect

import dashboard
from tests.e2e.helpers import APP_TIMEOUT_MS, wait_for_app

# The default page is served at "/" (its own path, "/overview", leads there).
PAGE_PATHS = ["" if index == 0 else spec.url_path for index, spec in enumerate(dashboard.PAGES)]

# A phone, a tablet, a desktop.
WIDTHS = (390, 768, 1400)

# How long the charts may take to draw after the script run ends (a map loads its glyphs).
CHART_TIMEOUT_MS = 20_000

# After a chart's labels appear: plotly may place them again once it knows its width.
LABELS_SETTLE_MS = 1_000

# Whether the page, or the main area that scrolls it, is wider than the window.
OVERFLOW_JS = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  return {
    document: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    main: main ? main.scrollWidth - main.clientWidth : 0,
  };
}"""

# The texts inside ``root`` that are cut off: wider than a box that hides the rest;
# an empty field's placeholder measured in the field's font against its inner width.
TRUNCATED_JS = """(root) => {
  const cut = [];
  const canvas = document.createElement('canvas').getContext('2d');
  for (const el of [root, ...root.querySelectorAll('*')]) {
    const style = getComputedStyle(el);
    if (el.tagName === 'INPUT' && el.placeholder && !el.value) {
      canvas.font = style.font;
      const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      if (canvas.measureText(el.placeholder).width > room + 1) cut.push(el.placeholder);
      continue;
    }
    // A box that scrolls sideways (a wide chart, a long row of options) hides nothing.
    if (['visible', 'auto', 'scroll'].includes(style.overflowX) || !el.textContent.trim()) continue;
    if (el.scrollWidth > el.clientWidth + 1) cut.push(el.textContent.trim());
  }
  return cut;
}"""

# The four corners of each SVG text (its own box turned as the screen shows it: a slanted
# label is a slanted rectangle), for the texts ``selector`` finds in ``root``.
TEXT_CORNERS_JS = """([root, selector]) => [...root.querySelectorAll(selector)]
  .filter((t) => t.textContent.trim() && t.getBBox().width > 0)
  .map((t) => {
    const box = t.getBBox();
    const m = t.getScreenCTM();
    const corners = [[box.x, box.y], [box.x + box.width, box.y],
      [box.x + box.width, box.y + box.height], [box.x, box.y + box.height]]
      .map(([x, y]) => { const p = new DOMPoint(x, y).matrixTransform(m); return [p.x, p.y]; });
    return {text: t.textContent, corners};
  })"""


def wait_for_charts(page: Page) -> None:
    """Wait until every plotly chart on the page is drawn."""
    charts = page.get_by_test_id("stPlotlyChart")
    for index in range(charts.count()):
        expect(charts.nth(index).locator(".main-svg").first).to_be_attached(
            timeout=CHART_TIMEOUT_MS
        )


def open_page(page: Page, base_url: str, path: str) -> None:
    """Go to a page and wait for its run to end and every chart on it to be drawn."""
    page.goto(f"{base_url}/{path}")
    # Right after connecting, before its first run starts, the app already reads as idle;
    # the page's heading comes with the run. An element whose code loads on demand (a
    # chart, a table) stands as a skeleton until that code is ready, seconds after the run.
    expect(page.locator("h1").first).to_be_visible(timeout=APP_TIMEOUT_MS)
    wait_for_app(page)
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0, timeout=APP_TIMEOUT_MS)
    wait_for_charts(page)
    wait_for_app(page)


def _axis_gap(a: list, b: list) -> bool:
    """Whether two convex polygons are apart: some edge's normal separates them (SAT)."""
    for polygon in (a, b):
        for i, (x1, y1) in enumerate(polygon):
            x2, y2 = polygon[(i + 1) % len(polygon)]
            normal = (y1 - y2, x2 - x1)
            project_a = [normal[0] * x + normal[1] * y for x, y in a]
            project_b = [normal[0] * x + normal[1] * y for x, y in b]
            length = (normal[0] ** 2 + normal[1] ** 2) ** 0.5 or 1
            # Touching by under a pixel does not count as overlapping.
            if (min(project_b) - max(project_a)) / length > -1 or (
                min(project_a) - max(project_b)
            ) / length > -1:
                return True
    return False


def overlapping_texts(page: Page, root_selector: str, text_selector: str) -> list[tuple]:
    """Pairs of SVG texts under the first ``root_selector`` whose shapes overlap on screen."""
    root = page.locator(root_selector).first
    # The chart is drawn before its labels are placed.
    expect(root.locator(text_selector).first).to_be_attached(timeout=CHART_TIMEOUT_MS)
    page.wait_for_timeout(LABELS_SETTLE_MS)
    labels = page.evaluate(TEXT_CORNERS_JS, [root.element_handle(), text_selector])
    assert labels, f"no {text_selector} under {root_selector}"
    return [
        (first["text"], second["text"])
        for i, first in enumerate(labels)
        for second in labels[i + 1 :]
        if not _axis_gap(first["corners"], second["corners"])
    ]
