"""Real-browser tests of the Map page, with every request outside the app blocked."""

from urllib.parse import urlparse

import pytest
from PIL import Image
from playwright.sync_api import Page, expect

from components.app.places import geo_dir, place_activity
from components.app.state import actor_choices
from components.data import load_dataset
from components.map.figures import (
    BORDER_AREA_ZOOM,
    OPENING_MAPS_PX,
    PLACE_LABELS_NAME,
    border_label_layout,
    opening_frames,
)
from components.map.geo import (
    PREFERRED_CRISIS_LOCATION_ID,
    context_places,
    crisis_site,
    events_at,
    load_geo_layers,
    statements_about,
    statements_from_seat,
    with_distance_km,
)
from components.map.labels import pixel
from components.map.sides import sector_center
from tests.e2e.helpers import APP_TIMEOUT_MS, pick_actor, screenshot, wait_for_app, wait_for_rerun
from tests.seed import DATA_DIR

# The plotly MapLibre map inside the chart element: its graph div carries _fullLayout.
MAP_JS = "document.querySelector('.js-plotly-plot')._fullLayout.map._subplot.map"

# A map drawn on a plain background has some hundreds of colours (fills, lines, text
# antialiasing); a blank or failed canvas has a handful.
MIN_MAP_COLOURS = 50
# How often and how far apart the canvas is checked for a drawn map.
DRAW_POLLS = 20
DRAW_POLL_MS = 500


@pytest.fixture
def offline_page(page: Page, app_server: str) -> tuple[Page, list[str]]:
    """The browser page with every request not to the app's host aborted; the aborted URLs."""
    app_host = urlparse(app_server).netloc
    blocked: list[str] = []

    def route(request_route):
        url = request_route.request.url
        if urlparse(url).netloc == app_host or url.startswith(("data:", "blob:")):
            request_route.continue_()
        else:
            blocked.append(url)
            request_route.abort()

    page.route("**/*", route)
    return page, blocked


def wait_for_map(page: Page) -> None:
    """Wait until MapLibre has its style and every layer's source (not the last frame: a
    software-rendered canvas takes seconds more to go idle, so the pixels are polled)."""
    page.wait_for_function(
        f"() => {{ try {{ const m = {MAP_JS}; return m.isStyleLoaded() && m.areTilesLoaded(); }}"
        " catch (e) { return false; } }",
        timeout=APP_TIMEOUT_MS,
    )


def wait_for_drawn_map(page: Page, name: str) -> None:
    """Wait until the map canvas shows a drawn map (many colours), saving the screenshot."""
    colours = 0
    for _ in range(DRAW_POLLS):
        colours = map_colours(page, name)
        if colours >= MIN_MAP_COLOURS:
            return
        page.wait_for_timeout(DRAW_POLL_MS)
    raise AssertionError(f"the map canvas stayed blank ({colours} colours)")


def map_colours(page: Page, name: str) -> int:
    """Screenshot the map element and count its distinct colours."""
    path = screenshot(page, name)
    chart = page.locator(".js-plotly-plot").first.bounding_box()
    image = Image.open(path).convert("RGB")
    box = (chart["x"], chart["y"], chart["x"] + chart["width"], chart["y"] + chart["height"])
    crop = image.crop(tuple(int(v) for v in box))
    return len(crop.getcolors(maxcolors=1_000_000))


def click_lon_lat(page: Page, lon: float, lat: float) -> None:
    """Click the map where MapLibre draws (lon, lat)."""
    point = page.evaluate(f"() => {MAP_JS}.project([{lon}, {lat}])")
    box = page.locator(".js-plotly-plot .maplibregl-canvas").first.bounding_box()
    page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    wait_for_rerun(page)


def move_off_the_points(page: Page) -> None:
    """Rest the mouse on an empty edge of the map, so no hover label hides the screenshot."""
    box = page.locator(".js-plotly-plot .maplibregl-canvas").first.bounding_box()
    page.mouse.move(box["x"] + box["width"] - 5, box["y"] + box["height"] / 2)


def test_border_map_draws_offline_and_click_lists_statements(offline_page, app_server):
    """With only the app reachable, the map draws; clicking Sev Lich lists its statements."""
    page, blocked = offline_page
    ds = load_dataset()
    lake = ds.locations.set_index("location_id").loc[PREFERRED_CRISIS_LOCATION_ID]
    page.goto(f"{app_server}/map")
    wait_for_app(page)
    wait_for_map(page)
    center = page.evaluate(f"() => {MAP_JS}.getCenter()")
    assert center["lat"] == pytest.approx(lake["lat"], abs=0.01)
    wait_for_drawn_map(page, "map-border-offline")
    assert all(urlparse(url).netloc != urlparse(app_server).netloc for url in blocked)

    click_lon_lat(page, lake["lon"], lake["lat"])
    expected = statements_about(ds, PREFERRED_CRISIS_LOCATION_ID)
    links = page.locator('a[href*="source?statement="]')
    expect(links).to_have_count(len(expected))
    expect(page.locator('a[href*="source?event="]')).to_have_count(
        len(events_at(ds, PREFERRED_CRISIS_LOCATION_ID))
    )
    first_href = links.first.get_attribute("href")
    assert f"statement={expected['statement_id'].iloc[0]}" in first_href
    assert not page.get_by_test_id("stException").count()
    move_off_the_points(page)
    screenshot(page, "map-border-clicked")


def test_world_map_click_lists_a_seats_statements(offline_page, app_server):
    """The world view draws offline; clicking Washington lists the statements made there."""
    page, _ = offline_page
    ds = load_dataset()
    washington = ds.locations.set_index("location_id").loc["washington_dc"]
    page.goto(f"{app_server}/map")
    wait_for_app(page)
    page.get_by_test_id("stMain").get_by_text("World", exact=True).click()
    wait_for_rerun(page)
    wait_for_map(page)
    wait_for_drawn_map(page, "map-world-offline")
    click_lon_lat(page, washington["lon"], washington["lat"])
    links = page.locator('a[href*="source?statement="]')
    expect(links).to_have_count(len(statements_from_seat(ds, "washington_dc")))
    move_off_the_points(page)
    screenshot(page, "map-world-clicked")


def test_filter_keeps_the_map_and_fades_other_places(offline_page, app_server):
    """With an actor chosen, the map still draws and the clicked place lists fewer records."""
    page, _ = offline_page
    ds = load_dataset()
    lake = ds.locations.set_index("location_id").loc[PREFERRED_CRISIS_LOCATION_ID]
    page.goto(f"{app_server}/map")
    wait_for_app(page)
    pick_actor(page, actor_choices(ds.actors)["france"])
    wait_for_map(page)
    expect(page.get_by_text("faded", exact=False)).to_be_visible()
    click_lon_lat(page, lake["lon"], lake["lat"])
    links = page.locator('a[href*="source?statement="]')
    expect(links.first).to_be_visible()
    assert links.count() < len(statements_about(ds, PREFERRED_CRISIS_LOCATION_ID))
    move_off_the_points(page)
    screenshot(page, "map-border-filtered")


def test_corpus_labels_sit_where_their_boxes_were_computed(page: Page, corpus_server):
    """On the whole corpus, MapLibre opens at the zoom the labels were laid out for and puts
    every labelled point where components/map/labels.py measured it (so boxes computed
    apart are drawn apart); each label trace keeps its position."""
    ds = load_dataset(DATA_DIR)
    layers = load_geo_layers(geo_dir(ds))
    lake = crisis_site(ds.locations, ds.statements, ds.events)
    activity = with_distance_km(
        place_activity(ds.locations, ds.statements, ds.events), lake["lat"], lake["lon"]
    )
    towns = with_distance_km(context_places(layers.places, ds.locations), lake["lat"], lake["lon"])
    view_center = sector_center(ds.locations, "border")
    layout = border_label_layout(
        layers, activity, towns, (lake["lat"], lake["lon"]), BORDER_AREA_ZOOM, view_center
    )
    places = activity.set_index("location_id")
    page.goto(f"{corpus_server}/map")
    wait_for_app(page)
    wait_for_map(page)
    assert page.evaluate(f"() => {MAP_JS}.getZoom()") == pytest.approx(BORDER_AREA_ZOOM)
    center = page.evaluate(f"() => {MAP_JS}.getCenter()")
    x0, y0 = pixel(center["lat"], center["lng"], BORDER_AREA_ZOOM)
    for key, placed in layout.items():
        if placed is None or not key.startswith("place:"):
            continue
        row = places.loc[key.removeprefix("place:")]
        drawn = page.evaluate(f"() => {MAP_JS}.project([{row['lon']}, {row['lat']}])")
        origin = page.evaluate(f"() => {MAP_JS}.project([{center['lng']}, {center['lat']}])")
        x, y = pixel(row["lat"], row["lon"], BORDER_AREA_ZOOM)
        assert drawn["x"] - origin["x"] == pytest.approx(x - x0, abs=1), key
        assert drawn["y"] - origin["y"] == pytest.approx(y - y0, abs=1), key
    positions = page.evaluate(
        "() => document.querySelector('.js-plotly-plot')._fullData"
        f".filter(t => t.name.startsWith('{PLACE_LABELS_NAME} ('))"
        ".map(t => [t.textposition, t.text.length])"
    )
    shown = [p.position for key, p in layout.items() if p and key.startswith("place:")]
    assert sorted(positions) == sorted([position, shown.count(position)] for position in set(shown))
    # The frame its labels were kept inside for this screen's width is the map between the
    # legend's rows and the credits' line (it had been taken for the chart's full height,
    # its top under the legend; the credits, over the map, hid the labels at its foot).
    width, height, bottom, credits, x, y = page.evaluate(
        f"() => {{ const m = {MAP_JS}; const c = m.getContainer().getBoundingClientRect();"
        " const credits = document.querySelector('.js-plotly-plot .annotation')"
        ".getBoundingClientRect(); const o = m.project(m.getCenter());"
        " return [c.width, c.height, c.bottom, credits.top, o.x, o.y]; }"
    )
    assert credits >= bottom - 1, "the credits' line lies under the map"
    frames = opening_frames(view_center, BORDER_AREA_ZOOM)
    [frame] = [f for (w, _), f in zip(OPENING_MAPS_PX, frames, strict=True) if w == width]
    x0, y0 = pixel(*view_center, BORDER_AREA_ZOOM)
    assert (frame.left - x0, frame.top - y0, frame.right - x0, frame.bottom - y0) == (
        pytest.approx((-x, -y, width - x, height - y), abs=1)
    )
    wait_for_drawn_map(page, "map-border-corpus-labels")
