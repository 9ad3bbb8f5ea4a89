from altlep.flows.spend import spend_report

HEADER = "Date,Supplier,Amount\n"


def test_utf8_with_a_byte_order_mark_is_read_as_utf8(tmp_path):
    path = tmp_path / "bom.csv"
    path.write_bytes(("\ufeff" + HEADER + "2023-04-01,Café Ltd,1\n").encode("utf-8"))
    report, [line] = spend_report(path)
    assert report.encoding == "utf-8-sig" and line.supplier_name == "Café Ltd"


def test_cp1252_is_used_when_the_file_is_not_utf8(tmp_path):
    path = tmp_path / "win.csv"
    path.write_bytes((HEADER + "2023-04-01,Café Ltd,£1\n").encode("cp1252"))
    report, [line] = spend_report(path)
    assert report.encoding == "cp1252" and line.supplier_name == "Café Ltd"
    assert line.amount_pence == 100


def test_bytes_cp1252_does_not_define_fall_back_to_latin1_and_say_so(tmp_path):
    path = tmp_path / "odd.csv"
    path.write_bytes(HEADER.encode() + b"2023-04-01,Odd \x81\x8f Ltd,1\n")
    report, [line] = spend_report(path)
    assert report.encoding == "latin-1"
    assert line.supplier_name == "Odd \x81\x8f Ltd"
    assert any("latin-1" in note for note in report.notes)
