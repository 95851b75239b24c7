"""Baseline page for the benchmark: Streamlit's own floor, a script that shows nothing."""

import streamlit as st  # noqa: F401
