"""Which cell a clickable matrix chart frames, and when its chart must be drawn anew: the
bookkeeping between plotly's selection (a click), the page's chosen cell (also set from the
cell list) and the figure. Pure: it reads and writes a session-state mapping (the page
passes st.session_state), no streamlit.

A click frames its cell in the browser by plotly's selection, without a new figure
(components/stances/figures.py): a new figure is a new chart to Streamlit, which drops a
click made while it is drawn. So the figure changes only when the chart must show another
cell than the one its selection shows: a cell picked in the list, a cell chosen in the
other matrix of the split view (nothing to frame here), a selection gone. Then the figure
frames the chosen cell itself (or none), and when that figure is the one already drawn, the
chart takes a new key, so Streamlit draws it anew without the selection.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, MutableMapping
from dataclasses import dataclass

from components.stances.frames import cell_from_selection


@dataclass(frozen=True)
class ClickableMatrix:
    """One matrix chart whose clicks choose a cell, its bookkeeping kept in ``state`` under
    keys starting with ``name``. The page's choices are the matrix's cell ids, each behind
    ``prefix`` (the split view's side, components.stances.sides.side_choice; none for the
    single matrix)."""

    state: MutableMapping
    name: str
    prefix: str = ""

    @property
    def key(self) -> str:
        """The chart's key now: ``name``, then a new one each time it must be drawn anew."""
        drawing = self.state.get(self._drawing_key, 0)
        return self.name if not drawing else f"{self.name}_{drawing}"

    def new_click(self) -> str | None:
        """The choice a click made since the last run, None when nothing new was clicked (an
        old click the chart still remembers, or a selection gone)."""
        clicked = self._clicked()
        seen_key = f"{self.name}_click_seen"
        if clicked == self.state.get(seen_key):
            return None
        self.state[seen_key] = clicked
        return None if clicked is None else self.prefix + clicked

    def framed(self, chosen: str | None, drawn_for: Hashable) -> str | None:
        """The cell id the figure frames, so that the chart shows ``chosen`` (the page's
        choice) framed, if it is in this matrix, and nothing else. ``drawn_for`` is what
        else the figure is made for (data, filter, rows, side): when it changes, the chart
        is drawn anew and its selection goes."""
        here = self._cell_of(chosen)
        clicked = self._clicked()
        framed_key, drawn_key = f"{self.name}_framed", f"{self.name}_drawn"
        redrawn = self.state.get(drawn_key) != drawn_for
        self.state[drawn_key] = drawn_for
        if clicked is not None and clicked == here and not redrawn:
            # The selection shows the chosen cell: the figure stays as it is.
            return self.state.get(framed_key)
        if clicked is not None and clicked != here and self.state.get(framed_key) == here:
            # The figure would stay the same, and with it the selection of another cell:
            # a new key makes a new chart, without it.
            self.state[self._drawing_key] = self.state.get(self._drawing_key, 0) + 1
        self.state[framed_key] = here
        return here

    @property
    def _drawing_key(self) -> str:
        return f"{self.name}_drawing"

    def _clicked(self) -> str | None:
        return cell_from_selection(self.state.get(self.key))

    def _cell_of(self, choice: str | None) -> str | None:
        if choice is None or not choice.startswith(self.prefix):
            return None
        return choice[len(self.prefix) :]


def choose_by_click(
    state: MutableMapping, choice_key: str, matrices: Iterable[ClickableMatrix], choices
) -> str | None:
    """Make a new click on any of ``matrices`` the page's choice (``state[choice_key]``, the
    cell list's value); an old, remembered click changes nothing. A choice no longer among
    ``choices`` is dropped. Returns the choice."""
    for matrix in matrices:
        clicked = matrix.new_click()
        if clicked is not None and clicked in choices:
            state[choice_key] = clicked
    if state.get(choice_key) not in choices:
        state[choice_key] = None
    return state[choice_key]
