from django.urls import reverse

from altlep.evidence.models import SpendUpload, UploadStatus
from tests.evidence.conftest import upload_fixture


def test_a_queued_upload_polls_every_second_with_a_refresh_link(client, body, anchor_officer):
    upload = SpendUpload.objects.create(
        body=body,
        original_name="april.csv",
        stored_path="/nowhere",
        bytes_total=1000,
        bytes_read=400,
    )
    client.force_login(anchor_officer)
    page = client.get(reverse("evidence:upload_detail", args=[upload.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in page
    assert "<progress" in page and 'value="40"' in page
    assert "Refresh to see progress" in page


def test_a_finished_upload_shows_the_mapping_and_stops_polling(client, body, anchor_officer):
    upload = upload_fixture(actor=anchor_officer, body=body)
    client.force_login(anchor_officer)
    page = client.get(reverse("evidence:upload_status", args=[upload.pk])).content.decode()
    assert SpendUpload.objects.get().status == UploadStatus.DONE
    assert "hx-trigger" not in page
    assert "6 lines imported" in page
    assert "Supplier Postcode" in page
