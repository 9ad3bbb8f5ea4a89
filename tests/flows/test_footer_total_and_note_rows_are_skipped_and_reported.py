from altlep.flows.spend import spend_report


def test_a_grand_total_footer_and_a_copyright_line_are_skipped_with_their_lines(tmp_path):
    path = tmp_path / "footer.csv"
    path.write_text(
        "Council spend over £500\n"
        "\n"
        "Vendor Name,Payment Date,DocumentNo,Net,VAT,Gross\n"
        "Acme Ltd,01/04/2023,D1,100.00,20.00,120.00\n"
        "Beta Ltd,02/04/2023,D2,-50.00,-10.00,-60.00\n"
        ",,,,,\n"
        "Grand Total,,,50.00,10.00,60.00\n"
        "© Copyright Somewhere Council 2023\n",
        encoding="utf-8",
    )
    report, lines = spend_report(path)
    assert report.header_line == 3
    assert [(line.supplier_name, line.amount_pence) for line in lines] == [
        ("Acme Ltd", 10000),
        ("Beta Ltd", -5000),
    ]
    assert lines[1].is_credit
    assert [line for line, _ in report.skipped] == [6, 7, 8]
    reasons = dict(report.skipped)
    assert reasons[6] == "blank" and "total" in reasons[7] and "note" in reasons[8]
    assert report.columns()["supplier_name"]["header"] == "Vendor Name"
    assert report.columns()["transaction"]["header"] == "DocumentNo"
    assert not report.set_aside
