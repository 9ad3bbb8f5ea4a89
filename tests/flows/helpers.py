from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
PRESTON = "E07000123"
LANCASHIRE_REGION = frozenset({"E08000003", "E08000035"})


def fake_locate(postcode: str) -> str | None:
    """Postcode → district without the ONS directory, for fast engine tests."""
    return {"PR": PRESTON, "M1": "E08000003", "LS": "E08000035"}.get(postcode[:2])
