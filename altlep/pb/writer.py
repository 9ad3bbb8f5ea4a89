"""Write an `Election` back to pabulib format; reading the result gives the same election."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from altlep.pb.model import CARDINAL_TYPES, Election, number_text


def write_election(election: Election, path: str | Path) -> None:
    """Write the election to `path` as a `.pb` file (UTF-8, `;`-separated)."""
    with open(path, "w", encoding="utf-8", newline="") as handle:
        _write(election, handle)


def election_text(election: Election) -> str:
    """The election as pabulib text."""
    buffer = io.StringIO()
    _write(election, buffer)
    return buffer.getvalue()


def _write(election: Election, handle) -> None:
    out = csv.writer(handle, delimiter=";", lineterminator="\n")
    out.writerow(["META"])
    out.writerow(["key", "value"])
    for key, value in election.meta.items():
        out.writerow([key, value])
    out.writerow(["PROJECTS"])
    columns = election.project_columns or ["project_id", "cost"]
    out.writerow(columns)
    for project in election.projects.values():
        fields = dict(project.fields)
        fields["project_id"] = project.id
        fields.setdefault("cost", number_text(project.cost))
        out.writerow([fields.get(c, "") for c in columns])
    cardinal = election.vote_type in CARDINAL_TYPES
    columns = election.vote_columns or (
        ["voter_id", "vote"] + (["points"] if cardinal else []) + election.vote_extra_columns
    )
    extra_at = {c: i for i, c in enumerate(election.vote_extra_columns)}
    out.writerow(["VOTES"])
    out.writerow(columns)
    for vote in election.votes:
        row = []
        for column in columns:
            if column == "voter_id":
                row.append(vote.voter_id)
            elif column == "vote":
                row.append(",".join(vote.projects))
            elif column == "points" and cardinal:
                row.append(",".join(number_text(p) for p in vote.points or ()))
            else:
                index = extra_at.get(column)
                row.append(vote.extra[index] if index is not None else "")
        out.writerow(row)
