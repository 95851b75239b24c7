"""What every page shares: routing, session and URL state, the sidebar filter, cached
dataset access, text safety, how figures are made, the palette, the server warm-up.
"""
