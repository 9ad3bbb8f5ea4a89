"""Kernels written for Numba that run as plain Python until compiling them pays.

Importing Numba and loading even cached compiled kernels costs most of a second, far more than
counting a small election takes in plain Python. So the kernel modules decorate with this
module's `njit` instead of Numba's: it records the function and its options and returns a
`Kernel`, which calls the plain function. `compile_kernels()` switches every kernel to
`numba.njit(**options)` of the same function, once per process and only when a count is big
enough to pay for it (`compile_for`, called by `rules/mes.py` before each run), or when the
caller pins it (`pin`). (`vote_rows_kernel.py` keeps Numba's own `njit`: it is imported only to
read big files, where it is wanted compiled at once.)

Two things make that switch work:

- Compiled kernels call each other by global name, and Numba types such a call only if the
  global is one of its dispatchers. So the switch rebinds, in every module that defines a
  kernel, each global holding a `Kernel` to its dispatcher (names imported from another kernel
  module included). Callers that reach a kernel through its module (`mes_kernel.mes_run`) then
  get the dispatcher; a `Kernel` captured earlier by `from … import` still works, forwarding
  to whichever form is current.
- Numba's on-disk cache finds a function's compiled code by its source file, qualified name
  and first line, which are the same whether `numba.njit` is applied at import or later; so
  later applied it loads the same cache files.

Both forms take the same decisions: the kernels leave anything that could hinge on the last
bits of a reordered sum (`tuning.REORDER`) to exact arithmetic, so plain Python's order of
summation changes no outcome (tests/pb/test_plain_and_compiled_kernels_count_alike.py).
"""

from __future__ import annotations

import functools
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

# Supporter entries (each project's merged ballots, summed over projects) from which a count
# compiles the kernels. Loading Numba and the cached kernels takes about as long as a plain
# Python count of 2,000 entries; plain counts grow faster than linearly, and at a given size
# vary with how many add1 steps the election takes, so compiling starts a little below that.
# `benchmarks/pb_shell.py --threshold` prints the figures behind it.
COMPILE_FROM = 1_500

_kernels: list[Kernel] = []
_lock = threading.Lock()
# compiled: whether the kernels are compiled now; pinned: None (by size) or the caller's choice
_mode: dict[str, bool | None] = {"compiled": False, "pinned": None}


class Kernel:
    """A function written for `numba.njit`: plain Python until `compile_kernels()`."""

    def __init__(self, py_func: Callable, options: dict[str, Any]) -> None:
        self.py_func = py_func
        self.options = options
        self.dispatcher: Callable | None = None
        functools.update_wrapper(self, py_func)

    def __call__(self, *args: Any) -> Any:
        if not _mode["compiled"]:
            return self.py_func(*args)
        if self.dispatcher is None:  # its module was imported after the switch
            with _lock:
                _rebind(compiled=True)
        return self.compiled_form()(*args)

    def compiled_form(self) -> Callable:
        """Numba's dispatcher of the function (made on first use; compiles on first call)."""
        if self.dispatcher is None:
            from numba import njit as numba_njit

            self.dispatcher = numba_njit(**self.options)(self.py_func)
        return self.dispatcher

    def __repr__(self) -> str:
        return f"<kernel {self.py_func.__module__}.{self.py_func.__qualname__}>"


def njit(*args: Any, borrows: bool = False, **options: Any) -> Any:
    """Numba's `njit`, both as `@njit` and `@njit(cache=True, ...)`, made lazy (see above).

    `borrows=True` marks a kernel that only reads and writes arrays it is given, never
    making, keeping or returning one: it is compiled without reference counting (Numba's
    `_nrt=False`). The kernels pass the packed profile and a run's state as named tuples of
    arrays, and with reference counting every call of a small helper increfs and decrefs
    each array in them, which made a run a third slower. A kernel that makes an array does
    not compile without reference counting, so the mark cannot hide a leak."""
    if borrows:
        options["_nrt"] = False
    if args and callable(args[0]) and not options:
        return _register(args[0], {})
    return lambda py_func: _register(py_func, options)


def _register(py_func: Callable, options: dict[str, Any]) -> Kernel:
    kernel = Kernel(py_func, options)
    _kernels.append(kernel)
    return kernel


def compiled() -> bool:
    """Whether kernels run compiled now."""
    return bool(_mode["compiled"])


def compile_for(size: int) -> None:
    """Compile the kernels if a count of `size` supporter entries pays for it (or the caller
    pinned them compiled); plain ones stay plain for small counts. Never switches back."""
    pinned = _mode["pinned"]
    if pinned or (pinned is None and size >= COMPILE_FROM):
        compile_kernels()


def compile_kernels() -> None:
    """Switch every kernel to its compiled form, for the rest of the process (or the `pin`)."""
    with _lock:
        if not _mode["compiled"]:
            _mode["compiled"] = True
            _rebind(compiled=True)


@contextmanager
def pin(compiled: bool | None) -> Iterator[None]:
    """Within the block, kernels run compiled (True) or as plain Python (False) whatever the
    size of the count; None chooses by size. Restores the previous form after. Process-wide:
    not for use while another thread counts."""
    with _lock:
        before = dict(_mode)
        _mode["pinned"] = compiled
        if compiled is not None and compiled != _mode["compiled"]:
            _mode["compiled"] = compiled
            _rebind(compiled=compiled)
    try:
        yield
    finally:
        with _lock:
            if _mode["compiled"] != before["compiled"]:
                _rebind(compiled=bool(before["compiled"]))
            _mode.update(before)


def _rebind(compiled: bool) -> None:
    """Point the globals naming a kernel, in every module that defines one, at its current
    form: the dispatcher when compiled, the `Kernel` (plain) otherwise."""
    kernel_of = {id(k.dispatcher): k for k in _kernels if k.dispatcher is not None}
    for module_name in {k.py_func.__module__ for k in _kernels}:
        module = sys.modules.get(module_name)
        if module is None:
            continue
        names = vars(module)
        for name, value in list(names.items()):
            if compiled and isinstance(value, Kernel):
                names[name] = value.compiled_form()
            elif not compiled and id(value) in kernel_of:  # a live dispatcher: ids are unique
                names[name] = kernel_of[id(value)]
