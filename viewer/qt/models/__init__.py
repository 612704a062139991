"""Qt adapters of the viewer (the only package that imports PySide6)."""
