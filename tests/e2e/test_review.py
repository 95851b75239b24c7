"""Real-browser test of the Review page: review a real corpus article end to end with the
keyboard, download the folder as a ZIP, and check that it validates once merged into a
copy of the registry."""

from __future__ import annotations

import io
import re
import shutil
import zipfile

import yaml
from playwright.sync_api import expect

from components.data.__main__ import main as validate_main
from components.review.frames import ADDITIONS_FILE
from tests.conftest import DATA_DIR, folder_digest
from tests.e2e.helpers import screenshot, wait_for_app, wait_for_rerun

ARTICLE_ID = "eutoday-2021-05-27-sabotage"
TEXT = (DATA_DIR / "articles" / ARTICLE_ID / "article.txt").read_text(encoding="utf-8")
# Where a grid's first cell is (Streamlit's header and row heights), and how many cells
# right of it the new actor's type is: columns Name, Id, Type.
HEADER_PX = 35
ROW_PX = 35
FIRST_COLUMN_PX = 20
TYPE_COLUMN = 2


def type_into(page, label: str, value: str) -> None:
    """Focus a text field by its label, type, and leave it with Tab (which commits it)."""
    page.get_by_label(label, exact=True).focus()
    page.keyboard.type(value)
    page.keyboard.press("Tab")
    wait_for_rerun(page)


def choose(page, label: str, option: str) -> None:
    """Open a selectbox from the keyboard, type the option's words, pick it with Enter."""
    page.get_by_label(label, exact=True).focus()
    page.keyboard.type(option)
    expect(page.get_by_role("option", name=option, exact=True)).to_be_visible()
    page.keyboard.press("Enter")
    wait_for_rerun(page)


def test_review_a_real_article_end_to_end(corpus_server, page, tmp_path):
    """Fill the form, draft, give the new speaker its type, download: the ZIP's folder,
    merged with its registry additions into a registry copy, validates."""
    before = folder_digest(DATA_DIR)
    page.goto(f"{corpus_server}/review")
    wait_for_app(page)

    page.get_by_label("Article text").fill(TEXT)  # a paste
    page.keyboard.press("Tab")
    wait_for_rerun(page)
    type_into(page, "Outlet", "EU Today")
    choose(page, "Outlet type", "private media")
    choose(page, "Side of the outlet", "west")
    page.get_by_role("spinbutton", name="day, Published").focus()
    page.keyboard.type("27")
    page.keyboard.press("Tab")
    wait_for_rerun(page)
    type_into(page, "Title", 'Azerbaijan: troops foil Armenian border "sabotage" attempt')
    type_into(page, "Rights", "© EU Today (text credited to the BBC); quoted verbatim")
    page.get_by_role("button", name="Draft statements").focus()
    page.keyboard.press("Enter")
    wait_for_rerun(page)
    type_into(page, "Article id (the folder's name)", ARTICLE_ID)

    # The draft is in the text, numbered, with its cue words; the unnamed "officials" of
    # its first sentence are new to the registry, and the validator asks for their type.
    article = page.locator(".st-key-review_article")
    expect(article.locator(".rv-num").first).to_be_visible()
    drafted = article.locator(".rv-num").count()
    assert drafted >= 1
    expect(article.locator("b.rv-cue", has_text="said").first).to_be_visible()
    problems = page.locator(".st-key-review_problems")
    expect(problems.locator("td", has_text=re.compile("^actor_type$"))).to_have_count(1)

    # The new speaker's type: one click puts its grid in focus, then the keyboard: arrows
    # move to the Type cell, Enter opens its choices, typing filters them, Enter picks.
    grid = page.locator('[class*="st-key-review_actors_"] [data-testid=stDataFrameResizable]')
    # A click on the element where it is when clicked (Playwright waits for it to be
    # stable), not on a box measured before: the page above it may still be settling.
    grid.click(position={"x": FIRST_COLUMN_PX, "y": HEADER_PX + ROW_PX / 2})
    expect(grid.get_by_test_id("data-grid-canvas")).to_be_focused()
    for _ in range(TYPE_COLUMN):
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    # The cell's choices open (a list of options) before typing filters them: under load
    # the keys would otherwise reach the grid before its editor.
    expect(page.get_by_role("option").first).to_be_visible()
    page.keyboard.type("group")
    expect(page.get_by_role("option", name="group", exact=True)).to_be_visible()
    page.keyboard.press("Enter")
    wait_for_rerun(page)
    expect(page.get_by_text("The folder is valid")).to_be_visible()
    expect(article.locator(".rv-num")).to_have_count(drafted)
    screenshot(page, "review-valid")

    button = page.get_by_role("button", name=f"Download {ARTICLE_ID}.zip")
    button.focus()
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    archive = zipfile.ZipFile(io.BytesIO(download_info.value.path().read_bytes()))

    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    shutil.rmtree(data / "articles" / ARTICLE_ID)
    archive.extractall(data / "articles")
    folder = data / "articles" / ARTICLE_ID
    additions = yaml.safe_load((folder / ADDITIONS_FILE).read_text(encoding="utf-8"))
    assert [(a["actor_name"], a["actor_type"]) for a in additions["actors"]] == [
        ("officials", "group")
    ]
    (folder / ADDITIONS_FILE).unlink()
    registry = data / "actors.yaml"
    actors = yaml.safe_load(registry.read_text(encoding="utf-8")) + additions["actors"]
    registry.write_text(yaml.safe_dump(actors, allow_unicode=True), encoding="utf-8")
    statements = yaml.safe_load((folder / "statements.yaml").read_text(encoding="utf-8"))
    assert len(statements) == drafted
    assert validate_main(["validate", str(data)]) == 0
    assert folder_digest(DATA_DIR) == before
