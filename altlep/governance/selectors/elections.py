"""An election's count sheet and first-preference chart, ready for a page."""

from altlep.governance.models import Election


def count_sheet(*, election: Election) -> dict | None:
    """The stage-by-stage table and a first-preferences bar chart, or None before counting."""
    result = getattr(election, "result", None)
    if result is None:
        return None
    sheet = result.sheet
    candidates = sheet["candidates"]
    stages = sheet["stages"]
    rows = [
        {
            "name": name,
            "values": [stage["votes"].get(name) for stage in stages],
            "elected": name in result.elected,
        }
        for name in candidates
    ]
    first = stages[0]["votes"] if stages else {}
    top = max([float(v) for v in first.values()] or [1]) or 1
    bars = [
        {
            "name": name,
            "votes": first.get(name, 0),
            "percent": round(100 * float(first.get(name, 0)) / top, 2),
            "y": 28 * i,
        }
        for i, name in enumerate(candidates)
    ]
    return {
        "result": result,
        "stages": stages,
        "rows": rows,
        "non_transferable": [stage["non_transferable"] for stage in stages],
        "bars": bars,
        "chart_height": 28 * len(candidates),
        "quota": sheet.get("quota"),
        "valid_votes": sheet.get("valid_votes"),
    }
