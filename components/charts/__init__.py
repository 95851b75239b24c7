"""Pure figure builders: a frame in, a plotly Figure out, no streamlit inside."""
