"""Participatory-budgeting engine: pabulib I/O, counting rules and explanations.

Pure Python (+ NumPy); it never imports Django. Typical use::

    from altlep.pb import read_election, count
    result = count(read_election("Poland_Wieliczka_2023.pb"), rule="mes", completion="add1")
    result.winners          # project ids in selection order
    result.to_dict()        # JSON-ready explanation of every project

    winners(election, rule="mes", completion="add1")                      # the fast engine
    winners(election, rule="mes", completion="add1", engine="reference")  # the definitions
"""

from altlep.pb.check import check_file, check_text
from altlep.pb.count import count, count_fast, winners
from altlep.pb.explain import CountResult, ProjectExplanation
from altlep.pb.model import Election, PabulibError, Problem, Project, Vote
from altlep.pb.reader import parse_text, read_election
from altlep.pb.writer import election_text, write_election

__all__ = [
    "CountResult",
    "Election",
    "PabulibError",
    "Problem",
    "Project",
    "ProjectExplanation",
    "Vote",
    "check_file",
    "check_text",
    "count",
    "count_fast",
    "election_text",
    "parse_text",
    "read_election",
    "winners",
    "write_election",
]
