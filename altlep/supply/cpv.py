"""CPV 2008 codes as a hierarchy read from their digits (pure: no Django, no app).

A CPV code's significant digits name its place: XX000000 a division, XXX00000 a group,
XXXX0000 a class, XXXXX000 a category, and further digits finer categories. So one code lies
under another when its significant digits start with the other's.
"""

import re

_SHAPE = re.compile(r"^[0-9]{8}$")


def clean(raw: str) -> str:
    """The 8 digits of a code written as "45210000", "45210000-2" or "45 21 00 00"."""
    digits = re.sub(r"[\s]", "", raw or "").split("-")[0]
    if not _SHAPE.match(digits):
        raise ValueError(f"“{raw}” is not a CPV code (8 digits, such as 45210000)")
    return digits


def stem(code: str) -> str:
    """The significant digits (at least the two of the division)."""
    stripped = code.rstrip("0")
    return code[: max(2, len(stripped))]


def division(code: str) -> str:
    return code[:2]


def on_one_line(a: str, b: str) -> bool:
    """True when one code is the other, or lies under it."""
    sa, sb = stem(a), stem(b)
    return sa.startswith(sb) or sb.startswith(sa)


def shared_depth(a: str, b: str) -> int:
    """How many significant digits the two codes share (0 when the divisions differ)."""
    if division(a) != division(b):
        return 0
    sa, sb = stem(a), stem(b)
    n = 0
    for x, y in zip(sa, sb, strict=False):
        if x != y:
            break
        n += 1
    return n


LEVEL_NAMES = {2: "division", 3: "group", 4: "class", 5: "category"}


def closeness(need: str, offer: str) -> tuple[float, str]:
    """How well an offered code answers a needed one, 0–1, with the reason in words."""
    if need == offer:
        return 1.0, f"offers exactly {need}"
    sn, so = stem(need), stem(offer)
    if sn.startswith(so):
        # The firm offers the wider family the need belongs to.
        gap = len(sn) - len(so)
        return max(0.7, 0.9 - 0.05 * gap), f"offers {offer}, the wider family that includes {need}"
    if so.startswith(sn):
        gap = len(so) - len(sn)
        return max(0.6, 0.85 - 0.05 * gap), f"offers {offer}, a specific part of {need}"
    depth = shared_depth(need, offer)
    if depth >= 2:
        level = LEVEL_NAMES.get(min(depth, 5), "category")
        score = {2: 0.3, 3: 0.45, 4: 0.55}.get(depth, 0.6)
        return score, f"offers {offer}, in the same {level} as {need} ({need[:depth]}…)"
    return 0.0, ""


def best_closeness(needs: list[str], offers: list[str]) -> tuple[float, str]:
    """The closest of a firm's codes to any of the needed codes."""
    best = (0.0, "")
    for need in needs:
        for offer in offers:
            found = closeness(need, offer)
            if found[0] > best[0]:
                best = found
    return best


def best_score(needs: list[str], offers: list[str]) -> float:
    """The score of `best_closeness` without its words (the fast path for ranking many)."""
    best = 0.0
    for need in needs:
        for offer in offers:
            if offer[:2] == need[:2]:
                best = max(best, closeness(need, offer)[0])
    return best
