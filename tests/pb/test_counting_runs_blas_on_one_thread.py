"""Counting limits BLAS to one thread (short dot products only lose by threading) and gives
the setting back afterwards."""

from threadpoolctl import threadpool_info

from altlep.pb.blas import one_blas_thread


def _blas_threads() -> list[int]:
    return [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"]


def test_blas_runs_on_one_thread_inside_a_count_and_as_before_after_it():
    before = _blas_threads()
    with one_blas_thread():
        assert _blas_threads() and set(_blas_threads()) == {1}
    assert _blas_threads() == before
