from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from altlep.evidence.models import SpendUpload, UploadStatus

FILE = b"When,Paid To,Net,Gross\n03/04/2024,Preston Bakers Ltd,100.00,120.00\n"


def _post(client, body, column_map):
    return client.post(
        reverse("evidence:upload", args=[body.slug]),
        {
            "spend_file": SimpleUploadedFile("odd.csv", FILE, content_type="text/csv"),
            "column_map": column_map,
        },
        follow=True,
    )


def test_a_mapping_given_on_the_form_chooses_the_columns(client, body, anchor_officer):
    client.force_login(anchor_officer)
    page = _post(client, body, "date = When\nsupplier_name = Paid To\namount=Gross").content
    upload = SpendUpload.objects.get()
    assert upload.status == UploadStatus.DONE, upload.error
    assert upload.column_map == {"date": "When", "supplier_name": "Paid To", "amount": "Gross"}
    assert upload.report["columns"]["amount"] == {
        "header": "Gross",
        "why": "given in the mapping",
    }
    assert "given in the mapping" in page.decode()


def test_a_mapping_line_naming_no_field_is_refused_on_the_form(client, body, anchor_officer):
    client.force_login(anchor_officer)
    page = _post(client, body, "colour = Red").content.decode()
    assert not SpendUpload.objects.exists()
    assert "“colour” is not a field" in page


def test_a_mapping_naming_a_column_the_file_lacks_fails_the_upload_cleanly(
    client, body, anchor_officer
):
    client.force_login(anchor_officer)
    page = _post(client, body, "amount = Total").content.decode()
    upload = SpendUpload.objects.get()
    assert upload.status == UploadStatus.FAILED
    assert "“Total”, which is not a column" in page
