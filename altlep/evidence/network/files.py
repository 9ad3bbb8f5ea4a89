"""A researcher's own network as two CSV files (pure): nodes `id,sector[,name]` and ties
`source,target,type[,date]`. Bad files raise NetworkFileError naming file, line and field."""

from __future__ import annotations

import csv
from pathlib import Path

from altlep.evidence.network.engine import Network, Tie

NODE_FIELDS = ("id", "sector")
TIE_FIELDS = ("source", "target", "type")


class NetworkFileError(ValueError):
    def __init__(self, path: str, line: int | None, field: str | None, message: str):
        self.path, self.line, self.field = path, line, field
        where = path + (f", line {line}" if line else "") + (f", field '{field}'" if field else "")
        super().__init__(f"{where}: {message}")


def _rows(path: Path, required: tuple[str, ...]):
    try:
        handle = path.open(newline="", encoding="utf-8-sig")
    except OSError as error:
        raise NetworkFileError(
            str(path), None, None, f"cannot be read ({error.strerror})"
        ) from None
    with handle:
        try:
            reader = csv.DictReader(handle)
            header = [h.strip().lower() for h in (reader.fieldnames or [])]
            reader.fieldnames = header
            missing = [f for f in required if f not in header]
            if missing:
                raise NetworkFileError(
                    str(path),
                    1,
                    missing[0],
                    f"the header has no '{missing[0]}' column (it needs {', '.join(required)})",
                )
            for row in reader:
                yield reader.line_num, {k: (v or "").strip() for k, v in row.items() if k}
        except UnicodeDecodeError:
            raise NetworkFileError(str(path), None, None, "is not UTF-8 text") from None
        except csv.Error as error:
            raise NetworkFileError(
                str(path), reader.line_num, None, f"is not valid CSV ({error})"
            ) from None


def read_network(nodes_path: str | Path, ties_path: str | Path) -> Network:
    """Read and check both files; nothing is returned unless every line is usable."""
    nodes_path, ties_path = Path(nodes_path), Path(ties_path)
    sectors: dict[str, str] = {}
    labels: dict[str, str] = {}
    for line, row in _rows(nodes_path, NODE_FIELDS):
        for f in NODE_FIELDS:
            if not row.get(f):
                raise NetworkFileError(str(nodes_path), line, f, f"'{f}' is empty")
        if row["id"] in sectors:
            raise NetworkFileError(
                str(nodes_path), line, "id", f"node '{row['id']}' is listed twice"
            )
        sectors[row["id"]] = row["sector"]
        labels[row["id"]] = row.get("name") or row["id"]
    ties: list[Tie] = []
    for line, row in _rows(ties_path, TIE_FIELDS):
        for f in TIE_FIELDS:
            if not row.get(f):
                raise NetworkFileError(str(ties_path), line, f, f"'{f}' is empty")
        for f in ("source", "target"):
            if row[f] not in sectors:
                raise NetworkFileError(
                    str(ties_path), line, f, f"'{row[f]}' is not a node in {nodes_path.name}"
                )
        ties.append(Tie(row["source"], row["target"], row["type"], row.get("date", "")))
    return Network(sectors, ties, labels)
