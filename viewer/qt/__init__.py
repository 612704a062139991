"""Qt adapters of the viewer (the only package that imports PySide6).

The core modules the first window needs are imported here, before PySide6: once PySide6 is
imported, shiboken's import hook inspects every module imported after it (looking for
"PySide6" in its source), which made start-up about 30 ms slower (``make bench``, start-up
row). ``importlib.metadata`` is what pydantic imports when it builds the first model schema.
The readers are not among them where a child process reads the first file
(:mod:`viewer.core.preload`): this process then needs only the models to receive it.
"""

from importlib import import_module

from viewer.core import preload

for _name in (
    "importlib.metadata",
    "viewer.core.models",
    "viewer.core.navigation",
    "viewer.core.quote",
    "viewer.core.search",
    "viewer.core.speaker_groups",
    *(() if preload.available() else ("viewer.core.transcript_io",)),
):
    import_module(_name)
