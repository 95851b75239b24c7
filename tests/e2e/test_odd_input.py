"""Odd values in a link, in a real browser (issue 22): an empty value and invisible or
direction-changing characters are shown escaped and marked, wherever a URL value is echoed.

Before, `?actor=` gave a notice quoting nothing (two backticks' worth of empty code) and a
right-to-left override (U+202E) in a value turned the rest of the notice around.
"""

from urllib.parse import quote

import pytest
from playwright.sync_api import Page, expect

from .helpers import screenshot, wait_for_app

RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE
# Characters that must never reach the page as themselves in a notice.
INVISIBLE = [RLO, "\u2066", "\u200b", "\u0000", "\ufeff"]


def _sidebar_notice(page: Page, url: str) -> str:
    page.goto(url)
    wait_for_app(page)
    notice = page.get_by_test_id("stSidebar").get_by_test_id("stAlert")
    expect(notice).to_have_count(1)
    return notice.inner_text()


def test_empty_actor_value_is_marked(app_server, page):
    """`?actor=` names an actor with no id: the notice says (empty), not an empty quote."""
    text = _sidebar_notice(page, f"{app_server}/?actor=")
    assert "(empty)" in text
    assert text.rstrip().endswith("(empty)"), text
    screenshot(page, "odd-input-empty-actor")


@pytest.mark.parametrize("param", ["actor", "outlet", "side"])
def test_bidi_override_in_a_value_is_escaped(app_server, page, param):
    """A value with U+202E (and other invisible characters) is shown with \\u escapes,
    and the notice's own words keep their order."""
    value = f"evil{RLO}txt.exe" + "".join(INVISIBLE[1:])
    text = _sidebar_notice(page, f"{app_server}/?{param}={quote(value)}")
    assert "evil\\u202etxt.exe\\u2066\\u200b\\u0000\\ufeff" in text, text
    assert not any(char in text for char in INVISIBLE), ascii(text)
    assert text.index("left out") < text.index("evil"), text
    if param == "actor":
        screenshot(page, "odd-input-bidi-actor")


def test_bidi_override_in_an_article_link_is_escaped(app_server, page):
    """The Source page's notice for an unknown ?article= shows the value escaped too."""
    page.goto(f"{app_server}/source?article={quote('x' + RLO + 'y')}")
    wait_for_app(page)
    notice = page.get_by_test_id("stMain").get_by_test_id("stAlert").filter(has_text="article")
    expect(notice).to_contain_text("x\\u202ey")
    assert RLO not in notice.inner_text()
    screenshot(page, "odd-input-bidi-article")


def test_bidi_override_in_a_record_link_is_escaped(app_server, page):
    """The Source page's notice for an unknown ?statement= shows the value escaped too."""
    page.goto(f"{app_server}/source?statement={quote(RLO + 's99')}")
    wait_for_app(page)
    notice = page.get_by_test_id("stMain").get_by_test_id("stAlert").filter(has_text="statement")
    expect(notice).to_contain_text("\\u202es99")
    assert RLO not in notice.inner_text()
