"""Past its first runs, add1 scans the steps ahead in pieces on two threads and joins them in
order. The joined result must be the one a single scan finds: the same winners and the same
final per-voter budget, including where a piece's very first step is the one that overspends
(the outcome kept is then the previous piece's)."""

import time
from fractions import Fraction

import pytest

import altlep.pb.pieces as pieces_module
import altlep.pb.steps as steps
from altlep.pb.completions import PieceSizes, mes_completed
from altlep.pb.ties import tie_rank
from tests.pb.helpers import shared_profile
from tests.shared_data import require_shared

NAMES = [
    "Poland_Warszawa_2019_Sielce",
    "Poland_Warszawa_2018_rejon_3",
    "Poland_Wieliczka_2023_Green_Budget",
    "Poland_Gdansk_2020_Zaspa_Mlyniec",
    "Netherlands_Assen_2024",
    "Poland_Swiecie_2023",
]


DEFAULT = PieceSizes()


def _count(profile, completion, *, threads, sizes=DEFAULT):
    profile.cache.clear()
    return mes_completed(profile, tie_rank(profile), completion, threads=threads, sizes=sizes)


def _outcome(done):
    return done.winners, done.final_per_voter


def _each_as_one_scan(piece_runs):
    """Every completion of every NAMES file gives in pieces (after one run) what one scan
    gives; the counts in pieces."""
    cut = []
    for name in NAMES:
        require_shared("pabulib", f"{name}.pb")
        _, profile = shared_profile(name)
        for completion in ("add1", "add1u", "add1-full"):
            one = _count(profile, completion, threads=1)
            assert not one.pieces
            two = _count(
                profile,
                completion,
                threads=2,
                sizes=PieceSizes(first_runs=1, piece_runs=piece_runs),
            )
            assert _outcome(two) == _outcome(one), (name, completion)
            assert two.stop == one.stop
            if two.pieces:
                cut.append((profile, two))
    return cut


def _stopped_at_a_piece_start(profile, done):
    """Whether the step that overspent was the very first step of a piece after the first
    (so the outcome kept is the previous piece's last)."""
    overspent = done.final_per_voter + profile.scale
    return done.stop == "over" and overspent in done.pieces[1:]


def test_small_pieces_give_what_one_scan_gives():
    cut = _each_as_one_scan(piece_runs=1)
    assert len(cut) >= 6  # most of these counts were cut into pieces


@pytest.mark.parametrize("piece_runs", [3, 6])
def test_a_count_whose_piece_overspends_at_its_first_step_keeps_the_previous_outcome(piece_runs):
    # with pieces of these lengths, this count's overspending step begins a piece
    name = "Poland_Wieliczka_2023_Green_Budget"
    require_shared("pabulib", f"{name}.pb")
    _, profile = shared_profile(name)
    one = _count(profile, "add1-full", threads=1)
    sizes = PieceSizes(first_runs=1, piece_runs=piece_runs)
    two = _count(profile, "add1-full", threads=2, sizes=sizes)
    assert _stopped_at_a_piece_start(profile, two)
    assert _outcome(two) == _outcome(one)


@pytest.mark.parametrize("threads", [1, 2])
def test_a_count_in_pieces_is_the_same_every_time(threads):
    require_shared("pabulib", f"{NAMES[0]}.pb")
    _, profile = shared_profile(NAMES[0])
    sizes = PieceSizes(first_runs=1, piece_runs=2)
    first = _outcome(_count(profile, "add1", threads=threads, sizes=sizes))
    for _ in range(3):
        assert _outcome(_count(profile, "add1", threads=threads, sizes=sizes)) == first


def test_a_large_profile_is_cut_into_pieces_after_its_own_number_of_runs():
    # every profile counts as large; the first runs of a small one would never end
    large = PieceSizes(large_profile=0, first_runs=10**9)
    for name in NAMES[:3]:
        require_shared("pabulib", f"{name}.pb")
        _, profile = shared_profile(name)
        one = _count(profile, "add1", threads=1)
        two = _count(profile, "add1", threads=2, sizes=large)
        assert _outcome(two) == _outcome(one), name
        assert two.pieces  # cut into pieces after `first_runs_large` runs


def test_one_or_two_threads_are_the_only_choices():
    require_shared("pabulib", f"{NAMES[0]}.pb")
    _, profile = shared_profile(NAMES[0])
    with pytest.raises(ValueError, match="threads"):
        _count(profile, "add1", threads=3)


def test_pieces_an_idle_thread_splits_give_what_one_scan_gives(monkeypatch):
    # the idle thread takes over half of a busy piece whenever it can, not only at the end
    split_off = []

    def eager(self):
        piece = None if self.failure else self.rest_of_busiest()
        if piece is not None:
            split_off.append(piece.start)
        return piece or self.in_turn()

    monkeypatch.setattr(pieces_module.Pieces, "take", eager)
    # runs take a little longer, so that both threads are often busy at once
    mes = steps.mes

    def slower(*args, **options):
        time.sleep(0.002)
        return mes(*args, **options)

    monkeypatch.setattr(steps, "mes", slower)
    monkeypatch.setattr(pieces_module, "mes", slower)
    _each_as_one_scan(piece_runs=4)
    assert len(split_off) >= 3


def test_only_the_steps_a_busy_piece_has_not_reached_are_split_off():
    name = NAMES[0]
    require_shared("pabulib", f"{name}.pb")
    _, profile = shared_profile(name)
    rank, unit = tie_rank(profile), profile.scale
    origin = Fraction(profile.budget, profile.n_voters)
    scan = steps.Scan(steps.mes(profile, rank, origin), None, origin)
    pieces = pieces_module.Pieces(
        profile,
        rank,
        "add1",
        list(range(profile.n_projects)),
        origin,
        scan,
        origin + 40 * unit,
        40 * unit,
    )
    head = pieces.take()
    assert head.scan is scan and head.end == origin + 40 * unit
    # while the stop is not known, pieces in turn
    assert pieces.take().start == origin + 40 * unit
    pieces.stop_at = origin + 40 * unit  # say that piece stops
    assert head.claim(origin + 9 * unit)
    rest = pieces.take()
    assert (rest.start, rest.end, head.end) == (
        origin + 25 * unit,
        origin + 40 * unit,
        origin + 25 * unit,
    )
    assert not head.claim(origin + 25 * unit)  # the head now ends before that step
    # 16 steps ahead of the head (a quarter of a piece is 10): split again
    again = pieces.take()
    assert (again.start, again.end, head.end) == (
        origin + 17 * unit,
        origin + 25 * unit,
        origin + 17 * unit,
    )
    # 8 steps ahead of the head, and the pieces split off have not begun: no more
    assert pieces.take() is None
    assert head.claim(origin + 16 * unit) and head.claimed == origin + 16 * unit
