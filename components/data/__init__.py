"""The data layer: the article as validated, provenance-linked pandas frames.

    from components.data import load_dataset
    ds = load_dataset()          # $DASHBOARD_DATA_DIR or data/
    ds.statements.head()

No streamlit here: it works the same in a notebook. Validated tables are kept in a build
cache outside the data folder ($DASHBOARD_CACHE_DIR, components/data/cache.py).
"""

from .cache import CACHE_DIR_ENV, folder_fingerprint
from .errors import DatasetError, Problem
from .loader import DATA_DIR_ENV, Dataset, load_dataset, resolve_data_dir

__all__ = [
    "CACHE_DIR_ENV",
    "DATA_DIR_ENV",
    "Dataset",
    "DatasetError",
    "Problem",
    "folder_fingerprint",
    "load_dataset",
    "resolve_data_dir",
]
