"""The layouts' family names, for ``--layout`` and ``--help``, without importing the readers.

The readers (``viewer.core.formats``) are the source: a test checks this tuple against their
``NAME``\\ s, in their order. The command line needs only the names, and the window's process
never imports the readers when a child reads the first file (``viewer.core.preload``).
"""

from __future__ import annotations

from typing import Final

LAYOUT_NAMES: Final[tuple[str, ...]] = (
    "statementdog",
    "en-zhhans-pairs",
    "alphamemo",
    "markdown",
    "earningscall",
    "sentences",
    "refinitiv",
    "seekingalpha",
    "motleyfool-text",
    "motleyfool-json",
)
