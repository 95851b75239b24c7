"""The Data page: every table to browse and search, with the codebook's help on each
column, every download, and the cached view.
"""
