"""Read a big VOTES section of plain rows in bulk.

A plain row is one the reader's short path takes anyway (`reader._VoteParser.consume`): no
quotes, the header's number of cells, a voter id without spaces, a non-empty vote of known
project ids without spaces or repeats, no longer than the META limit, and every voter id
new. A compiled scan (`vote_rows_kernel.py`) checks every row at once and finds the project
numbers each vote names; the votes are then made with a few list-wide steps instead of a
Python loop over rows. If any row is not plain, nothing is made here and the reader goes
through the rows one by one as before, naming each problem with its line.
"""

from __future__ import annotations

import operator
from itertools import repeat

import numpy as np

from altlep.pb.model import Vote, VoteIndex

# below this many lines the row-by-row loop is quick, and loading the compiled scan is not
BULK_LINES = 5_000


def plain_votes(
    lines: list[str],
    first_line: int,
    width: int,
    i_voter: int,
    i_vote: int,
    extra_idx: list[int],
    most: int,
    project_ids: list[str],
) -> tuple[list[Vote], VoteIndex] | None:
    """The votes in `lines` (file lines after the VOTES header, `first_line` the first's
    number) and their index, or None if some row is not plain."""
    from altlep.pb import vote_rows_kernel as kernel  # numba loads only for big files

    text = "".join(lines)
    data = np.frombuffer(text.encode("utf-8"), dtype=np.uint8)
    encoded = [pid.encode("utf-8") for pid in project_ids]
    ids = np.frombuffer(b"".join(encoded), dtype=np.uint8)
    ptr = np.zeros(len(encoded) + 1, dtype=np.int64)
    np.cumsum([len(e) for e in encoded], out=ptr[1:])
    ok, row_line, entry_ptr, entries = kernel.plain_rows(
        data, width, i_voter, i_vote, most, ids, ptr, kernel.id_table(ids, ptr)
    )
    if not ok:
        return None
    del data
    # lines as the scan counted them; one per item of `lines`, as a file gives them (the
    # row-by-row reader counts items)
    physical = text.split("\n")
    if len(physical) != len(lines) + text.endswith("\n"):
        return None
    rows = [physical[k].rstrip("\r").split(";") for k in row_line.tolist()]
    del physical, text
    voters = [row[i_voter] for row in rows]
    if len(set(voters)) != len(voters):
        return None  # a voter votes twice: the row-by-row loop names the line
    ballots = [tuple(row[i_vote].split(",")) for row in rows]
    if not extra_idx:
        extras = repeat((), len(rows))
    elif len(extra_idx) == 1:
        extras = ((row[extra_idx[0]],) for row in rows)
    else:
        extras = map(operator.itemgetter(*extra_idx), rows)
    numbers = (row_line + first_line).tolist()
    votes = list(map(Vote, voters, ballots, repeat(None), extras, numbers))
    return votes, VoteIndex(votes, entry_ptr, entries)
