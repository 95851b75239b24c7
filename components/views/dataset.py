"""Parts of the whole dataset that several page views need and no filter changes: built
once per data folder and shared, so a new actor choice does not build them again."""

import pandas as pd

from components.app_data import cached_view, full_dataset
from components.contradictions import contradiction_pairs


@cached_view
def dataset_contradictions(data_dir: str) -> pd.DataFrame:
    """`contradiction_pairs` of the whole dataset (the Overview and Stances views scope it)."""
    return contradiction_pairs(full_dataset(data_dir))
