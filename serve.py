"""The server: `streamlit run serve.py` (what `make run` does) serves the dashboard.

It serves dashboard.py, the app's router, as `streamlit run dashboard.py` would, and as
the server starts it loads the data in the background (components.app.warm_up).
Streamlit runs an app's script only once a browser has connected, so without this the
first reader waits for the dataset to be read and validated after the page has loaded;
with it, that work overlaps the browser's loading of the page.
"""

import threading
from contextlib import asynccontextmanager

import streamlit as st


def _warm_up() -> None:
    # Imported here, in the thread: the server answers while pandas and plotly load.
    from components.app.warm_up import warm_up

    warm_up()


@asynccontextmanager
async def _lifespan(_app):
    threading.Thread(target=_warm_up, name="warm-up", daemon=True).start()
    yield


app = st.App("dashboard.py", lifespan=_lifespan)
