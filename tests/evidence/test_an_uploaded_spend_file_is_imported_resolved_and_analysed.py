from altlep.core.models import AuditEntry
from altlep.evidence.models import Analysis, UploadStatus
from tests.evidence.conftest import upload_fixture


def test_an_uploaded_spend_file_is_imported_resolved_and_analysed(body, anchor_officer):
    upload = upload_fixture(actor=anchor_officer, body=body)
    upload.refresh_from_db()
    assert upload.status == UploadStatus.DONE
    assert upload.rows == 6
    assert upload.mapping["amount"] == "Amount"
    assert upload.mapping["postcode"] == "Supplier Postcode"
    full = Analysis.objects.get(body=body).result["full"]
    assert full["economy_pence"] == 8_750_00
    # Preston (£3,000) and Blackburn (£750) are in the Lancashire area; Manchester is regional.
    assert full["flows_pence"]["local"] == 3_750_00
    assert full["flows_pence"]["regional"] == 500_00
    assert full["flows_pence"]["national"] == 4_500_00
    assert full["social_pence"] == 750_00
    assert AuditEntry.objects.filter(action="evidence.spend_upload_create").exists()


def test_the_partnership_analysis_covers_every_body(body, anchor_officer):
    upload_fixture(actor=anchor_officer, body=body)
    partnership = Analysis.objects.get(body__isnull=True)
    assert partnership.result["full"]["economy_pence"] == 8_750_00
    assert not partnership.synthetic


def test_uploading_the_same_file_twice_counts_it_once(body, anchor_officer):
    upload_fixture(actor=anchor_officer, body=body)
    again = upload_fixture(actor=anchor_officer, body=body)
    again.refresh_from_db()
    assert again.already_imported
    assert Analysis.objects.get(body=body).result["lines"] == 6
