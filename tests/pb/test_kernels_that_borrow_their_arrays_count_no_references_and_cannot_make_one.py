"""A kernel marked `borrows=True` only uses arrays it is given: it is compiled without
reference counting, gives the same answer plain and compiled, and one that makes an array
does not compile at all (so the mark cannot leak memory)."""

import importlib
import sys

import numpy as np
import pytest
from numba.core.errors import NumbaError

from altlep.pb import jit

MODULE = """
from altlep.pb.jit import njit
import numpy as np


@njit(borrows=True)
def add_into(target, values):
    for i in range(len(values)):
        target[i] += values[i]
    return target[0]


@njit(borrows=True)
def doubled(values):
    return values * 2.0


@njit(borrows=True)
def total_of_a_copy(values):
    copy = np.empty(len(values))
    copy[:] = values
    return copy.sum()


@njit
def doubled_counted(values):
    return values * 2.0
"""


@pytest.fixture
def kernels(tmp_path):
    (tmp_path / "borrowing_kernels.py").write_text(MODULE)
    sys.path.insert(0, str(tmp_path))
    try:
        yield importlib.import_module("borrowing_kernels")
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("borrowing_kernels", None)


def _dispatcher(kernel):
    """Numba's dispatcher of a kernel, whether the module global was rebound to it yet or
    not (a module imported after the kernels were compiled is rebound on first call)."""
    return kernel.compiled_form() if isinstance(kernel, jit.Kernel) else kernel


def test_a_borrowing_kernel_is_compiled_without_reference_counting(kernels):
    with jit.pin(compiled=True):
        assert _dispatcher(kernels.add_into).targetoptions["_nrt"] is False
        assert "_nrt" not in _dispatcher(kernels.doubled_counted).targetoptions


def test_a_borrowing_kernel_gives_the_same_plain_and_compiled(kernels):
    answers = []
    for compiled in (False, True):
        target = np.array([1.0, 2.0])
        with jit.pin(compiled=compiled):
            answers.append((kernels.add_into(target, np.array([3.0, 4.0])), target.tolist()))
    assert answers == [(4.0, [4.0, 6.0]), (4.0, [4.0, 6.0])]


def test_a_borrowing_kernel_that_makes_an_array_does_not_compile(kernels):
    values = np.array([1.0, 2.0])
    with jit.pin(compiled=True):
        assert kernels.doubled_counted(values).tolist() == [2.0, 4.0]
        with pytest.raises(NumbaError, match="returning of array"):
            kernels.doubled(values)
        with pytest.raises(NumbaError, match="empty"):
            kernels.total_of_a_copy(values)
