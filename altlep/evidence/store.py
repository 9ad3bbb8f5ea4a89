"""Where this site's money-flows store lives, and one lock so the web process never opens it
for writing from two threads at once (DuckDB allows one writer)."""

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings

from altlep.flows.store import Store

LOCK = threading.RLock()


def store_path() -> Path:
    return Path(getattr(settings, "ALTLEP_FLOWS_DB", settings.DATA_DIR / "flows.duckdb"))


def uploads_dir() -> Path:
    return Path(
        getattr(settings, "ALTLEP_EVIDENCE_UPLOADS", settings.DATA_DIR / "evidence-uploads")
    )


@contextmanager
def open_store() -> Iterator[Store]:
    """The store, held under the lock for the duration of the block."""
    path = store_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with LOCK, Store(path) as store:
        yield store
