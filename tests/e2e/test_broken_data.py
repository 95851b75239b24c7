"""A broken data folder in a real browser: the error page, readable, with no traceback.

A fresh server reads a copy of data/ where one event quotes words (HTML and Markdown)
that are not in the article. The default page and a deep link both show the error page
naming the file, the record and the field, and what to do.
"""

from playwright.sync_api import Page, expect

from tests.broken import BREAKAGES, write_broken_data
from tests.hostile import SCRIPT

from .helpers import screenshot, wait_for_app

# The breakage whose message quotes HTML and Markdown: the page must show it literally.
BREAKAGE = next(breakage for breakage in BREAKAGES if breakage.name.startswith("hostile"))
# The default page and a deep link to another page.
URL_PATHS = ("", "timeline")


def test_error_page_in_browser(start_server, page, tmp_path):
    """The error page names file, record and field, says what to do; no traceback, no script."""
    base_url = start_server(data_dir=write_broken_data(tmp_path / "data", BREAKAGE))
    for url_path in URL_PATHS:
        check_error_page(page, f"{base_url}/{url_path}")
        screenshot(page, f"broken-data-{url_path or 'overview'}")


def check_error_page(page, url: str) -> None:
    page.goto(url)
    wait_for_app(page)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text("The dashboard could not load its data")).to_be_visible()
    # The advice is the page's last element: on a fresh server the page can be read while
    # its first run is still drawing (wait_for_app may see the state before that run).
    expect(main).to_contain_text("What to do")
    expect(page.get_by_test_id("stException")).to_have_count(0)
    text = main.inner_text()
    for where in (BREAKAGE.file, f"record {BREAKAGE.record}", f"field '{BREAKAGE.field}'"):
        assert where in text, f"{where!r} not on the error page"
    assert "What to do" in text
    assert SCRIPT in text, "the quoted words are shown literally"
    assert "Traceback" not in text
    assert 'File "' not in text
    assert page.evaluate("window.__xss") is None


# What the advice names: the project's interpreter, not a bare `python` (issue 22).
VALIDATE_COMMAND = ".venv/bin/python -m components.data validate"
# How the app's own console messages begin.
CONSOLE_PREFIX = "Lake Sev dashboard:"


def open_error_page(page: Page, url: str) -> tuple[str, list[str]]:
    """Open ``url`` on a server whose data does not load; return the main text and the
    app's messages in the browser console (errors and warnings)."""
    messages: list[str] = []
    page.on(
        "console",
        lambda message: (
            messages.append(message.text)
            if message.type in {"error", "warning"} and message.text.startswith(CONSOLE_PREFIX)
            else None
        ),
    )
    with page.expect_console_message(lambda message: message.text.startswith(CONSOLE_PREFIX)):
        page.goto(url)
    wait_for_app(page)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text("The dashboard could not load its data")).to_be_visible()
    expect(main.get_by_text("What to do")).to_be_visible()
    return main.inner_text(), messages


def test_error_page_advice_and_console_for_a_broken_file(start_server, page, tmp_path):
    """A mistake in a file: the advice names the project's interpreter, and the console
    carries the reason (file, record, field)."""
    folder = write_broken_data(tmp_path / "data", BREAKAGE)
    text, messages = open_error_page(page, start_server(data_dir=folder))
    assert f"{VALIDATE_COMMAND} {folder.resolve()}" in text
    assert "python -m" not in text.replace(VALIDATE_COMMAND, "")
    logged = messages
    assert len(logged) == 1, messages
    for where in (BREAKAGE.file, f"record {BREAKAGE.record}", f"field '{BREAKAGE.field}'"):
        assert where in logged[0]
    assert page.evaluate("window.__xss") is None


def test_error_page_for_a_missing_folder(start_server, page, tmp_path):
    """A data folder that does not exist: the page says so and how to point to another
    one; it does not ask to fix a file."""
    folder = tmp_path / "no-such-folder"
    text, messages = open_error_page(page, start_server(data_dir=folder))
    assert f"the data folder {folder} does not exist" in text
    assert "DASHBOARD_DATA_DIR=/path/to/data make run" in text
    assert "fix" not in text.lower()
    assert "the data folder does not exist" in messages[0]
    screenshot(page, "broken-data-missing-folder")


def test_error_page_for_an_empty_folder_lists_each_problem_once(start_server, page, tmp_path):
    """An empty data folder: every missing file is listed once, and the advice says the
    folder is empty."""
    folder = tmp_path / "empty"
    folder.mkdir()
    text, messages = open_error_page(page, start_server(data_dir=folder))
    for name in ("actors.yaml", "locations.yaml", "issues.yaml"):
        assert text.count(f"empty/{name}") == 1, text
    assert f"the data folder {folder} is empty" in text
    assert "DASHBOARD_DATA_DIR=/path/to/data make run" in text
    assert "fix" not in text.lower()
    assert messages, messages
    screenshot(page, "broken-data-empty-folder")
