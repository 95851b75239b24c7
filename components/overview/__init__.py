"""The Overview page: the article, its key figures, the story strip, the contradictions and
the most active speakers (frames), and the cached view.
"""
