from datetime import date, datetime

from altlep.flows.spend import spend_report

ROWS = [
    ["Somewhere Council: payments over £500"],
    [],
    ["Payment Date", "Supplier Name", "Net Amount", "Expense Type"],
    [datetime(2023, 4, 1), "Acme Ltd", 1234.5, "Cleaning"],
    ["02/04/2023", "Beta Ltd", -20, "Catering"],
    ["Total", None, 1214.5, None],
]


def test_an_xlsx_with_a_title_above_its_header_is_read(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    for row in ROWS:
        book.active.append(row)
    path = tmp_path / "spend.xlsx"
    book.save(path)
    report, lines = spend_report(path)
    assert report.encoding == "spreadsheet .xlsx" and report.header_line == 3
    assert [(line.paid_on, line.amount_pence) for line in lines] == [
        (date(2023, 4, 1), 123450),
        (date(2023, 4, 2), -2000),
    ]
    assert [line for line, _ in report.skipped] == [6]


def test_an_ods_is_read(tmp_path):
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="Spend")
    for row in ROWS[2:5]:
        tr = TableRow()
        for value in row:
            if isinstance(value, datetime):
                cell = TableCell(valuetype="date", datevalue=value.date().isoformat())
            elif isinstance(value, (int, float)):
                cell = TableCell(valuetype="float", value=value)
            else:
                cell = TableCell(valuetype="string")
            cell.addElement(P(text=str(value)))
            tr.addElement(cell)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    path = tmp_path / "spend.ods"
    doc.save(str(path))
    report, lines = spend_report(path)
    assert report.encoding == "spreadsheet .ods"
    assert [(line.supplier_name, line.amount_pence) for line in lines] == [
        ("Acme Ltd", 123450),
        ("Beta Ltd", -2000),
    ]
