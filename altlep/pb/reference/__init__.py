"""The counting rules as plain definitions: short, exact (Fraction) and slow.

This layer is the specification that the fast rules in `altlep.pb.rules` are tested against. It
works on the election as read (every ballot on its own, nothing merged or scaled; only the
tie order is taken from `ties.tie_rank`, which the fast rules share) and follows
the definitions in the literature step by step; nothing in it is there for speed.

    from altlep.pb.reference import count_reference
    count_reference(election, rule="mes", completion="add1")   # winners in selection order
"""

from altlep.pb.reference.count import RULES, count_reference

__all__ = ["RULES", "count_reference"]
