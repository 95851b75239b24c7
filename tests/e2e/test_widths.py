"""Every page at a phone's, a tablet's and a desktop's width, on the corpus (issue 22,
points 3 and 7): nothing wider than the window, no label cut off or run into another, no
key over the map it explains, no empty band between the Stances headers and their matrix.

One visit per width opens every page of the corpus once and the seed's Stances page, and
takes every measure there (the Stances headers, the Map's key, the Timeline's labels when
their page is open); each test then checks its own measures. A measure that could not be
taken fails its own test only, with the error it raised. The desktop width's visit is the
one tests/e2e/test_every_page.py tours on the corpus (tests/e2e/visits.py).

Each page is saved as artifacts/screenshots/width-<width>-<page>.png for a person to look at.
"""

import pytest

from components.data import load_dataset
from tests.conftest import DATA_DIR
from tests.corpus_files import side_story_count
from tests.e2e.conftest import VIEWPORT
from tests.e2e.every_page import WIDTHS
from tests.e2e.visits import WidthVisit, visit_every_page

# Tall enough for a screenshot to show most of a page (Streamlit scrolls its main area,
# not the document, so a full-page screenshot is only the window). The desktop width is
# measured in the desktop visit of tests/e2e/test_every_page.py (`desktop_visit`), at the
# suite's viewport, 900 px tall: its screenshots show less of a page.
SHOT_HEIGHT_PX = 1800

# A pixel of contact between two boxes is not an overlap.
TOUCH_PX = 1

# The widest gap allowed between the issue headers and the matrix's first row, as a share
# of a row's height (it was more than two rows).
HEADER_GAP_MAX_ROWS = 0.5

# The data folders whose Stances headers are measured (the corpus's on the corpus visit,
# the seed's on its own page).
DATA_FOLDERS = ("seed", "corpus")


@pytest.fixture(scope="module", params=WIDTHS, ids=lambda width: f"{width}px")
def width_visit(request, browser, corpus_server, app_server) -> WidthVisit:
    """Every page of the corpus, then the seed's Stances page, at one width, measured."""
    if request.param == VIEWPORT["width"]:
        visit, _ = request.getfixturevalue("desktop_visit")
        return visit
    viewport = {"width": request.param, "height": SHOT_HEIGHT_PX}
    return visit_every_page(browser, corpus_server, app_server, viewport)


def test_every_page_fits_the_window_with_no_label_cut_off(width_visit):
    """No page is wider than the window; no button, field or label is cut off (the Data
    page's CSV buttons, the Timeline's "Item" placeholder); every page is shot."""
    assert not width_visit.problems, "\n".join(width_visit.problems)


@pytest.mark.parametrize("data", DATA_FOLDERS)
def test_the_stances_headers_do_not_overlap(width_visit, data):
    """The matrix's issue headers stay apart at every width (at 390 px they ran together;
    the seed's seven level headers at 390 and 768 px too)."""
    assert width_visit.get(f"overlaps {data}") == []
    # Plotly leaves out headers that have no room: every issue has its own.
    issues = load_dataset(DATA_DIR if data == "corpus" else None).issues
    assert width_visit.get(f"headers {data}") == len(issues)


@pytest.mark.parametrize("data", DATA_FOLDERS)
def test_the_stances_headers_sit_just_above_the_matrix(width_visit, data):
    """The issue headers end just above the matrix's first row: no band of empty rows
    between them, and no header reaching into the squares."""
    gap, row_height, rows = width_visit.get(f"gap {data}")
    assert rows > 1, "the matrix has fewer than two rows"
    assert -TOUCH_PX <= gap <= HEADER_GAP_MAX_ROWS * row_height, (
        f"{gap:.0f} px between the headers and the first row (a row is {row_height:.0f} px)"
    )


def test_the_map_legend_leaves_the_map_clear(width_visit):
    """The border map's legend covers none of the map (at 390 px it hid the bottom of it)
    and fits in the chart's width, so none of it is cut off."""
    key, area, frame = width_visit.get("map")
    apart = (
        key["y"] + key["height"] <= area["y"] + TOUCH_PX
        or area["y"] + area["height"] <= key["y"] + TOUCH_PX
        or key["x"] + key["width"] <= area["x"] + TOUCH_PX
        or area["x"] + area["width"] <= key["x"] + TOUCH_PX
    )
    assert apart, f"the legend {key} covers the map {area}"
    assert frame["x"] - TOUCH_PX <= key["x"], f"the legend {key} starts left of the chart {frame}"
    assert key["x"] + key["width"] <= frame["x"] + frame["width"] + TOUCH_PX, (
        f"the legend {key} runs past the chart {frame}"
    )


def test_the_timeline_labels_do_not_collide(width_visit):
    """The Timeline's dates, lanes and notes above them ("5 earlier items …") stay apart."""
    assert width_visit.get("timeline") == []


def test_the_overview_axis_labels_do_not_collide(width_visit):
    """The stories per week: its weeks and its stories axis's labels stay apart (at 390 and
    768 px, labels every 5 stories up to 35 ran into each other)."""
    assert width_visit.get("overview") == []


def test_the_sources_strip_numbers_can_be_read(width_visit):
    """The strip of when each side spoke: its numbers stay apart from each other and from
    the axes' labels, each inside its cell (a day's cell was 3 px wide at 1400 px, and the
    numbers of neighbouring days ran together), and they add up to the stories of the
    corpus's files, a story counting once per side. On a desktop the whole strip shows (at
    1440 px, April and May 2022 lay out of sight, to be scrolled to); a phone scrolls it."""
    overlaps, counts, hidden = width_visit.get("sources")
    assert overlaps == [], f"{len(overlaps)} pairs of labels overlap, {overlaps[:5]}"
    too_wide = [count for count in counts if count["width"] > count["cell"] - TOUCH_PX]
    assert not too_wide, f"{len(too_wide)} numbers wider than their cell, {too_wide[:3]}"
    assert sum(int(count["text"]) for count in counts) == side_story_count()
    if width_visit.width >= VIEWPORT["width"]:
        assert hidden <= 0, f"{hidden} px of the strip lie out of sight at {width_visit.width} px"
