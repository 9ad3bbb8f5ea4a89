"""One BLAS thread while counting.

NumPy's bundled OpenBLAS spreads a dot product of more than a few thousand numbers over
threads. The NumPy count of `rules/mes.py` (explanations, close calls) makes many short dot
products, so the threads only add synchronisation, and when the other cores are busy each
call waits for a descheduled thread: before the compiled kernels, MES + add1 on Budapest 2024
took five times as long on a shared 2-core machine. The kernels themselves use no BLAS.
`one_blas_thread()` limits BLAS to one thread for the count and then restores it
(threadpoolctl, which finds NumPy's own BLAS whichever it is).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from threadpoolctl import ThreadpoolController


@cache
def _controller(numba_loaded: bool) -> ThreadpoolController:
    # Made once, and again once Numba is loaded (`jit.py` loads it only for big counts), as it
    # brings SciPy's BLAS: scanning the loaded libraries costs far more than setting a limit.
    return ThreadpoolController()


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """Run the enclosed count with BLAS on one thread, then restore its setting."""
    with _controller("numba" in sys.modules).limit(limits=1, user_api="blas"):
        yield
