"""Single transferable vote engine (no Django): BLT files, Scottish STV and Meek STV counts.

`read_blt` reads a ballot file, `count` runs a named rule and returns a `CountResult` whose
`to_dict()` is the stage-by-stage count sheet.
"""

from altlep.stv.blt import format_blt, parse_blt, read_blt, write_blt
from altlep.stv.count import RULES, count
from altlep.stv.model import Ballot, BltError, Candidate, Election, Problem
from altlep.stv.results import CountResult, Stage

__all__ = [
    "RULES",
    "Ballot",
    "BltError",
    "Candidate",
    "CountResult",
    "Election",
    "Problem",
    "Stage",
    "count",
    "format_blt",
    "parse_blt",
    "read_blt",
    "write_blt",
]
