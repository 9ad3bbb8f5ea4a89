"""`altlep.pb.jit.njit` kernels run as plain Python until compiled; compiled, a kernel that
calls another by its global name calls it compiled, Numba caches them on disk under the
function's own name, and a reference taken by `from … import` before compiling still works."""

import importlib
import sys

import numpy as np
import pytest

from altlep.pb import jit

MODULE = """
from altlep.pb.jit import njit


@njit(cache=True)
def halve(x):
    return x / 2


@njit(cache=True, nogil=True)
def halve_all(values):
    total = 0.0
    for v in values:
        total += halve(v)
    return total
"""


@pytest.fixture
def kernels(tmp_path):
    (tmp_path / "tiny_kernels.py").write_text(MODULE)
    sys.path.insert(0, str(tmp_path))
    try:
        yield importlib.import_module("tiny_kernels"), tmp_path
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("tiny_kernels", None)


def test_a_kernel_is_plain_python_until_compiled(kernels):
    module, _ = kernels
    with jit.pin(compiled=False):
        assert isinstance(module.halve_all, jit.Kernel)
        assert module.halve_all(np.array([2.0, 4.0])) == 3.0


def test_compiled_kernels_call_each_other_compiled_and_are_cached_on_disk(kernels):
    module, folder = kernels
    captured = module.halve  # as `from tiny_kernels import halve` would
    with jit.pin(compiled=False):
        with jit.pin(compiled=True):
            assert not isinstance(module.halve_all, jit.Kernel)  # Numba's dispatcher
            assert module.halve_all(np.array([2.0, 4.0])) == 3.0
            assert captured(5.0) == 2.5
            assert module.halve_all.py_func.__globals__["halve"] is module.halve
            cached = sorted(p.name for p in (folder / "__pycache__").glob("*.nbi"))
            assert [n for n in cached if n.startswith("tiny_kernels.halve_all-")], cached
        assert isinstance(module.halve_all, jit.Kernel)  # plain again after the pin
