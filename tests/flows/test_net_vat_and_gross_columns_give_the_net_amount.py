from altlep.flows.spend import spend_report


def test_the_net_column_is_chosen_over_gross_and_the_choice_is_stated(tmp_path):
    path = tmp_path / "nvg.csv"
    path.write_text(
        "Date,Supplier,Gross,VAT,Net\n01/04/2023,Acme Ltd,120.00,20.00,100.00\n",
        encoding="utf-8",
    )
    report, [line] = spend_report(path)
    assert line.amount_pence == 10000
    assert report.columns()["amount"]["header"] == "Net"
    assert any("net of VAT" in note and "'Gross'" in note for note in report.notes)


def test_a_gross_column_alone_is_used_and_said_to_include_vat(tmp_path):
    path = tmp_path / "gross.csv"
    path.write_text("Date,Supplier,Gross\n01/04/2023,Acme Ltd,120.00\n", encoding="utf-8")
    report, [line] = spend_report(path)
    assert line.amount_pence == 12000
    assert any("including VAT" in note for note in report.notes)
