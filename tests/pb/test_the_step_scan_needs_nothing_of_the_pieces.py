"""The modules of the add1 scan import one way: `completions` uses `pieces`, which uses
`steps`; `steps` names nothing of the two above it (not even for type hints or inside a
function), so each can be read on its own."""

import ast
from pathlib import Path

import altlep.pb

PB = Path(altlep.pb.__file__).parent


def _imports(module: str) -> set[str]:
    """Every module that `altlep.pb.<module>` imports anywhere in its source."""
    tree = ast.parse((PB / f"{module}.py").read_text())
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_the_step_scan_imports_neither_the_pieces_nor_the_completions():
    assert not _imports("steps") & {"altlep.pb.pieces", "altlep.pb.completions"}


def test_the_pieces_import_the_step_scan_but_not_the_completions():
    imported = _imports("pieces")
    assert "altlep.pb.steps" in imported
    assert "altlep.pb.completions" not in imported
