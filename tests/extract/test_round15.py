"""Rules of round 15 (issue 20), each on real sentences of articles whose errors were
read in earlier rounds, written while round 14's fresh set was recorded. The drafts are
made against the leave-one-out registry the evaluator uses (the corpus registry minus
the aliases only that article has), as a new article meets it."""

from __future__ import annotations

from .conftest import speakers_with


def test_an_office_speaks_in_its_own_name(read_drafts):
    """Armenpress, 21 May: 'The Human Rights Defender of Armenia has carried out
    fact-finding activities in Gegharkunik province, his Office told Armenpress.' and 'The
    Office of the Ombudsman stated that ...': the office, not the ombudsman whose title
    its name holds, nor a new speaker "Office"."""
    draft = read_drafts("armenpress-2021-05-21-ombudsman-gegharkunik")
    office = ["armenian_ombudsman_office"]
    assert speakers_with(draft, "has carried out fact-finding activities") == office
    assert speakers_with(draft, "the results of the visit will be summed up") == office


def test_the_office_is_the_office_that_spoke_before(read_drafts):
    """Hyetert, 13 May: '..., the Ombudsman’s Office reported.' then '“During the
    defender’s visit to Syunik Province, fact-finding activities will be carried out ...,”
    the office said.': the same office, not a new speaker "office"."""
    draft = read_drafts("hyetert-2021-05-13-ombudsman-syunik")
    assert speakers_with(draft, "During the defender’s visit") == ["armenian_ombudsman_office"]
