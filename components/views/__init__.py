"""The cached views of the pages: everything a page derives from the data, built once per
argument set (components.app_data.cached_view) and shared by every session.

They live here, imported once per process, and not in the page scripts, which Streamlit
executes again on every rerun: decorating a function with st.cache_resource reads its
source to key the cache (about 1 ms a function), so a view defined in a page cost that on
every rerun. One module per page; a page only lays out what its view module returns.
"""
