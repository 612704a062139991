"""Pure-Python core of the viewer: parsing, models, figures, search, statistics, export.

Nothing under ``viewer.core`` may import Qt (a test enforces it).
"""
