import shutil

from altlep.flows.store import Store
from tests.flows.helpers import FIXTURES


def test_importing_the_same_file_twice_counts_it_once(tmp_path):
    store = Store()
    first = store.import_spend(FIXTURES / "spend_cp1252.csv", body="Preston")
    again = store.import_spend(FIXTURES / "spend_cp1252.csv", body="Preston")
    assert first.rows == 5 and again.already_imported
    assert store.scalar("SELECT count(*) FROM spend") == 5


def test_lines_already_present_from_another_copy_are_skipped(tmp_path):
    copy = tmp_path / "renamed.csv"
    shutil.copy(FIXTURES / "spend_cp1252.csv", copy)
    copy.write_bytes(copy.read_bytes() + b"06/04/2023,New Supplier Ltd,10.00,X,Y,T9,\r\n")
    store = Store()
    store.import_spend(FIXTURES / "spend_cp1252.csv", body="Preston")
    result = store.import_spend(copy, body="Preston")
    assert (result.rows, result.skipped_duplicates) == (1, 5)
    assert store.scalar("SELECT count(*) FROM spend") == 6
