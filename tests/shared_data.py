"""Locate the real public data in ../shared/data, or skip the test that needs it."""

import os
from pathlib import Path

import pytest

_REPO_ROOT = Path(__file__).resolve().parent.parent


def shared_data_dir() -> Path | None:
    """The shared data folder from ALTLEP_SHARED_DATA or ../shared/data, if it exists."""
    configured = os.environ.get("ALTLEP_SHARED_DATA")
    candidate = Path(configured) if configured else _REPO_ROOT.parent / "shared" / "data"
    return candidate if candidate.is_dir() else None


def require_shared(*parts: str) -> Path:
    """Return a path inside the shared data, skipping the calling test when it is absent."""
    root = shared_data_dir()
    if root is None:
        needed = "/".join(parts) or "the shared data folder"
        pytest.skip(
            f"real public data not found: this test reads {needed}; set ALTLEP_SHARED_DATA "
            "or put the data at ../shared/data"
        )
    path = root.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"real public data file missing: {path}")
    return path
