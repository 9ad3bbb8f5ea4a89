"""Every tuning number of the counting rules and of the add1 scan, each with the reason for
its value. (Sizes that choose how work is cut, not how it is decided, sit with their code:
`jit.COMPILE_FROM`, `vote_rows.BULK_LINES`, `completions.PieceSizes`, `steps.MAX_ROUNDS`.)

Two kinds: float margins, which keep decisions exact (a float comparison closer than the
margin is settled in exact arithmetic, or fails a proof), and effort settings, which only
change how much work is done, never an outcome.

Numba caches a compiled kernel by its own source file only: after changing a value that a
kernel reads (`mes_kernel.py`, `mes_stable_kernel.py`), delete their `__pycache__` entries.
"""

# --- float margins (outcomes depend on these being wide enough) ---

# Relative gap under which two rhos, or a project's cost and its supporters' money, count as
# a close call decided exactly (Fractions; a range proof fails on one). Float sums over 10^5
# voters err by ~1e-12 relative at worst, so 1e-9 leaves a thousandfold margin, yet real
# close calls are rare.
EPS = 1e-9
# Range proofs: the separation required between a winner's and a rival's rho, with the same
# thousandfold margin over the rounding of reordered sums (`REORDER` below).
MARGIN = 1e-9
# Relative room by which every supporter must afford a flat share for the rho to be taken as
# that share without solving (float error in budget - share is far below it).
ROOM = 1e-12
# A rho given from before is accepted if the money it raises is its cost within this (the
# solver stops at 1e-15; the rest is the rounding of a second sum in another order).
KNOWN_RHO_CHECK = 1e-10
# Proved reaches and slope bounds are shrunk or widened by this factor, so that the rounding
# of one division never carries a bound past what was proved.
SAFETY = 1e-9
# A run's own stable range (`MesRun.stable_for`, extrapolated from float slopes) is trusted
# only shrunk by this relative factor, and by SAFETY of the budget, before steps are skipped.
STABLE_FOR_SHRINK = 1e-6
# Newton's method stops once the money raised is within this of the cost: a few ulps of it.
SETTLED = 1e-15
# Newton's method from below converges in a handful of steps (it is exact once the payers
# stop changing); 60 only guards against a case that does not settle (then exact arithmetic
# decides).
NEWTON_STEPS = 60
# Two slopes count as moving apart only above this relative difference (else they are equal
# up to rounding and no crossing is predicted).
SLOPE_NOISE = 1e-9

# Compiled sums may be reordered (fastmath "reassoc", with "contract" for fused multiply-adds
# and "nsz") so the compiler can vectorise them: decisions never hinge on the last bits, as
# anything within a relative EPS (or MARGIN) is settled exactly or fails a proof.
REORDER = {"reassoc", "contract", "nsz"}

# --- effort (outcomes do not depend on these) ---

# How many steps (currency units per voter) above the first proof that needs it a
# certificate of flat first rounds reaches: wide enough that a whole add1 scan of a big
# city usually needs one or two, narrow enough that one costs little to find.
FLAT_SPAN = 2048
# How many certificates of flat first rounds are kept: the proofs move up the budgets, so
# the latest few are the only ones they can reuse.
KEPT_FLAT = 4
# How many ranges' cleared first rounds are kept: the proofs after a failed one mostly try
# parts of its range.
KEPT_CLEARED = 4
# The coarse (bounds-only) pass is skipped while it has lately failed to decide more often
# than this; its record keeps COARSE_MEMORY of itself per proof and adds COARSE_LEARN for
# an undecided one (a decaying average over about the last five proofs).
COARSE_UNDECIDED = 0.5
COARSE_MEMORY = 0.8
COARSE_LEARN = 0.2  # written out: 1 - 0.8 is not 0.2 in floats
# While skipped, the record decays by this per proof, so the coarse pass is tried again
# about every 40 proofs: on Budapest 2024 a try decides one time in eight, and an undecided
# one costs half a proof (with 0.98, a try every 9 proofs cost 4% of the proofs' time).
COARSE_RETRY = 0.995

# The add1 scan (`steps.py`). A run's guess of where its outcome changes (`MesRun.crossing`)
# aims the next proof; rivals more than GUESS_BAND (relative) above the winner rarely
# overtake within it, and leaving their rhos unsolved halves the cost of a run (Budapest
# 2024).
GUESS_BAND = 1e-2
# A proof aimed at a guessed change stops just short of it (relative), so that a run, not a
# failed proof, decides the step itself: the run's guess (`crossing`) and a failed proof's
# straight-line guess (`hint`).
AIM_SHORT_OF_CROSSING = 1e-6
AIM_SHORT_OF_HINT = 1e-9
# How `steps.ProofPacing` weighs proofs: each step, older proofs and skipped steps weigh
# DECAY times less; a pause of the proofs lasts at most LONGEST_PAUSE steps.
DECAY = 0.7
LONGEST_PAUSE = 64
