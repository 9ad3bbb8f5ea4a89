"""Small ONS-shaped lookup files that tests write for themselves, and the real ones' paths."""

import csv
from pathlib import Path

from tests.shared_data import require_shared

LEP_HEADER = ["LSOA11CD", "LSOA11NM", "LEP17CD1", "LEP17NM1", "LEP17CD2", "LEP17NM2", "FID"]
LAD_HEADER = ["FID", "LSOA11CD", "LSOA11NM", "CCG20CD", "CCG20CDH", "CCG20NM", "LAD20CD", "LAD20NM"]
NAMES_HEADER = ["FID", "LEP20CD", "LEP20NM"]

LANCASHIRE = ("E37000019", "Lancashire")
CUMBRIA = ("E37000007", "Cumbria")


def write_csv(path: Path, header: list[str], rows: list[list[str]], *, bom: bool = False) -> Path:
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def small_lep_lookup(folder: Path, *, bom: bool = False) -> Path:
    """Six LSOAs: Preston and Chorley in Lancashire, South Lakeland split with Cumbria."""
    rows = [
        ["E01025300", "Preston 001A", *LANCASHIRE, "", "", "1"],
        ["E01025301", "Preston 001B", *LANCASHIRE, "", "", "2"],
        ["E01024900", "Chorley 001A", *LANCASHIRE, "", "", "3"],
        ["E01019400", "South Lakeland 001A", *CUMBRIA, "", "", "4"],
        ["E01019401", "South Lakeland 001B", *CUMBRIA, "", "", "5"],
        # An LSOA in two overlapping LEPs counts for both.
        ["E01019402", "South Lakeland 001C", *CUMBRIA, *LANCASHIRE, "6"],
    ]
    return write_csv(folder / "lsoa_lep17.csv", LEP_HEADER, rows, bom=bom)


def small_lad_lookup(folder: Path) -> Path:
    def row(lsoa: str, code: str, name: str) -> list[str]:
        return ["1", lsoa, f"{name} 001", "E38000001", "00X", "NHS CCG", code, name]

    rows = [
        row("E01025300", "E07000123", "Preston"),
        row("E01025301", "E07000123", "Preston"),
        row("E01024900", "E07000118", "Chorley"),
        row("E01019400", "E07000031", "South Lakeland"),
        row("E01019401", "E07000031", "South Lakeland"),
        row("E01019402", "E07000031", "South Lakeland"),
    ]
    return write_csv(folder / "lsoa_lad20.csv", LAD_HEADER, rows)


def real_lookup(name: str) -> Path:
    """A real ONS lookup from the shared data (the test skips when it is absent)."""
    return require_shared("raw", "ons_lookups_jtrim", name)
