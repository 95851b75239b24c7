"""The Map page: the border area and the world figures, a place's records (model) and the
cached view; the geo data and helpers it reads are in components.map.geo.
"""
