"""WCAG 2 contrast of the palette's text on coloured fills (components/app/palette.py)."""

import pytest

from components.app.palette import (
    MIN_TEXT_CONTRAST,
    SIDE_COLOURS,
    STATEMENT_TYPE_COLOURS,
    contrast_ratio,
    text_colour_on,
)


def test_contrast_ratio_matches_wcag():
    assert contrast_ratio("#FFFFFF", "#000000") == pytest.approx(21)
    assert contrast_ratio("#777777", "#777777") == pytest.approx(1)
    # The pair: white on the Okabe-Ito vermillion.
    assert contrast_ratio("#FFFFFF", "#D55E00") == pytest.approx(3.87, abs=0.01)
    assert contrast_ratio("#000000", "#D55E00") == pytest.approx(5.43, abs=0.01)


@pytest.mark.parametrize("fill", sorted({*SIDE_COLOURS.values(), *STATEMENT_TYPE_COLOURS.values()}))
def test_the_chosen_text_colour_reads_on_every_palette_colour(fill):
    """Black or white, whichever is chosen, reaches AA on each of the palette's fills."""
    assert contrast_ratio(text_colour_on(fill), fill) >= MIN_TEXT_CONTRAST
