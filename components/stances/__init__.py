"""The Stances page: the actor x issue matrix, who agrees and who targets whom (frames),
their figures, the page's model and its cached view.
"""
