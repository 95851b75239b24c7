"""`visible_value`: how a notice echoes a value from a URL (issue 22)."""

from components.app.text_safety import CLIP_CHARS, EMPTY_VALUE, visible_value

ISOLATE_START, ISOLATE_END = "\u2068", "\u2069"


def _body(shown: str) -> str:
    assert shown.startswith(ISOLATE_START + "`")
    assert shown.endswith("`" + ISOLATE_END)
    return shown[2:-2]


def test_empty_value_is_marked_not_quoted():
    assert visible_value("") == EMPTY_VALUE == "*(empty)*"


def test_bidi_and_invisible_characters_are_escaped():
    body = _body(visible_value("a\u202eb\u2066c\u200bd\x00e\ufeff\U000e0001"))
    assert body == "a\\u202eb\\u2066c\\u200bd\\u0000e\\ufeff\\U000e0001"


def test_spaces_at_the_ends_and_odd_spaces_are_escaped_letters_kept():
    assert _body(visible_value(" Ärménia\u00a0😀 ")) == "\\u0020Ärménia\\u00a0😀\\u0020"
    assert _body(visible_value("a b")) == "a b"


def test_backtick_cannot_end_the_code_span_and_long_values_are_clipped():
    assert _body(visible_value("a`b")) == "a‘b"
    body = _body(visible_value("x" * 1000))
    assert len(body) == CLIP_CHARS
    assert body.endswith("…")
    escaped = _body(visible_value("\u202e" * 1000))
    assert len(escaped) <= CLIP_CHARS
    assert escaped.endswith("…")
    assert "\u202e" not in escaped
