"""The click bookkeeping of the Stances matrices (components/stances/clicks.py) on a plain
dict for the session state: what each chart frames, and when it must be drawn anew."""

from components.stances.clicks import ClickableMatrix, choose_by_click
from components.stances.sides import side_choice

DRAWN_FOR = ("data", "filter")
CHOICE = "cell"
CELL_IDS = ("a|x", "b|y")
# The cells of two sides' matrices (the split view), and of one matrix.
CELLS = {
    **{side_choice(side, cell): "label" for side in ("armenia", "azerbaijan") for cell in CELL_IDS},
    **dict.fromkeys(CELL_IDS, "label"),
}


def click(state: dict, matrix: ClickableMatrix, cell_id: str | None) -> None:
    """What Streamlit keeps for a click (a selection gone when ``cell_id`` is None)."""
    points = [] if cell_id is None else [{"customdata": cell_id}]
    state[matrix.key] = {"selection": {"points": points}}


def rerun(state: dict, matrices: list[ClickableMatrix]) -> list[tuple[str, str | None]]:
    """One run of the page: (chart key, framed cell) of each matrix."""
    chosen = choose_by_click(state, CHOICE, matrices, CELLS)
    framed = [matrix.framed(chosen, DRAWN_FOR) for matrix in matrices]
    # The key after framed, as the page draws the chart: framed may give it a new one.
    return [(matrix.key, cell) for matrix, cell in zip(matrices, framed, strict=True)]


def two_matrices(state: dict) -> list[ClickableMatrix]:
    return [
        ClickableMatrix(state, f"split_{position}", side_choice(side, ""))
        for position, side in enumerate(("armenia", "azerbaijan"))
    ]


def test_a_click_chooses_its_cell_and_leaves_the_charts_as_they_were():
    state: dict = {}
    first, second = two_matrices(state)
    drawn = rerun(state, [first, second])
    click(state, second, "b|y")
    assert rerun(state, [first, second]) == drawn
    assert state[CHOICE] == "azerbaijan|b|y"


def test_a_click_in_the_other_matrix_draws_the_first_anew_without_its_frame():
    """The first matrix's figure framed nothing and its selection showed a cell: the same
    figure would keep that frame, so the chart takes a new key."""
    state: dict = {}
    first, second = two_matrices(state)
    rerun(state, [first, second])
    click(state, first, "a|x")
    rerun(state, [first, second])
    click(state, second, "b|y")
    (first_key, first_framed), (second_key, _) = rerun(state, [first, second])
    assert state[CHOICE] == "azerbaijan|b|y"
    assert first_key != "split_0"
    assert first_framed is None
    assert second_key == "split_1"
    # Drawn anew, the first chart has no selection: the next run changes nothing.
    assert rerun(state, [first, second])[0] == (first_key, None)


def test_a_picked_cell_leaves_its_frame_when_the_other_matrix_is_clicked():
    """Picked in the list, a cell is framed by its matrix's figure; a click in the other
    matrix chooses another cell, and that figure frames nothing any more."""
    state: dict = {}
    first, second = two_matrices(state)
    state[CHOICE] = "armenia|a|x"
    assert rerun(state, [first, second]) == [("split_0", "a|x"), ("split_1", None)]
    click(state, second, "b|y")
    assert rerun(state, [first, second]) == [("split_0", None), ("split_1", None)]


def test_a_selection_gone_leaves_the_cell_chosen_and_framed_by_the_figure():
    state: dict = {}
    matrix = ClickableMatrix(state, "single")
    rerun(state, [matrix])
    click(state, matrix, "a|x")
    assert rerun(state, [matrix]) == [("single", None)]
    click(state, matrix, None)
    assert rerun(state, [matrix]) == [("single", "a|x")]
    assert state[CHOICE] == "a|x"
