"""Baseline page for the benchmark: replays a page's recorded outputs, already built.

bench.pages records every st.* output call of a page run (the same figure objects, frames
and texts) in RECORDED_CALLS; this script only sends them again. AppTest runs it in the
benchmark's own process, so it sees that list.
"""

import streamlit as st

from bench.pages import RECORDED_CALLS

for method, args, kwargs in RECORDED_CALLS:
    getattr(st, method)(*args, **kwargs)
