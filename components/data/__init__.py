"""The data layer: the article as validated, provenance-linked pandas frames.

    from components.data import load_dataset
    ds = load_dataset()          # $DASHBOARD_DATA_DIR or data/
    ds.statements.head()

No streamlit here: it works the same in a notebook.
"""

from .errors import DatasetError, Problem
from .loader import DATA_DIR_ENV, Dataset, load_dataset, resolve_data_dir

__all__ = ["DATA_DIR_ENV", "Dataset", "DatasetError", "Problem", "load_dataset", "resolve_data_dir"]
