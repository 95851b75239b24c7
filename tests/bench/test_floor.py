"""The benchmark's floor is honest: it shows exactly what the page showed, nothing less.

The page bench compares each page's warm rerun with its floor (the same things shown,
already built). A floor that dropped containers, widgets or links would make every page
look slow; one that showed more would flatter it. Both are checked here on every page.
"""

import pytest
from streamlit.testing.v1 import AppTest

import dashboard
from bench import pages as bench_pages
from bench.data_layer import clear_streamlit_caches


@pytest.mark.parametrize("spec", dashboard.PAGES, ids=lambda spec: spec.url_path)
def test_the_floor_shows_the_same_element_tree_as_the_page(spec):
    clear_streamlit_caches()
    with bench_pages.server_steady_state():
        app = AppTest.from_file(bench_pages.APP_FILE, default_timeout=60)
        bench_pages.open_page(app, spec.path)
        app.run()
        with bench_pages.recording() as recorder:
            app.run()
            calls = list(recorder.calls)
        assert not app.exception
        shown = bench_pages.element_counts(app)
    # The shell's filter (a widget in the sidebar) and the page's columns are replayed too,
    # not only the charts and texts.
    assert {"sidebar", "multiselect", "column"} <= set(shown)

    floor = bench_pages.measure_floor(spec.path, calls, runs=1)

    assert floor["elements"] == shown
    assert floor["median_ms"] > 0
