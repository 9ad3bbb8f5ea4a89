from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from altlep.evidence.models import Analysis, SpendUpload, UploadStatus
from altlep.evidence.store import open_store
from tests.evidence.conftest import FIXTURES, upload_fixture


def test_a_mostly_unusable_file_fails_the_upload_naming_file_line_and_column(body, anchor_officer):
    upload = upload_fixture(actor=anchor_officer, body=body, name="spend_mostly_unusable.csv")
    upload.refresh_from_db()
    assert upload.status == UploadStatus.FAILED
    assert upload.error_file == "spend_mostly_unusable.csv"
    assert upload.error_line == 3
    assert upload.error_column == "Amount"
    assert "nothing was imported" in upload.error
    assert "uploads" not in upload.error  # the server's own path is never shown
    with open_store() as store:
        assert store.scalar("SELECT count(*) FROM spend") == 0
    assert not Analysis.objects.exists()


def test_the_upload_page_shows_the_engines_error(client, body, anchor_officer):
    client.force_login(anchor_officer)
    data = (FIXTURES / "spend_mostly_unusable.csv").read_bytes()
    response = client.post(
        reverse("evidence:upload", args=[body.slug]),
        {"spend_file": SimpleUploadedFile("march.csv", data, content_type="text/csv")},
        follow=True,
    )
    page = response.content.decode()
    assert SpendUpload.objects.get().status == UploadStatus.FAILED
    assert "march.csv, line 3, column “Amount”" in page
    assert "nothing was imported" in page


def test_a_file_that_is_not_a_spend_file_fails_cleanly(client, body, anchor_officer):
    client.force_login(anchor_officer)
    response = client.post(
        reverse("evidence:upload", args=[body.slug]),
        {"spend_file": SimpleUploadedFile("notes.csv", b"hello,world\n1,2\n")},
        follow=True,
    )
    assert SpendUpload.objects.get().status == UploadStatus.FAILED
    assert "notes.csv" in response.content.decode()
