"""Live data in a real browser: an annotator edits a copy of the data while the server runs.

The server reads a copy of the seed article. An edited title shows on the next page load;
a broken edit shows the error page naming file, record and field; fixing the file brings
the page back. The server is never restarted.
"""

import shutil

import yaml
from playwright.sync_api import expect

from tests.seed import seed_data_dir

from .helpers import screenshot, wait_for_app

ARTICLE_ID = "france24-2021-05-14-lake-sev"
NEW_TITLE = "An annotator's corrected title"


def _edit(path, change) -> None:
    content = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(content)
    path.write_text(yaml.safe_dump(content, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _heading(page) -> str:
    return page.get_by_test_id("stMain").locator("h1").first.inner_text()


def test_edits_show_without_a_restart(start_server, page, tmp_path):
    """Edit, break and fix a file of the running server's data: each shows on reload."""
    data_dir = tmp_path / "data"
    shutil.copytree(seed_data_dir(), data_dir)
    article = data_dir / "articles" / ARTICLE_ID
    base_url = start_server(data_dir=data_dir)

    page.goto(base_url)
    wait_for_app(page)
    old_title = _heading(page)
    assert old_title != NEW_TITLE

    _edit(article / "article.yaml", lambda meta: meta.update(title=NEW_TITLE))
    page.reload()
    wait_for_app(page)
    expect(page.get_by_test_id("stMain").locator("h1").first).to_have_text(NEW_TITLE)

    statements = article / "statements.yaml"
    valid = statements.read_text(encoding="utf-8")
    _edit(statements, lambda items: items[0].update(speaker_actor_id="nobody"))
    page.reload()
    wait_for_app(page)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text("The dashboard could not load its data")).to_be_visible()
    text = main.inner_text()
    assert "statements.yaml" in text
    assert "field 'speaker_actor_id'" in text
    assert "Traceback" not in text
    screenshot(page, "live-data-broken-edit")

    statements.write_text(valid, encoding="utf-8")
    page.reload()
    wait_for_app(page)
    expect(page.get_by_test_id("stMain").locator("h1").first).to_have_text(NEW_TITLE)
    expect(page.get_by_test_id("stException")).to_have_count(0)
