"""The demo partnership: a believable partnership over a real area, seeded deterministically.

`demo_load()` is idempotent: running it again adds nothing that is already there. Later
capabilities add their own part (a module here) and call it from `demo_load`.
"""

from altlep.demo.loader import DemoSummary, demo_load

__all__ = ["DemoSummary", "demo_load"]
