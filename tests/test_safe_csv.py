"""The one CSV writer neutralises cells a spreadsheet would run as a formula (OWASP)."""

import csv
import io

import pytest

from altlep import safe_csv

FORMULAS = ['=HYPERLINK("http://evil")', "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"]


@pytest.mark.parametrize("formula", FORMULAS)
def test_the_writer_prefixes_a_formula_with_a_quote(formula):
    out = io.StringIO()
    safe_csv.writer(out).writerow([formula, -12, 3.5, "plain"])
    assert next(csv.reader(io.StringIO(out.getvalue()))) == ["'" + formula, "-12", "3.5", "plain"]


def test_dict_rows_join_lists_and_neutralise_them_too():
    out = io.StringIO()
    safe_csv.write_dicts(out, [{"title": "=1", "for": ["-a", "b"]}])
    assert list(csv.reader(io.StringIO(out.getvalue()))) == [["title", "for"], ["'=1", "'-a; b"]]
