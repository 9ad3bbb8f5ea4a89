"""Compiled check of plain VOTES rows, for `vote_rows.py` (see there for what "plain" means).

Works on the UTF-8 bytes of the rows. Project ids are found through an open-addressing hash
table of their bytes, so each row is checked without making a Python string. The small helpers
are inlined: a compiled call that passes arrays counts references to them, which made the
lookups five times slower (Budapest 2024: 18 ms against 3.7 ms).
"""

from __future__ import annotations

import numpy as np
from numba import njit

SEMICOLON, COMMA, NEWLINE, RETURN, SPACE, TAB, QUOTE = 59, 44, 10, 13, 32, 9, 34


@njit(cache=True, inline="always")
def _hash(data, start, end):
    """FNV-1a of data[start:end], as a non-negative int64."""
    h = np.uint64(14695981039346656037)
    for i in range(start, end):
        h = (h ^ np.uint64(data[i])) * np.uint64(1099511628211)
    return np.int64(h >> np.uint64(1))


@njit(cache=True)
def id_table(ids, ptr):
    """Slots of an open-addressing table of the project ids ids[ptr[j]:ptr[j + 1]]: each slot
    holds a project number or -1. A repeated id keeps its first number."""
    m = len(ptr) - 1
    size = 4
    while size < 4 * m:
        size *= 2
    slots = np.full(size, -1, dtype=np.int64)
    for j in range(m):
        s = _hash(ids, ptr[j], ptr[j + 1]) & (size - 1)
        while slots[s] >= 0 and not _same(
            ids, ptr[j], ptr[j + 1], ids, ptr[slots[s]], ptr[slots[s] + 1]
        ):
            s = (s + 1) & (size - 1)
        if slots[s] < 0:
            slots[s] = j
    return slots


@njit(cache=True, inline="always")
def _same(a, a0, a1, b, b0, b1):
    """a[a0:a1] and b[b0:b1] hold the same bytes."""
    if a1 - a0 != b1 - b0:
        return False
    for i in range(a1 - a0):
        if a[a0 + i] != b[b0 + i]:
            return False
    return True


@njit(cache=True, inline="always")
def _find(data, start, end, ids, ptr, slots):
    """The project number of the id data[start:end], or -1 if there is none."""
    size = len(slots)
    s = _hash(data, start, end) & (size - 1)
    while slots[s] >= 0:
        j = slots[s]
        if _same(data, start, end, ids, ptr[j], ptr[j + 1]):
            return j
        s = (s + 1) & (size - 1)
    return -1


@njit(cache=True)
def plain_rows(data, width, i_voter, i_vote, most, ids, ptr, slots):
    """(ok, row_line, entry_ptr, entries) for the rows in data (a VOTES section after its
    header). row_line: the line (0 = data's first) of each row; entries: the project numbers
    each row votes for, in its order, at entry_ptr[r]:entry_ptr[r + 1]. Blank lines are
    skipped. Not ok as soon as one row is not plain: the caller then reads them one by one."""
    n = len(data)
    lines = 1
    for i in range(n):
        if data[i] == NEWLINE:
            lines += 1
    row_line = np.empty(lines, dtype=np.int64)
    entry_ptr = np.zeros(lines + 1, dtype=np.int64)
    entries = np.empty(n // 2 + 1, dtype=np.int64)  # an id and its comma take 2 bytes or more
    last_row = np.full(len(ptr) - 1, -1, dtype=np.int64)  # the last row naming each project
    cell = np.empty(width + 1, dtype=np.int64)  # where each cell of a row starts (and ends)
    no = (False, row_line[:0], entry_ptr[:1], entries[:0])
    rows = 0
    used = 0
    line = 0
    i = 0
    while i < n:
        end = i
        while end < n and data[end] != NEWLINE:
            end += 1
        stop = end - 1 if end > i and data[end - 1] == RETURN else end
        blank = True
        cells = 1
        cell[0] = i
        for k in range(i, stop):
            c = data[k]
            if c == QUOTE or c == RETURN or c == 0:
                return no
            if c != SPACE and c != TAB:  # a line of spaces or tabs alone is blank
                blank = False
            if c == SEMICOLON:
                if cells == width:
                    return no
                cell[cells] = k + 1
                cells += 1
        cell[cells] = stop + 1  # as if a semicolon followed the last cell
        if not (blank and cells == 1):
            if cells != width:
                return no
            for k in range(cell[i_voter], cell[i_voter + 1] - 1):
                if data[k] == SPACE:
                    return no
            start, finish = cell[i_vote], cell[i_vote + 1] - 1
            if finish <= start:
                return no
            count = 0
            for k in range(start, finish + 1):
                if k == finish or data[k] == COMMA:
                    j = _find(data, start, k, ids, ptr, slots) if k > start else -1
                    if j < 0 or last_row[j] == rows:
                        return no
                    last_row[j] = rows
                    entries[used] = j
                    used += 1
                    count += 1
                    start = k + 1
                elif data[k] == SPACE:
                    return no
            if count > most:
                return no
            row_line[rows] = line
            rows += 1
            entry_ptr[rows] = used
        line += 1
        i = end + 1
    return True, row_line[:rows], entry_ptr[: rows + 1], entries[:used]


@njit(cache=True)
def same_sets(entry_ptr, entries, n_projects):
    """(group, first): for each row (projects entries[entry_ptr[r]:entry_ptr[r + 1]]), the
    group of rows naming the same projects in any order, numbered as they first appear (-1
    for a row naming none); and each group's first row. Rows become bit sets of their
    projects, found again through an open-addressing table."""
    rows = len(entry_ptr) - 1
    words = max((n_projects + 63) // 64, 1)
    sets = np.zeros((rows, words), dtype=np.uint64)  # each group's bit set
    size = 4
    while size < 2 * rows:
        size *= 2
    slots = np.full(size, -1, dtype=np.int64)
    group = np.full(rows, -1, dtype=np.int64)
    first = np.empty(rows, dtype=np.int64)
    bits = np.zeros(words, dtype=np.uint64)
    groups = 0
    for r in range(rows):
        if entry_ptr[r + 1] == entry_ptr[r]:
            continue
        bits[:] = 0
        for e in range(entry_ptr[r], entry_ptr[r + 1]):
            j = entries[e]
            bits[j >> 6] |= np.uint64(1) << np.uint64(j & 63)
        h = np.uint64(14695981039346656037)
        for w in range(words):
            h = (h ^ bits[w]) * np.uint64(1099511628211)
            h ^= h >> np.uint64(29)
        s = np.int64(h >> np.uint64(1)) & (size - 1)
        while True:
            g = slots[s]
            if g < 0:
                slots[s] = groups
                sets[groups] = bits
                first[groups] = r
                group[r] = groups
                groups += 1
                break
            equal = True
            for w in range(words):
                if sets[g, w] != bits[w]:
                    equal = False
                    break
            if equal:
                group[r] = g
                break
            s = (s + 1) & (size - 1)
    return group, first[:groups]
