"""Translation of user-visible strings: ``QCoreApplication.translate`` with ``%n`` plurals.

Sources are English with Qt's plural convention (``"%n turn(s)"``). Until an English
``.qm`` resolves the plurals, ``(s)`` is resolved here for English (the translation issue
replaces this with real catalogues; a translated text has no ``(s)`` left).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def translate(context: str, text: str, n: int = -1) -> str:
    """``text`` translated in ``context``; with ``n >= 0``, ``%n`` becomes ``n``."""
    out = QCoreApplication.translate(context, text, None, n)
    if n >= 0 and "(s)" in out:
        out = out.replace("(s)", "" if n == 1 else "s")
    return out
