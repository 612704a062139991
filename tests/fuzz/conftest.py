"""Hypothesis profiles for the fuzz suite.

``ci`` (the default): 30 derandomized examples per property, fast enough for ``make test``.
``fuzz``: many more, for ``make fuzz`` (``HYPOTHESIS_PROFILE=fuzz``), time-boxed by the
Makefile. No deadline in either: the machine is shared, and hangs are caught by the
watchdog in ``harness.time_limit`` instead.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_COMMON = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}
# CI: few examples per property and a fixed seed, so a run is quick and repeatable;
# ``make fuzz`` is where the volume is.
settings.register_profile("ci", max_examples=30, derandomize=True, **_COMMON)  # type: ignore[arg-type]
settings.register_profile(
    "fuzz", max_examples=int(os.environ.get("FUZZ_EXAMPLES", "100000")), **_COMMON
)  # type: ignore[arg-type]
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
