from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from altlep.evidence.models import SpendUpload, UploadStatus
from altlep.evidence.store import open_store
from tests.evidence.conftest import FIXTURES


def test_a_row_with_a_spoiled_amount_is_listed_and_the_rest_imported(client, body, anchor_officer):
    client.force_login(anchor_officer)
    data = (FIXTURES / "spend_bad_amount.csv").read_bytes()
    response = client.post(
        reverse("evidence:upload", args=[body.slug]),
        {"spend_file": SimpleUploadedFile("march.csv", data, content_type="text/csv")},
        follow=True,
    )
    upload = SpendUpload.objects.get()
    assert upload.status == UploadStatus.DONE and upload.rows == 1
    [row] = upload.set_aside
    assert row["line"] == 3 and row["column"] == "Amount"
    assert row["reason"] == "the amount “lots” is not a number"
    assert upload.report["path"] == "march.csv"
    page = response.content.decode()
    assert "1 row set aside" in page
    assert "the amount “lots” is not a number" in page
    assert "04/04/2024 | Mancunian Print Ltd | lots | Printing" in page
    with open_store() as store:
        assert store.scalar("SELECT count(*) FROM set_aside") == 1
        assert store.scalar("SELECT count(*) FROM spend") == 1


def test_a_footer_line_is_skipped_and_named_on_the_page(client, body, anchor_officer):
    client.force_login(anchor_officer)
    data = (FIXTURES / "spend_small.csv").read_bytes() + b"Grand Total,,,,8750.00,,,\n"
    response = client.post(
        reverse("evidence:upload", args=[body.slug]),
        {"spend_file": SimpleUploadedFile("april.csv", data, content_type="text/csv")},
        follow=True,
    )
    upload = SpendUpload.objects.get()
    assert upload.rows == 6 and upload.skipped_lines[0]["line"] == 8
    assert "1 line skipped as not data" in response.content.decode()
