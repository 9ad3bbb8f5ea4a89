"""One BLAS thread while counting.

NumPy's bundled OpenBLAS spreads a dot product of more than a few thousand numbers over
threads. The engine's dot products are short and very many (each rho takes a few), so the
threads only add synchronisation, and when the other cores are busy each call waits for a
descheduled thread: MES + add1 on Budapest 2024 took five times as long on a shared 2-core
machine. `one_blas_thread()` sets OpenBLAS to one thread for the count and then restores
it; where the library or its controls cannot be found it changes nothing.
"""

from __future__ import annotations

import ctypes
import glob
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import numpy as np

_NAMES = (
    ("scipy_openblas_get_num_threads64_", "scipy_openblas_set_num_threads64_"),
    ("scipy_openblas_get_num_threads", "scipy_openblas_set_num_threads"),
    ("openblas_get_num_threads64_", "openblas_set_num_threads64_"),
    ("openblas_get_num_threads", "openblas_set_num_threads"),
)
_found: list[tuple[Callable[[], int], Callable[[int], None]] | None] = []


def _controls() -> tuple[Callable[[], int], Callable[[int], None]] | None:
    """OpenBLAS's get/set thread count functions from NumPy's own copy (looked up once)."""
    if not _found:
        _found.append(_search())
    return _found[0]


def _search() -> tuple[Callable[[], int], Callable[[int], None]] | None:
    here = os.path.dirname(np.__file__)
    paths = glob.glob(os.path.join(os.path.dirname(here), "numpy.libs", "*openblas*"))
    paths += glob.glob(os.path.join(here, ".dylibs", "*openblas*"))
    for path in sorted(paths):
        try:
            lib = ctypes.CDLL(path)  # already loaded by NumPy: the same library
        except OSError:
            continue
        for get, put in _NAMES:
            if hasattr(lib, get) and hasattr(lib, put):
                getter, setter = getattr(lib, get), getattr(lib, put)
                getter.restype = ctypes.c_int
                setter.argtypes = [ctypes.c_int]
                return getter, setter
    return None


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """Run the enclosed count with OpenBLAS on one thread, then restore its setting."""
    controls = _controls()
    if controls is None:
        yield
        return
    getter, setter = controls
    before = getter()
    setter(1)
    try:
        yield
    finally:
        setter(before)
