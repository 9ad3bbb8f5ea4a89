"""Where this site's money-flows store lives, and the locks that let only one thread of one
process open it at a time (DuckDB allows one writing process): a thread lock, then an exclusive
file lock beside the store, which other gunicorn workers wait on."""

import fcntl
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
    with LOCK, path.with_name(path.name + ".lock").open("a") as lock_file:
        fcntl.flock(lock_file, fcntl.LOCK_EX)  # released when the file closes
        with Store(path) as store:
            yield store


@contextmanager
def worker_claim(claim: int | str) -> Iterator[bool]:
    """Claim the processing of one upload (its folder's name) for this thread: yields False
    when a live worker (in any process) already holds it. The claim ends with the worker, even
    if it dies."""
    folder = uploads_dir() / str(claim)
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / ".worker").open("a") as claim:
        try:
            fcntl.flock(claim, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        yield True
