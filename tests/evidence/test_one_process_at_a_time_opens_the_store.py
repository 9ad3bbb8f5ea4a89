"""DuckDB lets one process write a database file; gunicorn runs several. While one worker has
the store open, another process cannot take the store's lock (it waits for it instead)."""

import subprocess
import sys

from altlep.evidence.store import open_store, store_path

TRY_LOCK = """
import fcntl, sys
with open(sys.argv[1], "a") as handle:
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        sys.exit(3)
"""


def _another_process_can_lock() -> bool:
    lock = store_path().with_name(store_path().name + ".lock")
    done = subprocess.run([sys.executable, "-c", TRY_LOCK, str(lock)], check=False)
    assert done.returncode in (0, 3)
    return done.returncode == 0


def test_another_process_cannot_lock_the_store_while_it_is_open():
    with open_store():
        assert not _another_process_can_lock()
    assert _another_process_can_lock()
