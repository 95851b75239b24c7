"""The Timeline page: the dataset's items placed in lanes or counted per period (frames),
drawn (figures), cached for the page (view).
"""
