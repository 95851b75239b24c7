"""Overview: which article the dashboard is built from and how much it holds for the filter."""

import streamlit as st

from components.app_data import get_dataset, get_filtered_dataset
from components.overview import article_source_lines, key_counts
from components.routing import ensure_router
from components.state import selected_actor_ids

ensure_router()

st.title("Lake Sev border crisis, May 2021")
for line in article_source_lines(get_dataset().articles):
    st.caption(f"Source: {line}")

if selected_actor_ids():
    st.markdown("Counts for what concerns the actors chosen in the sidebar.")
else:
    st.markdown("Counts for the whole article. Choose actors in the sidebar to narrow them.")

counts = key_counts(get_filtered_dataset())
for column, (label, count) in zip(st.columns(len(counts)), counts.items(), strict=True):
    column.metric(label, count, border=True)
