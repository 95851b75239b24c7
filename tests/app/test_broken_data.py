"""A broken data folder on every page, headless with AppTest: a readable error page.

Whatever page a link opens, a data folder that does not load shows the app's error page
naming the file, the record and the field and saying what to do; never a traceback, and
data text quoted in the message is shown literally.
"""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import dashboard
from tests.broken import BREAKAGES, write_broken_data
from tests.hostile import MARKDOWN_BOLD, SCRIPT

APP_FILE = Path(dashboard.__file__).resolve()
RUN_TIMEOUT_S = 60
PAGE_PATHS = [spec.path for spec in dashboard.PAGES]


@pytest.fixture(scope="module")
def broken_dirs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One broken copy of data/ per kind of breakage."""
    return {
        breakage.name: write_broken_data(tmp_path_factory.mktemp("broken") / "data", breakage)
        for breakage in BREAKAGES
    }


@pytest.mark.parametrize("page_path", PAGE_PATHS)
@pytest.mark.parametrize("breakage", BREAKAGES, ids=lambda breakage: breakage.name)
def test_error_page_names_file_record_field(monkeypatch, broken_dirs, breakage, page_path):
    """The page a link opens shows the error page with file, record, field and what to do."""
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(broken_dirs[breakage.name]))
    app = AppTest.from_file(str(APP_FILE), default_timeout=RUN_TIMEOUT_S)
    app.switch_page(page_path)
    app.run()
    assert not app.exception, [exception.message for exception in app.exception]
    assert "could not load its data" in app.title[0].value
    assert len(app.error) == 1
    message = app.error[0].value
    for where in (breakage.file, breakage.record, breakage.field):
        assert where in message.replace("\\", ""), f"{where!r} not in {message!r}"
    advice = "\n".join(markdown.value for markdown in app.markdown)
    assert "What to do" in advice
    assert "python -m components.data validate" in advice
    texts = [message, advice]
    assert not any("Traceback" in text or 'File "' in text for text in texts)
    assert not any(SCRIPT in text or MARKDOWN_BOLD in text for text in texts)
