"""The one error a bad input raises: it names the file, the line and the column."""

from __future__ import annotations


class FlowsInputError(ValueError):
    """Bad input: an unreadable file, undetectable columns, a non-numeric amount, a bad date."""

    def __init__(
        self, message: str, *, path: str = "", line: int | None = None, column: str | None = None
    ):
        self.path = str(path)
        self.line = line
        self.column = column
        self.problem = message
        where = [self.path or "input"]
        if line is not None:
            where.append(f"line {line}")
        if column:
            where.append(f"column “{column}”")
        super().__init__(f"{', '.join(where)}: {message}")
