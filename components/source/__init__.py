"""The Source page: the article text with its annotations as markup, the record cards,
and the cached view.
"""
