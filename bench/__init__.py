"""The benchmark: `python -m bench` (`make bench`) measures page reruns against Streamlit's
own floor, cold start in Chromium, and how costs grow with a synthetic corpus.

A benchmark, not a test: it prints a table and writes artifacts/bench/results.json.
"""
